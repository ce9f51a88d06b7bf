import { mayHoldSecret } from '../../checks/security/secret-values.js';
import type { PyValue } from '../../parsers/python/settings-model.js';

/** Text shown in place of a secret inside a rendered value. */
export const hiddenSecret = '***';

/** Password part of a URL with credentials: `redis://:pw@host`, `postgres://user:pw@db/app`. */
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi;

/**
 * Copies a settings value for a hover with its secrets replaced by `***` at any depth: the value
 * of a dict entry whose key names a secret (`PASSWORD`, `SECRET_KEY`, `API_KEY`) and the password
 * of a URL with credentials. Hovers show values to anyone who can see the screen.
 */
export function redactValue(value: PyValue): PyValue {
  switch (value.type) {
    case 'str':
      return { type: 'str', value: value.value.replace(urlPassword, `$1${hiddenSecret}@`) };
    case 'list':
    case 'tuple':
    case 'set':
      return { type: value.type, items: value.items.map(redactValue) };
    case 'dict':
      return {
        type: 'dict',
        entries: value.entries.map(({ key, value: entry }) => ({
          key,
          value:
            key.type === 'str' && mayHoldSecret(key.value)
              ? { type: 'str', value: hiddenSecret }
              : redactValue(entry),
        })),
      };
    default:
      return value;
  }
}
