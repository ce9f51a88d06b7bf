import type { DjangoApp } from '../../model/deployment.js';
import { statementBlocks } from '../../parsers/python/ast-walk.js';
import { childExpressions } from '../../parsers/python/ast-walk.js';
import type { Expr, Stmt } from '../../parsers/python/python-ast.js';
import type { EnvRead, SettingAssignment, SettingsEvaluation } from '../../parsers/python/settings-model.js';

/** Django reads a settings module's upper-case names only (`django.conf.Settings`). */
const settingName = /^[A-Z][A-Z0-9_]*$/;

/** Calls whose effect on module names the evaluator cannot see. */
const opaqueBuiltins = new Set(['exec', 'eval', 'globals', 'locals', 'vars', 'setattr']);

/**
 * Builds a predicate that is true when an environment read can still affect a setting in
 * effect. It is false only for a read whose assignments were all replaced later in the module
 * chain with no setting in effect depending on them, as when `production.py` reassigns the
 * `SECRET_KEY` that `base.py` reads with a default. A read outside any assignment (an `if`
 * test, a bare call) counts as in effect. So does every read when a setting in effect calls a
 * project function, because the evaluator does not follow function bodies.
 */
export function readsInEffect(app: DjangoApp): (read: EnvRead) => boolean {
  const evaluation = app.evaluation;
  const reached = reachedAssignments(evaluation, projectCallables(app));
  if (!reached) return () => true;

  const assigned = new Set<string>();
  const live = new Set<string>();
  for (const assignment of [...evaluation.history, ...evaluation.settings.values()]) {
    for (const read of assignment.reads) assigned.add(readKey(read));
  }
  for (const assignment of reached) for (const read of assignment.reads) live.add(readKey(read));
  return (read) => !assigned.has(readKey(read)) || live.has(readKey(read));
}

/**
 * Assignments the final settings depend on: each setting's final assignment, the assignments
 * of the names its expression uses, as they stood before it, and so on. Returns undefined when a
 * setting in effect calls a function of the project, whose body is not evaluated.
 */
function reachedAssignments(evaluation: SettingsEvaluation, callables: Set<string>): Set<SettingAssignment> | undefined {
  const history = evaluation.history;
  const reached = new Set<SettingAssignment>();
  const pending: SettingAssignment[] = [];
  for (const [name, assignment] of evaluation.settings) {
    if (settingName.test(name)) pending.push(assignment);
  }
  while (pending.length > 0) {
    const assignment = pending.pop()!;
    if (reached.has(assignment)) continue;
    reached.add(assignment);
    const position = history.indexOf(assignment);
    // A merged copy of branch assignments is not in the history, so it counts as following all of it.
    const index = position < 0 ? history.length : position;
    const used = usedNames(assignment.expr);
    if (used.calls.some((name) => callables.has(name))) return undefined;
    if (position < 0 || assignment.conditional || assignment.updates) {
      pending.push(...inEffectBefore(history, assignment.name, index));
    }
    for (const name of used.names) pending.push(...inEffectBefore(history, name, index));
  }
  return reached;
}

/**
 * Assignments of `name` that may be in effect just before `history[index]`: the latest one,
 * and the earlier ones back to the first that replaces the value unconditionally.
 */
function inEffectBefore(history: SettingAssignment[], name: string, index: number): SettingAssignment[] {
  const found: SettingAssignment[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const assignment = history[i]!;
    if (assignment.name !== name) continue;
    found.push(assignment);
    if (!assignment.conditional && !assignment.updates) break;
  }
  return found;
}

/**
 * Names an expression reads, attribute names included (`base.DEBUG` may name another module's
 * setting), and the names it calls.
 */
function usedNames(expr: Expr): { names: string[]; calls: string[] } {
  const names: string[] = [];
  const calls: string[] = [];
  const pending: Expr[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'name') names.push(node.id);
    if (node.kind === 'attribute') names.push(node.name);
    if (node.kind === 'call' && node.func.kind === 'name') calls.push(node.func.id);
    if (node.kind === 'comprehension') {
      if (node.key) pending.push(node.key);
      for (const clause of node.generators ?? []) pending.push(clause.iter, ...clause.ifs);
    }
    pending.push(...childExpressions(node));
  }
  return { names, calls };
}

/** Names of functions and classes the settings modules define, and builtins that act on names. */
function projectCallables(app: DjangoApp): Set<string> {
  const names = new Set(opaqueBuiltins);
  const pending: Stmt[] = [...app.modules.values()].flatMap((module) => module.body);
  while (pending.length > 0) {
    const statement = pending.pop()!;
    if (statement.kind === 'def' || statement.kind === 'class') names.add(statement.name);
    for (const block of statementBlocks(statement)) pending.push(...block);
  }
  return names;
}

function readKey(read: EnvRead): string {
  return `${read.file}:${read.nameRange.start.line}:${read.nameRange.start.character}`;
}
