import type { PyValue } from '../../parsers/python/settings-model.js';
import { articleFor } from '../../core/count-words.js';

/**
 * Python-like rendering of a value for messages, shortened past 60 characters. With `secret`, a
 * string is described by its length alone, because messages reach CI logs and editors.
 */
export function describeValue(value: PyValue | undefined, secret = false): string {
  if (!value) return 'value';
  if (secret && value.type === 'str' && value.value !== '') {
    const length = value.value.length;
    return `(${articleFor(length)} ${length}-character string, not shown)`;
  }
  const text = render(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function render(value: PyValue): string {
  switch (value.type) {
    case 'str':
      return JSON.stringify(value.value);
    case 'int':
    case 'float':
      return String(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map(render).join(', ')}]`;
    case 'tuple':
      return `(${value.items.map(render).join(', ')})`;
    case 'set':
      return `{${value.items.map(render).join(', ')}}`;
    case 'dict':
      return `{${value.entries.map((entry) => `${render(entry.key)}: ${render(entry.value)}`).join(', ')}}`;
    case 'unknown':
      return 'value';
  }
}
