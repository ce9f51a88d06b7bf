import type { Problem } from '../core/problem.js';
import { comparePositions } from '../core/range.js';
import { allChecks } from '../checks/all-checks.js';
import type { Check, CheckContext } from '../checks/check.js';
import { buildDeployments } from '../model/build-deployments.js';
import type { Deployment } from '../model/deployment.js';
import { nodeFileSystem, type FileSystem } from '../workspace/file-system.js';
import { ParseCache } from '../workspace/parse-cache.js';
import { Workspace } from '../workspace/workspace.js';
import type { DeploymentCheckCache } from './check-cache.js';
import { defaultConfig, type ShipshapeConfig } from './config.js';
import { sharedInputsKey } from './shared-inputs.js';
import { applySuppressions } from './suppressions.js';
import { countOf } from '../core/count-words.js';

export interface AnalysisOptions {
  fs?: FileSystem;
  cache?: ParseCache;
  config?: ShipshapeConfig;
  /** Called when a check fails, with the check name and the error; the run continues. */
  onCheckError?: (check: string, error: unknown) => void;
  /** Problems of earlier analyses, reused for deployments whose files did not change. */
  checkCache?: DeploymentCheckCache;
}

export interface Analysis {
  workspace: Workspace;
  deployments: Deployment[];
  /** Problems sorted by file and position, duplicates removed, config and suppressions applied. */
  problems: Problem[];
}

/** Reads every configuration file under `root` and runs every check. Never throws for bad input. */
export function analyzeWorkspace(root: string, options: AnalysisOptions = {}): Analysis {
  const workspace = new Workspace(root, options.fs ?? nodeFileSystem, options.cache ?? new ParseCache());
  let deployments: Deployment[] = [];
  const problems: Problem[] = [];
  try {
    deployments = buildDeployments(workspace);
  } catch (error) {
    options.onCheckError?.('deployment model', error);
    problems.push(internalProblem('deployment model', error, workspace));
  }
  const context: CheckContext = { workspace, deployments };
  // Loops rather than push(...list): a broken file can yield more problems than a call takes
  // arguments, and the spread would then throw a RangeError.
  for (const problem of runDeploymentChecks(context, options)) problems.push(problem);
  for (const check of allChecks) {
    if (!check.runWorkspace) continue;
    for (const problem of runGuarded(check, context, options, () => check.runWorkspace!(context))) {
      problems.push(problem);
    }
  }
  const config = options.config ?? defaultConfig;
  const configured = applyConfig(dropRedundant(dedupe(problems)), config);
  const sorted = sortProblems(applySuppressions(configured, workspace));
  return { workspace, deployments, problems: capPerFile(sorted) };
}

/** Problems listed per file at most; a broken file repeats one error thousands of times. */
export const maxProblemsPerFile = 200;

/** Keeps the first problems of each file (most severe first on a line) and notes how many were left out. */
function capPerFile(problems: Problem[]): Problem[] {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.location.file, (counts.get(problem.location.file) ?? 0) + 1);
  const kept: Problem[] = [];
  const seen = new Map<string, number>();
  for (const problem of problems) {
    const file = problem.location.file;
    const index = (seen.get(file) ?? 0) + 1;
    seen.set(file, index);
    if (index <= maxProblemsPerFile) kept.push(problem);
    if (index === maxProblemsPerFile && counts.get(file)! > maxProblemsPerFile) {
      const left = counts.get(file)! - maxProblemsPerFile;
      const verb = left === 1 ? 'is' : 'are';
      kept.push({
        code: 'too-many-problems',
        severity: 'information',
        message: `${countOf(left, 'more problem')} in this file ${verb} not listed; fix the ones above first.`,
        location: problem.location,
        related: [],
        fixes: [],
      });
    }
  }
  return kept;
}

/** Runs every per-deployment check, or reuses a deployment's problems from the cache. */
function runDeploymentChecks(context: CheckContext, options: AnalysisOptions): Problem[] {
  const cache = options.checkCache;
  cache?.begin();
  const problems: Problem[] = [];
  for (const deployment of context.deployments) {
    const shared = cache ? sharedInputsKey(context.workspace, deployment) : '';
    const reused = cache?.lookup(deployment, context.workspace, shared);
    if (reused) {
      for (const problem of reused) problems.push(problem);
      continue;
    }
    const found: Problem[] = [];
    for (const check of allChecks) {
      if (!check.run) continue;
      for (const problem of runGuarded(check, context, options, () => check.run!(deployment, context))) {
        found.push(problem);
      }
    }
    cache?.store(deployment, context.workspace, shared, found);
    for (const problem of found) problems.push(problem);
  }
  cache?.retain(context.deployments);
  return problems;
}

/** Runs one check, turning an exception into an `internal-error` problem. */
function runGuarded(check: Check, context: CheckContext, options: AnalysisOptions, run: () => Problem[]): Problem[] {
  try {
    return run();
  } catch (error) {
    options.onCheckError?.(check.name, error);
    return [internalProblem(check.name, error, context.workspace)];
  }
}

/** Problem reporting a failed check, so the failure is visible without hiding other findings. */
function internalProblem(name: string, error: unknown, workspace: Workspace): Problem {
  const file = workspace.discovered.byKind.compose[0] ?? workspace.discovered.byKind.python[0] ?? '.';
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    severity: 'warning',
    message: `The ${name} check failed (${reason}); other checks still ran. Please report this with the file that caused it.`,
    location: { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    related: [],
    fixes: [],
  };
}

/**
 * Drops a `variable-default-used` note on a line that already has a warning or error: the
 * stronger finding (a fail-open DEBUG default, say) names the same default.
 */
function dropRedundant(problems: Problem[]): Problem[] {
  const strongLines = new Set(
    problems
      .filter((problem) => problem.severity === 'error' || problem.severity === 'warning')
      .map((problem) => `${problem.location.file}:${problem.location.range.start.line}`),
  );
  return problems.filter(
    (problem) =>
      problem.code !== 'variable-default-used' ||
      !strongLines.has(`${problem.location.file}:${problem.location.range.start.line}`),
  );
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const { start, end } = problem.location.range;
    const key = `${problem.code}|${problem.location.file}|${start.line}:${start.character}-${end.line}:${end.character}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function applyConfig(problems: Problem[], config: ShipshapeConfig): Problem[] {
  const disabled = new Set(config.disabledRules);
  const result: Problem[] = [];
  for (const problem of problems) {
    if (disabled.has(problem.code)) continue;
    const severity = config.severity[problem.code];
    if (severity === 'off') continue;
    result.push(severity ? { ...problem, severity } : problem);
  }
  return result;
}

const severityRank = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Sorts by file and line, the most severe problem of a line first, then by column and rule. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.range.start.line - b.location.range.start.line ||
      severityRank[a.severity] - severityRank[b.severity] ||
      comparePositions(a.location.range.start, b.location.range.start) ||
      a.code.localeCompare(b.code),
  );
}
