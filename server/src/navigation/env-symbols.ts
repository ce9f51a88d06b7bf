import { mayHoldSecret } from '../checks/security/secret-values.js';
import { shownValue } from '../completion/variable-candidates.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { OutlineSymbol } from './outline-symbol.js';

/**
 * Outlines an env file: one symbol per assignment in file order, a repeated key included, since
 * each is a line of its own. The detail is the value as docker compose reads it, with secrets
 * shown as `***` because an outline is often on screen.
 */
export function envSymbols(file: EnvFile): OutlineSymbol[] {
  return file.entries.map((entry) => ({
    name: entry.key,
    detail: shownValue(entry.composeValue ?? entry.value, mayHoldSecret(entry.key)),
    category: 'variable',
    range: entry.range,
    selectionRange: entry.keyRange,
    children: [],
  }));
}
