import type { EnvQuote } from './env-model.js';
import {
  CODE_BACKSLASH,
  CODE_CR,
  CODE_COLON,
  CODE_DOUBLE_QUOTE,
  CODE_EQUALS,
  CODE_HASH,
  CODE_LF,
  isDotenvKeyChar,
  isJsLineTerminator,
  isJsSpace,
  isQuoteCode,
  skipWhile,
} from './char-classes.js';

// npm dotenv 18.0.10 `parse()` (the default, non-`fast` path in `dist/index.cjs`) replaces
// `\r\n?` with `\n` and then runs this global, multi-line regular expression:
//
//   /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|
//    \s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg
//
// The scanner below reproduces what that expression matches, backtracking included, in one
// forward pass so that the time stays linear in the file size. Every `\s` in it also matches
// line breaks, which is why some matches span lines (`KEY` and `=` on different lines, or a
// quoted value starting on the line after `KEY=`).

/** Kind of value text in a match: quoted, unquoted, or none. */
export type DotenvValueForm = 'quoted' | 'unquoted' | 'empty';

/** One assignment as npm dotenv reads it; offsets are into the normalized text. */
export interface DotenvMatch {
  /** Offset of `export`, or -1 without the prefix. */
  exportStart: number;
  keyStart: number;
  keyEnd: number;
  /** Offset of the `=` or `:` between key and value. */
  separator: number;
  /** Value text as written, quotes included; empty just after the separator for no value. */
  valueStart: number;
  valueEnd: number;
  form: DotenvValueForm;
  value: string;
  quote: EnvQuote;
  /** Offset where the regular expression match ends; the next match starts on a later line. */
  end: number;
}

/** Receives what `scanDotenv` reads, in file order. */
export interface DotenvVisitor {
  match(match: DotenvMatch): void;
  /** Offset of the first character of a line dotenv ignores; comment lines are not passed. */
  ignoredLine(offset: number): void;
}

/**
 * Reads normalized env text (see `NormalizedText`) the way npm dotenv's `parse()` does and
 * passes each match and each ignored line to `visitor`, so that callers keep only what they
 * need of files with millions of lines.
 */
export function scanDotenv(text: string, visitor: DotenvVisitor): void {
  let lineStart = 0;
  while (lineStart < text.length) {
    const first = skipWhile(text, lineStart, isJsSpace);
    if (first >= text.length) break;
    const match = matchStatement(text, first);
    if (match) {
      visitor.match(match);
      lineStart = nextLineStart(text, match.end);
    } else {
      if (text.charCodeAt(first) !== CODE_HASH) visitor.ignoredLine(first);
      lineStart = nextLineStart(text, first + 1);
    }
  }
}

function nextLineStart(text: string, from: number): number {
  if (from === 0 || isJsLineTerminator(text.charCodeAt(from - 1))) return from;
  let i = from;
  while (i < text.length && !isJsLineTerminator(text.charCodeAt(i))) i++;
  return i + 1;
}

function matchStatement(text: string, first: number): DotenvMatch | undefined {
  // `(?:export\s+)?` is greedy, so the form with the prefix is tried first.
  if (text.startsWith('export', first) && isJsSpace(text.charCodeAt(first + 6))) {
    const keyStart = skipWhile(text, first + 7, isJsSpace);
    const exported = matchAssignment(text, keyStart, first);
    if (exported) return exported;
  }
  return matchAssignment(text, first, -1);
}

function matchAssignment(
  text: string,
  keyStart: number,
  exportStart: number,
): DotenvMatch | undefined {
  let keyEnd = keyStart;
  while (keyEnd < text.length && isDotenvKeyChar(text.charCodeAt(keyEnd))) keyEnd++;
  if (keyEnd === keyStart) return undefined;

  // `\s*=` first; `:\s+?` (a colon right after the key, then at least one blank) second.
  let separator = skipWhile(text, keyEnd, isJsSpace);
  let valueFrom: number;
  if (text.charCodeAt(separator) === CODE_EQUALS) {
    valueFrom = separator + 1;
  } else if (text.charCodeAt(keyEnd) === CODE_COLON && isJsSpace(text.charCodeAt(keyEnd + 1))) {
    separator = keyEnd;
    valueFrom = keyEnd + 2;
  } else {
    return undefined;
  }
  const head: MatchHead = { exportStart, keyStart, keyEnd, separator };
  return matchValue(text, valueFrom, head);
}

type MatchHead = Pick<DotenvMatch, 'exportStart' | 'keyStart' | 'keyEnd' | 'separator'>;

function matchValue(text: string, from: number, head: MatchHead): DotenvMatch | undefined {
  const emptyAt = head.separator + 1;

  // The three quoted alternatives allow blanks, line breaks included, before the quote.
  const quoteAt = skipWhile(text, from, isJsSpace);
  if (quoteAt < text.length && isQuoteCode(text.charCodeAt(quoteAt))) {
    const close = findClosingQuote(text, quoteAt);
    if (close !== -1) {
      const end = matchEnd(text, close + 1);
      return createMatch(text, head, quoteAt, close + 1, 'quoted', end);
    }
  }

  // `[^#\r\n]+`: the rest of the line up to a `#`.
  const code = text.charCodeAt(from);
  if (from < text.length && code !== CODE_HASH && code !== CODE_LF && code !== CODE_CR) {
    let runEnd = from;
    while (runEnd < text.length) {
      const c = text.charCodeAt(runEnd);
      if (c === CODE_HASH || c === CODE_LF || c === CODE_CR) break;
      runEnd++;
    }
    const end = matchEnd(text, runEnd);
    let start = from;
    while (start < runEnd && isJsSpace(text.charCodeAt(start))) start++;
    let stop = runEnd;
    while (stop > start && isJsSpace(text.charCodeAt(stop - 1))) stop--;
    if (stop === start) return createMatch(text, head, emptyAt, emptyAt, 'empty', end);
    return createMatch(text, head, start, stop, 'unquoted', end);
  }

  const end = matchEnd(text, from);
  if (end === -1) return undefined;
  return createMatch(text, head, emptyAt, emptyAt, 'empty', end);
}

// Built field by field: object spread is several times slower here on large files.
function createMatch(
  text: string,
  head: MatchHead,
  valueStart: number,
  valueEnd: number,
  form: DotenvValueForm,
  end: number,
): DotenvMatch {
  const { value, quote } = read(text.slice(valueStart, valueEnd));
  return {
    exportStart: head.exportStart,
    keyStart: head.keyStart,
    keyEnd: head.keyEnd,
    separator: head.separator,
    valueStart,
    valueEnd,
    form,
    value,
    quote,
    end,
  };
}

/**
 * Offset of the quote that closes the one at `open`, or -1. The pattern `(?:\\'|[^'])*'`
 * stops at the first quote without a backslash before it. When the rest of the line after
 * that quote is not blank or a comment, the engine backtracks to the escaped quotes before
 * it, last one first.
 */
function findClosingQuote(text: string, open: number): number {
  const quote = text[open]!;
  const escaped: number[] = [];
  let candidate = text.indexOf(quote, open + 1);
  while (candidate !== -1 && text.charCodeAt(candidate - 1) === CODE_BACKSLASH) {
    escaped.push(candidate);
    candidate = text.indexOf(quote, candidate + 1);
  }
  if (candidate !== -1 && matchEnd(text, candidate + 1) !== -1) return candidate;
  for (let i = escaped.length - 1; i >= 0; i--) {
    if (matchEnd(text, escaped[i]! + 1) !== -1) return escaped[i]!;
  }
  return -1;
}

/**
 * Returns the end of `\s*(?:#.*)?(?:$|$)` matched at `from`, or -1 when it cannot match. The
 * greedy `\s*` runs over line breaks and a `#` comment runs to the end of its line. When the
 * blanks are followed by other text, the engine backs up to the last line break among them.
 */
function matchEnd(text: string, from: number): number {
  const blankEnd = skipWhile(text, from, isJsSpace);
  if (blankEnd >= text.length) return text.length;
  if (text.charCodeAt(blankEnd) === CODE_HASH) {
    let i = blankEnd;
    while (i < text.length && !isJsLineTerminator(text.charCodeAt(i))) i++;
    return i;
  }
  for (let i = blankEnd - 1; i >= from; i--) {
    if (isJsLineTerminator(text.charCodeAt(i))) return i;
  }
  return -1;
}

/** Value dotenv stores for trimmed value text `written`, and the quotes it removed. */
function read(written: string): { value: string; quote: EnvQuote } {
  const { value: unquoted, quote } = stripQuotes(written);
  let value = unquoted;
  // dotenv expands `\n` and `\r` when the trimmed text starts with a double quote, even when
  // the quote is never closed.
  if (written.charCodeAt(0) === CODE_DOUBLE_QUOTE && value.indexOf('\\') !== -1) {
    value = value.replaceAll('\\n', '\n').replaceAll('\\r', '\r');
  }
  return { value, quote };
}

const QUOTE_KINDS: Record<string, EnvQuote> = { "'": 'single', '"': 'double', '`': 'backtick' };

/**
 * Applies `value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2')` without backtracking. With the `m`
 * flag a quote at the start of any line of the value pairs with the last same quote that ends
 * a line, which matters only for values containing U+2028 or U+2029 or line breaks.
 */
function stripQuotes(written: string): { value: string; quote: EnvQuote } {
  const length = written.length;
  const first = written.charCodeAt(0);
  const simple = !hasTerminator(written);
  if (simple) {
    if (length >= 2 && isQuoteCode(first) && written.charCodeAt(length - 1) === first) {
      return { value: written.slice(1, -1), quote: QUOTE_KINDS[written[0]!]! };
    }
    return { value: written, quote: 'none' };
  }

  const lastEnding = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = written.charCodeAt(i);
    const endsLine = i + 1 === length || isJsLineTerminator(written.charCodeAt(i + 1));
    if (isQuoteCode(code) && endsLine) lastEnding.set(code, i);
  }
  let out = '';
  let copied = 0;
  let quote: EnvQuote = 'none';
  let lineStart = 0;
  while (lineStart < length) {
    const code = written.charCodeAt(lineStart);
    const close = lastEnding.get(code) ?? -1;
    let next = lineStart;
    if (isQuoteCode(code) && close > lineStart) {
      out += written.slice(copied, lineStart) + written.slice(lineStart + 1, close);
      copied = close + 1;
      if (lineStart === 0) quote = QUOTE_KINDS[written[0]!]!;
      next = close + 1;
    }
    while (next < length && !isJsLineTerminator(written.charCodeAt(next))) next++;
    lineStart = next + 1;
  }
  return { value: out + written.slice(copied), quote };
}

function hasTerminator(text: string): boolean {
  return (
    text.indexOf('\n') !== -1 ||
    text.indexOf('\r') !== -1 ||
    text.indexOf('\u2028') !== -1 ||
    text.indexOf('\u2029') !== -1
  );
}
