import type { FStringPiece, PyStringInfo } from './python-token.js';

/**
 * Scanner for Python string literals (Python 3.12 lexical rules, "String and Bytes literals"
 * and "f-strings" in the language reference): prefixes, the four quote forms, escape decoding
 * and the replacement fields of f-strings, whose expressions may hold nested strings.
 */

export interface ScanError {
  message: string;
  start: number;
  end: number;
}

export interface ScannedString {
  end: number;
  info: PyStringInfo;
  /** Decoded value, undefined for an f-string. */
  value?: string;
  errors: ScanError[];
}

/** Prefixes the language accepts, lower-cased (t-strings are Python 3.14 template strings). */
const VALID_PREFIXES = new Set(['', 'r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

/** Nested f-strings deeper than this are reported instead of being scanned. */
const MAX_FSTRING_NESTING = 32;

/** Length of the string prefix at `pos` that a quote follows, or -1 when there is none. */
export function stringPrefixLength(text: string, pos: number): number {
  for (let length = 0; length <= 2; length++) {
    const quote = text[pos + length];
    if (quote === '"' || quote === "'") {
      return VALID_PREFIXES.has(text.slice(pos, pos + length).toLowerCase()) ? length : -1;
    }
    if (!/[rRuUbBfFtT]/.test(quote ?? '')) return -1;
  }
  return -1;
}

/**
 * Scans the string literal whose prefix starts at `start` (the caller checked it with
 * `stringPrefixLength`). An unterminated literal ends at the end of its line, or of the text
 * for a triple-quoted one.
 */
export function scanString(text: string, start: number, depth = 0): ScannedString {
  const prefixLength = stringPrefixLength(text, start);
  const prefix = text.slice(start, start + Math.max(0, prefixLength));
  const lower = prefix.toLowerCase();
  const quoteStart = start + prefix.length;
  const quoteChar = text[quoteStart]!;
  const triple = text.startsWith(quoteChar.repeat(3), quoteStart);
  const quote = triple ? quoteChar.repeat(3) : quoteChar;
  const bodyStart = quoteStart + quote.length;
  const raw = lower.includes('r');
  const bytes = lower.includes('b');
  const formatted = lower.includes('f') || lower.includes('t');
  const info: PyStringInfo = {
    prefix,
    quote,
    raw,
    bytes,
    formatted,
    bodyStart,
    bodyEnd: bodyStart,
  };
  const errors: ScanError[] = [];

  if (formatted) {
    if (depth >= MAX_FSTRING_NESTING) {
      const end = endOfLine(text, bodyStart);
      errors.push({ message: 'f-string nested too deeply', start, end });
      info.bodyEnd = end;
      info.unterminated = true;
      return { end, info, errors };
    }
    const scanner = new FStringScanner(text, quote, raw, depth, errors);
    const { pieces, stop } = scanner.literal(bodyStart, 'string');
    info.pieces = pieces;
    info.bodyEnd = stop;
    if (text.startsWith(quote, stop)) return { end: stop + quote.length, info, errors };
    info.unterminated = true;
    errors.push({ message: unterminatedMessage(triple), start, end: stop });
    return { end: stop, info, errors };
  }

  let i = bodyStart;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\') {
      i += text.startsWith('\r\n', i + 1) ? 3 : 2;
      continue;
    }
    if (text.startsWith(quote, i)) break;
    if (!triple && (char === '\n' || char === '\r')) break;
    i++;
  }
  i = Math.min(i, text.length);
  info.bodyEnd = i;
  const body = text.slice(bodyStart, i);
  const value = raw ? body : decodeEscapes(body, bytes);
  if (text.startsWith(quote, i)) return { end: i + quote.length, info, value, errors };
  info.unterminated = true;
  errors.push({ message: unterminatedMessage(triple), start, end: i });
  return { end: i, info, value, errors };
}

function unterminatedMessage(triple: boolean): string {
  return triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
}

function endOfLine(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Hex digits after `\x`, `\u` and `\U`. Bytes literals accept only `\x`. */
const HEX_ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Resolves the escape sequences of a non-raw literal. Unknown escapes stay as written, as in
 * Python. `\N{...}` stays as written too.
 * NOTE: decoding `\N{name}` needs the Unicode name table, which is not bundled.
 */
export function decodeEscapes(body: string, bytes: boolean): string {
  if (!body.includes('\\')) return body;
  let result = '';
  let i = 0;
  while (i < body.length) {
    const char = body[i]!;
    if (char !== '\\' || i + 1 >= body.length) {
      result += char;
      i++;
      continue;
    }
    const next = body[i + 1]!;
    if (next === '\n') {
      i += 2;
      continue;
    }
    if (next === '\r') {
      i += body[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      result += simple;
      i += 2;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      result += String.fromCharCode(parseInt(octal[0], 8));
      i += 1 + octal[0].length;
      continue;
    }
    const hexLength = HEX_ESCAPE_LENGTHS[next] ?? 0;
    const allowed = next === 'x' || !bytes;
    const hex = body.slice(i + 2, i + 2 + hexLength);
    if (allowed && hexLength > 0 && hex.length === hexLength && /^[0-9a-fA-F]+$/.test(hex)) {
      const code = parseInt(hex, 16);
      result += code <= 0x10ffff ? String.fromCodePoint(code) : body.slice(i, i + 2 + hexLength);
      i += 2 + hexLength;
      continue;
    }
    result += char + next;
    i += 2;
  }
  return result;
}

/** Scanner of one f-string body; `stop` offsets point at the character that ended a part. */
class FStringScanner {
  constructor(
    private readonly text: string,
    private readonly quote: string,
    private readonly raw: boolean,
    private readonly depth: number,
    private readonly errors: ScanError[],
  ) {}

  /**
   * Literal text and fields up to the closing quote (`string`) or up to the `}` that closes a
   * format specification (`spec`).
   */
  literal(start: number, mode: 'string' | 'spec'): { pieces: FStringPiece[]; stop: number } {
    const { text, quote } = this;
    const pieces: FStringPiece[] = [];
    let chunkStart = start;
    let buffer = '';
    let i = start;
    const flush = (end: number) => {
      if (end > chunkStart || buffer !== '') {
        const value = this.raw ? buffer : decodeEscapes(buffer, false);
        pieces.push({ kind: 'text', value, start: chunkStart, end });
      }
      buffer = '';
    };
    while (i < text.length) {
      if (text.startsWith(quote, i)) break;
      const char = text[i]!;
      if ((char === '\n' || char === '\r') && quote.length === 1) break;
      if (char === '\\') {
        const escapeLength =
          text[i + 1] === 'N' && text[i + 2] === '{' && !this.raw ? this.namedEscapeLength(i) : 2;
        buffer += text.slice(i, i + escapeLength);
        i += escapeLength;
        continue;
      }
      if (char === '{' && mode === 'string' && text[i + 1] === '{') {
        buffer += '{';
        i += 2;
        continue;
      }
      if (char === '}' && mode === 'string' && text[i + 1] === '}') {
        buffer += '}';
        i += 2;
        continue;
      }
      if (char === '}') {
        if (mode === 'spec') break;
        this.errors.push({ message: "f-string: single '}' is not allowed", start: i, end: i + 1 });
        buffer += '}';
        i++;
        continue;
      }
      if (char === '{') {
        flush(i);
        const field = this.field(i);
        pieces.push(field.piece);
        i = field.end;
        chunkStart = i;
        continue;
      }
      buffer += char;
      i++;
    }
    flush(Math.min(i, text.length));
    return { pieces, stop: Math.min(i, text.length) };
  }

  private namedEscapeLength(pos: number): number {
    const close = this.text.indexOf('}', pos + 3);
    const newline = endOfLine(this.text, pos);
    return close >= 0 && close < newline ? close + 1 - pos : 2;
  }

  /** One replacement field starting at its `{`. */
  private field(open: number): { piece: FStringPiece; end: number } {
    const { text, quote } = this;
    const expressionStart = open + 1;
    let i = expressionStart;
    let brackets = 0;
    let expressionEnd = -1;
    let debug = false;
    while (i < text.length) {
      const char = text[i]!;
      if ((char === '\n' || char === '\r') && quote.length === 1) break;
      if (this.startsNestedString(i)) {
        const nested = scanString(text, i, this.depth + 1);
        this.errors.push(...nested.errors);
        i = nested.end;
        continue;
      }
      if (char === '(' || char === '[' || char === '{') brackets++;
      else if ((char === ')' || char === ']' || char === '}') && brackets > 0) brackets--;
      else if (
        brackets === 0 &&
        (char === '}' || char === ':' || (char === '!' && text[i + 1] !== '='))
      ) {
        expressionEnd = i;
        break;
      } else if (brackets === 0 && char === '=' && this.isDebugEquals(i)) {
        expressionEnd = i;
        debug = true;
        i++;
        while (text[i] === ' ' || text[i] === '\t') i++;
        break;
      }
      i++;
    }
    if (expressionEnd < 0) {
      this.errors.push({ message: "f-string: expecting '}'", start: open, end: i });
      return {
        piece: { kind: 'field', expressionStart, expressionEnd: i, debug, start: open, end: i },
        end: i,
      };
    }
    if (text.slice(expressionStart, expressionEnd).trim() === '') {
      this.errors.push({
        message: "f-string: valid expression required before '}'",
        start: open,
        end: i + 1,
      });
    }
    const piece: FStringPiece = {
      kind: 'field',
      expressionStart,
      expressionEnd,
      debug,
      start: open,
      end: i,
    };
    if (text[i] === '!') {
      const conversion = /^[a-zA-Z]*/.exec(text.slice(i + 1, i + 8))![0];
      if (!['r', 's', 'a'].includes(conversion)) {
        this.errors.push({
          message: "f-string: invalid conversion character, expected 's', 'r', or 'a'",
          start: i,
          end: i + 1 + conversion.length,
        });
      }
      piece.conversion = conversion;
      i += 1 + conversion.length;
    }
    if (text[i] === ':') {
      const spec = this.literal(i + 1, 'spec');
      piece.formatSpec = spec.pieces;
      i = spec.stop;
    }
    if (text[i] === '}') {
      piece.end = i + 1;
      return { piece, end: i + 1 };
    }
    this.errors.push({ message: "f-string: expecting '}'", start: open, end: i });
    piece.end = i;
    return { piece, end: i };
  }

  /**
   * True when a string literal starts at `pos` inside a field. As in Python 3.12, a field may
   * hold strings with the same quotes as the enclosing f-string.
   */
  private startsNestedString(pos: number): boolean {
    const char = this.text[pos]!;
    if (char === '"' || char === "'") return true;
    if (!/[rRbBuUfFtT]/.test(char) || /[\p{ID_Continue}]/u.test(this.text[pos - 1] ?? ''))
      return false;
    return stringPrefixLength(this.text, pos) > 0;
  }

  /** True for the `=` of `{x=}`, `{x = !r}` or `{x=:>5}`, not for `==`, `!=`, `<=`, `>=`. */
  private isDebugEquals(pos: number): boolean {
    const text = this.text;
    if (text[pos + 1] === '=' || '=!<>'.includes(text[pos - 1] ?? '')) return false;
    let i = pos + 1;
    while (text[i] === ' ' || text[i] === '\t') i++;
    return text[i] === '}' || text[i] === '!' || text[i] === ':';
  }
}
