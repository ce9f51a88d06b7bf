import { iterate } from './sequences.js';
import { PyRaise } from './evaluation-state.js';
import type { Expr } from './python-ast.js';
import { dictGet, dictSet, NONE, pyCompare, pyEquals, unknownValue } from './py-values.js';
import type { PyValue } from './settings-model.js';

/**
 * In-place changes to settings values (`MIDDLEWARE.insert(0, ...)`, `DATABASES["default"]["HOST"]
 * = ...`), computed as new values so that earlier assignments keep the value they had.
 */

/** List, dict and set methods that change their object. */
export const MUTATING_METHODS = new Set([
  'append',
  'extend',
  'insert',
  'remove',
  'pop',
  'clear',
  'sort',
  'reverse',
  'update',
  'setdefault',
  'add',
  'discard',
]);

/** Splits `X["a"]["b"]` into the root name `X` and the key expressions, else undefined. */
export function placePath(expr: Expr): { root: string; keys: Expr[] } | undefined {
  const keys: Expr[] = [];
  let node = expr;
  while (node.kind === 'subscript') {
    if (node.index.kind === 'slice') return undefined;
    keys.unshift(node.index);
    node = node.object;
  }
  return node.kind === 'name' ? { root: node.id, keys } : undefined;
}

/** Returns the value at `keys` in `container`, raising KeyError or IndexError as Python does. */
export function getPath(container: PyValue, keys: PyValue[]): PyValue {
  let current = container;
  for (const key of keys) {
    current = child(current, key);
  }
  return current;
}

function child(container: PyValue, key: PyValue): PyValue {
  if (container.type === 'dict') {
    const found = dictGet(container, key);
    if (found === null) throw new PyRaise('KeyError');
    return found ?? unknownValue('key not known');
  }
  if ((container.type === 'list' || container.type === 'tuple') && key.type === 'int') {
    const index = key.value < 0 ? container.items.length + key.value : key.value;
    if (index < 0 || index >= container.items.length) throw new PyRaise('IndexError');
    return container.items[index]!;
  }
  return unknownValue('item of an unknown value');
}

/** Copy of `container` with the value at `keys` replaced. */
export function setPath(container: PyValue, keys: PyValue[], value: PyValue): PyValue {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys as [PyValue, ...PyValue[]];
  if (key.type === 'unknown') return unknownValue('item set under an unknown key');
  if (container.type === 'dict') {
    const inner = rest.length > 0 ? child(container, key) : NONE;
    return dictSet(container, key, setPath(inner, rest, value));
  }
  if (container.type === 'list' && key.type === 'int') {
    const index = key.value < 0 ? container.items.length + key.value : key.value;
    if (index < 0 || index >= container.items.length) throw new PyRaise('IndexError');
    const items = [...container.items];
    items[index] = setPath(items[index]!, rest, value);
    return { type: 'list', items };
  }
  if (container.type === 'tuple' || container.type === 'str') throw new PyRaise('TypeError');
  return unknownValue('item set in an unknown value');
}

/** Computes the value after `value.method(*args, **kwargs)`. */
export function applyMutation(
  value: PyValue,
  method: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): PyValue {
  if (value.type === 'list') return mutateList(value.items, method, args);
  if (value.type === 'dict') return mutateDict(value, method, args, kwargs);
  if (value.type === 'set') return mutateSet(value.items, method, args);
  return unknownValue(`${method}() on an unknown value`);
}

function mutateList(items: PyValue[], method: string, args: PyValue[]): PyValue {
  const list = (next: PyValue[]): PyValue => ({ type: 'list', items: next });
  switch (method) {
    case 'append':
      return args.length === 1 ? list([...items, args[0]!]) : unknownValue('append()');
    case 'extend': {
      const added = args[0] ? iterate(args[0]) : undefined;
      return added ? list([...items, ...added]) : unknownValue('extend() of an unknown value');
    }
    case 'insert': {
      const [position, item] = args;
      if (position?.type !== 'int' || !item) return unknownValue('insert() at an unknown position');
      const length = items.length;
      const index = Math.min(
        Math.max(position.value < 0 ? length + position.value : position.value, 0),
        length,
      );
      return list([...items.slice(0, index), item, ...items.slice(index)]);
    }
    case 'remove': {
      if (!args[0]) return unknownValue('remove()');
      for (let i = 0; i < items.length; i++) {
        const equal = pyEquals(items[i]!, args[0]);
        if (equal === undefined) return unknownValue('remove() of an unknown item');
        if (equal) return list([...items.slice(0, i), ...items.slice(i + 1)]);
      }
      throw new PyRaise('ValueError');
    }
    case 'pop': {
      if (items.length === 0) throw new PyRaise('IndexError');
      const position = args[0];
      if (!position) return list(items.slice(0, -1));
      if (position.type !== 'int') return unknownValue('pop() at an unknown position');
      const index = position.value < 0 ? items.length + position.value : position.value;
      if (index < 0 || index >= items.length) throw new PyRaise('IndexError');
      return list([...items.slice(0, index), ...items.slice(index + 1)]);
    }
    case 'clear':
      return list([]);
    case 'reverse':
      return list([...items].reverse());
    case 'sort': {
      let comparable = true;
      const sorted = [...items].sort((a, b) => {
        const order = pyCompare(a, b);
        if (order === undefined) comparable = false;
        return order ?? 0;
      });
      return comparable ? list(sorted) : unknownValue('sort() of unknown items');
    }
    default:
      return unknownValue(`${method}() on a list`);
  }
}

function mutateDict(
  dict: PyValue & { type: 'dict' },
  method: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): PyValue {
  switch (method) {
    case 'update': {
      let updated = dict;
      const source = args[0];
      if (source) {
        if (source.type === 'dict')
          for (const entry of source.entries) updated = dictSet(updated, entry.key, entry.value);
        else return unknownValue('update() from an unknown value');
      }
      for (const [key, value] of kwargs)
        updated = dictSet(updated, { type: 'str', value: key }, value);
      return updated;
    }
    case 'setdefault': {
      const key = args[0];
      if (!key) return unknownValue('setdefault()');
      const found = dictGet(dict, key);
      if (found === undefined) return unknownValue('setdefault() of an unknown key');
      return found === null ? dictSet(dict, key, args[1] ?? NONE) : dict;
    }
    case 'pop': {
      const key = args[0];
      if (!key) return unknownValue('pop()');
      const found = dictGet(dict, key);
      if (found === undefined) return unknownValue('pop() of an unknown key');
      if (found === null) {
        if (args.length < 2) throw new PyRaise('KeyError');
        return dict;
      }
      return {
        type: 'dict',
        entries: dict.entries.filter((entry) => pyEquals(entry.key, key) !== true),
      };
    }
    case 'clear':
      return { type: 'dict', entries: [] };
    default:
      return unknownValue(`${method}() on a dict`);
  }
}

function mutateSet(items: PyValue[], method: string, args: PyValue[]): PyValue {
  const add = (current: PyValue[], item: PyValue) =>
    current.some((existing) => pyEquals(existing, item) === true) ? current : [...current, item];
  switch (method) {
    case 'add':
      return args[0] ? { type: 'set', items: add(items, args[0]) } : unknownValue('add()');
    case 'update': {
      const added = args[0] ? iterate(args[0]) : undefined;
      return added
        ? { type: 'set', items: added.reduce(add, items) }
        : unknownValue('update() of an unknown value');
    }
    case 'discard':
    case 'remove': {
      if (!args[0]) return unknownValue(`${method}()`);
      const kept = items.filter((item) => pyEquals(item, args[0]!) !== true);
      if (method === 'remove' && kept.length === items.length) throw new PyRaise('KeyError');
      return { type: 'set', items: kept };
    }
    case 'clear':
      return { type: 'set', items: [] };
    default:
      return unknownValue(`${method}() on a set`);
  }
}
