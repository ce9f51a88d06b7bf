import type { SourceFile } from '../core/source-file.js';
import { tokenizePython } from '../parsers/python/tokenize-python.js';

/**
 * Settings module that `manage.py`, `wsgi.py`, `asgi.py` or `celery.py` names by default, read
 * from the tokens of `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pkg.settings")` wherever
 * it appears (usually inside `def main():`, which the statement reader leaves unread).
 */
export function findSettingsModuleDefault(source: SourceFile): string | undefined {
  const tokens = tokenizePython(source.text).tokens.filter(
    (token) => token.type !== 'comment' && token.type !== 'newline' && token.type !== 'indent' && token.type !== 'dedent',
  );
  for (let i = 0; i + 5 < tokens.length; i++) {
    if (tokens[i]!.type !== 'name' || tokens[i]!.value !== 'setdefault') continue;
    const [open, key, comma, value] = [tokens[i + 1]!, tokens[i + 2]!, tokens[i + 3]!, tokens[i + 4]!];
    if (open.text !== '(' || comma.text !== ',') continue;
    if (key.type !== 'string' || key.value !== 'DJANGO_SETTINGS_MODULE') continue;
    if (value.type === 'string' && value.value) return value.value;
  }
  return undefined;
}
