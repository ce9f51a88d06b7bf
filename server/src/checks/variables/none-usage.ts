import { rangesEqual, type Location, type Range } from '../../core/range.js';
import type { DjangoApp } from '../../model/deployment.js';
import { childExpressions } from '../../parsers/python/ast-walk.js';
import type { Expr } from '../../parsers/python/python-ast.js';
import type { EnvRead, SettingAssignment } from '../../parsers/python/settings-model.js';

/** What happens to the `None` an unset variable without default reads as. */
export type NoneUse =
  | { kind: 'kept' }
  | { kind: 'formatted'; location: Location; setting: string }
  | { kind: 'crash'; location: Location; reason: string };

/** Parent of each node in an expression tree, found without recursion. */
function parents(root: Expr): Map<Expr, Expr> {
  const result = new Map<Expr, Expr>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of childExpressions(node)) {
      result.set(child, node);
      stack.push(child);
    }
  }
  return result;
}

const conversions = new Set(['int', 'float', 'Path', 'json.loads', 'loads']);

function calleeName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.id;
  if (expr.kind === 'attribute') return expr.name;
  return undefined;
}

/** How the parent of a `None` value uses it, or undefined when the use is harmless. */
function classifyParent(node: Expr, parent: Expr | undefined, file: string, setting: string): NoneUse | undefined {
  if (!parent) return undefined;
  const location = { file, range: parent.range };
  if (parent.kind === 'attribute' && parent.object === node) {
    return { kind: 'crash', location, reason: `None has no attribute ${parent.name}, so start-up fails with AttributeError` };
  }
  if (parent.kind === 'call' && parent.args[0] === node && conversions.has(calleeName(parent.func) ?? '')) {
    return { kind: 'crash', location, reason: `${calleeName(parent.func)}(None) raises TypeError at start-up` };
  }
  if (parent.kind === 'fstring') return { kind: 'formatted', location, setting };
  if (parent.kind === 'binary' && (parent.op === '%' || parent.op === '+')) {
    return parent.op === '+'
      ? { kind: 'crash', location, reason: 'adding None to a string raises TypeError at start-up' }
      : { kind: 'formatted', location, setting };
  }
  if (parent.kind === 'call' && parent.func.kind === 'attribute' && parent.func.name === 'format') {
    return { kind: 'formatted', location, setting };
  }
  return undefined;
}

function findNode(root: Expr, range: Range, match: (node: Expr) => boolean): Expr | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (rangesEqual(node.range, range) && match(node)) return node;
    stack.push(...childExpressions(node));
  }
  return undefined;
}

/**
 * Follows the `None` that an unset read without default yields: used directly in its own
 * expression, or, when assigned to a name, in the later assignments that mention that name.
 */
export function noneUse(django: DjangoApp, read: EnvRead): NoneUse {
  const history = django.evaluation.history;
  const index = history.findIndex((assignment) =>
    assignment.reads.some((other) => other.file === read.file && rangesEqual(other.nameRange, read.nameRange)),
  );
  if (index < 0) return { kind: 'kept' };
  const assignment = history[index]!;
  const node = findNode(assignment.expr, read.range, () => true);
  if (!node) return { kind: 'kept' };
  const direct = classifyParent(node, parents(assignment.expr).get(node), assignment.file, assignment.name);
  if (direct) return direct;
  if (node !== assignment.expr) return { kind: 'kept' };
  return laterUse(history.slice(index + 1), assignment.name);
}

function laterUse(later: SettingAssignment[], name: string): NoneUse {
  for (const assignment of later) {
    const parentMap = parents(assignment.expr);
    const stack = [assignment.expr];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === 'name' && node.id === name) {
        const use = classifyParent(node, parentMap.get(node), assignment.file, assignment.name);
        if (use) return use;
      }
      stack.push(...childExpressions(node));
    }
    if (assignment.name === name) return { kind: 'kept' };
  }
  return { kind: 'kept' };
}
