import type { Expr, Stmt } from './python-ast.js';

/** Traversal of statements and expression trees without recursion on expressions. */

/** Expressions a statement evaluates itself, not those of its blocks. */
export function statementExpressions(statement: Stmt): Expr[] {
  switch (statement.kind) {
    case 'assign':
      return [statement.value, ...statement.targets];
    case 'annassign':
      return statement.value ? [statement.value, statement.target] : [];
    case 'augassign':
      return [statement.value, statement.target];
    case 'if':
      return [statement.test];
    case 'while':
      return statement.test ? [statement.test] : [];
    case 'for':
      return statement.iter ? [statement.iter] : [];
    case 'with':
      return (statement.items ?? []).map((item) => item.context);
    case 'expr':
      return [statement.value];
    default:
      return [];
  }
}

export function statementBlocks(statement: Stmt): Stmt[][] {
  switch (statement.kind) {
    case 'if':
      return [statement.body, statement.orelse];
    case 'try':
      return [statement.body, ...statement.handlers, statement.orelse, statement.finalbody];
    case 'with':
      return [statement.body];
    case 'for':
    case 'while':
      return [statement.body, statement.orelse ?? []];
    default:
      return [];
  }
}

/** Visits `root` and every expression under it, parents first, in source order. */
export function forEachExpression(root: Expr, visit: (node: Expr) => void): void {
  const pending: Expr[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    const children = childExpressions(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
}

export function childExpressions(node: Expr): Expr[] {
  switch (node.kind) {
    case 'fstring': {
      const specs = (node.fields ?? []).flatMap((field) => field.formatSpec ?? []);
      return [...node.parts, ...specs].filter((part): part is Expr => typeof part !== 'string');
    }
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
      return [node.body, node.test, node.orelse];
    case 'list':
    case 'tuple':
    case 'set':
      return node.items;
    case 'dict':
      return node.entries.flatMap((entry) =>
        entry.key ? [entry.key, entry.value] : [entry.value],
      );
    case 'comprehension': {
      const clauses = (node.generators ?? []).flatMap((clause) => [clause.iter, ...clause.ifs]);
      return [...(node.key ? [node.key] : []), node.element, ...clauses];
    }
    case 'starred':
      return [node.value];
    default:
      return [];
  }
}
