import type { Expr } from './python-ast.js';
import type { PyValue } from './settings-model.js';

/** Literals nested deeper than this read as unknown (the parser stops at 200 levels anyway). */
const MAX_LITERAL_DEPTH = 100;

/**
 * Value of a literal expression (strings, numbers, booleans, None, and lists, tuples, sets and
 * dicts of them, with a unary sign), or unknown. It reads defaults of environment reads when no
 * evaluator runs the module.
 */
export function literalValue(expr: Expr, depth = 0): PyValue {
  if (depth > MAX_LITERAL_DEPTH) return { type: 'unknown', reason: 'nested too deeply' };
  switch (expr.kind) {
    case 'str':
      return expr.bytes
        ? { type: 'unknown', reason: 'bytes literal' }
        : { type: 'str', value: expr.value };
    case 'num':
      return { type: expr.isFloat ? 'float' : 'int', value: expr.value };
    case 'bool':
      return { type: 'bool', value: expr.value };
    case 'none':
      return { type: 'none' };
    case 'unary': {
      const operand = literalValue(expr.operand, depth + 1);
      if (
        (operand.type === 'int' || operand.type === 'float') &&
        (expr.op === '-' || expr.op === '+')
      ) {
        return { type: operand.type, value: expr.op === '-' ? -operand.value : operand.value };
      }
      return { type: 'unknown', reason: 'not a literal' };
    }
    case 'list':
    case 'tuple':
    case 'set':
      if (expr.items.some((item) => item.kind === 'starred'))
        return { type: 'unknown', reason: 'not a literal' };
      return { type: expr.kind, items: expr.items.map((item) => literalValue(item, depth + 1)) };
    case 'dict': {
      const entries: { key: PyValue; value: PyValue }[] = [];
      for (const entry of expr.entries) {
        if (!entry.key) return { type: 'unknown', reason: 'not a literal' };
        entries.push({
          key: literalValue(entry.key, depth + 1),
          value: literalValue(entry.value, depth + 1),
        });
      }
      return { type: 'dict', entries };
    }
    default:
      return { type: 'unknown', reason: 'not a literal' };
  }
}

/** Returns the value of a plain string literal (not bytes, not an f-string), else undefined. */
export function literalString(expr: Expr | undefined): string | undefined {
  return expr?.kind === 'str' && !expr.bytes ? expr.value : undefined;
}
