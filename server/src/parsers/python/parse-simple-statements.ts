import { ExpressionParser } from './parse-expression.js';
import { SyntaxFailure } from './parser-base.js';
import type { Expr, Stmt } from './python-ast.js';

const AUGMENTED_OPERATORS = new Set([
  '+=',
  '-=',
  '*=',
  '/=',
  '//=',
  '%=',
  '**=',
  '>>=',
  '<<=',
  '&=',
  '^=',
  '|=',
  '@=',
]);

/** Simple statements that are kept as `other` without reading their expressions. */
const OTHER_SIMPLE = new Set([
  'pass',
  'break',
  'continue',
  'global',
  'nonlocal',
  'del',
  'assert',
  'raise',
  'return',
]);

/**
 * Simple statements of one logical line: assignments (chained, annotated, augmented),
 * imports, expression statements, and the statements kept as `other`.
 */
export class SimpleStatementParser extends ExpressionParser {
  /** Simple statements separated by `;`, up to the end of the logical line. */
  protected parseSimpleStatements(body: Stmt[]): void {
    for (;;) {
      body.push(this.parseSimpleStatement());
      if (!this.eatOp(';')) break;
      if (this.peek().type === 'newline' || this.peek().type === 'endmarker') break;
    }
    const end = this.peek();
    if (end.type !== 'newline' && end.type !== 'endmarker')
      this.failAt(end, 'invalid syntax: expected end of statement');
    this.next();
  }

  private parseSimpleStatement(): Stmt {
    const token = this.peek();
    if (token.type === 'name') {
      if (token.text === 'import') return this.parseImport();
      if (token.text === 'from') return this.parseFrom();
      if (OTHER_SIMPLE.has(token.text)) return this.parseOther();
      if (
        token.text === 'type' &&
        this.peek(1).type === 'name' &&
        (this.atOp('=', 2) || this.atOp('[', 2))
      )
        return this.parseOther();
    }
    return this.parseExpressionStatement();
  }

  /** Statement kept as `other`: its tokens are skipped up to `;` or the end of the line. */
  private parseOther(): Stmt {
    const start = this.next().start;
    let brackets = 0;
    while (this.peek().type !== 'newline' && this.peek().type !== 'endmarker') {
      if (brackets === 0 && this.atOp(';')) break;
      const token = this.next();
      if (token.type === 'op' && '([{'.includes(token.text)) brackets++;
      else if (token.type === 'op' && ')]}'.includes(token.text)) brackets--;
    }
    return { kind: 'other', range: this.source.rangeAt(start, this.lastEnd) };
  }

  private parseImport(): Stmt {
    const start = this.next().start;
    const names: { name: string; asname?: string }[] = [];
    do {
      const entry: { name: string; asname?: string } = { name: this.parseDottedName() };
      if (this.eatKeyword('as')) entry.asname = this.expectName();
      names.push(entry);
    } while (this.eatOp(','));
    return { kind: 'import', names, range: this.source.rangeAt(start, this.lastEnd) };
  }

  private parseFrom(): Stmt {
    const start = this.next().start;
    let level = 0;
    const moduleStart = this.peek().start;
    while (this.atOp('.') || this.atOp('...')) level += this.next().text.length;
    const module = this.atKeyword('import') ? '' : this.parseDottedName();
    const moduleRange = this.source.rangeAt(moduleStart, this.lastEnd);
    if (!this.eatKeyword('import')) this.failAt(this.peek(), "expected 'import'");
    const names: { name: string; asname?: string }[] = [];
    let star = false;
    if (this.eatOp('*')) {
      star = true;
    } else {
      const parenthesized = this.eatOp('(');
      do {
        if (parenthesized && this.atOp(')')) break;
        const entry: { name: string; asname?: string } = { name: this.expectName() };
        if (this.eatKeyword('as')) entry.asname = this.expectName();
        names.push(entry);
      } while (this.eatOp(','));
      if (parenthesized) this.expectOp(')');
    }
    return {
      kind: 'from',
      module,
      level,
      names,
      star,
      range: this.source.rangeAt(start, this.lastEnd),
      moduleRange,
    };
  }

  private parseDottedName(): string {
    let name = this.expectName();
    while (this.eatOp('.')) name += `.${this.expectName()}`;
    return name;
  }

  protected expectName(): string {
    const token = this.peek();
    if (token.type !== 'name') this.failAt(token, 'expected a name');
    this.next();
    return token.value ?? token.text;
  }

  private parseExpressionStatement(): Stmt {
    const startToken = this.peek();
    const start = startToken.start;
    const first = this.atKeyword('yield') ? this.parseYield() : this.parseStarExpressions();
    if (this.atOp('=')) {
      const targets = [first];
      let value = first;
      while (this.eatOp('=')) {
        value = this.atKeyword('yield') ? this.parseYield() : this.parseStarExpressions();
        targets.push(value);
      }
      targets.pop();
      for (const target of targets) this.checkTarget(target);
      return { kind: 'assign', targets, value, range: this.source.rangeAt(start, this.lastEnd) };
    }
    if (this.atOp(':')) {
      this.next();
      this.checkTarget(first);
      const annotation = this.parseExpression();
      const statement: Stmt = {
        kind: 'annassign',
        target: first,
        range: this.source.rangeAt(start, this.endOf(annotation)),
      };
      if (this.eatOp('=')) {
        statement.value = this.atKeyword('yield') ? this.parseYield() : this.parseStarExpressions();
        statement.range = this.source.rangeAt(start, this.lastEnd);
      }
      return statement;
    }
    const operator = this.peek();
    if (operator.type === 'op' && AUGMENTED_OPERATORS.has(operator.text)) {
      this.next();
      this.checkTarget(first);
      const value = this.atKeyword('yield') ? this.parseYield() : this.parseStarExpressions();
      return {
        kind: 'augassign',
        target: first,
        op: operator.text.slice(0, -1),
        value,
        range: this.source.rangeAt(start, this.lastEnd),
      };
    }
    return { kind: 'expr', value: first, range: this.source.rangeAt(start, this.lastEnd) };
  }

  /** Rejects targets that cannot be assigned to, as CPython's compiler does. */
  private checkTarget(target: Expr): void {
    switch (target.kind) {
      case 'name':
      case 'attribute':
      case 'subscript':
        return;
      case 'starred':
        this.checkTarget(target.value);
        return;
      case 'tuple':
      case 'list':
        for (const item of target.items) this.checkTarget(item);
        return;
      default:
        throw new SyntaxFailure(
          `cannot assign to ${describeTarget(target)}`,
          this.startOf(target),
          this.endOf(target),
        );
    }
  }
}

function describeTarget(target: Expr): string {
  switch (target.kind) {
    case 'call':
      return 'function call';
    case 'str':
    case 'num':
    case 'bool':
    case 'none':
    case 'fstring':
      return 'literal';
    case 'binary':
    case 'unary':
    case 'boolean':
    case 'compare':
      return 'expression';
    default:
      return target.kind;
  }
}
