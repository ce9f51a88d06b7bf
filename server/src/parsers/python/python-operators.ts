import { dictSet, numberOf, pyCompare, pyContains, pyEquals, truthiness } from './py-values.js';
import type { PyValue } from './settings-model.js';
import { percentFormat } from './string-format.js';
import { MAX_STRING_LENGTH } from './value-methods.js';

/**
 * Binary and unary operators on known values with Python's semantics (int/float promotion,
 * floor division and modulo rounding toward negative infinity, sequence repetition, dict and
 * set union). An operation Python would raise on returns `{ raise }`, and one that is not
 * modelled returns unknown.
 */

export type OperatorResult = PyValue | { raise: string };

/** Sequences longer than this are not built by `*` or `+`. */
const MAX_SEQUENCE_LENGTH = 100_000;

const unknown = (reason: string): PyValue => ({ type: 'unknown', reason });

function numeric(value: number, float: boolean): PyValue {
  if (!Number.isFinite(value))
    return float && !Number.isNaN(value)
      ? { type: 'float', value }
      : unknown('number out of range');
  return { type: float ? 'float' : 'int', value };
}

export function binaryOperation(op: string, left: PyValue, right: PyValue): OperatorResult {
  if (left.type === 'unknown' || right.type === 'unknown')
    return unknown(`${op} of an unknown value`);
  const a = numberOf(left);
  const b = numberOf(right);
  if (a !== undefined && b !== undefined)
    return numericOperation(op, a, b, left.type === 'float' || right.type === 'float');
  switch (op) {
    case '+':
      return concatenate(left, right);
    case '*':
      return repeat(left, right) ?? repeat(right, left) ?? unknown('* of these types');
    case '%':
      if (left.type === 'str') {
        const formatted = percentFormat(left.value, right);
        return formatted === undefined
          ? unknown('% formatting')
          : { type: 'str', value: formatted };
      }
      return unknown('% of these types');
    case '|':
      if (left.type === 'dict' && right.type === 'dict') {
        let merged: PyValue & { type: 'dict' } = left;
        for (const entry of right.entries) merged = dictSet(merged, entry.key, entry.value);
        return merged;
      }
      if (left.type === 'set' && right.type === 'set')
        return { type: 'set', items: [...left.items, ...right.items] };
      return unknown('| of these types');
    default:
      return unknown(`${op} of these types`);
  }
}

function numericOperation(op: string, a: number, b: number, float: boolean): OperatorResult {
  switch (op) {
    case '+':
      return numeric(a + b, float);
    case '-':
      return numeric(a - b, float);
    case '*':
      return numeric(a * b, float);
    case '/':
      return b === 0 ? { raise: 'ZeroDivisionError' } : numeric(a / b, true);
    case '//':
      return b === 0 ? { raise: 'ZeroDivisionError' } : numeric(Math.floor(a / b), float);
    case '%':
      return b === 0 ? { raise: 'ZeroDivisionError' } : numeric(a - b * Math.floor(a / b), float);
    case '**':
      if (!float && b < 0) return numeric(a ** b, true);
      if (a === 0 && b < 0) return { raise: 'ZeroDivisionError' };
      return numeric(a ** b, float);
    case '<<':
    case '>>':
    case '&':
    case '|':
    case '^':
      return float ? { raise: 'TypeError' } : bitwise(op, a, b);
    default:
      return unknown(`${op} of numbers`);
  }
}

function bitwise(op: string, a: number, b: number): OperatorResult {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b))
    return unknown('bitwise operation on a large number');
  if ((op === '<<' || op === '>>') && b < 0) return { raise: 'ValueError' };
  const x = BigInt(a);
  const y = BigInt(b);
  if (op === '<<' && b > 64) return unknown('shift out of range');
  switch (op) {
    case '<<':
      return numeric(Number(x << y), false);
    case '>>':
      return numeric(Number(x >> y), false);
    case '&':
      return numeric(Number(x & y), false);
    case '|':
      return numeric(Number(x | y), false);
    default:
      return numeric(Number(x ^ y), false);
  }
}

function concatenate(left: PyValue, right: PyValue): OperatorResult {
  if (left.type === 'str' && right.type === 'str') {
    const value = left.value + right.value;
    return value.length > MAX_STRING_LENGTH ? unknown('string too long') : { type: 'str', value };
  }
  if ((left.type === 'list' || left.type === 'tuple') && left.type === right.type) {
    const items = [...left.items, ...(right as { items: PyValue[] }).items];
    return items.length > MAX_SEQUENCE_LENGTH
      ? unknown('sequence too long')
      : { type: left.type, items };
  }
  if (left.type === 'str' || right.type === 'str' || left.type === 'list' || left.type === 'tuple')
    return { raise: 'TypeError' };
  return unknown('+ of these types');
}

function repeat(sequence: PyValue, count: PyValue): PyValue | undefined {
  if (count.type !== 'int' && count.type !== 'bool') return undefined;
  const times = Math.max(0, Number(count.value));
  if (sequence.type === 'str') {
    return sequence.value.length * times > MAX_STRING_LENGTH
      ? unknown('string too long')
      : { type: 'str', value: sequence.value.repeat(times) };
  }
  if (sequence.type === 'list' || sequence.type === 'tuple') {
    if (sequence.items.length * times > MAX_SEQUENCE_LENGTH) return unknown('sequence too long');
    const items: PyValue[] = [];
    for (let i = 0; i < times; i++) items.push(...sequence.items);
    return { type: sequence.type, items };
  }
  return undefined;
}

export function unaryOperation(op: string, operand: PyValue): OperatorResult {
  if (op === 'not') {
    const truth = truthiness(operand);
    return truth === undefined
      ? unknown('not of an unknown value')
      : { type: 'bool', value: !truth };
  }
  const number = numberOf(operand);
  if (number === undefined)
    return operand.type === 'unknown'
      ? unknown(`${op} of an unknown value`)
      : { raise: 'TypeError' };
  const float = operand.type === 'float';
  switch (op) {
    case '-':
      return numeric(-number, float);
    case '+':
      return numeric(number, float);
    case '~':
      return float ? { raise: 'TypeError' } : numeric(-number - 1, false);
    default:
      return unknown(`${op} operator`);
  }
}

/** Result of one comparison, or undefined when it cannot be known. */
export function compareValues(op: string, left: PyValue, right: PyValue): boolean | undefined {
  switch (op) {
    case '==':
      return pyEquals(left, right);
    case '!=': {
      const equal = pyEquals(left, right);
      return equal === undefined ? undefined : !equal;
    }
    case 'in':
      return pyContains(right, left);
    case 'not in': {
      const contained = pyContains(right, left);
      return contained === undefined ? undefined : !contained;
    }
    case 'is':
    case 'is not': {
      const same = identical(left, right);
      if (same === undefined) return undefined;
      return op === 'is' ? same : !same;
    }
    default: {
      const order = pyCompare(left, right);
      if (order === undefined) return undefined;
      return op === '<'
        ? order < 0
        : op === '<='
          ? order <= 0
          : op === '>'
            ? order > 0
            : order >= 0;
    }
  }
}

function identical(left: PyValue, right: PyValue): boolean | undefined {
  if (left === right) return true;
  if (left.type === 'unknown' || right.type === 'unknown') return undefined;
  if (left.type === 'none' || right.type === 'none') return left.type === right.type;
  if (left.type === 'bool' && right.type === 'bool') return left.value === right.value;
  if (left.type === 'bool' || right.type === 'bool') return false;
  return undefined;
}
