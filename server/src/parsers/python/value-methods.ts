import { boolValue, dictGet, intValue, NONE, pyEquals, strValue } from './py-values.js';
import type { PyValue } from './settings-model.js';
import { strFormat } from './string-format.js';

/**
 * Methods of known `str`, `list`, `tuple` and `dict` values that return a new value. Each
 * returns undefined when the method is not modelled or Python would raise, so the caller
 * reads the result as unknown. Mutating list and dict methods live in the evaluator.
 */

/** Characters `str.split()` and `str.strip()` treat as whitespace (`str.isspace`). */
const WHITESPACE =
  ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680' +
  '\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000';

/** Results longer than this are not built (`"x" * 10**9`, `"".join(...)` over huge lists). */
export const MAX_STRING_LENGTH = 1_000_000;

export function callValueMethod(
  target: PyValue,
  method: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): PyValue | undefined {
  switch (target.type) {
    case 'str':
      return callStrMethod(target.value, method, args, kwargs);
    case 'list':
    case 'tuple':
      return callSequenceMethod(target.type, target.items, method, args);
    case 'dict':
      return callDictMethod(target, method, args);
    default:
      return undefined;
  }
}

function argOrKeyword(
  args: PyValue[],
  kwargs: Map<string, PyValue>,
  index: number,
  name: string,
): PyValue | undefined {
  return args[index] ?? kwargs.get(name);
}

function optionalString(value: PyValue | undefined): string | null | undefined {
  if (value === undefined || value.type === 'none') return null;
  return value.type === 'str' ? value.value : undefined;
}

function optionalInt(value: PyValue | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return value.type === 'int' ? value.value : undefined;
}

function stringList(items: string[]): PyValue {
  return { type: 'list', items: items.map(strValue) };
}

function callStrMethod(
  text: string,
  method: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): PyValue | undefined {
  switch (method) {
    case 'split':
    case 'rsplit': {
      const separator = optionalString(argOrKeyword(args, kwargs, 0, 'sep'));
      const limit = optionalInt(argOrKeyword(args, kwargs, 1, 'maxsplit'), -1);
      if (separator === undefined || separator === '' || limit === undefined) return undefined;
      return stringList(split(text, separator, limit, method === 'rsplit'));
    }
    case 'splitlines':
      return stringList(
        text
          .split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/)
          .filter((line, i, all) => i < all.length - 1 || line !== ''),
      );
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      const chars = optionalString(args[0]);
      if (chars === undefined) return undefined;
      return strValue(strip(text, chars ?? WHITESPACE, method !== 'rstrip', method !== 'lstrip'));
    }
    case 'lower':
    case 'casefold':
      return strValue(text.toLowerCase());
    case 'upper':
      return strValue(text.toUpperCase());
    case 'title':
      return strValue(
        text
          .toLowerCase()
          .replace(
            /(^|[^\p{L}])(\p{L})/gu,
            (_all, before: string, letter: string) => before + letter.toUpperCase(),
          ),
      );
    case 'capitalize':
      return strValue(text.charAt(0).toUpperCase() + text.slice(1).toLowerCase());
    case 'replace': {
      const [old, replacement, count] = args;
      if (old?.type !== 'str' || replacement?.type !== 'str') return undefined;
      const limit = optionalInt(count, -1);
      if (limit === undefined || old.value === '') return undefined;
      const joined = split(text, old.value, limit, false).join(replacement.value);
      return joined.length > MAX_STRING_LENGTH ? undefined : strValue(joined);
    }
    case 'startswith':
    case 'endswith': {
      const first = args[0];
      let candidates: PyValue[] = [];
      if (first?.type === 'tuple') candidates = first.items;
      else if (first) candidates = [first];
      if (
        candidates.length === 0 ||
        candidates.some((candidate) => candidate.type !== 'str') ||
        args.length > 1
      )
        return undefined;
      const test = (candidate: PyValue) => {
        const value = (candidate as { value: string }).value;
        return method === 'startswith' ? text.startsWith(value) : text.endsWith(value);
      };
      return boolValue(candidates.some(test));
    }
    case 'removeprefix':
    case 'removesuffix': {
      const affix = args[0];
      if (affix?.type !== 'str') return undefined;
      if (method === 'removeprefix')
        return strValue(
          affix.value && text.startsWith(affix.value) ? text.slice(affix.value.length) : text,
        );
      return strValue(
        affix.value && text.endsWith(affix.value) ? text.slice(0, -affix.value.length) : text,
      );
    }
    case 'join': {
      const items = args[0];
      if (!items || (items.type !== 'list' && items.type !== 'tuple' && items.type !== 'set'))
        return undefined;
      if (items.items.some((item) => item.type !== 'str')) return undefined;
      const joined = items.items.map((item) => (item as { value: string }).value).join(text);
      return joined.length > MAX_STRING_LENGTH ? undefined : strValue(joined);
    }
    case 'format': {
      const formatted = strFormat(text, args, kwargs);
      return formatted === undefined ? undefined : strValue(formatted);
    }
    case 'format_map': {
      const mapping = args[0];
      if (mapping?.type !== 'dict') return undefined;
      const named = new Map<string, PyValue>();
      for (const entry of mapping.entries)
        if (entry.key.type === 'str') named.set(entry.key.value, entry.value);
      const formatted = strFormat(text, [], named);
      return formatted === undefined ? undefined : strValue(formatted);
    }
    case 'count':
    case 'find':
    case 'rfind':
    case 'index': {
      const needle = args[0];
      if (needle?.type !== 'str' || args.length > 1) return undefined;
      if (method === 'count')
        return intValue(
          needle.value === '' ? text.length + 1 : text.split(needle.value).length - 1,
        );
      const found =
        method === 'rfind' ? text.lastIndexOf(needle.value) : text.indexOf(needle.value);
      return method === 'index' && found < 0 ? undefined : intValue(found);
    }
    case 'isdigit':
    case 'isdecimal':
    case 'isnumeric':
      return boolValue(/^\p{Nd}+$/u.test(text));
    case 'isalpha':
      return boolValue(/^\p{L}+$/u.test(text));
    case 'isalnum':
      return boolValue(/^[\p{L}\p{Nd}]+$/u.test(text));
    case 'isspace':
      return boolValue(text.length > 0 && [...text].every((char) => WHITESPACE.includes(char)));
    case 'islower':
      return boolValue(/\p{Ll}/u.test(text) && text === text.toLowerCase());
    case 'isupper':
      return boolValue(/\p{Lu}/u.test(text) && text === text.toUpperCase());
    case 'zfill': {
      const width = optionalInt(args[0], 0);
      if (width === undefined || width > MAX_STRING_LENGTH) return undefined;
      const sign = /^[+-]/.test(text) ? text[0]! : '';
      return strValue(sign + text.slice(sign.length).padStart(width - sign.length, '0'));
    }
    case 'partition':
    case 'rpartition': {
      const separator = args[0];
      if (separator?.type !== 'str' || separator.value === '') return undefined;
      const at =
        method === 'partition' ? text.indexOf(separator.value) : text.lastIndexOf(separator.value);
      const parts =
        at < 0
          ? method === 'partition'
            ? [text, '', '']
            : ['', '', text]
          : [text.slice(0, at), separator.value, text.slice(at + separator.value.length)];
      return { type: 'tuple', items: parts.map(strValue) };
    }
    default:
      return undefined;
  }
}

/** `str.split` and `str.rsplit`: `null` splits on runs of whitespace and drops empty pieces. */
function split(
  text: string,
  separator: string | null,
  limit: number,
  fromRight: boolean,
): string[] {
  if (separator === null) {
    const words = [...text.matchAll(new RegExp(`[^${escapeClass(WHITESPACE)}]+`, 'gu'))].map(
      (match) => ({ word: match[0], at: match.index! }),
    );
    if (limit < 0 || words.length <= limit) return words.map((entry) => entry.word);
    if (fromRight) {
      const head = text.slice(0, words[words.length - limit]!.at);
      return [
        strip(head, WHITESPACE, true, true),
        ...words.slice(words.length - limit).map((entry) => entry.word),
      ];
    }
    return [
      ...words.slice(0, limit).map((entry) => entry.word),
      strip(text.slice(words[limit]!.at), WHITESPACE, true, true),
    ];
  }
  const pieces = text.split(separator);
  if (limit < 0 || pieces.length <= limit + 1) return pieces;
  if (fromRight)
    return [
      pieces.slice(0, pieces.length - limit).join(separator),
      ...pieces.slice(pieces.length - limit),
    ];
  return [...pieces.slice(0, limit), pieces.slice(limit).join(separator)];
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (char) => `\\${char}`);
}

export function strip(text: string, chars: string, left: boolean, right: boolean): string {
  let start = 0;
  let end = text.length;
  if (left) while (start < end && chars.includes(text[start]!)) start++;
  if (right) while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function callSequenceMethod(
  type: string,
  items: PyValue[],
  method: string,
  args: PyValue[],
): PyValue | undefined {
  switch (method) {
    case 'count': {
      if (!args[0]) return undefined;
      let count = 0;
      for (const item of items) {
        const equal = pyEquals(item, args[0]);
        if (equal === undefined) return undefined;
        if (equal) count++;
      }
      return intValue(count);
    }
    case 'index': {
      if (!args[0] || args.length > 1) return undefined;
      for (let i = 0; i < items.length; i++) {
        const equal = pyEquals(items[i]!, args[0]);
        if (equal === undefined) return undefined;
        if (equal) return intValue(i);
      }
      return undefined;
    }
    case 'copy':
      return type === 'list' ? { type: 'list', items: [...items] } : undefined;
    default:
      return undefined;
  }
}

function callDictMethod(
  target: PyValue & { type: 'dict' },
  method: string,
  args: PyValue[],
): PyValue | undefined {
  switch (method) {
    case 'get': {
      if (!args[0]) return undefined;
      const found = dictGet(target, args[0]);
      if (found === undefined) return undefined;
      return found ?? args[1] ?? NONE;
    }
    case 'keys':
      return { type: 'list', items: target.entries.map((entry) => entry.key) };
    case 'values':
      return { type: 'list', items: target.entries.map((entry) => entry.value) };
    case 'items':
      return {
        type: 'list',
        items: target.entries.map((entry) => ({ type: 'tuple', items: [entry.key, entry.value] })),
      };
    case 'copy':
      return { type: 'dict', entries: [...target.entries] };
    default:
      return undefined;
  }
}
