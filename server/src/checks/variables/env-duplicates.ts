import type { Problem } from '../../core/problem.js';
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
                  edits: [{ file: path, range: wholeLines(first.range), newText: '' }],
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

function wholeLines(range: { start: { line: number }; end: { line: number } }) {
  return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
}
