import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Analysis, analyzeWorkspace } from '../../../server/src/analysis/analyze.js';
import { applyFixes } from '../../../server/src/analysis/apply-fixes.js';
import type { Fix, Problem } from '../../../server/src/core/problem.js';
import type { Location } from '../../../server/src/core/range.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'limits');
const analyses = new Map<string, Analysis>();

/** Analysis of a fixture workspace under test/fixtures/limits, computed once per fixture. */
export function analyzeFixture(name: string): Analysis {
  let analysis = analyses.get(name);
  if (!analysis) {
    analysis = analyzeWorkspace(join(fixtures, name));
    analyses.set(name, analysis);
  }
  return analysis;
}

export function problems(name: string, code: string): Problem[] {
  return analyzeFixture(name).problems.filter((problem) => problem.code === code);
}

/** `file:line` (1-based) of a location. */
export function place(location: Location): string {
  return `${location.file}:${location.range.start.line + 1}`;
}

/** Findings of one rule in a fixture as `file:line`. */
export function lines(name: string, code: string): string[] {
  return problems(name, code).map((problem) => place(problem.location));
}

/** Returns the finding of a rule that starts on `file:line`. */
export function problemAt(name: string, code: string, at: string): Problem {
  const found = problems(name, code).find((problem) => place(problem.location) === at);
  if (!found) throw new Error(`no ${code} finding at ${at} in ${name}`);
  return found;
}

export interface FixOutcome {
  /** New text of each edited file. */
  texts: Map<string, string>;
  /** Analysis of a copy of the fixture with the fix applied. */
  after: Analysis;
}

/** Applies one fix to a copy of the fixture and analyses the copy again. */
export function applyFixToCopy(name: string, problem: Problem, fix: Fix): FixOutcome {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-limits-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(fixtures, name), root, { recursive: true });
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const result = applyFixes([problem], read, (candidate) => candidate === fix);
  for (const [file, text] of result.texts) writeFileSync(join(root, file), text);
  return { texts: result.texts, after: analyzeWorkspace(root) };
}

/** True when the re-analysed copy still reports `code` (in `file`, when given). */
export function stillReported(outcome: FixOutcome, code: string, file?: string): boolean {
  return outcome.after.problems.some(
    (problem) => problem.code === code && (file === undefined || problem.location.file === file),
  );
}

/**
 * Lines of `afterText` between the lines it shares with `before` at the start and at the end:
 * the inserted or replaced lines of a fix that edits one place.
 */
export function changedLines(before: string, afterText: string): string[] {
  const old = before.split('\n');
  const next = afterText.split('\n');
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let end = 0;
  const same = () => old[old.length - 1 - end] === next[next.length - 1 - end];
  while (end < old.length - start && end < next.length - start && same()) end++;
  return next.slice(start, next.length - end);
}

/** Lines a fix changed in one file of a fixture. */
export function fixedLines(name: string, outcome: FixOutcome, file: string): string[] {
  return changedLines(readFileSync(join(fixtures, name, file), 'utf8'), outcome.texts.get(file)!);
}
