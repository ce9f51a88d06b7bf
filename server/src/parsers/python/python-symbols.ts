import type { Expr, PythonModule, Stmt } from './python-ast.js';
import type { EnvCast, PyValue } from './settings-model.js';

/** A django-environ schema entry: `environ.Env(DEBUG=(bool, False))` or `SECRET_KEY=str`. */
export interface SchemaEntry {
  cast: EnvCast | undefined;
  castExpr: Expr;
  hasDefault: boolean;
  defaultExpr?: Expr;
  default?: PyValue;
}

/** Meaning of a module-level name, for recognising environment reads. */
export type PySymbol =
  | { kind: 'module'; name: string; file?: string }
  | { kind: 'imported'; qualified: string }
  | { kind: 'environ-env'; schema: Map<string, SchemaEntry> }
  | { kind: 'decouple-config' };

export interface EnvScope {
  symbol(name: string): PySymbol | undefined;
  /** True when the name is bound to anything, with or without a symbol. */
  bound?(name: string): boolean;
}

/** A dotted name an expression stands for (`os.environ.get`), or an object with a member. */
export type Reference =
  | { kind: 'qualified'; name: string; bound: boolean }
  | {
      kind: 'instance';
      symbol: PySymbol & { kind: 'environ-env' | 'decouple-config' };
      member?: string;
    };

/** Dotted names bound by an `import` statement to the names it introduces. */
export function importBindings(statement: Stmt & { kind: 'import' }): [string, PySymbol][] {
  return statement.names.map(({ name, asname }) =>
    asname
      ? [asname, { kind: 'module', name }]
      : [name.split('.')[0]!, { kind: 'module', name: name.split('.')[0]! }],
  );
}

/** Names bound by `from module import a as b` for a module outside the workspace. */
export function fromBindings(statement: Stmt & { kind: 'from' }): [string, PySymbol][] {
  const module = '.'.repeat(statement.level) + statement.module;
  return statement.names.map(({ name, asname }) => [
    asname ?? name,
    { kind: 'imported', qualified: `${module}.${name}` },
  ]);
}

/** Resolves a name or attribute chain to the dotted name or object it stands for. */
export function resolveReference(expr: Expr, scope: EnvScope): Reference | undefined {
  if (expr.kind === 'name') {
    const symbol = scope.symbol(expr.id);
    if (!symbol)
      return { kind: 'qualified', name: expr.id, bound: scope.bound?.(expr.id) ?? false };
    switch (symbol.kind) {
      case 'module':
        return { kind: 'qualified', name: symbol.name, bound: true };
      case 'imported':
        return { kind: 'qualified', name: symbol.qualified, bound: true };
      default:
        return { kind: 'instance', symbol };
    }
  }
  if (expr.kind !== 'attribute') return undefined;
  const object = resolveReference(expr.object, scope);
  if (!object) return undefined;
  if (object.kind === 'qualified')
    return { kind: 'qualified', name: `${object.name}.${expr.name}`, bound: object.bound };
  return object.member === undefined ? { ...object, member: expr.name } : undefined;
}

/**
 * Dotted name of a function or value. An unbound name stands for itself, so `os.getenv` still
 * reads as the `os` function when `os` came from a star import that could not be read.
 * `environ.FileAwareEnv` reads as `environ.Env`.
 */
export function qualifiedName(expr: Expr, scope: EnvScope): string | undefined {
  const reference = resolveReference(expr, scope);
  if (!reference || reference.kind !== 'qualified') return undefined;
  return reference.name === 'environ.FileAwareEnv' ? 'environ.Env' : reference.name;
}

/** True when `expr` constructs a django-environ `Env` (`environ.Env(...)`, `Env()`). */
export function isEnvironConstructor(expr: Expr, scope: EnvScope): boolean {
  if (expr.kind !== 'call') return false;
  return qualifiedName(expr.func, scope) === 'environ.Env';
}

/** True when `expr` constructs a python-decouple config object (`AutoConfig()`, `Config(...)`). */
export function isDecoupleConstructor(expr: Expr, scope: EnvScope): boolean {
  if (expr.kind !== 'call') return false;
  const name = qualifiedName(expr.func, scope);
  return name === 'decouple.AutoConfig' || name === 'decouple.Config';
}

/**
 * Scope of a module read without running it: its imports and the names assigned an
 * `environ.Env(...)` or a decouple config, in any block. The evaluator builds a more exact one
 * as it runs the statements.
 */
export function staticEnvScope(
  module: PythonModule,
  schemaOf: (call: Expr & { kind: 'call' }, scope: EnvScope) => Map<string, SchemaEntry>,
): EnvScope {
  const symbols = new Map<string, PySymbol>();
  const scope: EnvScope = { symbol: (name) => symbols.get(name) };
  const visit = (statements: Stmt[]) => {
    for (const statement of statements) {
      switch (statement.kind) {
        case 'import':
          for (const [name, symbol] of importBindings(statement)) symbols.set(name, symbol);
          break;
        case 'from':
          for (const [name, symbol] of fromBindings(statement)) symbols.set(name, symbol);
          break;
        case 'assign':
          for (const target of statement.targets) {
            if (target.kind !== 'name') continue;
            if (isEnvironConstructor(statement.value, scope)) {
              symbols.set(target.id, {
                kind: 'environ-env',
                schema: schemaOf(statement.value as Expr & { kind: 'call' }, scope),
              });
            } else if (isDecoupleConstructor(statement.value, scope)) {
              symbols.set(target.id, { kind: 'decouple-config' });
            }
          }
          break;
        case 'if':
          visit(statement.body);
          visit(statement.orelse);
          break;
        case 'try':
          visit(statement.body);
          statement.handlers.forEach(visit);
          visit(statement.orelse);
          visit(statement.finalbody);
          break;
        case 'with':
        case 'for':
        case 'while':
          visit(statement.body);
          break;
        default:
          break;
      }
    }
  };
  visit(module.body);
  return scope;
}
