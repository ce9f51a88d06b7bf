import { expandEscapes } from './compose-escapes.js';
import type { ComposeError, ComposeStatement } from './compose-scanner.js';
import type { EnvQuote } from './env-model.js';

/** The dotenv reading of one entry, as far as the comparison needs it. */
export interface DotenvReading {
  key: string;
  value: string;
  quote: EnvQuote;
  /** Offsets in the original text of the value as written. */
  valueStart: number;
  valueEnd: number;
}

export interface ComposeReading {
  composeValue?: string;
  composeNote?: string;
}

const NOTES = {
  nextLineValue:
    'Docker Compose ends the value at the end of the line of the key, so it does not read ' +
    'the value on the next line.',
  continuesQuote:
    'Docker Compose continues the quoted value onto the next lines, up to the next matching quote.',
  textAfterQuote:
    'Docker Compose ends the value at the first closing quote and drops the rest of the line, ' +
    'while dotenv keeps the whole text.',
  backticks: 'Docker Compose does not treat backticks as quotes, so it keeps them in the value.',
  hash:
    'dotenv starts a comment at any "#", but Docker Compose only at a "#" after a space, so ' +
    'Compose keeps the text from the "#" on.',
  carriageReturn: 'Docker Compose keeps the carriage returns that dotenv reads as line breaks.',
  singleQuoteEscape:
    "Docker Compose reads \\' inside single quotes as an escaped quote, while dotenv keeps " +
    'the backslash.',
  doubleQuoteEscapes:
    'Docker Compose expands backslash escapes such as \\t, \\" and \\\\ in double quotes, ' +
    'while dotenv expands only \\n and \\r.',
  interpolation:
    'Docker Compose replaces "$" references in this value with variables from the shell or ' +
    'from earlier lines, empty when unset, so single-quote the value to keep it as written.',
  other: 'Docker Compose reads this value differently from dotenv.',
  unterminated: 'Docker Compose finds no closing quote for this value and rejects the file.',
  invalidReference:
    'Docker Compose rejects the file because "${" in this value does not start a valid reference.',
} as const;

/**
 * Compares how Docker Compose reads an entry with how dotenv reads it. `statement` is the
 * Compose statement that starts where the entry's key starts, if any. A note without a value
 * means that Compose rejects the file at this entry or does not set the key here.
 */
export function compareWithCompose(
  source: string,
  entry: DotenvReading,
  statement: ComposeStatement | undefined,
): ComposeReading {
  if (statement === undefined) {
    const composeNote =
      'Docker Compose reads this line as part of another value, so it does not set ' +
      `${entry.key} here.`;
    return { composeNote };
  }
  if (statement.inherited) {
    const composeNote =
      `Docker Compose reads ${entry.key} alone on its line and copies the variable from the ` +
      'shell environment.';
    return { composeNote };
  }
  if (statement.error !== undefined) return { composeNote: errorNote(statement.error) };
  const composeValue = statement.value;
  if (composeValue === undefined || composeValue === entry.value) return {};
  return { composeValue, composeNote: differenceNote(source, entry, statement) };
}

function errorNote(error: ComposeError): string {
  switch (error.kind) {
    case 'unterminated-quote':
      return NOTES.unterminated;
    case 'invalid-interpolation':
      return NOTES.invalidReference;
    case 'required-variable':
      return (
        `Docker Compose rejects the file unless ${error.detail} is set in the shell or earlier ` +
        'in this file.'
      );
    default:
      return NOTES.other;
  }
}

/** Picks the first reason, in a fixed order, why Compose's value differs from dotenv's. */
function differenceNote(source: string, entry: DotenvReading, statement: ComposeStatement): string {
  if (source.slice(statement.valueEnd, entry.valueStart).includes('\n')) return NOTES.nextLineValue;
  if (statement.quote !== 'none') {
    const continues =
      statement.valueEnd > entry.valueEnd &&
      source.slice(entry.valueEnd, statement.valueEnd).includes('\n');
    if (continues) return NOTES.continuesQuote;
    if (statement.textAfterQuote) return NOTES.textAfterQuote;
  }
  if (entry.quote === 'backtick') return NOTES.backticks;
  const literal = statement.literal;
  if (statement.quote === 'none' && literal.includes('#') && !entry.value.includes('#')) {
    return NOTES.hash;
  }
  if (literal.includes('\r') && !entry.value.includes('\r')) return NOTES.carriageReturn;
  const inner = source.slice(statement.valueStart + 1, statement.valueEnd - 1);
  if (statement.quote === 'single' && literal !== inner) return NOTES.singleQuoteEscape;
  if (statement.quote === 'double' && escapesDiffer(inner, literal)) {
    return NOTES.doubleQuoteEscapes;
  }
  if (statement.quote !== 'single' && literal.includes('$')) return NOTES.interpolation;
  return NOTES.other;
}

/** Tests whether Compose's escapes change a double-quoted value beyond dotenv's `\n`, `\r`. */
function escapesDiffer(inner: string, literal: string): boolean {
  if (literal !== inner) return true;
  const dotenvStyle = literal.replaceAll('\\n', '\n').replaceAll('\\r', '\r');
  return expandEscapes(literal) !== dotenvStyle;
}
