import type { Binding, Namespace } from './evaluation-state.js';
import { sameValue, unknownValue } from './py-values.js';
import type { EnvRead } from './settings-model.js';

export function replaceAll(namespace: Namespace, entries: Namespace): void {
  namespace.clear();
  for (const [name, binding] of entries) namespace.set(name, binding);
}

/**
 * Merges the namespaces of branches run from the same `before` names (an `if` whose test is not
 * known, a loop body that may run or not). A name keeps its value when every branch that binds
 * it agrees. Otherwise it is unknown, and its assignment becomes a conditional copy that
 * contains the reads of every branch. A branch that leaves a name unbound does not count.
 */
export function mergeBranches(before: Namespace, outcomes: Namespace[]): Namespace {
  const merged = new Map(before);
  const names = new Set(outcomes.flatMap((outcome) => [...outcome.keys()]));
  for (const name of names) {
    const previous = before.get(name);
    const alternatives = outcomes.map((outcome) => outcome.get(name));
    const changed = alternatives.filter(
      (binding): binding is Binding => binding !== undefined && binding !== previous,
    );
    if (changed.length === 0) continue;
    const latest = changed[changed.length - 1]!;
    const defined = alternatives.filter((binding): binding is Binding => binding !== undefined);
    const agree = defined.every(
      (binding) => binding === latest || sameValue(binding.value, latest.value),
    );
    const value = agree
      ? latest.value
      : unknownValue('differs between the branches of an if whose test is not known');
    const binding: Binding = { value };
    if (defined.every((candidate) => candidate.symbol === latest.symbol) && latest.symbol)
      binding.symbol = latest.symbol;
    if (latest.assignment) {
      binding.assignment = agree
        ? latest.assignment
        : {
            ...latest.assignment,
            value,
            reads: uniqueReads(changed.flatMap((candidate) => candidate.assignment?.reads ?? [])),
            conditional: true,
          };
    }
    merged.set(name, binding);
  }
  return merged;
}

function uniqueReads(reads: EnvRead[]): EnvRead[] {
  return reads.filter((read, i) => reads.indexOf(read) === i);
}
