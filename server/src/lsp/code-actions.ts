import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver';
import { applyFixes } from '../analysis/apply-fixes.js';
import type { Problem } from '../core/problem.js';
import { comparePositions, rangesEqual, type Range } from '../core/range.js';
import type { Rule } from '../core/rule.js';
import {
  diagnosticSource,
  toDiagnostic,
  toWorkspaceEdit,
  type DiagnosticData,
} from './diagnostics.js';
import type { Folder } from './folder.js';

/** Kind of the action that applies every safe fix of a document (on save, for instance). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.shipshape`;

/** Code action kinds the server offers, for the `initialize` result. */
export const codeActionKinds = [CodeActionKind.QuickFix, fixAllKind];

/** True when a request restricted to `only` accepts actions of `kind` (`source` accepts all). */
function accepts(only: string[] | undefined, kind: string): boolean {
  if (only === undefined) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/**
 * Quick fixes for the problems of `file` in the request, and the fix-all action. Fixes come from
 * the folder's current analysis, which the caller brings up to date first, so edit ranges match
 * the document's text.
 */
export function provideCodeActions(
  folder: Folder,
  file: string,
  params: CodeActionParams,
  rules: ReadonlyMap<string, Rule>,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const { only } = params.context;
  if (accepts(only, CodeActionKind.QuickFix)) {
    for (const { problem, index, diagnostic } of requestedProblems(folder, file, params)) {
      const rule = rules.get(problem.code);
      const shown = diagnostic ?? toDiagnostic(problem, index, folder.root, rule);
      actions.push(...quickFixes(problem, shown, folder.root));
    }
  }
  if (accepts(only, fixAllKind)) {
    const fixAll = fixAllAction(folder, file);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

function quickFixes(problem: Problem, diagnostic: Diagnostic, root: string): CodeAction[] {
  const preferred = problem.fixes.find((fix) => fix.safe);
  return problem.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix === preferred,
    edit: toWorkspaceEdit([fix], root),
  }));
}

/** Every safe fix of the problems located in `file`; a fix overlapping an earlier one waits. */
function fixAllAction(folder: Folder, file: string): CodeAction | undefined {
  const problems = folder.problemsOf(file).map(({ problem }) => problem);
  const { applied } = applyFixes(problems, () => undefined);
  if (applied.length === 0) return undefined;
  return {
    title: 'Apply every safe Shipshape fix',
    kind: fixAllKind,
    edit: toWorkspaceEdit(
      applied.map(({ fix }) => fix),
      folder.root,
    ),
  };
}

interface RequestedProblem {
  problem: Problem;
  index: number;
  /** The client's diagnostic for this problem, when the request carried it. */
  diagnostic: Diagnostic | undefined;
}

/**
 * Problems a code action request is about: those of the diagnostics it carries, or, when it
 * carries none of ours (some clients send none), those whose range meets the requested range.
 */
function requestedProblems(
  folder: Folder,
  file: string,
  params: CodeActionParams,
): RequestedProblem[] {
  const inFile = folder.problemsOf(file);
  const ours = params.context.diagnostics.filter(
    (diagnostic) => diagnostic.source === diagnosticSource,
  );
  if (ours.length === 0) {
    return inFile
      .filter(({ problem }) => intersects(problem.location.range, params.range))
      .map((entry) => ({ ...entry, diagnostic: undefined }));
  }
  const found: RequestedProblem[] = [];
  for (const diagnostic of ours) {
    const entry = matchDiagnostic(inFile, diagnostic);
    if (entry) found.push({ ...entry, diagnostic });
  }
  return found;
}

/** The problem a diagnostic came from, by its `data` index, else by rule and range. */
function matchDiagnostic(
  inFile: { problem: Problem; index: number }[],
  diagnostic: Diagnostic,
): { problem: Problem; index: number } | undefined {
  const same = ({ problem }: { problem: Problem }) =>
    problem.code === diagnostic.code && rangesEqual(problem.location.range, diagnostic.range);
  const index = (diagnostic.data as DiagnosticData | undefined)?.index;
  const byIndex = inFile.find((entry) => entry.index === index);
  return byIndex && same(byIndex) ? byIndex : inFile.find(same);
}

function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
