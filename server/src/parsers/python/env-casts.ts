import type { Expr } from './python-ast.js';
import { literalValue } from './python-literals.js';
import { qualifiedName, type EnvScope, type SchemaEntry } from './python-symbols.js';
import type { EnvCast, PyValue } from './settings-model.js';
import { forEachExpression } from './ast-walk.js';

/**
 * Conversions applied to environment strings: by a `cast=` argument or schema entry, and by
 * a wrapper around the read (`int(...)`, `.split(",")`, `json.loads(...)`).
 */

/** Casts named by a callable (`cast=int`, `environ.Env(X=(bool, False))`, `int(...)`). */
const CALLABLE_CASTS: Record<string, EnvCast> = {
  bool: 'bool',
  int: 'int',
  float: 'float',
  str: 'str',
  list: 'list',
  tuple: 'list',
  dict: 'unknown',
  'json.loads': 'json',
  'dj_database_url.parse': 'db',
  'pathlib.Path': 'path',
  Path: 'path',
  'urllib.parse.urlparse': 'url',
};

/** String methods that pass a read's value on to an outer wrapper (`.strip().split(",")`). */
const PASS_THROUGH_METHODS = new Set([
  'strip',
  'lstrip',
  'rstrip',
  'lower',
  'upper',
  'casefold',
  'title',
]);

type Call = Expr & { kind: 'call' };

/** Cast that a `cast=` argument or schema entry names. */
export function castFromExpr(expr: Expr, scope: EnvScope): EnvCast {
  if (expr.kind === 'list' || expr.kind === 'tuple') return 'list';
  const callee = expr.kind === 'call' ? expr.func : expr;
  const name = qualifiedName(callee, scope);
  if (expr.kind === 'call') {
    if (name === 'decouple.Csv' || name === 'Csv') return 'csv';
    if (name === 'decouple.Choices' || name === 'Choices') return 'str';
    return 'unknown';
  }
  return (name && CALLABLE_CASTS[name]) || 'unknown';
}

/** Schema of `environ.Env(NAME=(cast, default), OTHER=cast)`. */
export function environSchema(
  call: Call,
  scope: EnvScope,
  evaluate: (expr: Expr) => PyValue = literalValue,
): Map<string, SchemaEntry> {
  const schema = new Map<string, SchemaEntry>();
  for (const keyword of call.keywords) {
    if (keyword.name === null) continue;
    const value = keyword.value;
    const pair = value.kind === 'tuple' && value.items.length >= 1 ? value.items : undefined;
    const castExpr = pair ? pair[0]! : value;
    const entry: SchemaEntry = {
      cast: castFromExpr(castExpr, scope),
      castExpr,
      hasDefault: pair?.length === 2,
    };
    if (pair?.length === 2) {
      entry.defaultExpr = pair[1]!;
      entry.default = evaluate(pair[1]!);
    }
    schema.set(keyword.name, entry);
  }
  return schema;
}

/**
 * Conversion a wrapper applies around `expr` (`int(x)` gives `x` and `int`), looking through
 * string methods such as `.strip()` that keep the value a string.
 */
export function wrapperCast(
  expr: Expr,
  scope: EnvScope,
): { inner: Expr; cast: EnvCast; passThrough: boolean } | undefined {
  if (expr.kind !== 'call') return undefined;
  if (expr.func.kind === 'attribute' && expr.args.every((arg) => arg.kind !== 'starred')) {
    const method = expr.func.name;
    if (method === 'split' || method === 'rsplit' || method === 'splitlines') {
      return { inner: expr.func.object, cast: 'list', passThrough: false };
    }
    if (PASS_THROUGH_METHODS.has(method))
      return { inner: expr.func.object, cast: 'str', passThrough: true };
  }
  const first = expr.args[0];
  if (!first || first.kind === 'starred') return undefined;
  const name = qualifiedName(expr.func, scope);
  const cast = name ? CALLABLE_CASTS[name] : undefined;
  if (!cast || cast === 'unknown') return undefined;
  return { inner: first, cast, passThrough: false };
}

/** Casts that wrappers give to the reads inside `root`, by reading node. */
export function wrapperCasts(root: Expr, scope: EnvScope): Map<Expr, EnvCast> {
  const casts = new Map<Expr, EnvCast>();
  forEachExpression(root, (node) => {
    const wrapper = wrapperCast(node, scope);
    if (!wrapper) return;
    const outer = casts.get(node);
    if (!wrapper.passThrough) casts.set(wrapper.inner, wrapper.cast);
    else if (outer) casts.set(wrapper.inner, outer);
  });
  return casts;
}
