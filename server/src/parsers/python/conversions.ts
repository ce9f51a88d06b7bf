import { numberOf, parsePyFloat, parsePyInt, toPyStr } from './py-values.js';
import type { PyValue } from './settings-model.js';

/**
 * Conversions of values the way Python builtins and the environment libraries apply them. A
 * failure names the exception Python raises, and an unknown input converts to unknown.
 */

export type Conversion = { ok: true; value: PyValue } | { ok: false; exception: string };

const unknown = (reason: string): Conversion => ({ ok: true, value: { type: 'unknown', reason } });

/** `int(value)`: strings of digits (with `_` and surrounding whitespace), numbers, bools. */
export function toInt(value: PyValue): Conversion {
  if (value.type === 'unknown') return unknown('int() of an unknown value');
  if (value.type === 'str') {
    const parsed = parsePyInt(value.value);
    return parsed === undefined
      ? { ok: false, exception: 'ValueError' }
      : { ok: true, value: { type: 'int', value: parsed } };
  }
  const number = numberOf(value);
  if (number === undefined || !Number.isFinite(number))
    return { ok: false, exception: number === undefined ? 'TypeError' : 'OverflowError' };
  return { ok: true, value: { type: 'int', value: Math.trunc(number) } };
}

/** `float(value)`. */
export function toFloat(value: PyValue): Conversion {
  if (value.type === 'unknown') return unknown('float() of an unknown value');
  if (value.type === 'str') {
    const parsed = parsePyFloat(value.value);
    return parsed === undefined
      ? { ok: false, exception: 'ValueError' }
      : { ok: true, value: { type: 'float', value: parsed } };
  }
  const number = numberOf(value);
  return number === undefined
    ? { ok: false, exception: 'TypeError' }
    : { ok: true, value: { type: 'float', value: number } };
}

/** `str(value)`. */
export function toStr(value: PyValue): Conversion {
  const text = toPyStr(value);
  return text === undefined
    ? unknown('str() of an unknown value')
    : { ok: true, value: { type: 'str', value: text } };
}

/** Spellings python-decouple 3.6 to 3.8 accepts for `cast=bool`, lower-cased. `""` is False. */
export const DECOUPLE_TRUE = ['y', 'yes', 't', 'true', 'on', '1'];
export const DECOUPLE_FALSE = ['n', 'no', 'f', 'false', 'off', '0'];

/** python-decouple's `cast=bool`: `str(value)`, then the tables above, else ValueError. */
export function decoupleBool(value: PyValue): Conversion {
  if (value.type === 'bool') return { ok: true, value };
  const text = toPyStr(value);
  if (text === undefined) return unknown('bool cast of an unknown value');
  if (text === '') return { ok: true, value: { type: 'bool', value: false } };
  const lower = text.toLowerCase();
  if (DECOUPLE_TRUE.includes(lower)) return { ok: true, value: { type: 'bool', value: true } };
  if (DECOUPLE_FALSE.includes(lower)) return { ok: true, value: { type: 'bool', value: false } };
  return { ok: false, exception: 'ValueError' };
}

/** Spellings django-environ (0.4.4 to 0.12) reads as True after trying `int(value) != 0`. */
export const ENVIRON_TRUE = ['true', 'on', 'ok', 'y', 'yes', '1'];

/**
 * Applies django-environ's bool cast, which never raises. The value is stripped first, as
 * 0.11.0 and later do (0.4.4 compares it unstripped).
 */
export function environBool(value: PyValue): Conversion {
  if (value.type === 'str') {
    const integer = parsePyInt(value.value);
    if (integer !== undefined) return { ok: true, value: { type: 'bool', value: integer !== 0 } };
    return {
      ok: true,
      value: { type: 'bool', value: ENVIRON_TRUE.includes(value.value.toLowerCase().trim()) },
    };
  }
  const number = numberOf(value);
  if (number !== undefined) return { ok: true, value: { type: 'bool', value: number !== 0 } };
  return unknown('bool cast of a value that is not a string');
}

/**
 * django-environ's float cast: keeps digits, `,`, `.` and `-`, and reads the last separator as
 * the decimal point.
 */
export function environFloat(value: PyValue): Conversion {
  if (value.type !== 'str') return toFloat(value);
  const cleaned = value.value.replace(/[^\d,.-]/g, '');
  const parts = cleaned.split(/[,.]/);
  const joined =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('')}.${parts[parts.length - 1]}`;
  return toFloat({ type: 'str', value: joined });
}

/** django-environ's list cast: split on `,`, drop empty items, keep spaces. */
export function environList(text: string): string[] {
  return text.split(',').filter((item) => item !== '');
}

/** django-environ's tuple cast: strip parentheses, then as a list. */
export function environTuple(text: string): string[] {
  return environList(strip(strip(text, '(', true, true), ')', true, true));
}

function strip(text: string, chars: string, left: boolean, right: boolean): string {
  let start = 0;
  let end = text.length;
  if (left) while (start < end && chars.includes(text[start]!)) start++;
  if (right) while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * python-decouple's `Csv()`: `shlex` in POSIX mode with the delimiters as whitespace, so quotes
 * group and `#` starts a comment, then each item stripped. Undefined where shlex raises
 * ValueError (an unclosed quote or a trailing backslash).
 */
export function decoupleCsv(
  text: string,
  delimiter: string,
  stripChars: string,
): string[] | undefined {
  const tokens: string[] = [];
  let token = '';
  let quoted = false;
  let quote: string | undefined;
  const flush = () => {
    if (token !== '' || quoted) tokens.push(token);
    token = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (quote === '"' && char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\'))
        token += text[++i];
      else token += char;
    } else if (delimiter.includes(char)) {
      flush();
    } else if (char === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      flush();
    } else if (char === '"' || char === "'") {
      quote = char;
      quoted = true;
    } else if (char === '\\') {
      if (i + 1 >= text.length) return undefined;
      token += text[++i];
    } else {
      token += char;
    }
  }
  if (quote) return undefined;
  flush();
  return tokens.map((item) => strip(item, stripChars, true, true));
}

/** `json.loads(text)`, or undefined where it raises JSONDecodeError (a ValueError). */
export function jsonLoads(text: string): PyValue | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return fromJson(parsed, 0);
}

function fromJson(value: unknown, depth: number): PyValue {
  if (depth > 100) return { type: 'unknown', reason: 'JSON nested too deeply' };
  if (value === null) return { type: 'none' };
  if (typeof value === 'string') return { type: 'str', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'int' : 'float', value };
  if (Array.isArray(value))
    return { type: 'list', items: value.map((item) => fromJson(item, depth + 1)) };
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
    key: { type: 'str', value: key } as PyValue,
    value: fromJson(item, depth + 1),
  }));
  return { type: 'dict', entries };
}
