// The number syntax of PostgreSQL's `parse_int`: C `strtol` with base 0, re-read with `strtod`
// when `strtol` stops at `.`, `e` or `E` or overflows, then an optional unit of up to three
// characters. C `isspace` counts as whitespace.

/** A number read from the start of a parameter value, and the offset just after it. */
export interface GucNumber {
  value: number;
  end: number;
}

const LONG_MAX = 2 ** 63 - 1;
const MAX_UNIT_LENGTH = 3;

const C_SPACES = ' \t\n\v\f\r';

function isCSpace(char: string | undefined): boolean {
  return char !== undefined && C_SPACES.includes(char);
}

function skipSpaces(text: string, index: number): number {
  while (isCSpace(text[index])) index++;
  return index;
}

function digitValue(char: string | undefined): number {
  if (char === undefined) return -1;
  const value = parseInt(char, 16);
  return Number.isNaN(value) ? -1 : value;
}

/** C `strtol(text, &end, 0)`. `end` is 0 when nothing converts, as C's end pointer then is. */
function readStrtol(text: string): GucNumber & { overflow: boolean } {
  let index = skipSpaces(text, 0);
  let sign = 1;
  if (text[index] === '+' || text[index] === '-') {
    sign = text[index] === '-' ? -1 : 1;
    index++;
  }
  let base = 10;
  if (text[index] === '0' && (text[index + 1] === 'x' || text[index + 1] === 'X')) {
    const hexDigit = digitValue(text[index + 2]);
    if (hexDigit >= 0) {
      base = 16;
      index += 2;
    } else {
      base = 8;
    }
  } else if (text[index] === '0') {
    base = 8;
  }
  const start = index;
  let value = 0;
  let digit = digitValue(text[index]);
  while (digit >= 0 && digit < base) {
    value = value * base + digit;
    index++;
    digit = digitValue(text[index]);
  }
  if (index === start) return { value: 0, end: 0, overflow: false };
  return { value: sign * value, end: index, overflow: value > LONG_MAX };
}

const DECIMAL_FLOAT = /^[ \t\n\v\f\r]*([+-]?)((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/;
const HEX_FLOAT =
  /^[ \t\n\v\f\r]*([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?/;

/** C `strtod(text, &end)` for decimal and hex numbers, or undefined when nothing converts. */
function readStrtod(text: string): GucNumber | undefined {
  const hex = HEX_FLOAT.exec(text);
  if (hex && (hex[2]! + (hex[3] ?? '')).length > 0) {
    const digits = hex[2]! + (hex[3] ?? '');
    let mantissa = 0;
    for (const char of digits) mantissa = mantissa * 16 + digitValue(char);
    const exponent = Number(hex[4] ?? '0') - 4 * (hex[3] ?? '').length;
    const value = (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** exponent;
    return { value, end: hex[0].length };
  }
  const decimal = DECIMAL_FLOAT.exec(text);
  if (!decimal) return undefined;
  return { value: Number(decimal[1]! + decimal[2]!), end: decimal[0].length };
}

/**
 * Reads the number at the start of `text` as `parse_int` does, or returns undefined when
 * PostgreSQL would reject it. Overflow of a C `double` (`1e400`) is rejected, as `strtod`'s
 * `ERANGE` is.
 */
export function readGucNumber(text: string): GucNumber | undefined {
  const integer = readStrtol(text);
  const stop = text[integer.end];
  let number: GucNumber | undefined = integer;
  if (stop === '.' || stop === 'e' || stop === 'E' || integer.overflow) number = readStrtod(text);
  if (number === undefined || number.end === 0) return undefined;
  if (!Number.isFinite(number.value)) return undefined;
  return number;
}

/**
 * Reads the unit after the number that ends at `start`: `''` when only whitespace follows, the
 * unit when one word of at most three characters follows, else undefined.
 */
export function readGucUnit(text: string, start: number): string | undefined {
  const unitStart = skipSpaces(text, start);
  let unitEnd = unitStart;
  const unitLimit = Math.min(text.length, unitStart + MAX_UNIT_LENGTH);
  while (unitEnd < unitLimit && !isCSpace(text[unitEnd])) unitEnd++;
  if (skipSpaces(text, unitEnd) !== text.length) return undefined;
  return text.slice(unitStart, unitEnd);
}
