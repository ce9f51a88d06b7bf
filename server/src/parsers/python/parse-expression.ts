import { assembleStrings } from './parse-strings.js';
import { DisplayParser } from './parse-displays.js';
import { SyntaxFailure } from './parser-base.js';
import type { Expr } from './python-ast.js';
import { KEYWORDS, type PyToken } from './python-token.js';
import { tokenizePython } from './tokenize-python.js';

/**
 * Precedence-climbing parser for Python expressions, after the "Expressions" chapter of the
 * Python 3.12 language reference (lowest first: lambda, conditional, or, and, not,
 * comparisons, `|`, `^`, `&`, shifts, `+ -`, `* @ / // %`, unary `+ - ~`, `**`, await,
 * primaries). A syntax error throws `SyntaxFailure`, which the statement reader catches.
 */

const BINARY_PRECEDENCE: Record<string, number> = {
  '|': 1,
  '^': 2,
  '&': 3,
  '<<': 4,
  '>>': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '//': 6,
  '%': 6,
  '@': 6,
};

const COMPARISON_OPERATORS = new Set(['<', '>', '==', '>=', '<=', '!=']);

export class ExpressionParser extends DisplayParser {
  // ---------------------------------------------------------------------------------------------
  // Expression lists

  /** `a`, or a tuple `a, *b, c` without brackets. */
  parseStarExpressions(): Expr {
    const start = this.peek().start;
    const first = this.parseStarExpression();
    if (!this.atOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (!this.startsExpression()) break;
      items.push(this.parseStarExpression());
    }
    return this.node({ kind: 'tuple', items }, start, this.lastEnd);
  }

  /** `*a` or an expression. */
  parseStarExpression(): Expr {
    if (this.atOp('*')) {
      const start = this.next().start;
      const value = this.parseBitOr();
      return this.node({ kind: 'starred', value }, start, this.endOf(value));
    }
    return this.parseNamedExpression();
  }

  /** `name := value`, or an expression. Assignment expressions are kept as `unknown`. */
  parseNamedExpression(): Expr {
    if (this.peek().type === 'name' && this.atOp(':=', 1)) {
      const start = this.next().start;
      this.next();
      const value = this.parseExpression();
      return this.node({ kind: 'unknown' }, start, this.endOf(value));
    }
    return this.parseExpression();
  }

  /** Conditional expression or lambda. */
  parseExpression(): Expr {
    this.enter();
    try {
      if (this.atKeyword('lambda')) return this.parseLambda();
      const body = this.parseDisjunction();
      if (!this.atKeyword('if')) return body;
      this.next();
      const test = this.parseDisjunction();
      if (!this.eatKeyword('else'))
        this.failAt(this.peek(), "expected 'else' after 'if' expression");
      const orelse = this.parseExpression();
      return this.node(
        { kind: 'conditional', test, body, orelse },
        this.startOf(body),
        this.endOf(orelse),
      );
    } finally {
      this.depth--;
    }
  }

  private parseLambda(): Expr {
    const start = this.next().start;
    let brackets = 0;
    let pendingColons = 1;
    while (this.peek().type !== 'endmarker' && this.peek().type !== 'newline') {
      const token = this.next();
      if (token.type === 'name' && token.text === 'lambda') pendingColons++;
      if (token.type !== 'op') continue;
      if ('([{'.includes(token.text)) brackets++;
      else if (')]}'.includes(token.text)) brackets--;
      else if (token.text === ':' && brackets === 0 && --pendingColons === 0) break;
    }
    const body = this.parseExpression();
    return this.node({ kind: 'lambda' }, start, this.endOf(body));
  }

  parseDisjunction(): Expr {
    return this.parseBoolean('or', () => this.parseConjunction());
  }

  private parseConjunction(): Expr {
    return this.parseBoolean('and', () => this.parseInversion());
  }

  private parseBoolean(op: 'and' | 'or', operand: () => Expr): Expr {
    const first = operand();
    if (!this.atKeyword(op)) return first;
    const values = [first];
    while (this.eatKeyword(op)) values.push(operand());
    return this.node(
      { kind: 'boolean', op, values },
      this.startOf(first),
      this.endOf(values[values.length - 1]!),
    );
  }

  private parseInversion(): Expr {
    if (!this.atKeyword('not')) return this.parseComparison();
    this.enter();
    try {
      const start = this.next().start;
      const operand = this.parseInversion();
      return this.node({ kind: 'unary', op: 'not', operand }, start, this.endOf(operand));
    } finally {
      this.depth--;
    }
  }

  private parseComparison(): Expr {
    const first = this.parseBitOr();
    const ops: string[] = [];
    const operands = [first];
    for (;;) {
      const op = this.comparisonOperator();
      if (!op) break;
      ops.push(op);
      operands.push(this.parseBitOr());
    }
    if (ops.length === 0) return first;
    return this.node(
      { kind: 'compare', ops, operands },
      this.startOf(first),
      this.endOf(operands[operands.length - 1]!),
    );
  }

  private comparisonOperator(): string | undefined {
    const token = this.peek();
    if (token.type === 'op' && COMPARISON_OPERATORS.has(token.text)) {
      this.next();
      return token.text;
    }
    if (this.atKeyword('in')) {
      this.next();
      return 'in';
    }
    if (this.atKeyword('not') && this.atKeyword('in', 1)) {
      this.next();
      this.next();
      return 'not in';
    }
    if (this.atKeyword('is')) {
      this.next();
      return this.eatKeyword('not') ? 'is not' : 'is';
    }
    return undefined;
  }

  /** Binary operators from `|` up, by precedence climbing. */
  parseBitOr(): Expr {
    return this.parseBinary(1);
  }

  private parseBinary(minimum: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const precedence = token.type === 'op' ? BINARY_PRECEDENCE[token.text] : undefined;
      if (precedence === undefined || precedence < minimum) return left;
      this.next();
      const right = this.parseBinary(precedence + 1);
      left = this.node(
        { kind: 'binary', op: token.text, left, right },
        this.startOf(left),
        this.endOf(right),
      );
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '+' || token.text === '~')) {
      this.enter();
      try {
        this.next();
        const operand = this.parseUnary();
        return this.node(
          { kind: 'unary', op: token.text, operand },
          token.start,
          this.endOf(operand),
        );
      } finally {
        this.depth--;
      }
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parseAwaitPrimary();
    if (!this.eatOp('**')) return base;
    this.enter();
    try {
      const exponent = this.parseUnary();
      return this.node(
        { kind: 'binary', op: '**', left: base, right: exponent },
        this.startOf(base),
        this.endOf(exponent),
      );
    } finally {
      this.depth--;
    }
  }

  private parseAwaitPrimary(): Expr {
    if (this.atKeyword('await')) {
      const start = this.next().start;
      const operand = this.parsePrimary();
      return this.node({ kind: 'unknown' }, start, this.endOf(operand));
    }
    return this.parsePrimary();
  }

  // ---------------------------------------------------------------------------------------------
  // Primaries: attribute, call and subscript trailers

  private parsePrimary(): Expr {
    let expr = this.parseAtom();
    for (;;) {
      if (this.atOp('.')) {
        this.next();
        const name = this.peek();
        if (name.type !== 'name' || KEYWORDS.has(name.text))
          this.failAt(name, 'expected an attribute name');
        this.next();
        expr = this.node(
          { kind: 'attribute', object: expr, name: name.value ?? name.text },
          this.startOf(expr),
          name.end,
        );
      } else if (this.atOp('(')) {
        expr = this.parseCall(expr);
      } else if (this.atOp('[')) {
        this.next();
        this.enter();
        try {
          const index = this.parseSlices();
          const close = this.expectOp(']');
          expr = this.node(
            { kind: 'subscript', object: expr, index },
            this.startOf(expr),
            close.end,
          );
        } finally {
          this.depth--;
        }
      } else {
        return expr;
      }
    }
  }

  private parseCall(func: Expr): Expr {
    this.next();
    this.enter();
    try {
      const args: Expr[] = [];
      const keywords: { name: string | null; value: Expr }[] = [];
      while (!this.atOp(')')) {
        if (this.atOp('**')) {
          this.next();
          keywords.push({ name: null, value: this.parseExpression() });
        } else if (this.peek().type === 'name' && this.atOp('=', 1)) {
          const name = this.next();
          this.next();
          keywords.push({ name: name.value ?? name.text, value: this.parseExpression() });
        } else {
          const argument = this.parseStarExpression();
          if (this.atKeyword('for') || this.atKeyword('async')) {
            args.push(
              this.parseComprehension(argument, 'generator', this.startOf(argument), undefined),
            );
          } else {
            args.push(argument);
          }
        }
        if (!this.eatOp(',')) break;
      }
      const close = this.expectOp(')');
      return this.node({ kind: 'call', func, args, keywords }, this.startOf(func), close.end);
    } finally {
      this.depth--;
    }
  }

  /** Index of a subscript: an expression, a slice, or a tuple of them. */
  private parseSlices(): Expr {
    const start = this.peek().start;
    const first = this.parseSlice();
    if (!this.atOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (this.atOp(']')) break;
      items.push(this.parseSlice());
    }
    return this.node({ kind: 'tuple', items }, start, this.lastEnd);
  }

  private parseSlice(): Expr {
    const start = this.peek().start;
    let lower: Expr | undefined;
    if (!this.atOp(':')) {
      lower = this.parseStarExpression();
      if (!this.atOp(':')) return lower;
    }
    this.next();
    const bound = () =>
      this.atOp(':') || this.atOp(']') || this.atOp(',') ? undefined : this.parseExpression();
    const upper = bound();
    const step = this.eatOp(':') ? bound() : undefined;
    const slice: { kind: 'slice'; lower?: Expr; upper?: Expr; step?: Expr } = { kind: 'slice' };
    if (lower) slice.lower = lower;
    if (upper) slice.upper = upper;
    if (step) slice.step = step;
    return this.node(slice, start, this.lastEnd);
  }

  // ---------------------------------------------------------------------------------------------
  // Atoms

  private parseAtom(): Expr {
    const token = this.peek();
    switch (token.type) {
      case 'name':
        return this.parseNameAtom(token);
      case 'number':
        this.next();
        if (token.number!.imaginary) return this.node({ kind: 'unknown' }, token.start, token.end);
        return this.node(
          { kind: 'num', value: token.number!.value, isFloat: token.number!.isFloat },
          token.start,
          token.end,
        );
      case 'string':
        return this.parseStrings();
      case 'op':
        if (token.text === '(') return this.parseParenthesized();
        if (token.text === '[') return this.parseListDisplay();
        if (token.text === '{') return this.parseBraceDisplay();
        if (token.text === '...') {
          this.next();
          return this.node({ kind: 'unknown' }, token.start, token.end);
        }
        break;
      default:
        break;
    }
    return this.failAt(token, 'invalid syntax: expected an expression');
  }

  private parseNameAtom(token: PyToken): Expr {
    const text = token.text;
    if (text === 'True' || text === 'False') {
      this.next();
      return this.node({ kind: 'bool', value: text === 'True' }, token.start, token.end);
    }
    if (text === 'None') {
      this.next();
      return this.node({ kind: 'none' }, token.start, token.end);
    }
    if (text === 'yield') return this.parseYield();
    if (KEYWORDS.has(text)) this.failAt(token, 'invalid syntax: expected an expression');
    this.next();
    return this.node({ kind: 'name', id: token.value ?? text }, token.start, token.end);
  }

  /** `yield`, `yield x` or `yield from x`, kept as `unknown`. */
  protected parseYield(): Expr {
    const start = this.next().start;
    if (this.eatKeyword('from')) {
      const value = this.parseExpression();
      return this.node({ kind: 'unknown' }, start, this.endOf(value));
    }
    if (!this.startsExpression()) return this.node({ kind: 'unknown' }, start, this.lastEnd);
    const value = this.parseStarExpressions();
    return this.node({ kind: 'unknown' }, start, this.endOf(value));
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  /** Adjacent string literals, concatenated as Python does at compile time. */
  private parseStrings(): Expr {
    const first = this.peek();
    const tokens: PyToken[] = [];
    while (this.peek().type === 'string') tokens.push(this.next());
    const literal = assembleStrings(tokens, this.source, this.errors, (start, end) =>
      this.parseField(start, end),
    );
    return this.node(literal, first.start, this.lastEnd);
  }

  /** Parses the expression text of an f-string field, which sits inside the same source. */
  private parseField(start: number, end: number): Expr {
    const { tokens, errors } = tokenizePython(this.source, { start, end, expression: true });
    const parser = new ExpressionParser(
      tokens.filter((token) => token.type !== 'comment'),
      this.source,
      this.errors,
      this.depth,
    );
    this.errors.push(...errors);
    try {
      const expr = parser.atKeyword('yield') ? parser.parseYield() : parser.parseStarExpressions();
      if (parser.peek().type !== 'endmarker')
        parser.failAt(parser.peek(), "f-string: expecting '}'");
      return expr;
    } catch (failure) {
      if (!(failure instanceof SyntaxFailure)) throw failure;
      this.errors.push(this.error(failure.message, failure.start, failure.end));
      return this.node({ kind: 'unknown' }, start, end);
    }
  }
}
