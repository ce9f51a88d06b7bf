import type { Range } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import type {
  ComposeFile,
  ComposeService,
} from '../../../server/src/parsers/compose/compose-model.js';
import { parseCompose } from '../../../server/src/parsers/compose/parse-compose.js';

export function parse(text: string, path = 'compose.yaml'): ComposeFile {
  return parseCompose(new SourceFile(path, text));
}

/** Returns the source text a range covers, so asserts read as the file does. */
export function textAt(file: ComposeFile, range: Range | undefined): string | undefined {
  if (!range) return undefined;
  const source = file.source;
  return source.text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

/** Writes a range as `line:character-line:character` for compact asserts. */
export function span(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function service(file: ComposeFile, name: string): ComposeService {
  const found = file.services.find((candidate) => candidate.name === name);
  if (!found)
    throw new Error(`no service ${name} in ${file.services.map((s) => s.name).join(', ')}`);
  return found;
}

export function codes(file: ComposeFile): string[] {
  return file.errors.map((error) => error.code);
}

/** Joins lines of a YAML fixture, each ending with a line break. */
export function lines(...rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}
