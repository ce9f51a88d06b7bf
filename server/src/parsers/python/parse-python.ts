import type { ParseError } from '../../core/problem.js';
import type { SourceFile } from '../../core/source-file.js';
import { SimpleStatementParser } from './parse-simple-statements.js';
import { SyntaxFailure } from './parser-base.js';
import type { Expr, PythonModule, Stmt } from './python-ast.js';
import { tokenizePython } from './tokenize-python.js';

/**
 * Reads the statements of a Python module without running it. Blocks of `if`, `try`, `with`,
 * `for` and `while` are read; `def` and `class` are skipped to the end of their block. A syntax
 * error is recorded and reading resumes at the next logical line.
 */
export function parsePython(source: SourceFile): PythonModule {
  const { tokens, errors } = tokenizePython(source);
  const parser = new StatementParser(
    tokens.filter((token) => token.type !== 'comment'),
    source,
    errors,
  );
  const body = parser.parseModule();
  return { source, body, errors: dedupeErrors(errors) };
}

/** CPython stops at 100 levels of indentation, so deeper blocks are skipped with an error. */
const MAX_BLOCK_DEPTH = 100;

class StatementParser extends SimpleStatementParser {
  private blockDepth = 0;

  parseModule(): Stmt[] {
    const body: Stmt[] = [];
    while (this.peek().type !== 'endmarker') this.parseStatementInto(body);
    return body;
  }

  private parseStatementInto(body: Stmt[]): void {
    const token = this.peek();
    if (token.type === 'newline' || token.type === 'dedent') {
      this.next();
      return;
    }
    if (token.type === 'indent') {
      this.next();
      this.record(new SyntaxFailure('unexpected indent', token.start, token.end));
      this.parseUntilDedent(body);
      return;
    }
    const start = this.index;
    try {
      const compound = this.parseCompound();
      if (compound) body.push(compound);
      else this.parseSimpleStatements(body);
    } catch (failure) {
      if (!(failure instanceof SyntaxFailure)) throw failure;
      this.record(failure);
      if (this.index === start) this.next();
      this.skipLogicalLine();
      if (this.peek().type === 'indent') {
        this.next();
        this.parseUntilDedent(body);
      }
    }
  }

  /** Statements up to the DEDENT that closes the current block (consumed). */
  private parseUntilDedent(body: Stmt[]): void {
    while (this.peek().type !== 'endmarker') {
      if (this.peek().type === 'dedent') {
        this.next();
        return;
      }
      this.parseStatementInto(body);
    }
  }

  private record(failure: SyntaxFailure): void {
    if (failure.reported) return;
    this.errors.push(this.error(failure.message, failure.start, failure.end));
  }

  private skipLogicalLine(): void {
    while (this.peek().type !== 'endmarker') {
      if (this.next().type === 'newline') return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Compound statements

  private parseCompound(): Stmt | undefined {
    const token = this.peek();
    if (token.type === 'op' && token.text === '@') return this.parseDecorated();
    if (token.type !== 'name') return undefined;
    const word = token.text;
    const isAsync = word === 'async' && ['def', 'for', 'with'].includes(this.peek(1).text);
    switch (isAsync ? this.peek(1).text : word) {
      case 'if':
        return this.parseIf();
      case 'try':
        return this.parseTry();
      case 'with':
        return this.parseWith(isAsync);
      case 'for':
        return this.parseFor(isAsync);
      case 'while':
        return this.parseWhile();
      case 'def':
      case 'class':
        return this.parseSkippedDefinition(token.start);
      case 'match':
        return this.isMatchStatement() ? this.parseSkippedBlock(token.start) : undefined;
      default:
        return undefined;
    }
  }

  private parseIf(): Stmt {
    const start = this.next().start;
    const test = this.parseHeaderExpression();
    const body = this.parseBlock();
    let orelse: Stmt[] = [];
    if (this.atKeyword('elif')) {
      orelse = [this.parseIf()];
    } else if (this.atKeyword('else')) {
      this.next();
      orelse = this.parseBlock();
    }
    return { kind: 'if', test, body, orelse, range: this.source.rangeAt(start, this.lastEnd) };
  }

  private parseTry(): Stmt {
    const start = this.next().start;
    const body = this.parseBlock();
    const handlers: Stmt[][] = [];
    const handlerTypes: (Expr | null)[] = [];
    while (this.atKeyword('except')) {
      this.next();
      this.eatOp('*');
      let type: Expr | null = null;
      if (!this.atOp(':')) {
        type =
          this.guard(() => {
            const expr = this.parseStarExpressions();
            if (this.eatKeyword('as')) this.expectName();
            return expr;
          }) ?? null;
      }
      handlerTypes.push(type);
      handlers.push(this.parseBlock());
    }
    const orelse = this.atKeyword('else') ? (this.next(), this.parseBlock()) : [];
    const hasFinally = this.atKeyword('finally');
    const finalbody = hasFinally ? (this.next(), this.parseBlock()) : [];
    if (handlers.length === 0 && !hasFinally) {
      this.record(new SyntaxFailure("expected 'except' or 'finally' block", start, start + 3));
    }
    return {
      kind: 'try',
      body,
      handlers,
      orelse,
      finalbody,
      range: this.source.rangeAt(start, this.lastEnd),
      handlerTypes,
    };
  }

  private parseWith(isAsync: boolean): Stmt {
    const start = this.next().start;
    if (isAsync) this.next();
    const items = this.guard(() => this.parseWithItems()) ?? [];
    const body = this.parseBlock();
    return { kind: 'with', body, items, range: this.source.rangeAt(start, this.lastEnd) };
  }

  private parseWithItems(): { context: Expr; target?: Expr }[] {
    if (this.atOp('(')) {
      const saved = this.index;
      const savedErrors = this.errors.length;
      try {
        this.next();
        const items = this.parseWithItemList(')');
        this.expectOp(')');
        if (this.atOp(':')) return items;
      } catch (failure) {
        if (!(failure instanceof SyntaxFailure)) throw failure;
      }
      this.index = saved;
      this.errors.length = savedErrors;
    }
    return this.parseWithItemList(':');
  }

  private parseWithItemList(closer: string): { context: Expr; target?: Expr }[] {
    const items: { context: Expr; target?: Expr }[] = [];
    do {
      if (this.atOp(closer)) break;
      const context = this.parseExpression();
      const item: { context: Expr; target?: Expr } = { context };
      if (this.eatKeyword('as')) item.target = this.parseTargetList();
      items.push(item);
    } while (this.eatOp(','));
    return items;
  }

  private parseFor(isAsync: boolean): Stmt {
    const start = this.next().start;
    if (isAsync) this.next();
    const header = this.guard(() => {
      const target = this.parseTargetList();
      if (!this.eatKeyword('in')) this.failAt(this.peek(), "expected 'in'");
      return { target, iter: this.parseStarExpressions() };
    });
    const body = this.parseBlock();
    const orelse = this.atKeyword('else') ? (this.next(), this.parseBlock()) : [];
    const loop: Stmt = {
      kind: 'for',
      body,
      orelse,
      range: this.source.rangeAt(start, this.lastEnd),
    };
    if (header) {
      loop.target = header.target;
      loop.iter = header.iter;
    }
    return loop;
  }

  private parseWhile(): Stmt {
    const start = this.next().start;
    const test = this.parseHeaderExpression();
    const body = this.parseBlock();
    const orelse = this.atKeyword('else') ? (this.next(), this.parseBlock()) : [];
    return { kind: 'while', test, body, orelse, range: this.source.rangeAt(start, this.lastEnd) };
  }

  private parseDecorated(): Stmt {
    const start = this.peek().start;
    while (this.atOp('@')) {
      this.next();
      this.guard(() => this.parseNamedExpression());
      if (this.peek().type !== 'newline')
        this.failAt(this.peek(), 'expected end of line after decorator');
      this.next();
    }
    const word = this.atKeyword('async') ? this.peek(1).text : this.peek().text;
    if (word !== 'def' && word !== 'class')
      this.failAt(this.peek(), "expected 'def' or 'class' after decorator");
    return this.parseSkippedDefinition(start);
  }

  /** `def` or `class` with its whole block, kept by name only. */
  private parseSkippedDefinition(start: number): Stmt {
    if (this.atKeyword('async')) this.next();
    const keyword = this.next().text as 'def' | 'class';
    const name = this.peek();
    if (name.type !== 'name') this.failAt(name, `expected a name after '${keyword}'`);
    const skipped = this.parseSkippedBlock(start);
    return { kind: keyword, name: name.value ?? name.text, range: skipped.range };
  }

  /** Skips a compound statement's header line and its indented block. */
  private parseSkippedBlock(start: number): Stmt {
    this.skipLogicalLine();
    let end = this.lastEnd;
    if (this.peek().type === 'indent') {
      let depth = 0;
      while (this.peek().type !== 'endmarker') {
        const token = this.next();
        if (token.type === 'indent') depth++;
        else if (token.type === 'dedent' && --depth === 0) break;
        else if (token.type !== 'dedent' && token.type !== 'newline') end = token.end;
      }
    } else {
      end = this.lastContentEnd();
    }
    return { kind: 'other', range: this.source.rangeAt(start, end) };
  }

  /** `match subject:` followed by an indented block (`match` is a soft keyword). */
  private isMatchStatement(): boolean {
    let i = 1;
    while (this.peek(i).type !== 'newline' && this.peek(i).type !== 'endmarker') i++;
    const last = this.peek(i - 1);
    return (
      i > 1 &&
      last.type === 'op' &&
      last.text === ':' &&
      this.peek(i + 1).type === 'indent' &&
      !this.atOp('=', 1) &&
      !this.atOp('.', 1)
    );
  }

  /** Test of an `if`, `elif` or `while`, up to its `:`. A broken test reads as `unknown`. */
  private parseHeaderExpression(): Expr {
    const start = this.peek().start;
    return (
      this.guard(() => this.parseNamedExpression()) ?? {
        kind: 'unknown',
        range: this.source.rangeAt(start, this.lastEnd),
      }
    );
  }

  /**
   * Runs a header parser. On a syntax error, it records the error and skips to the header's `:`
   * (or to the end of its line), so the block below is still read.
   */
  private guard<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (failure) {
      if (!(failure instanceof SyntaxFailure)) throw failure;
      this.record(failure);
      while (this.peek().type !== 'newline' && this.peek().type !== 'endmarker') {
        if (
          this.atOp(':') &&
          (this.peek(1).type === 'newline' || this.peek(1).type === 'endmarker')
        )
          break;
        this.next();
      }
      return undefined;
    }
  }

  /** `: NEWLINE INDENT statements DEDENT`, or `: simple; statements` on the same line. */
  private parseBlock(): Stmt[] {
    this.expectOp(':');
    const body: Stmt[] = [];
    if (this.peek().type !== 'newline') {
      this.parseSimpleStatements(body);
      return body;
    }
    this.next();
    const indent = this.peek();
    if (indent.type !== 'indent') {
      this.record(new SyntaxFailure('expected an indented block', indent.start, indent.end));
      return body;
    }
    if (this.blockDepth >= MAX_BLOCK_DEPTH) {
      this.record(
        new SyntaxFailure(
          `too many levels of indentation (more than ${MAX_BLOCK_DEPTH})`,
          indent.start,
          indent.end,
        ),
      );
      this.index--;
      this.parseSkippedBlock(indent.start);
      return body;
    }
    this.next();
    this.blockDepth++;
    try {
      this.parseUntilDedent(body);
    } finally {
      this.blockDepth--;
    }
    return body;
  }

  private lastContentEnd(): number {
    for (let i = this.index - 1; i >= 0; i--) {
      const token = this.tokens[i]!;
      if (token.type !== 'newline' && token.type !== 'dedent' && token.type !== 'indent')
        return token.end;
    }
    return 0;
  }
}

/** Drops a second error at the same start position (the tokenizer and parser seeing one fault). */
function dedupeErrors(errors: ParseError[]): ParseError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.range.start.line}:${error.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
