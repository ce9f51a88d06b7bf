import type { ParseError } from '../../core/problem.js';
import { SourceFile } from '../../core/source-file.js';
import { scanString, stringPrefixLength, type ScanError } from './python-strings.js';
import { KEYWORDS, type PyToken, type PyTokenType } from './python-token.js';

/**
 * Tokenizer for Python source, after "Lexical analysis" in the Python 3.12 language reference:
 * logical lines end in NEWLINE, brackets join lines implicitly and `\` explicitly, leading
 * whitespace becomes INDENT and DEDENT (a tab advances to the next multiple of 8 columns).
 * Errors never stop it. An unterminated string ends at its line end, and an unmatched closing
 * bracket is dropped. A bracket that is never closed is cut at the first later line indented no
 * deeper than the line that opened it, so the statements after it are still read.
 */

export interface TokenizeResult {
  tokens: PyToken[];
  errors: ParseError[];
}

export interface TokenizeOptions {
  /** Offsets of the part of the text to read, the whole text by default. */
  start?: number;
  end?: number;
  /**
   * Reads the text as one expression, as inside brackets (for f-string fields): no NEWLINE,
   * INDENT or DEDENT tokens.
   */
  expression?: boolean;
}

/** Errors kept per file, because a binary file would otherwise give one per byte. */
const MAX_ERRORS = 100;
/** Times an unclosed bracket is cut before the rest of the file is left as one logical line. */
const MAX_RECOVERIES = 50;
/**
 * Characters that cut brackets may send back to be read again: this many, or RESCAN_FILE_FACTOR
 * times the text when that is more. Each cut rereads the rest of the file, and without this bound
 * 50 cuts made a 1.9 MB file of unclosed `{` lines take about 20 s instead of 1.3 s.
 */
const MIN_RESCAN_BUDGET = 1_000_000;
const RESCAN_FILE_FACTOR = 2;

const OPERATORS = new Set([
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '=',
]);

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const NUMBER_PATTERNS: { pattern: RegExp; radix: number }[] = [
  { pattern: /0[xX](?:_?[0-9a-fA-F])+/y, radix: 16 },
  { pattern: /0[oO](?:_?[0-7])+/y, radix: 8 },
  { pattern: /0[bB](?:_?[01])+/y, radix: 2 },
  {
    pattern: /(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?/y,
    radix: 10,
  },
];

interface OpenBracket {
  char: string;
  offset: number;
  /** Indentation of the logical line that opened it. */
  lineIndent: number;
}

/** A physical line inside brackets where an unclosed bracket may be cut. */
interface CutPoint {
  lineStart: number;
  firstOffset: number;
  column: number;
  tokenCount: number;
  errorCount: number;
}

export function tokenizePython(
  source: string | SourceFile,
  options: TokenizeOptions = {},
): TokenizeResult {
  const file = typeof source === 'string' ? new SourceFile('', source) : source;
  const tokenizer = new Tokenizer(file.text, options);
  tokenizer.run();
  const errors = tokenizer.errors.map((error): ParseError => ({
    code: 'python-syntax',
    message: error.message,
    range: file.rangeAt(error.start, error.end),
    severity: 'error',
  }));
  return { tokens: tokenizer.tokens, errors };
}

class Tokenizer {
  readonly tokens: PyToken[] = [];
  readonly errors: ScanError[] = [];
  private pos: number;
  private readonly end: number;
  private readonly expression: boolean;
  private indents: { column: number; phantom: boolean }[] = [{ column: 0, phantom: false }];
  private brackets: OpenBracket[] = [];
  private cutPoints: CutPoint[] = [];
  private atLineStart: boolean;
  private lineHasTokens = false;
  private lineIndent = 0;
  private recoveries = 0;
  private rescanBudget: number;

  constructor(
    private readonly text: string,
    options: TokenizeOptions,
  ) {
    this.pos = Math.max(0, options.start ?? 0);
    this.end = Math.min(text.length, options.end ?? text.length);
    this.expression = options.expression === true;
    this.atLineStart = !this.expression;
    this.rescanBudget = Math.max(MIN_RESCAN_BUDGET, RESCAN_FILE_FACTOR * (this.end - this.pos));
    if (this.pos === 0 && text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): void {
    for (;;) {
      while (this.pos < this.end) this.step();
      if (!this.cutUnclosedBracket()) break;
    }
    this.finish();
  }

  private step(): void {
    const text = this.text;
    if (this.atLineStart) {
      this.startLine();
      return;
    }
    const char = text[this.pos]!;
    if (char === ' ' || char === '\t' || char === '\f') {
      this.pos++;
    } else if (char === '\n' || char === '\r') {
      this.lineBreak();
    } else if (char === '#') {
      this.comment();
    } else if (char === '\\') {
      this.continuation();
    } else if (
      char === '"' ||
      char === "'" ||
      (/[rRbBuUfFtT]/.test(char) && stringPrefixLength(text, this.pos) > 0)
    ) {
      this.string();
    } else if (isNameStart(text.codePointAt(this.pos)!)) {
      this.name();
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[this.pos + 1] ?? ''))) {
      this.number();
    } else {
      this.operator();
    }
  }

  /** Indentation of a new logical line, or a blank or comment-only line. */
  private startLine(): void {
    const text = this.text;
    const lineStart = this.pos;
    let column = 0;
    while (this.pos < this.end) {
      const char = text[this.pos];
      if (char === ' ') column++;
      else if (char === '\t') column = Math.floor(column / 8) * 8 + 8;
      else if (char === '\f') column = 0;
      else break;
      this.pos++;
    }

    if (this.pos >= this.end) return;
    const char = text[this.pos]!;
    if (char === '#') {
      this.comment();
      return;
    }
    if (char === '\n' || char === '\r') {
      this.pos += text.startsWith('\r\n', this.pos) ? 2 : 1;
      return;
    }

    this.atLineStart = false;
    this.lineIndent = column;
    const top = this.indents[this.indents.length - 1]!;
    if (column > top.column) {
      this.indents.push({ column, phantom: false });
      this.push('indent', lineStart, this.pos);
      this.lineHasTokens = false;
      return;
    }

    while (this.indents.length > 1 && this.indents[this.indents.length - 1]!.column > column) {
      const popped = this.indents.pop()!;
      if (!popped.phantom) this.push('dedent', this.pos, this.pos);
    }
    this.lineHasTokens = false;
    if (this.indents[this.indents.length - 1]!.column < column) {
      this.error('unindent does not match any outer indentation level', lineStart, this.pos);
      this.indents.push({ column, phantom: true });
    }
  }

  private lineBreak(): void {
    const start = this.pos;
    this.pos += this.text.startsWith('\r\n', start) ? 2 : 1;
    if (this.expression) return;
    if (this.brackets.length > 0) {
      this.noteCutPoint();
      return;
    }
    if (this.lineHasTokens) this.push('newline', start, this.pos);
    this.lineHasTokens = false;
    this.atLineStart = true;
  }

  private noteCutPoint(): void {
    let i = this.pos;
    let column = 0;
    while (
      i < this.end &&
      (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === '\f')
    ) {
      column =
        this.text[i] === '\t'
          ? Math.floor(column / 8) * 8 + 8
          : this.text[i] === '\f'
            ? 0
            : column + 1;
      i++;
    }
    if (i >= this.end || '\r\n#)]}'.includes(this.text[i]!)) return;
    this.cutPoints.push({
      lineStart: this.pos,
      firstOffset: i,
      column,
      tokenCount: this.tokens.length,
      errorCount: this.errors.length,
    });
  }

  /**
   * Cuts the outermost unclosed bracket at the first later line indented no deeper than the
   * line that opened it, and reads on from there. Returns false when there is nothing to cut.
   */
  private cutUnclosedBracket(): boolean {
    const outer = this.brackets[0];
    if (!outer || this.expression || this.recoveries >= MAX_RECOVERIES) return false;
    const cut = this.cutPoints.find(
      (point) => point.firstOffset > outer.offset && point.column <= outer.lineIndent,
    );
    if (!cut) return false;
    this.rescanBudget -= this.end - cut.lineStart;
    if (this.rescanBudget < 0) return false;
    this.recoveries++;
    this.tokens.length = cut.tokenCount;
    this.errors.length = Math.min(this.errors.length, cut.errorCount);
    this.error(`'${outer.char}' was never closed`, outer.offset, outer.offset + 1);
    this.push('newline', cut.lineStart, cut.lineStart, { synthetic: true });
    this.brackets = [];
    this.cutPoints = [];
    this.pos = cut.lineStart;
    this.atLineStart = true;
    this.lineHasTokens = false;
    return true;
  }

  private finish(): void {
    const outer = this.brackets[0];
    if (outer && !this.expression)
      this.error(`'${outer.char}' was never closed`, outer.offset, outer.offset + 1);
    if (this.lineHasTokens && !this.expression) this.push('newline', this.end, this.end);
    while (this.indents.length > 1) {
      const popped = this.indents.pop()!;
      if (!popped.phantom) this.push('dedent', this.end, this.end);
    }
    this.push('endmarker', this.end, this.end);
  }

  private comment(): void {
    const start = this.pos;
    while (this.pos < this.end && this.text[this.pos] !== '\n' && this.text[this.pos] !== '\r')
      this.pos++;
    this.tokens.push({
      type: 'comment',
      start,
      end: this.pos,
      text: this.text.slice(start, this.pos),
    });
  }

  private continuation(): void {
    const start = this.pos;
    const next = this.text[start + 1];
    if (next === '\n' || next === '\r') {
      this.pos += this.text.startsWith('\r\n', start + 1) ? 3 : 2;
      if (this.brackets.length > 0) this.noteCutPoint();
      return;
    }
    this.pos++;
    const message =
      start + 1 >= this.end
        ? 'unexpected end of file after line continuation character'
        : 'unexpected character after line continuation character';
    this.error(message, start, start + 1);
  }

  private string(): void {
    const scanned = scanString(this.text, this.pos);
    const end = Math.min(scanned.end, this.end);
    // One fault inside an f-string often leaves its field and its closing quote unmatched too,
    // so only the first error, which names the cause, is kept.
    const first = scanned.errors[0];
    if (first) this.error(first.message, first.start, Math.min(first.end, this.end));
    const token: PyToken = {
      type: 'string',
      start: this.pos,
      end,
      text: this.text.slice(this.pos, end),
      string: scanned.info,
    };
    if (scanned.value !== undefined) token.value = scanned.value;
    this.tokens.push(token);
    this.lineHasTokens = true;
    this.pos = end;
  }

  private name(): void {
    const start = this.pos;
    this.pos += codePointLength(this.text.codePointAt(this.pos)!);
    while (this.pos < this.end) {
      const code = this.text.codePointAt(this.pos)!;
      if (!isNameContinue(code)) break;
      this.pos += codePointLength(code);
    }
    const text = this.text.slice(start, this.pos);
    this.push('name', start, this.pos, { value: text.normalize('NFKC') });
  }

  private number(): void {
    const start = this.pos;
    let matched = '';
    let radix = 10;
    for (const candidate of NUMBER_PATTERNS) {
      candidate.pattern.lastIndex = start;
      const match = candidate.pattern.exec(this.text);
      if (match) {
        matched = match[0];
        radix = candidate.radix;
        break;
      }
    }

    this.pos = Math.min(start + matched.length, this.end);
    const text = this.text.slice(start, this.pos);
    const imaginary = radix === 10 && /[jJ]$/.test(text);
    const digits = text.replace(/_/g, '').replace(/[jJ]$/, '');
    const isFloat = radix === 10 && /[.eE]/.test(digits);
    const value = radix === 10 ? Number(digits) : parseInt(digits.slice(2), radix);

    if (radix === 10 && !isFloat && !imaginary && /^0+[1-9]/.test(digits)) {
      this.error(
        'leading zeros in decimal integer literals are not permitted; ' +
          'use an 0o prefix for octal integers',
        start,
        this.pos,
      );
    }

    const trailing = /^[\p{ID_Continue}]+/u.exec(
      this.text.slice(this.pos, Math.min(this.pos + 40, this.end)),
    )?.[0];
    if (trailing && !KEYWORDS.has(trailing)) {
      this.error(`invalid number literal '${text}${trailing}'`, start, this.pos + trailing.length);
      this.pos += trailing.length;
    }
    this.push('number', start, this.pos, { number: { value, isFloat, imaginary } });
  }

  private operator(): void {
    const start = this.pos;
    const operator = [3, 2, 1]
      .map((length) => this.text.slice(start, start + length))
      .find((candidate) => OPERATORS.has(candidate));
    if (!operator) {
      const code = this.text.codePointAt(start)!;
      const length = codePointLength(code);
      const shown =
        code === 0 ? 'NUL' : `'${this.text.slice(start, start + length)}' (U+${hexCode(code)})`;
      this.error(`invalid character ${shown}`, start, start + length);
      this.pos += length;
      return;
    }
    this.pos += operator.length;
    if (operator === '(' || operator === '[' || operator === '{') {
      this.brackets.push({ char: operator, offset: start, lineIndent: this.lineIndent });
    } else if (operator in CLOSERS) {
      const open = this.brackets.pop();
      if (!open) {
        this.error(`unmatched '${operator}'`, start, this.pos);
        return;
      }
      if (open.char !== CLOSERS[operator]) {
        this.error(
          `closing parenthesis '${operator}' does not match opening parenthesis '${open.char}'`,
          start,
          this.pos,
        );
      }
    }
    this.push('op', start, this.pos);
  }

  private push(type: PyTokenType, start: number, end: number, extra: Partial<PyToken> = {}): void {
    this.tokens.push({ type, start, end, text: this.text.slice(start, end), ...extra });
    if (type !== 'newline' && type !== 'indent' && type !== 'dedent' && type !== 'endmarker')
      this.lineHasTokens = true;
  }

  private error(message: string, start: number, end: number): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ message, start, end });
  }
}

function codePointLength(code: number): number {
  return code > 0xffff ? 2 : 1;
}

function isNameStart(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /[\p{ID_Start}]/u.test(String.fromCodePoint(code));
}

function isNameContinue(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 95 ||
      (code >= 48 && code <= 57)
    );
  }
  return /[\p{ID_Continue}]/u.test(String.fromCodePoint(code));
}

function hexCode(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
