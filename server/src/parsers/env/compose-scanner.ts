import {
  CODE_BACKSLASH,
  CODE_COLON,
  CODE_DOUBLE_QUOTE,
  CODE_EQUALS,
  CODE_HASH,
  CODE_LF,
  CODE_SINGLE_QUOTE,
  isComposeBlank,
  isComposeKeyChar,
  isGoSpace,
  skipWhile,
} from './char-classes.js';
import { expandEscapes } from './compose-escapes.js';
import { interpolateCompose } from './compose-interpolation.js';

// Reads an env file the way Docker Compose v2 does for `env_file:` and the project `.env`:
// compose-go `dotenv/parser.go` at commit e70e961 (July 2026). Unlike npm dotenv it reads the
// raw text, where only LF ends a line (CR is a blank), and stops at the first error. This
// scanner records the error and resumes on the next line, so that later lines still get a
// Compose reading.

export type ComposeErrorKind =
  | 'unexpected-character'
  | 'key-space'
  | 'missing-key'
  | 'unterminated-quote'
  | 'invalid-interpolation'
  | 'required-variable';

export interface ComposeError {
  kind: ComposeErrorKind;
  /** Offset where the error is found. */
  offset: number;
  /** The rejected character, for `unexpected-character`; the variable, for `required-variable`. */
  detail: string;
}

/** One statement as Docker Compose reads it; offsets are into the original text. */
export interface ComposeStatement {
  /** Offset of the first character of the statement (of the key, after any `export`). */
  start: number;
  key: string;
  /** A key with no `=` on its line: Compose copies that variable from the shell. */
  inherited: boolean;
  quote: 'none' | 'single' | 'double';
  /** Value text as written, quotes included, or where the value would start. */
  valueStart: number;
  valueEnd: number;
  /** Value after quote and escape handling, before interpolation. */
  literal: string;
  /** Value after interpolation with the earlier values of the file; undefined after an error. */
  value?: string;
  /** Whether text other than blanks or a comment follows the closing quote on its line. */
  textAfterQuote: boolean;
  error?: ComposeError;
}

/**
 * Reads `source` (the original text, CR included) as Docker Compose does, one statement per
 * `next()` call, in file order.
 */
export class ComposeReader {
  // Values set so far, for interpolation; left empty when the file has no `$` at all.
  private readonly values = new Map<string, string>();
  private readonly interpolates: boolean;
  private readonly lookup = (name: string): string | undefined => this.values.get(name);
  private position: number;

  constructor(private readonly source: string) {
    this.interpolates = source.indexOf('$') !== -1;
    // compose-go removes one UTF-8 byte order mark at the start of the file.
    this.position = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  next(): ComposeStatement | undefined {
    const start = statementStart(this.source, this.position);
    if (start === -1) {
      this.position = this.source.length;
      return undefined;
    }
    const { statement, next } = readStatement(this.source, start, this.lookup);
    if (this.interpolates && statement.value !== undefined && !statement.inherited) {
      this.values.set(statement.key, statement.value);
    }
    this.position = next;
    return statement;
  }
}

function statementStart(source: string, from: number): number {
  let i = from;
  for (;;) {
    i = skipWhile(source, i, isGoSpace);
    if (i >= source.length) return -1;
    if (source.charCodeAt(i) !== CODE_HASH) return i;
    const newline = source.indexOf('\n', i);
    if (newline === -1) return -1;
    i = newline;
  }
}

interface ReadResult {
  statement: ComposeStatement;
  next: number;
}

// Statements are created with every field set and then filled in place: object spread is
// several times slower on files with hundreds of thousands of lines.
function newStatement(keyStart: number): ComposeStatement {
  return {
    start: keyStart,
    key: '',
    inherited: false,
    quote: 'none',
    valueStart: keyStart,
    valueEnd: keyStart,
    literal: '',
    value: undefined,
    textAfterQuote: false,
    error: undefined,
  };
}

function readStatement(
  source: string,
  start: number,
  lookup: (name: string) => string | undefined,
): ReadResult {
  let keyStart = start;
  // compose-go matches `^export\s+` with Go's `\s`, which is `[\t\n\f\r ]`.
  if (source.startsWith('export', start) && isGoRegexpSpace(source.charCodeAt(start + 6))) {
    keyStart = skipWhile(source, start + 6, isComposeBlank);
  }
  const statement = newStatement(keyStart);

  if (keyStart >= source.length) {
    // `export` and blanks at the very end: compose-go fails with "zero length string".
    statement.error = { kind: 'missing-key', offset: start, detail: '' };
    return { statement, next: source.length };
  }

  let i = keyStart;
  let separator = -1;
  while (i < source.length) {
    const codePoint = source.codePointAt(i)!;
    if (codePoint === CODE_EQUALS || codePoint === CODE_COLON || codePoint === CODE_LF) {
      separator = codePoint;
      break;
    }
    if (!isComposeBlank(codePoint) && !isComposeKeyChar(codePoint)) {
      const detail = String.fromCodePoint(codePoint);
      statement.error = { kind: 'unexpected-character', offset: i, detail };
      return { statement, next: lineAfter(source, start) };
    }
    i += codePoint > 0xffff ? 2 : 1;
  }

  if (separator === -1) {
    // A last line with neither `=` nor `:`: compose-go reads all of it as the value of "".
    return { statement, next: readValue(source, keyStart, statement, lookup) };
  }
  statement.key = trimEndGo(source.slice(keyStart, i));
  if (statement.key.includes(' ')) {
    statement.error = { kind: 'key-space', offset: keyStart, detail: statement.key };
    return { statement, next: lineAfter(source, start) };
  }
  if (separator === CODE_LF) {
    statement.inherited = true;
    return { statement, next: i + 1 };
  }
  const valueStart = skipWhile(source, i + 1, isComposeBlank);
  return { statement, next: readValue(source, valueStart, statement, lookup) };
}

/** Fills in the value of `statement` and returns the offset after it. */
function readValue(
  source: string,
  valueStart: number,
  statement: ComposeStatement,
  lookup: (name: string) => string | undefined,
): number {
  statement.valueStart = valueStart;
  const quoteCode = source.charCodeAt(valueStart);
  if (quoteCode !== CODE_SINGLE_QUOTE && quoteCode !== CODE_DOUBLE_QUOTE) {
    const newline = source.indexOf('\n', valueStart);
    const lineEnd = newline === -1 ? source.length : newline;
    let text = source.slice(valueStart, lineEnd);
    // Only ` #` (a space, not a tab, then `#`) starts an inline comment.
    const comment = text.indexOf(' #');
    if (comment !== -1) text = text.slice(0, comment);
    statement.literal = trimEndGo(text);
    statement.valueEnd = valueStart + statement.literal.length;
    interpolate(statement, statement.literal, lookup);
    return newline === -1 ? source.length : newline + 1;
  }

  statement.quote = quoteCode === CODE_DOUBLE_QUOTE ? 'double' : 'single';
  const close = closeQuote(source, valueStart);
  if (close === undefined) {
    statement.error = { kind: 'unterminated-quote', offset: valueStart, detail: '' };
    statement.valueEnd = lineEndOf(source, valueStart);
    return lineAfter(source, valueStart);
  }
  statement.valueEnd = close.offset + 1;
  statement.literal = close.literal;
  statement.textAfterQuote = hasTextAfter(source, close.offset + 1);
  if (statement.quote === 'double') interpolate(statement, expandEscapes(close.literal), lookup);
  else statement.value = close.literal;
  return close.offset + 1;
}

function interpolate(
  statement: ComposeStatement,
  text: string,
  lookup: (name: string) => string | undefined,
): void {
  if (text.indexOf('$') === -1) {
    statement.value = text;
    return;
  }
  const result = interpolateCompose(text, lookup);
  if (result.error === undefined) {
    statement.value = result.value;
    return;
  }
  const offset = statement.valueStart;
  if (result.error.kind === 'invalid') {
    statement.error = { kind: 'invalid-interpolation', offset, detail: '' };
  } else {
    statement.error = { kind: 'required-variable', offset, detail: result.error.name };
  }
}

/**
 * Finds the closing quote of the value opening at `open` and returns it with the text between.
 * A backslash escapes the next character. Before the quote character only the quote is kept,
 * and before any other character the backslash stays.
 */
function closeQuote(source: string, open: number): { offset: number; literal: string } | undefined {
  const quote = source.charCodeAt(open);
  let literal = '';
  let copied = open + 1;
  let escaped = false;
  for (let i = open + 1; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (escaped) {
      escaped = false;
      if (code !== quote) literal += '\\';
      continue;
    }
    if (code === CODE_BACKSLASH) {
      literal += source.slice(copied, i);
      copied = i + 1;
      escaped = true;
    } else if (code === quote) {
      return { offset: i, literal: literal + source.slice(copied, i) };
    }
  }
  return undefined;
}

function isGoRegexpSpace(code: number): boolean {
  return code === 9 || code === 10 || code === 12 || code === 13 || code === 32;
}

function hasTextAfter(source: string, from: number): boolean {
  const i = skipWhile(source, from, isComposeBlank);
  if (i >= source.length) return false;
  const code = source.charCodeAt(i);
  return code !== CODE_LF && code !== CODE_HASH;
}

function trimEndGo(text: string): string {
  let end = text.length;
  while (end > 0 && isGoSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

function lineEndOf(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline;
}

function lineAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}
