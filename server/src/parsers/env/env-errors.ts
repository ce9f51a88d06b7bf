import type { ParseError } from '../../core/problem.js';
import type { SourceFile } from '../../core/source-file.js';
import {
  CODE_BACKSLASH,
  CODE_DOUBLE_QUOTE,
  CODE_SINGLE_QUOTE,
  hasLineTerminator,
  isJsLineTerminator,
  isJsSpace,
} from './char-classes.js';
import type { ComposeCursor } from './compose-cursor.js';
import type { DotenvMatch } from './dotenv-scanner.js';
import {
  composeRejectionMessage,
  ignoredLineMessage,
  INVALID_LINE_CODE,
  splitAssignmentMessage,
  tooManyErrorsMessage,
  unclosedQuoteMessage,
  type ComposeErrorContext,
} from './env-messages.js';
import type { NormalizedText } from './line-endings.js';

// NOTE: a file with more invalid lines than this is not an env file, and reporting every line
// would only cost memory. One last error says that the rest are not reported.
const MAX_ERRORS = 1000;

/**
 * Collects the `env-invalid-line` errors of a file while it is scanned. They cover lines
 * dotenv ignores (comments aside), values with a quote that is not closed on their line and
 * assignments split over lines. They also cover the first line Docker Compose rejects when
 * dotenv reads it without complaint.
 */
export class EnvErrorCollector {
  private readonly errors: ParseError[] = [];
  private truncated = false;
  /** Offset of the first error that puts Docker Compose out of step with dotenv. */
  private firstDesync = Infinity;
  private previousMatch: DotenvMatch | undefined;
  /** The last match whose key starts at or before Compose's first rejected statement. */
  private matchBeforeRejection: DotenvMatch | undefined;
  private matchBeforeRejectionFound = false;

  constructor(
    private readonly source: SourceFile,
    private readonly normalized: NormalizedText,
    private readonly cursor: ComposeCursor,
  ) {}

  ignoredLine(first: number): void {
    const text = this.normalized.text;
    const end = trimmedLineEnd(text, first);
    this.add(this.original(first), this.original(end), () =>
      ignoredLineMessage(text.slice(first, end)),
    );
  }

  /** Checks one dotenv match; call it after aligning the cursor with the match's key. */
  match(match: DotenvMatch): void {
    const text = this.normalized.text;
    const start = this.original(match.exportStart === -1 ? match.keyStart : match.exportStart);
    const unclosed = unclosedQuote(text, match);
    if (unclosed !== undefined) {
      const end = this.original(trimmedLineEnd(text, match.valueStart));
      this.add(start, end, () => unclosedQuoteMessage(unclosed));
      this.firstDesync = Math.min(this.firstDesync, start);
    } else if (isSplit(text, match)) {
      const end = this.original(match.form === 'empty' ? match.separator + 1 : match.valueEnd);
      this.add(start, end, splitAssignmentMessage);
      this.firstDesync = Math.min(this.firstDesync, start);
    }
    this.trackMatchBeforeRejection(match);
    this.previousMatch = match;
  }

  /** Adds the Compose-only error, if any, and returns all errors in file order. */
  finish(): ParseError[] {
    const statement = this.cursor.findFirstError();
    if (statement !== undefined && !this.matchBeforeRejectionFound) {
      this.matchBeforeRejection ??= this.previousMatch;
    }
    if (statement !== undefined && statement.start < this.firstDesync) this.addComposeRejection();
    return this.errors.sort((a, b) => {
      const byLine = a.range.start.line - b.range.start.line;
      return byLine !== 0 ? byLine : a.range.start.character - b.range.start.character;
    });
  }

  // Compose's first error can be found while the cursor is ahead of the dotenv matches, so
  // the match before it is settled by the first match whose key starts after it.
  private trackMatchBeforeRejection(match: DotenvMatch): void {
    const rejected = this.cursor.firstError;
    if (rejected === undefined || this.matchBeforeRejectionFound) return;
    if (this.original(match.keyStart) <= rejected.start) {
      this.matchBeforeRejection = match;
      return;
    }
    this.matchBeforeRejection ??= this.previousMatch;
    this.matchBeforeRejectionFound = true;
  }

  private addComposeRejection(): void {
    const statement = this.cursor.firstError!;
    const source = this.source;
    const line = source.positionAt(statement.start).line;
    const covered = this.errors.some(
      (error) => error.range.start.line <= line && line <= error.range.end.line,
    );
    if (covered) return;

    const previous = this.cursor.beforeFirstError;
    let context: ComposeErrorContext = 'own-line';
    if (
      previous !== undefined &&
      previous.quote !== 'none' &&
      source.positionAt(previous.valueEnd).line === line
    ) {
      context = 'after-closing-quote';
    }
    let backslashBeforeQuote = false;
    const match = this.matchBeforeRejection;
    if (match !== undefined) {
      const keyStart = this.original(match.keyStart);
      const valueEnd = this.original(match.valueEnd);
      if (context === 'own-line' && statement.start < valueEnd && statement.start !== keyStart) {
        context = 'inside-multiline-value';
      }
      backslashBeforeQuote =
        statement.start === keyStart &&
        match.form === 'quoted' &&
        this.normalized.text.charCodeAt(match.valueEnd - 2) === CODE_BACKSLASH;
    }

    let start = source.offsetAt({ line, character: 0 });
    let end = source.lineEnd(line);
    while (start < end && isJsSpace(source.text.charCodeAt(start))) start++;
    while (end > start && isJsSpace(source.text.charCodeAt(end - 1))) end--;
    const error = statement.error!;
    this.add(start, end, () => composeRejectionMessage(error, context, backslashBeforeQuote));
  }

  private add(start: number, end: number, message: () => string): void {
    if (this.truncated) return;
    const range = this.source.rangeAt(start, end);
    if (this.errors.length >= MAX_ERRORS) {
      this.truncated = true;
      const text = tooManyErrorsMessage(MAX_ERRORS);
      this.errors.push({ code: INVALID_LINE_CODE, severity: 'error', message: text, range });
      return;
    }
    this.errors.push({ code: INVALID_LINE_CODE, severity: 'error', message: message(), range });
  }

  private original(offset: number): number {
    return this.normalized.originalOffset(offset);
  }
}

/** Returns the quote kind of a value that starts with a quote dotenv did not pair. */
function unclosedQuote(text: string, match: DotenvMatch): 'single' | 'double' | undefined {
  if (match.form !== 'unquoted') return undefined;
  const quote = text.charCodeAt(match.valueStart);
  if (quote !== CODE_SINGLE_QUOTE && quote !== CODE_DOUBLE_QUOTE) return undefined;
  // A backslash escapes the next character, as Docker Compose reads quoted values.
  let escaped = false;
  for (let i = match.valueStart + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isJsLineTerminator(code)) break;
    if (escaped) escaped = false;
    else if (code === CODE_BACKSLASH) escaped = true;
    else if (code === quote) return undefined;
  }
  return quote === CODE_DOUBLE_QUOTE ? 'double' : 'single';
}

/** Tests whether `export`, the key, the separator and the value start span lines. */
function isSplit(text: string, match: DotenvMatch): boolean {
  const start = match.exportStart === -1 ? match.keyStart : match.exportStart;
  if (hasLineTerminator(text, start, match.separator)) return true;
  return match.form !== 'empty' && hasLineTerminator(text, match.separator, match.valueStart);
}

function trimmedLineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isJsLineTerminator(text.charCodeAt(end))) end++;
  while (end > from && isJsSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
