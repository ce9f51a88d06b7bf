import type { Range } from '../../core/range.js';
import { forEachExpression, statementBlocks, statementExpressions } from './ast-walk.js';
import { castFromExpr, environSchema, wrapperCast, wrapperCasts } from './env-casts.js';
import type { Expr, PythonModule, Stmt } from './python-ast.js';
import { literalString, literalValue } from './python-literals.js';
import {
  qualifiedName,
  resolveReference,
  staticEnvScope,
  type EnvScope,
  type SchemaEntry,
} from './python-symbols.js';
import type { EnvCast, EnvIdiom, EnvRead, PyValue } from './settings-model.js';

/**
 * Recognises the expressions that read an environment variable: `os.environ[...]`,
 * `os.environ.get` and `os.getenv`, python-decouple's `config` (3.6 to 3.8), django-environ's
 * `Env` instances and schemas (0.4.4 to 0.12), and `dj_database_url.config` (0.5 to 3.x). It
 * also finds the conversion that a wrapper such as `int(...)` or `.split(",")` applies.
 */

export type EnvLibrary = 'os' | 'decouple' | 'environ' | 'dj-database-url';

/** A recognised read with the argument expressions its evaluation needs. */
export interface EnvReadMatch {
  read: EnvRead;
  library: EnvLibrary;
  /**
   * `subscript`, `get` or `getenv` for `os`, the `Env` method for django-environ (empty for
   * `env(...)`); `config` for decouple and dj-database-url.
   */
  method: string;
  defaultExpr?: Expr;
  castExpr?: Expr;
  /** django-environ parses a default only when asked (`parse_default=True`, and in `env.url`). */
  parseDefault: boolean;
  schema?: SchemaEntry;
  /** Keyword arguments by name, for options such as `conn_max_age`. */
  keywords: Map<string, Expr>;
}

/** Evaluates a variable name written as an expression (`PREFIX + "HOST"`). */
export type NameEvaluator = (expr: Expr) => PyValue;

/** django-environ `Env` methods that read a variable, with the cast each applies. */
const ENVIRON_METHODS: Record<string, EnvCast | undefined> = {
  '': undefined,
  get_value: undefined,
  str: 'str',
  bytes: 'str',
  bool: 'bool',
  int: 'int',
  float: 'float',
  json: 'json',
  list: 'list',
  tuple: 'list',
  dict: 'unknown',
  url: 'url',
  path: 'path',
  db_url: 'db',
  db: 'db',
  cache_url: 'cache',
  cache: 'cache',
  email_url: 'url',
  email: 'url',
  search_url: 'url',
  channels_url: 'url',
  channels: 'url',
};

const OS_IDIOMS: Record<'subscript' | 'get' | 'getenv', EnvIdiom> = {
  subscript: 'os.environ[]',
  get: 'os.environ.get',
  getenv: 'os.getenv',
};

/** Methods whose second positional argument is a cast rather than the default. */
const CAST_ARGUMENT_METHODS = new Set(['', 'get_value', 'list', 'tuple', 'dict']);

/** Variable read by the URL methods when no name is given (django-environ's `DEFAULT_*_ENV`). */
const IMPLICIT_NAMES: Record<string, string> = {
  db_url: 'DATABASE_URL',
  db: 'DATABASE_URL',
  cache_url: 'CACHE_URL',
  cache: 'CACHE_URL',
  email_url: 'EMAIL_URL',
  email: 'EMAIL_URL',
  search_url: 'SEARCH_URL',
  channels_url: 'CHANNELS_URL',
  channels: 'CHANNELS_URL',
};

type Call = Expr & { kind: 'call' };

/** Finds the argument at `position` or passed as `keyword`, unless a `*args` comes first. */
export function argument(call: Call, position: number, keyword: string): Expr | undefined {
  const named = call.keywords.find((entry) => entry.name === keyword);
  if (named) return named.value;
  for (let i = 0; i <= position && i < call.args.length; i++) {
    if (call.args[i]!.kind === 'starred') return undefined;
  }
  return call.args[position];
}

/** Recognises an expression that reads the environment itself (no wrapper). */
export function matchEnvRead(
  expr: Expr,
  scope: EnvScope,
  file: string,
  evaluateName?: NameEvaluator,
): EnvReadMatch | undefined {
  const context: MatchContext = { scope, file, evaluateName };
  if (expr.kind === 'subscript') {
    if (qualifiedName(expr.object, scope) !== 'os.environ') return undefined;
    return osRead(context, expr, 'subscript', expr.index, undefined);
  }

  if (expr.kind !== 'call') return undefined;
  const reference = resolveReference(expr.func, scope);
  if (!reference) return undefined;
  if (reference.kind === 'instance') {
    if (reference.symbol.kind === 'decouple-config') {
      return reference.member === undefined ? decoupleRead(context, expr) : undefined;
    }
    return environRead(context, expr, reference.member ?? '', reference.symbol.schema);
  }

  const name = reference.name;
  switch (name) {
    case 'os.environ.get':
      return osRead(context, expr, 'get', argument(expr, 0, 'key'), argument(expr, 1, 'default'));
    case 'os.getenv':
      return osRead(
        context,
        expr,
        'getenv',
        argument(expr, 0, 'key'),
        argument(expr, 1, 'default'),
      );
    case 'decouple.config':
      return decoupleRead(context, expr);
    case 'dj_database_url.config':
      return databaseUrlRead(context, expr);
    default:
      break;
  }

  if (reference.bound) return undefined;
  // Unbound names that come from a star import that could not be read: `env` is the
  // django-environ convention, and `config` is decouple's when it is given `cast` or `default`.
  const [first, member, extra] = name.split('.');
  if (
    first === 'env' &&
    extra === undefined &&
    (member === undefined || member in ENVIRON_METHODS)
  ) {
    return environRead(context, expr, member ?? '', new Map());
  }
  if (
    name === 'config' &&
    expr.keywords.some((keyword) => keyword.name === 'cast' || keyword.name === 'default')
  ) {
    return decoupleRead(context, expr);
  }
  return undefined;
}

interface MatchContext {
  scope: EnvScope;
  file: string;
  evaluateName: NameEvaluator | undefined;
}

function variableName(context: MatchContext, expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  const literal = literalString(expr);
  if (literal !== undefined) return literal;
  const value = context.evaluateName?.(expr);
  return value?.type === 'str' ? value.value : undefined;
}

function baseRead(
  context: MatchContext,
  expr: Expr,
  name: string,
  nameRange: Range,
  idiom: EnvIdiom,
  defaultExpr: Expr | undefined,
): EnvRead {
  const read: EnvRead = {
    name,
    nameRange,
    range: expr.range,
    file: context.file,
    idiom,
    hasDefault: defaultExpr !== undefined,
    required: false,
  };
  if (defaultExpr) {
    read.default = literalValue(defaultExpr);
    read.defaultRange = defaultExpr.range;
  }
  return read;
}

function osRead(
  context: MatchContext,
  expr: Expr,
  method: 'subscript' | 'get' | 'getenv',
  nameExpr: Expr | undefined,
  defaultExpr: Expr | undefined,
): EnvReadMatch | undefined {
  const name = variableName(context, nameExpr);
  if (name === undefined || !nameExpr) return undefined;
  const idiom = OS_IDIOMS[method];
  const read = baseRead(context, expr, name, nameExpr.range, idiom, defaultExpr);
  read.required = method === 'subscript';
  const match: EnvReadMatch = {
    read,
    library: 'os',
    method,
    parseDefault: false,
    keywords: keywordMap(expr),
  };
  if (defaultExpr) match.defaultExpr = defaultExpr;
  return match;
}

function decoupleRead(context: MatchContext, call: Call): EnvReadMatch | undefined {
  const nameExpr = argument(call, 0, 'option');
  const name = variableName(context, nameExpr);
  if (name === undefined || !nameExpr) return undefined;
  const defaultExpr = argument(call, 1, 'default');
  const castExpr = argument(call, 2, 'cast');
  const read = baseRead(context, call, name, nameExpr.range, 'decouple', defaultExpr);
  read.required = !defaultExpr;
  const cast = castExpr ? castFromExpr(castExpr, context.scope) : undefined;
  if (cast) read.cast = cast;
  const match: EnvReadMatch = {
    read,
    library: 'decouple',
    method: 'config',
    parseDefault: true,
    keywords: keywordMap(call),
  };
  if (defaultExpr) match.defaultExpr = defaultExpr;
  if (castExpr) match.castExpr = castExpr;
  return match;
}

function environRead(
  context: MatchContext,
  call: Call,
  method: string,
  schema: Map<string, SchemaEntry>,
): EnvReadMatch | undefined {
  if (!(method in ENVIRON_METHODS)) return undefined;
  const takesCast = CAST_ARGUMENT_METHODS.has(method);
  const isGetValue = method === '' || method === 'get_value';

  const nameExpr = argument(call, 0, 'var');
  const implicit = IMPLICIT_NAMES[method];
  const name = nameExpr ? variableName(context, nameExpr) : implicit;
  if (name === undefined) return undefined;
  const castExpr = takesCast ? argument(call, 1, 'cast') : undefined;
  const defaultExpr = argument(call, takesCast ? 2 : 1, 'default');
  const parseDefaultExpr = isGetValue ? argument(call, 3, 'parse_default') : undefined;
  const entry = schema.get(name);

  const read = baseRead(
    context,
    call,
    name,
    nameExpr?.range ?? call.range,
    entry ? 'environ-schema' : 'environ',
    defaultExpr,
  );
  if (!defaultExpr && entry?.hasDefault) {
    read.hasDefault = true;
    if (entry.default) read.default = entry.default;
    if (entry.defaultExpr) read.defaultRange = entry.defaultExpr.range;
  }
  read.required = !read.hasDefault;

  const explicitCast =
    castExpr && castExpr.kind !== 'none' ? castFromExpr(castExpr, context.scope) : undefined;
  const cast = ENVIRON_METHODS[method] ?? explicitCast ?? entry?.cast ?? smartCast(read.default);
  if (cast) read.cast = cast;

  const match: EnvReadMatch = {
    read,
    library: 'environ',
    method,
    parseDefault: method === 'url' || (parseDefaultExpr?.kind === 'bool' && parseDefaultExpr.value),
    keywords: keywordMap(call),
  };
  if (defaultExpr) match.defaultExpr = defaultExpr;
  else if (entry?.hasDefault && entry.defaultExpr) match.defaultExpr = entry.defaultExpr;
  if (castExpr) match.castExpr = castExpr;
  if (entry) match.schema = entry;
  return match;
}

/** django-environ 0.4.5+ casts to the type of the default when no cast is given. */
function smartCast(value: PyValue | undefined): EnvCast | undefined {
  switch (value?.type) {
    case 'bool':
    case 'int':
    case 'float':
    case 'str':
      return value.type;
    case 'list':
    case 'tuple':
      return 'list';
    case 'dict':
      return 'unknown';
    default:
      return undefined;
  }
}

function databaseUrlRead(context: MatchContext, call: Call): EnvReadMatch | undefined {
  const nameExpr = argument(call, 0, 'env');
  const name = nameExpr ? variableName(context, nameExpr) : 'DATABASE_URL';
  if (name === undefined) return undefined;
  const defaultExpr = argument(call, 1, 'default');
  const read = baseRead(
    context,
    call,
    name,
    nameExpr?.range ?? call.range,
    'dj-database-url',
    defaultExpr,
  );
  read.cast = 'db';
  const match: EnvReadMatch = {
    read,
    library: 'dj-database-url',
    method: 'config',
    parseDefault: true,
    keywords: keywordMap(call),
  };
  if (defaultExpr) match.defaultExpr = defaultExpr;
  return match;
}

function keywordMap(expr: Expr): Map<string, Expr> {
  const map = new Map<string, Expr>();
  if (expr.kind !== 'call') return map;
  for (const keyword of expr.keywords)
    if (keyword.name !== null) map.set(keyword.name, keyword.value);
  return map;
}

/**
 * A read in `expr` itself or under wrappers (`int(os.environ.get("X"))`), with the cast of the
 * innermost converting wrapper.
 */
export function recognizeEnvRead(expr: Expr, scope: EnvScope, file: string): EnvRead | undefined {
  let node = expr;
  let cast: EnvCast | undefined;
  for (let depth = 0; depth < 20; depth++) {
    const match = matchEnvRead(node, scope, file);
    if (match) {
      if (cast) match.read.cast = cast;
      return match.read;
    }
    const wrapper = wrapperCast(node, scope);
    if (!wrapper) return undefined;
    if (!wrapper.passThrough) cast = wrapper.cast;
    node = wrapper.inner;
  }
  return undefined;
}

/** Finds every read inside `root`, in source order, with the casts of their wrappers. */
export function findEnvReads(root: Expr, scope: EnvScope, file: string): EnvRead[] {
  const casts = wrapperCasts(root, scope);
  const reads: EnvRead[] = [];
  forEachExpression(root, (node) => {
    const match = matchEnvRead(node, scope, file);
    if (!match) return;
    const cast = casts.get(node);
    if (cast) match.read.cast = cast;
    reads.push(match.read);
  });
  return reads;
}

/** Scope of a module's imports and `Env`/decouple objects, read without running the module. */
export function envScopeForModule(module: PythonModule): EnvScope {
  return staticEnvScope(module, (call, current) => environSchema(call, current));
}

/** Lists every read in the module's statements, in `if`, `try`, `with` and loop bodies too. */
export function moduleEnvReads(module: PythonModule): EnvRead[] {
  const scope = envScopeForModule(module);
  const reads: EnvRead[] = [];
  const visit = (statements: Stmt[]) => {
    for (const statement of statements) {
      for (const expr of statementExpressions(statement))
        reads.push(...findEnvReads(expr, scope, module.source.path));
      for (const block of statementBlocks(statement)) visit(block);
    }
  };
  visit(module.body);
  return reads;
}
