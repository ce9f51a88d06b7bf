import type { PyValue } from './settings-model.js';

/** Python semantics of values (truthiness, equality, ordering, `str()` and `repr()`). */

export const NONE: PyValue = { type: 'none' };

export function strValue(value: string): PyValue {
  return { type: 'str', value };
}

export function intValue(value: number): PyValue {
  return { type: 'int', value };
}

export function floatValue(value: number): PyValue {
  return { type: 'float', value };
}

export function boolValue(value: boolean): PyValue {
  return { type: 'bool', value };
}

export function unknownValue(reason: string): PyValue {
  return { type: 'unknown', reason };
}

export function isNumber(
  value: PyValue,
): value is { type: 'int' | 'float' | 'bool'; value: number } & PyValue {
  return value.type === 'int' || value.type === 'float' || value.type === 'bool';
}

/** Numeric value of an int, float or bool (`True` is 1). */
export function numberOf(value: PyValue): number | undefined {
  if (value.type === 'int' || value.type === 'float') return value.value;
  if (value.type === 'bool') return value.value ? 1 : 0;
  return undefined;
}

export function truthiness(value: PyValue): boolean | undefined {
  switch (value.type) {
    case 'str':
      return value.value !== '';
    case 'int':
    case 'float':
      return value.value !== 0;
    case 'bool':
      return value.value;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
    case 'set':
      return value.items.length > 0;
    case 'dict':
      return value.entries.length > 0;
    case 'unknown':
      return value.truthy;
  }
}

/** True when the value and everything inside it is known. */
export function isKnown(value: PyValue, depth = 0): boolean {
  if (depth > 100) return false;
  switch (value.type) {
    case 'unknown':
      return false;
    case 'list':
    case 'tuple':
    case 'set':
      return value.items.every((item) => isKnown(item, depth + 1));
    case 'dict':
      return value.entries.every(
        (entry) => isKnown(entry.key, depth + 1) && isKnown(entry.value, depth + 1),
      );
    default:
      return true;
  }
}

/** True when two values are known and equal in type and content. */
export function sameValue(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  if (!isKnown(a) || !isKnown(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `a == b`, or undefined when an unknown part decides it. */
export function pyEquals(a: PyValue, b: PyValue, depth = 0): boolean | undefined {
  if (depth > 100 || a.type === 'unknown' || b.type === 'unknown') return undefined;
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== undefined || y !== undefined)
    return x !== undefined && y !== undefined ? x === y : false;
  if (a.type === 'str' || b.type === 'str')
    return a.type === 'str' && b.type === 'str' && a.value === b.value;
  if (a.type === 'none' || b.type === 'none') return a.type === b.type;
  if ((a.type === 'list' || a.type === 'tuple') && a.type === b.type) {
    const other = b as { items: PyValue[] };
    if (a.items.length !== other.items.length) return false;
    return allOf(a.items.map((item, i) => pyEquals(item, other.items[i]!, depth + 1)));
  }
  if (a.type === 'set' && b.type === 'set') {
    if (!isKnown(a) || !isKnown(b)) return undefined;
    return (
      a.items.length === b.items.length &&
      a.items.every((item) => b.items.some((candidate) => pyEquals(item, candidate) === true))
    );
  }
  if (a.type === 'dict' && b.type === 'dict') {
    if (a.entries.length !== b.entries.length) return false;
    return allOf(
      a.entries.map((entry) => {
        const match = dictGet(b, entry.key);
        return match === undefined
          ? isKnown(b)
            ? false
            : undefined
          : match === null
            ? false
            : pyEquals(entry.value, match, depth + 1);
      }),
    );
  }
  return false;
}

function allOf(results: (boolean | undefined)[]): boolean | undefined {
  if (results.includes(false)) return false;
  return results.includes(undefined) ? undefined : true;
}

/** `a < b` as -1, 0, 1, or undefined when it cannot be known (or Python raises TypeError). */
export function pyCompare(a: PyValue, b: PyValue, depth = 0): number | undefined {
  if (depth > 100) return undefined;
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== undefined && y !== undefined) return order(x, y);
  if (a.type === 'str' && b.type === 'str') return order(a.value, b.value);
  if ((a.type === 'list' || a.type === 'tuple') && a.type === b.type) {
    const other = b as { items: PyValue[] };
    for (let i = 0; i < Math.min(a.items.length, other.items.length); i++) {
      const equal = pyEquals(a.items[i]!, other.items[i]!);
      if (equal === undefined) return undefined;
      if (!equal) return pyCompare(a.items[i]!, other.items[i]!, depth + 1);
    }
    return Math.sign(a.items.length - other.items.length);
  }
  return undefined;
}

function order<T extends number | string>(a: T, b: T): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * Value stored under `key` in a dict: the value, null when the key is certainly absent, or
 * undefined when unknown keys make it impossible to tell.
 */
export function dictGet(
  dict: PyValue & { type: 'dict' },
  key: PyValue,
): PyValue | null | undefined {
  let uncertain = false;
  for (let i = dict.entries.length - 1; i >= 0; i--) {
    const entry = dict.entries[i]!;
    const equal = pyEquals(entry.key, key);
    if (equal === true) return entry.value;
    if (equal === undefined) uncertain = true;
  }
  return uncertain ? undefined : null;
}

/** Copy of a dict with `key` set to `value`, keeping the key's position when it exists. */
export function dictSet(
  dict: PyValue & { type: 'dict' },
  key: PyValue,
  value: PyValue,
): PyValue & { type: 'dict' } {
  const entries = [...dict.entries];
  const index = entries.findIndex((entry) => pyEquals(entry.key, key) === true);
  if (index >= 0) entries[index] = { key: entries[index]!.key, value };
  else entries.push({ key, value });
  return { type: 'dict', entries };
}

/** `item in container`, or undefined when it cannot be known. */
export function pyContains(container: PyValue, item: PyValue): boolean | undefined {
  switch (container.type) {
    case 'str':
      return item.type === 'str' ? container.value.includes(item.value) : undefined;
    case 'list':
    case 'tuple':
    case 'set': {
      let uncertain = false;
      for (const candidate of container.items) {
        const equal = pyEquals(candidate, item);
        if (equal === true) return true;
        if (equal === undefined) uncertain = true;
      }
      return uncertain ? undefined : false;
    }
    case 'dict': {
      const found = dictGet(container, item);
      return found === undefined ? undefined : found !== null;
    }
    default:
      return undefined;
  }
}

/** Python's `repr()` of a float: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e16 || magnitude < 1e-4) {
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
    const power = Number(exponent);
    return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}

/** Python's `str()`, or undefined for unknown values. */
export function toPyStr(value: PyValue): string | undefined {
  return value.type === 'str' ? value.value : toPyRepr(value);
}

/** Python's `repr()`, or undefined for unknown values. */
export function toPyRepr(value: PyValue, depth = 0): string | undefined {
  if (depth > 100) return undefined;
  const join = (items: PyValue[]) => {
    const parts = items.map((item) => toPyRepr(item, depth + 1));
    return parts.includes(undefined) ? undefined : parts.join(', ');
  };
  switch (value.type) {
    case 'str':
      return quoteString(value.value);
    case 'int':
      return Number.isSafeInteger(value.value) || !Number.isFinite(value.value)
        ? String(value.value)
        : BigInt(value.value).toString();
    case 'float':
      return formatFloat(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list': {
      const inner = join(value.items);
      return inner === undefined ? undefined : `[${inner}]`;
    }
    case 'tuple': {
      const inner = join(value.items);
      return inner === undefined
        ? undefined
        : value.items.length === 1
          ? `(${inner},)`
          : `(${inner})`;
    }
    case 'set': {
      const inner = join(value.items);
      if (inner === undefined) return undefined;
      return value.items.length === 0 ? 'set()' : `{${inner}}`;
    }
    case 'dict': {
      const parts = value.entries.map((entry) => {
        const key = toPyRepr(entry.key, depth + 1);
        const item = toPyRepr(entry.value, depth + 1);
        return key === undefined || item === undefined ? undefined : `${key}: ${item}`;
      });
      return parts.includes(undefined) ? undefined : `{${parts.join(', ')}}`;
    }
    case 'unknown':
      return undefined;
  }
}

/** Quotes a string as Python's `repr()` does: single quotes unless it contains `'` and no `"`. */
export function quoteString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** Python's `int(text)` for a string, or undefined where Python raises ValueError. */
export function parsePyInt(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?\d(?:_?\d)*$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/_/g, ''));
}

/** Python's `float(text)` for a string, or undefined where Python raises ValueError. */
export function parsePyFloat(text: string): number | undefined {
  const trimmed = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(trimmed);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (
    !/^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/.test(
      trimmed,
    )
  )
    return undefined;
  return Number(trimmed.replace(/_/g, ''));
}
