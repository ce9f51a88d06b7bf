import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { analyzeWorkspace, type Analysis } from '../../server/src/analysis/analyze.js';
import type { Problem } from '../../server/src/core/problem.js';

/**
 * Writes `files` (workspace path → text) into a fresh temporary folder, removed after the tests.
 * Call it from a test or a `describe` body, not from a hook: it registers an `after` hook.
 */
export function createWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-test-'));
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

/** Analyses an inline workspace and returns the analysis. */
export function analyzeFiles(files: Record<string, string>): Analysis {
  return analyzeWorkspace(createWorkspace(files));
}

/** Problems of one rule, as `file:line` strings (1-based) for short, readable assertions. */
export function findings(analysis: Analysis, code: string): string[] {
  return analysis.problems
    .filter((problem) => problem.code === code)
    .map((problem) => `${problem.location.file}:${problem.location.range.start.line + 1}`);
}

export function problemsOf(analysis: Analysis, code: string): Problem[] {
  return analysis.problems.filter((problem) => problem.code === code);
}
