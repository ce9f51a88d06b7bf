import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../../server/src/analysis/analyze.js';
import { applyFixes } from '../../../server/src/analysis/apply-fixes.js';
import { allRules } from '../../../server/src/checks/all-checks.js';
import type { Problem } from '../../../server/src/core/problem.js';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

export const fixtureRoot = join(import.meta.dirname, '..', '..', 'fixtures', 'security');

/** Files of a fixture folder under `test/fixtures/security`, by workspace path. */
export function fixtureFiles(name: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      const relative = prefix ? `${prefix}/${entry}` : entry;
      if (statSync(path).isDirectory()) visit(path, relative);
      else files[relative] = readFileSync(path, 'utf8');
    }
  };
  visit(join(fixtureRoot, name), '');
  return files;
}

/** Copy of `files` with `from` replaced by `to` in one file; fails when `from` is absent. */
export function patched(files: Record<string, string>, file: string, from: string, to: string): Record<string, string> {
  const text = files[file];
  assert.ok(text?.includes(from), `${file} does not contain ${JSON.stringify(from)}`);
  return { ...files, [file]: text.replace(from, to) };
}

export function analyzeFixture(name: string): Analysis {
  return analyzeFiles(fixtureFiles(name));
}

export { analyzeFiles, findings, problemsOf };

/** Problems of the security family, as `code file:line` strings. */
export function securityFindings(analysis: Analysis): string[] {
  const rules = allRules();
  return analysis.problems
    .filter((problem) => rules.get(problem.code)?.family === 'security')
    .map((problem) => `${problem.code} ${problem.location.file}:${problem.location.range.start.line + 1}`);
}

/** Number of parser errors (codes outside the rule list) reported in `file`. */
function parseErrorCount(analysis: Analysis, file: string): number {
  const rules = allRules();
  return analysis.problems.filter((problem) => problem.location.file === file && !rules.has(problem.code)).length;
}

/**
 * Applies each fix offered for `code` on its own and checks that the edited files still parse
 * as before and that the rule then reports one finding fewer.
 */
export function assertFixesResolve(files: Record<string, string>, code: string): void {
  const before = analyzeFiles(files);
  const problems = problemsOf(before, code).filter((problem) => problem.fixes.length > 0);
  assert.ok(problems.length > 0, `${code} offers no fix`);
  for (const problem of problems) {
    for (const fix of problem.fixes) {
      assert.ok(fix.edits.length > 0, `fix "${fix.title}" has no edits`);
      const result = applyFixes([problem], (file) => files[file], (candidate) => candidate === fix);
      const next: Record<string, string> = { ...files };
      for (const [file, text] of result.texts) next[file] = text;
      const after = analyzeFiles(next);
      for (const file of result.texts.keys()) {
        assert.ok(parseErrorCount(after, file) <= parseErrorCount(before, file), `fix "${fix.title}" breaks ${file}`);
      }
      assert.ok(
        problemsOf(after, code).length < problemsOf(before, code).length,
        `fix "${fix.title}" leaves ${code}: ${describe(problemsOf(after, code))}`,
      );
    }
  }
}

function describe(problems: Problem[]): string {
  return problems.map((problem) => `${problem.location.file}:${problem.location.range.start.line + 1} ${problem.message}`).join('; ');
}
