import type { PyValue } from '../../parsers/python/settings-model.js';

/** Python truthiness of a value, or undefined when the value is not known. */
export function truthiness(value: PyValue | undefined): boolean | undefined {
  if (!value) return undefined;
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

/** True only for the value `True` itself, as Django's `is True` checks require. */
export function isTrueValue(value: PyValue | undefined): boolean {
  return value?.type === 'bool' && value.value;
}

export function stringValue(value: PyValue | undefined): string | undefined {
  return value?.type === 'str' ? value.value : undefined;
}

/**
 * Number a setting stands for: an int or float, a bool as 0 or 1, or a string of digits, since
 * `SecurityMiddleware` formats `max-age=%s` from the raw value.
 */
export function numberValue(value: PyValue | undefined): number | undefined {
  if (!value) return undefined;
  if (value.type === 'int' || value.type === 'float') return value.value;
  if (value.type === 'bool') return value.value ? 1 : 0;
  if (value.type === 'str' && /^\s*-?\d+\s*$/.test(value.value)) return Number(value.value.trim());
  return undefined;
}

/** Items of a list, tuple or set, or undefined for any other value. */
export function itemsOf(value: PyValue | undefined): PyValue[] | undefined {
  if (!value) return undefined;
  if (value.type === 'list' || value.type === 'tuple' || value.type === 'set') return value.items;
  return undefined;
}

/** String items of a sequence whose items are all known strings, else undefined. */
export function stringItems(value: PyValue | undefined): string[] | undefined {
  const items = itemsOf(value);
  if (!items) return undefined;
  const strings: string[] = [];
  for (const item of items) {
    if (item.type !== 'str') return undefined;
    strings.push(item.value);
  }
  return strings;
}

/** Known string items of a sequence, skipping unknown ones. */
export function knownStringItems(value: PyValue | undefined): string[] {
  return (itemsOf(value) ?? []).flatMap((item) => (item.type === 'str' ? [item.value] : []));
}
