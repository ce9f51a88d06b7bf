import type { Fix } from '../../core/problem.js';
import type { EnvRead } from '../../parsers/python/settings-model.js';
import type { Workspace } from '../../workspace/workspace.js';

/** Fix that makes the settings read `name` instead of the misspelt variable, keeping the quotes. */
export function renameReadFix(workspace: Workspace, read: EnvRead, name: string): Fix[] {
  const source = workspace.source(read.file);
  if (!source) return [];
  const start = source.offsetAt(read.nameRange.start);
  const end = source.offsetAt(read.nameRange.end);
  const written = source.text.slice(start, end);
  const index = written.indexOf(read.name);
  if (index < 0) return [];
  const range = source.rangeAt(start + index, start + index + read.name.length);
  return [
    {
      title: `Read ${name} instead of ${read.name}`,
      edits: [{ file: read.file, range, newText: name }],
      safe: false,
    },
  ];
}
