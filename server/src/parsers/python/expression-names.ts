import type { Expr } from './python-ast.js';

/** Names read by an expression, for following `X = Y` chains between settings. */
export function namesIn(expr: Expr): string[] {
  const names: string[] = [];
  const pending: Expr[] = [expr];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === 'name') names.push(node.id);
    pending.push(...childExpressions(node));
  }
  return names;
}

/** Sub-expressions of a node, without the bodies of comprehensions' clauses. */
export function childExpressions(node: Expr): Expr[] {
  switch (node.kind) {
    case 'fstring':
      return node.parts.filter((part): part is Expr => typeof part !== 'string');
    case 'attribute':
      return [node.object];
    case 'call':
      return [node.func, ...node.args, ...node.keywords.map((keyword) => keyword.value)];
    case 'subscript':
      return [node.object, node.index];
    case 'slice':
      return [node.lower, node.upper, node.step].filter((part): part is Expr => part !== undefined);
    case 'binary':
      return [node.left, node.right];
    case 'unary':
      return [node.operand];
    case 'compare':
      return node.operands;
    case 'boolean':
      return node.values;
    case 'conditional':
      return [node.test, node.body, node.orelse];
    case 'list':
    case 'tuple':
    case 'set':
      return node.items;
    case 'dict':
      return node.entries.flatMap((entry) => (entry.key ? [entry.key, entry.value] : [entry.value]));
    case 'comprehension':
      return [node.element];
    case 'starred':
      return [node.value];
    default:
      return [];
  }
}
