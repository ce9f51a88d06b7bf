import type { Range } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import type { EnvEntry, EnvFile } from '../../../server/src/parsers/env/env-model.js';
import { parseEnv } from '../../../server/src/parsers/env/parse-env.js';

export function parse(text: string, path = '.env'): EnvFile {
  return parseEnv(new SourceFile(path, text));
}

/** Writes a range as `line:character-line:character` for compact asserts. */
export function span(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Values by key, the later duplicate winning, in the shape `dotenv.parse` returns. */
export function values(file: EnvFile): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of file.entries) result[entry.key] = entry.value;
  return result;
}

/** Returns the only entry of `file` with `key`, and throws when there is not exactly one. */
export function entry(file: EnvFile, key: string): EnvEntry {
  const found = file.entries.filter((candidate) => candidate.key === key);
  if (found.length !== 1) throw new Error(`expected one entry for ${key}, found ${found.length}`);
  return found[0]!;
}
