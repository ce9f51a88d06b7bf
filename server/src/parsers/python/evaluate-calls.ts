import { checkBoolOfString } from './bool-idioms.js';
import { jsonLoads, toFloat, toInt, type Conversion } from './conversions.js';
import { parseDatabaseUrl } from './database-url.js';
import { MAX_ITEMS, type ExpressionEvaluator } from './evaluate-expression.js';
import { iterate } from './sequences.js';
import { PyRaise } from './evaluation-state.js';
import { castFailedMessage } from './issue-messages.js';
import type { Expr } from './python-ast.js';
import { qualifiedName } from './python-symbols.js';
import {
  NONE,
  numberOf,
  pyCompare,
  pyEquals,
  toPyRepr,
  toPyStr,
  truthiness,
  unknownValue,
} from './py-values.js';
import type { PyValue } from './settings-model.js';
import { callValueMethod } from './value-methods.js';

/**
 * Calls the evaluator models: Python builtins on known values, a few pure library functions
 * (`os.path.join`, `json.loads`, `dj_database_url.parse`) and methods of known strings, lists
 * and dicts. Every other call is unknown, but its arguments are still evaluated, so the
 * environment reads inside them count.
 */

type Call = Expr & { kind: 'call' };

interface Arguments {
  args: PyValue[];
  kwargs: Map<string, PyValue>;
  /** False when a `*` or `**` argument could not be expanded. */
  complete: boolean;
}

/** String methods whose result keeps the environment origin of the string they are called on. */
const ORIGIN_PRESERVING = new Set([
  'strip',
  'lstrip',
  'rstrip',
  'lower',
  'upper',
  'casefold',
  'title',
]);

export function evaluateCall(evaluator: ExpressionEvaluator, call: Call): PyValue {
  const func = call.func;
  if (func.kind === 'attribute') {
    const name = qualifiedName(func, evaluator.scope);
    const library = name ? LIBRARY_FUNCTIONS[name] : undefined;
    if (library) return library(evaluator, call, evaluateArguments(evaluator, call));
    const target = evaluator.evaluate(func.object);
    const { args, kwargs, complete } = evaluateArguments(evaluator, call);
    if (!complete) return unknownValue('call with unknown arguments');
    const result = callValueMethod(target, func.name, args, kwargs);
    if (!result) return unknownValue(`call of ${func.name}()`);
    const origin = evaluator.origin(target);
    if (origin && result.type === 'str' && ORIGIN_PRESERVING.has(func.name))
      evaluator.state.origins.set(result, origin);
    return result;
  }
  if (func.kind === 'name') {
    const binding = evaluator.namespace.get(func.id);
    const symbol = binding?.symbol;
    const name = symbol ? qualifiedName(func, evaluator.scope) : binding ? undefined : func.id;
    const handler = name ? (LIBRARY_FUNCTIONS[name] ?? BUILTINS[name]) : undefined;
    const evaluated = evaluateArguments(evaluator, call);
    return handler ? handler(evaluator, call, evaluated) : unknownValue(`call of ${func.id}()`);
  }
  evaluator.evaluate(func);
  evaluateArguments(evaluator, call);
  return unknownValue('call of a computed function');
}

function evaluateArguments(evaluator: ExpressionEvaluator, call: Call): Arguments {
  const args: PyValue[] = [];
  const kwargs = new Map<string, PyValue>();
  let complete = true;
  for (const argument of call.args) {
    if (argument.kind !== 'starred') {
      args.push(evaluator.evaluate(argument));
      continue;
    }
    const spread = iterate(evaluator.evaluate(argument.value));
    if (spread) args.push(...spread);
    else complete = false;
  }
  for (const keyword of call.keywords) {
    const value = evaluator.evaluate(keyword.value);
    if (keyword.name !== null) {
      kwargs.set(keyword.name, value);
    } else if (value.type === 'dict' && value.entries.every((entry) => entry.key.type === 'str')) {
      for (const entry of value.entries)
        kwargs.set((entry.key as { value: string }).value, entry.value);
    } else {
      complete = false;
    }
  }
  return { args, kwargs, complete };
}

type Handler = (evaluator: ExpressionEvaluator, call: Call, args: Arguments) => PyValue;

/** Applies a conversion. A failure on an environment string records a `cast-failed` issue. */
function convert(
  evaluator: ExpressionEvaluator,
  call: Call,
  input: PyValue,
  conversion: Conversion,
  kind: string,
): PyValue {
  if (conversion.ok) return conversion.value;
  const origin = evaluator.origin(input);
  if (origin && input.type === 'str' && !evaluator.isQuiet) {
    evaluator.state.issue(
      'cast-failed',
      origin,
      castFailedMessage(kind, origin.read.name, input.value, conversion.exception),
      call.range,
    );
  }
  throw new PyRaise(conversion.exception);
}

function single(
  handler: (evaluator: ExpressionEvaluator, call: Call, value: PyValue, args: Arguments) => PyValue,
): Handler {
  return (evaluator, call, args) => {
    if (!args.complete || args.args.length === 0)
      return unknownValue('call with unknown arguments');
    return handler(evaluator, call, args.args[0]!, args);
  };
}

function sequenceOf(type: 'list' | 'tuple' | 'set'): Handler {
  return (_evaluator, _call, { args, complete }) => {
    if (!complete) return unknownValue('call with unknown arguments');
    if (args.length === 0) return { type, items: [] };
    const items = iterate(args[0]!);
    if (!items) return unknownValue(`${type}() of an unknown value`);
    if (type !== 'set') return { type, items };
    const unique: PyValue[] = [];
    for (const item of items)
      if (!unique.some((existing) => pyEquals(existing, item) === true)) unique.push(item);
    return { type, items: unique };
  };
}

function extreme(sign: 1 | -1): Handler {
  return (_evaluator, _call, { args, complete }) => {
    const items = args.length === 1 ? iterate(args[0]!) : args;
    if (!complete || !items || items.length === 0)
      return unknownValue('min() or max() of unknown values');
    let best = items[0]!;
    for (const item of items.slice(1)) {
      const order = pyCompare(item, best);
      if (order === undefined) return unknownValue('min() or max() of unknown values');
      if (order * sign > 0) best = item;
    }
    return best;
  };
}

const BUILTINS: Record<string, Handler> = {
  int: (evaluator, call, args) => {
    if (!args.complete) return unknownValue('call with unknown arguments');
    const [value, base] = args.args;
    if (!value) return { type: 'int', value: 0 };
    if (base) return intWithBase(value, base);
    return convert(evaluator, call, value, toInt(value), 'int');
  },
  float: (evaluator, call, args) => {
    if (!args.complete) return unknownValue('call with unknown arguments');
    const value = args.args[0];
    return value
      ? convert(evaluator, call, value, toFloat(value), 'float')
      : { type: 'float', value: 0 };
  },
  str: (_evaluator, _call, { args, complete }) => {
    if (!complete) return unknownValue('call with unknown arguments');
    if (args.length === 0) return { type: 'str', value: '' };
    const text = toPyStr(args[0]!);
    return text === undefined
      ? unknownValue('str() of an unknown value')
      : { type: 'str', value: text };
  },
  bool: (evaluator, call, { args, complete }) => {
    if (!complete) return unknownValue('call with unknown arguments');
    if (args.length === 0) return { type: 'bool', value: false };
    checkBoolOfString(evaluator, args[0]!, call);
    const truth = truthiness(args[0]!);
    return truth === undefined
      ? unknownValue('bool() of an unknown value')
      : { type: 'bool', value: truth };
  },
  repr: single((_evaluator, _call, value) => {
    const text = toPyRepr(value);
    return text === undefined
      ? unknownValue('repr() of an unknown value')
      : { type: 'str', value: text };
  }),
  list: sequenceOf('list'),
  tuple: sequenceOf('tuple'),
  set: sequenceOf('set'),
  frozenset: sequenceOf('set'),
  sorted: single((_evaluator, _call, value) => {
    const items = iterate(value);
    if (!items) return unknownValue('sorted() of an unknown value');
    const sorted = [...items];
    let comparable = true;
    sorted.sort((a, b) => {
      const order = pyCompare(a, b);
      if (order === undefined) comparable = false;
      return order ?? 0;
    });
    return comparable
      ? { type: 'list', items: sorted }
      : unknownValue('sorted() of unknown values');
  }),
  reversed: single((_evaluator, _call, value) => {
    const items = iterate(value);
    return items && value.type !== 'set' && value.type !== 'dict'
      ? { type: 'list', items: [...items].reverse() }
      : unknownValue('reversed()');
  }),
  len: single((_evaluator, _call, value) => {
    if (value.type === 'str') return { type: 'int', value: [...value.value].length };
    const items = iterate(value);
    return items ? { type: 'int', value: items.length } : unknownValue('len() of an unknown value');
  }),
  dict: (_evaluator, _call, { args, kwargs, complete }) => {
    if (!complete) return unknownValue('call with unknown arguments');
    let entries: { key: PyValue; value: PyValue }[] = [];
    if (args[0]) {
      if (args[0].type === 'dict') entries = [...args[0].entries];
      else {
        const pairs = iterate(args[0]);
        if (!pairs) return unknownValue('dict() of an unknown value');
        for (const pair of pairs) {
          const items = iterate(pair);
          if (!items || items.length !== 2) return unknownValue('dict() of unknown pairs');
          entries.push({ key: items[0]!, value: items[1]! });
        }
      }
    }
    for (const [key, value] of kwargs) entries.push({ key: { type: 'str', value: key }, value });
    return { type: 'dict', entries };
  },
  min: extreme(-1),
  max: extreme(1),
  sum: single((_evaluator, _call, value) => {
    const items = iterate(value);
    const numbers = items?.map(numberOf);
    if (!items || !numbers || numbers.includes(undefined))
      return unknownValue('sum() of unknown values');
    const total = (numbers as number[]).reduce((a, b) => a + b, 0);
    return { type: items.some((item) => item.type === 'float') ? 'float' : 'int', value: total };
  }),
  abs: single((_evaluator, _call, value) => {
    const number = numberOf(value);
    if (number === undefined) return unknownValue('abs() of an unknown value');
    return { type: value.type === 'float' ? 'float' : 'int', value: Math.abs(number) };
  }),
  round: (_evaluator, _call, { args, complete }) => {
    const number = args[0] ? numberOf(args[0]) : undefined;
    const digits = args[1] ? numberOf(args[1]) : undefined;
    if (!complete || number === undefined) return unknownValue('round() of an unknown value');
    if (digits === undefined) return { type: 'int', value: roundHalfEven(number) };
    const factor = 10 ** digits;
    return { type: 'float', value: roundHalfEven(number * factor) / factor };
  },
  range: (_evaluator, _call, { args, complete }) => {
    const bounds = args.map(numberOf);
    if (!complete || bounds.length === 0 || bounds.length > 3 || bounds.includes(undefined))
      return unknownValue('range() of unknown bounds');
    const [start, stop, step] =
      bounds.length === 1 ? [0, bounds[0]!, 1] : [bounds[0]!, bounds[1]!, bounds[2] ?? 1];
    if (step === 0) throw new PyRaise('ValueError');
    const count = Math.max(0, Math.ceil((stop - start) / step));
    if (count > MAX_ITEMS) return unknownValue('range() too long');
    return {
      type: 'list',
      items: Array.from(
        { length: count },
        (_, i) => ({ type: 'int', value: start + i * step }) as PyValue,
      ),
    };
  },
  any: single((_evaluator, _call, value) => {
    const truths = iterate(value)?.map(truthiness);
    if (!truths) return unknownValue('any() of an unknown value');
    if (truths.includes(true)) return { type: 'bool', value: true };
    return truths.includes(undefined)
      ? unknownValue('any() of unknown values')
      : { type: 'bool', value: false };
  }),
  all: single((_evaluator, _call, value) => {
    const truths = iterate(value)?.map(truthiness);
    if (!truths) return unknownValue('all() of an unknown value');
    if (truths.includes(false)) return { type: 'bool', value: false };
    return truths.includes(undefined)
      ? unknownValue('all() of unknown values')
      : { type: 'bool', value: true };
  }),
  print: () => NONE,
};

/** Pure functions of the standard library and of dj-database-url, by qualified name. */
const LIBRARY_FUNCTIONS: Record<string, Handler> = {
  'os.path.join': (_evaluator, _call, { args, complete }) => {
    if (!complete || args.length === 0 || args.some((arg) => arg.type !== 'str'))
      return unknownValue('os.path.join() of unknown parts');
    let path = '';
    for (const part of args.map((arg) => (arg as { value: string }).value)) {
      if (part.startsWith('/')) path = part;
      else if (path === '' || path.endsWith('/')) path += part;
      else path += `/${part}`;
    }
    return { type: 'str', value: path };
  },
  'os.path.dirname': single((_evaluator, _call, value) => {
    if (value.type !== 'str') return unknownValue('os.path.dirname() of an unknown value');
    const cut = value.value.lastIndexOf('/') + 1;
    const head = value.value.slice(0, cut);
    return { type: 'str', value: /^\/+$/.test(head) ? head : head.replace(/\/+$/, '') };
  }),
  'os.path.basename': single((_evaluator, _call, value) =>
    value.type === 'str'
      ? { type: 'str', value: value.value.slice(value.value.lastIndexOf('/') + 1) }
      : unknownValue('os.path.basename()'),
  ),
  'json.loads': single((evaluator, call, value) => {
    if (value.type !== 'str') return unknownValue('json.loads() of an unknown value');
    const parsed = jsonLoads(value.value);
    return convert(
      evaluator,
      call,
      value,
      parsed ? { ok: true, value: parsed } : { ok: false, exception: 'JSONDecodeError' },
      'json',
    );
  }),
  'dj_database_url.parse': single((evaluator, call, value, { kwargs }) => {
    if (value.type !== 'str') return unknownValue('dj_database_url.parse() of an unknown value');
    const options = {
      flavour: 'dj-database-url' as const,
      connMaxAge: kwargs.get('conn_max_age'),
      connHealthChecks: kwargs.get('conn_health_checks'),
    };
    const config = parseDatabaseUrl(value.value, options);
    return convert(
      evaluator,
      call,
      value,
      config ? { ok: true, value: config } : { ok: false, exception: 'ValueError' },
      'db',
    );
  }),
  'os.environ.setdefault': (evaluator, _call, { args, complete }) => {
    const [key, fallback] = args;
    if (!complete || key?.type !== 'str')
      return unknownValue('os.environ.setdefault() of an unknown name');
    const found = evaluator.state.lookup(key.value);
    if (found) return { type: 'str', value: found.value };
    if (fallback?.type === 'str' && !evaluator.isQuiet)
      evaluator.state.overrides.set(key.value, fallback.value);
    return fallback ?? unknownValue('os.environ.setdefault() without a value');
  },
};

/** `int(text, base)`, with the `0x`, `0o` and `0b` prefixes Python allows for the base. */
function intWithBase(value: PyValue, base: PyValue): PyValue {
  if (value.type !== 'str' || base.type !== 'int') return unknownValue('int() with a base');
  let text = value.value.trim().replace(/_/g, '').toLowerCase();
  const negative = text.startsWith('-');
  text = text.replace(/^[+-]/, '');
  let radix = base.value;
  const prefixes: Record<string, number> = { '0x': 16, '0o': 8, '0b': 2 };
  const prefix = prefixes[text.slice(0, 2)];
  if (prefix && (radix === prefix || radix === 0)) {
    radix = prefix;
    text = text.slice(2);
  } else if (radix === 0) {
    radix = 10;
  }
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  if (text === '' || [...text].some((char) => !digits.includes(char)))
    throw new PyRaise('ValueError');
  const parsed = parseInt(text, radix);
  return { type: 'int', value: negative ? -parsed : parsed };
}

/** Python's `round()` rounds halves to even. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference > 0.5) return floor + 1;
  if (difference < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
