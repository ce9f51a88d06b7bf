import type { ParseError } from '../../core/problem.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Expr } from './python-ast.js';
import { KEYWORDS, type PyToken } from './python-token.js';

/** Nesting deeper than this (CPython stops at 200 nested brackets) is reported, not parsed. */
const MAX_DEPTH = 200;

/** Keywords that can begin an expression. */
const EXPRESSION_KEYWORDS = new Set(['True', 'False', 'None', 'not', 'lambda', 'await', 'yield']);

/** An expression node before its range is known. */
export type ExprWithoutRange = Expr extends infer E
  ? E extends Expr
    ? Omit<E, 'range'>
    : never
  : never;

/** A syntax error, which the statement reader records before resuming at the next line. */
export class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
    /** True when the tokenizer already reported the cause (a bracket that is never closed). */
    readonly reported = false,
  ) {
    super(message);
  }
}

/** Token cursor, node construction and nesting limit of the expression and statement readers. */
export class ParserBase {
  protected index = 0;
  protected depth = 0;
  /** Offsets of parenthesised nodes with their brackets, so a parent's range covers them. */
  private readonly outer = new Map<Expr, { start: number; end: number }>();

  constructor(
    protected readonly tokens: PyToken[],
    protected readonly source: SourceFile,
    protected readonly errors: ParseError[],
    initialDepth = 0,
  ) {
    this.depth = initialDepth;
  }

  protected peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  protected next(): PyToken {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  /** End offset of the last token read. */
  protected get lastEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1]!.end : 0;
  }

  protected atOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'op' && token.text === text;
  }

  protected atKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'name' && token.text === word;
  }

  protected eatOp(text: string): boolean {
    if (!this.atOp(text)) return false;
    this.next();
    return true;
  }

  protected eatKeyword(word: string): boolean {
    if (!this.atKeyword(word)) return false;
    this.next();
    return true;
  }

  protected expectOp(text: string): PyToken {
    if (!this.atOp(text)) this.failAt(this.peek(), `expected '${text}'`);
    return this.next();
  }

  protected failAt(token: PyToken, message: string): never {
    const shown = describeToken(token);
    const text = shown ? `${message}, found ${shown}` : message;
    throw new SyntaxFailure(
      text,
      token.start,
      Math.max(token.end, token.start),
      token.synthetic === true,
    );
  }

  protected node(expr: ExprWithoutRange, start: number, end: number): Expr {
    return { ...expr, range: this.source.rangeAt(start, end) } as Expr;
  }

  protected startOf(expr: Expr): number {
    return this.outer.get(expr)?.start ?? this.source.offsetAt(expr.range.start);
  }

  protected endOf(expr: Expr): number {
    return this.outer.get(expr)?.end ?? this.source.offsetAt(expr.range.end);
  }

  protected enter(): void {
    if (this.depth >= MAX_DEPTH) {
      const token = this.peek();
      throw new SyntaxFailure(
        `expression nested too deeply (more than ${MAX_DEPTH} levels)`,
        token.start,
        token.end,
      );
    }
    this.depth++;
  }

  /** Marks an expression as written in brackets, whose offsets its parent's range covers. */
  protected markParenthesized(expr: Expr, start: number, end: number): void {
    this.outer.set(expr, { start, end });
  }

  /** True when the current token can begin an expression. */
  protected startsExpression(offset = 0): boolean {
    const token = this.peek(offset);
    switch (token.type) {
      case 'name':
        return !KEYWORDS.has(token.text) || EXPRESSION_KEYWORDS.has(token.text);
      case 'number':
      case 'string':
        return true;
      case 'op':
        return ['(', '[', '{', '-', '+', '~', '*', '...'].includes(token.text);
      default:
        return false;
    }
  }

  protected error(message: string, start: number, end: number): ParseError {
    return {
      code: 'python-syntax',
      message,
      range: this.source.rangeAt(start, end),
      severity: 'error',
    };
  }
}

function describeToken(token: PyToken): string {
  switch (token.type) {
    case 'newline':
      return 'end of line';
    case 'endmarker':
      return 'end of file';
    case 'indent':
      return 'indent';
    case 'dedent':
      return 'dedent';
    default:
      return `'${token.text.length > 20 ? `${token.text.slice(0, 20)}...` : token.text}'`;
  }
}
