import type { ExpressionEvaluator } from './evaluate-expression.js';
import { boolCompareMessage, boolOfStringMessage } from './issue-messages.js';
import type { Expr } from './python-ast.js';
import { quoteString, toPyRepr } from './py-values.js';
import type { PyValue } from './settings-model.js';

/**
 * Hand-written boolean idioms that misread a value from the environment: comparing with one
 * spelling (`== "True"`) when the variable contains another spelling of the same boolean
 * (`yes`, `1`, `on`, `true`), and `bool()` of a string, which is True for `"False"`.
 */

/** Common spellings of true and false in env files, lower-cased (decouple's and environ's sets). */
const TRUE_SPELLINGS = new Set(['true', 'yes', 'y', 't', 'on', '1', 'ok']);
const FALSE_SPELLINGS = new Set(['false', 'no', 'n', 'f', 'off', '0']);

type Meaning = 'true' | 'false' | undefined;

export function spellingMeaning(text: string): Meaning {
  const lower = text.trim().toLowerCase();
  if (TRUE_SPELLINGS.has(lower)) return 'true';
  if (FALSE_SPELLINGS.has(lower)) return 'false';
  return undefined;
}

/**
 * Records a `bool-compare` issue when an environment string meets `==`, `!=`, `in` or `not in`
 * with spellings of one boolean that do not include the string's own spelling.
 */
export function checkBoolCompare(
  evaluator: ExpressionEvaluator,
  op: string,
  left: PyValue,
  right: PyValue,
  result: boolean,
  expr: Expr,
): void {
  if (op === '==' || op === '!=') checkEquality(evaluator, op, left, right, result, expr);
  else if (op === 'in' || op === 'not in')
    checkMembership(evaluator, op, left, right, result, expr);
}

/** `value == "True"` where the value spells the same boolean another way (`yes`). */
function checkEquality(
  evaluator: ExpressionEvaluator,
  op: string,
  left: PyValue,
  right: PyValue,
  result: boolean,
  expr: Expr,
): void {
  const [value, constant] = evaluator.origin(left) ? [left, right] : [right, left];
  const origin = evaluator.origin(value);
  if (!origin || value.type !== 'str' || constant.type !== 'str') return;
  if (value.value === constant.value) return;

  const meaning = spellingMeaning(constant.value);
  if (!meaning || spellingMeaning(value.value) !== meaning) return;
  const expected = quoteString(constant.value);
  const message = boolCompareMessage(origin.read.name, origin.raw, op, expected, result);
  evaluator.state.issue('bool-compare', origin, message, expr.range);
}

/** `value in ("true", "1")` where the value spells the same boolean another way (`on`). */
function checkMembership(
  evaluator: ExpressionEvaluator,
  op: string,
  left: PyValue,
  right: PyValue,
  result: boolean,
  expr: Expr,
): void {
  const origin = evaluator.origin(left);
  if (!origin || left.type !== 'str') return;
  if (right.type !== 'list' && right.type !== 'tuple' && right.type !== 'set') return;
  const spellings: string[] = [];
  for (const item of right.items) {
    if (item.type !== 'str') return;
    spellings.push(item.value);
  }
  if (spellings.length === 0 || spellings.includes(left.value)) return;

  const meanings = new Set(spellings.map(spellingMeaning));
  const meaning = spellingMeaning(left.value);
  if (meanings.size !== 1 || !meaning || !meanings.has(meaning)) return;
  const expected = toPyRepr(right) ?? 'the list';
  const message = boolCompareMessage(origin.read.name, origin.raw, op, expected, result);
  evaluator.state.issue('bool-compare', origin, message, expr.range);
}

/** Records a `bool-of-string` issue for `bool()` of an environment string that spells false. */
export function checkBoolOfString(
  evaluator: ExpressionEvaluator,
  value: PyValue,
  expr: Expr,
): void {
  const origin = evaluator.origin(value);
  if (!origin || evaluator.isQuiet || value.type !== 'str' || value.value === '') return;
  if (spellingMeaning(value.value) !== 'false') return;
  evaluator.state.issue(
    'bool-of-string',
    origin,
    boolOfStringMessage(origin.read.name, origin.raw),
    expr.range,
  );
}
