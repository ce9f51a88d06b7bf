import type { Problem } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import { findDuplicates } from '../../parsers/env/parse-env.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { envDuplicateKey } from './variable-rules.js';

/** Keys assigned twice in one env file: the later line silently wins. */
export const envDuplicatesCheck: Check = {
  name: 'env-duplicates',
  rules: [envDuplicateKey],
  runWorkspace({ workspace }) {
    const problems: Problem[] = [];
    const files = new Map(workspace.all('env').map((file) => [file.source.path, file]));
    for (const deploymentFile of workspace.loaded()) {
      if (deploymentFile.kind !== 'env' || files.has(deploymentFile.path)) continue;
      const file = workspace.load('env', deploymentFile.path);
      if (file) files.set(deploymentFile.path, file);
    }
    for (const file of files.values()) {
      for (const { first, duplicate } of findDuplicates(file)) {
        const path = file.source.path;
        problems.push(
          createProblem(
            envDuplicateKey,
            { file: path, range: duplicate.keyRange },
            `${duplicate.key} is declared again on line ${duplicate.keyRange.start.line + 1} after line ${first.keyRange.start.line + 1}, and the later value silently replaces the earlier one.`,
            {
              related: [{ location: { file: path, range: first.keyRange }, message: `${first.key} is first declared here` }],
              fixes: [
                {
                  title: `Remove the earlier declaration of ${first.key}`,
                  edits: [{ file: path, range: removalRange(file.source, first.range, duplicate.range), newText: '' }],
                  safe: false,
                },
              ],
            },
          ),
        );
      }
    }
    return problems;
  },
};

/**
 * Range that deletes `entry` with its line break. When another entry shares its line, only the
 * entry itself is deleted, so the fix never removes the later declaration or runs past the end of
 * the file. Entries share a line when U+2028 or U+2029 separates them: dotenv ends a comment or a
 * quoted value there (JavaScript's `.` and multiline `$` treat them as line ends), editors do not.
 */
function removalRange(source: SourceFile, entry: Range, next: Range): Range {
  const before = source.lineText(entry.start.line).slice(0, entry.start.character);
  if (before.trim() !== '' || entry.end.line >= next.start.line) return entry;
  return { start: { line: entry.start.line, character: 0 }, end: { line: entry.end.line + 1, character: 0 } };
}
