import { childExpressions } from './ast-walk.js';
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
