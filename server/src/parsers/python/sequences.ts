import type { Expr } from './python-ast.js';
import type { PyValue } from './settings-model.js';

/** Iteration, unpacking and slicing of known sequences. */

/** Items Python iterates over: characters, items, or dict keys. */
export function iterate(value: PyValue): PyValue[] | undefined {
  switch (value.type) {
    case 'str':
      return [...value.value].map((char) => ({ type: 'str', value: char }));
    case 'list':
    case 'tuple':
    case 'set':
      return value.items;
    case 'dict':
      return value.entries.map((entry) => entry.key);
    default:
      return undefined;
  }
}

/** Binds a comprehension or loop target, or returns false when the value cannot be unpacked. */
export function bindLocal(target: Expr, value: PyValue, frame: Map<string, PyValue>): boolean {
  if (target.kind === 'name') {
    frame.set(target.id, value);
    return true;
  }
  if (target.kind !== 'tuple' && target.kind !== 'list') return false;
  const items = iterate(value);
  if (!items || items.length !== target.items.length) return false;
  return target.items.every((item, i) => bindLocal(item, items[i]!, frame));
}

/** Items of a Python slice `[start:stop:step]` (`step` is not 0). */
export function sliceItems(
  items: PyValue[],
  start: number | undefined,
  stop: number | undefined,
  step: number,
): PyValue[] {
  const length = items.length;
  const clamp = (value: number | undefined, fallback: number, low: number, high: number) => {
    if (value === undefined) return fallback;
    const adjusted = value < 0 ? value + length : value;
    return Math.min(Math.max(adjusted, low), high);
  };
  const picked: PyValue[] = [];
  if (step > 0) {
    const from = clamp(start, 0, 0, length);
    const to = clamp(stop, length, 0, length);
    for (let i = from; i < to; i += step) picked.push(items[i]!);
  } else {
    const from = clamp(start, length - 1, -1, length - 1);
    const to = clamp(stop, -1, -1, length - 1);
    for (let i = from; i > to; i += step) picked.push(items[i]!);
  }
  return picked;
}
