import { AssignmentRunner } from './evaluate-assignments.js';
import {
  exceptionMatches,
  MAX_MODULES,
  PyRaise,
  type Binding,
  type EvaluationState,
  type Namespace,
} from './evaluation-state.js';
import { mergeBranches, replaceAll } from './merge-branches.js';
import { moduleNameForFile } from './module-resolver.js';
import type { Expr, PythonModule, Stmt } from './python-ast.js';
import { fromBindings, importBindings, type PySymbol } from './python-symbols.js';
import { truthiness, unknownValue } from './py-values.js';
import { bindLocal, iterate } from './sequences.js';
import type { PyValue } from './settings-model.js';

/** Loops over a known list of at most this many items run their body per item. */
const MAX_LOOP_ITEMS = 100;

/**
 * Runs a module's statements once (later imports of it reuse its namespace, as Python's module
 * cache does) and returns its namespace. A module already running (a circular import) returns
 * the names it has bound so far.
 */
export function runModule(state: EvaluationState, module: PythonModule): Namespace {
  const file = module.source.path;
  const existing = state.modules.get(file);
  if (existing) return existing;
  const namespace: Namespace = new Map();
  namespace.set('__name__', { value: { type: 'str', value: moduleNameForFile(file) } });
  namespace.set('__file__', { value: unknownValue('__file__') });
  state.modules.set(file, namespace);
  if (state.modules.size > MAX_MODULES) return namespace;
  new ModuleRunner(state, module, namespace).runBlock(module.body);
  state.files.push(file);
  return namespace;
}

/**
 * Interprets module-level statements in order. An `if` with a known test runs one branch. With
 * an unknown test, both branches run from the same starting names and are merged, so a name
 * keeps a value when every branch that binds it agrees and is unknown otherwise. A branch that
 * leaves a name unbound does not count, so `if X: SECURE_SSL_REDIRECT = True` still gives True.
 * A `try` runs its body and, when the body certainly raises, the first matching handler.
 */
class ModuleRunner extends AssignmentRunner {
  runBlock(statements: Stmt[]): void {
    for (const statement of statements) {
      try {
        this.execute(statement);
      } catch (error) {
        if (!(error instanceof PyRaise) || this.tryDepth > 0) throw error;
      }
    }
  }

  private execute(statement: Stmt): void {
    switch (statement.kind) {
      case 'assign':
        this.assign(statement.targets, statement.value);
        return;
      case 'annassign':
        if (statement.value) this.assign([statement.target], statement.value);
        return;
      case 'augassign':
        this.augmentedAssign(statement);
        return;
      case 'if':
        this.runIf(statement);
        return;
      case 'try':
        this.runTry(statement);
        return;
      case 'with':
        for (const item of statement.items ?? []) {
          this.evaluate(item.context);
          if (item.target)
            this.bindLoopTarget(item.target, unknownValue('value of a with statement'));
        }
        this.runBlock(statement.body);
        return;
      case 'for':
        this.runFor(statement);
        return;
      case 'while':
        this.runWhile(statement);
        return;
      case 'import':
        this.runImport(statement);
        return;
      case 'from':
        this.runFrom(statement);
        return;
      case 'expr':
        this.runExpression(statement.value);
        return;
      case 'def':
      case 'class':
        this.namespace.set(statement.name, {
          value: unknownValue(statement.kind === 'def' ? 'function' : 'class'),
        });
        return;
      default:
        // NOTE: `del NAME` is read as `other`, so a deleted setting keeps its last value.
        return;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Branches and loops

  private runIf(statement: Stmt & { kind: 'if' }): void {
    const truth = truthiness(this.evaluate(statement.test));
    if (truth === undefined) {
      this.fork([statement.body, statement.orelse]);
      return;
    }
    this.conditional++;
    try {
      this.runBlock(truth ? statement.body : statement.orelse);
    } finally {
      this.conditional--;
    }
  }

  private runTry(statement: Stmt & { kind: 'try' }): void {
    this.conditional++;
    let raised: PyRaise | undefined;
    try {
      this.tryDepth++;
      try {
        this.runBlock(statement.body);
      } catch (error) {
        if (!(error instanceof PyRaise)) throw error;
        raised = error;
      } finally {
        this.tryDepth--;
      }
      if (!raised) {
        this.runBlock(statement.orelse);
      } else {
        const handler = statement.handlers.findIndex((_body, i) =>
          handlerCatches(statement.handlerTypes?.[i] ?? null, raised!.exception),
        );
        if (handler >= 0) {
          raised = undefined;
          this.runBlock(statement.handlers[handler]!);
        }
      }
    } finally {
      this.runBlock(statement.finalbody);
      this.conditional--;
    }
    if (raised && this.tryDepth > 0) throw raised;
  }

  private runFor(statement: Stmt & { kind: 'for' | 'while' }): void {
    const iterable = statement.iter ? this.evaluate(statement.iter) : unknownValue('loop');
    const items = iterate(iterable);
    const itemByItem =
      statement.target &&
      items &&
      items.length <= MAX_LOOP_ITEMS &&
      !this.containsJump(statement.body);
    if (itemByItem && this.state.reserveIterations(items.length)) {
      this.conditional++;
      try {
        for (const item of items) {
          this.bindLoopTarget(statement.target!, item);
          this.runBlock(statement.body);
        }
        this.runBlock(statement.orelse ?? []);
      } finally {
        this.conditional--;
      }
      return;
    }
    if (statement.target) this.bindLoopTarget(statement.target, unknownValue('loop variable'));
    this.fork([statement.body, []]);
    this.fork([statement.orelse ?? [], []]);
  }

  private runWhile(statement: Stmt & { kind: 'for' | 'while' }): void {
    const truth = statement.test ? truthiness(this.evaluate(statement.test)) : undefined;
    if (truth === false) {
      this.runBlock(statement.orelse ?? []);
      return;
    }
    this.fork([statement.body, []]);
  }

  /** Loop and `with` targets are bound without an assignment record. */
  private bindLoopTarget(target: Expr, value: PyValue): void {
    const frame = new Map<string, PyValue>();
    if (!bindLocal(target, value, frame)) {
      for (const name of namesIn(target)) frame.set(name, unknownValue('loop variable'));
    }
    for (const [name, item] of frame) this.namespace.set(name, { value: item });
  }

  /** True when `break` or `continue` appears in a loop body (outside nested loops). */
  private containsJump(statements: Stmt[]): boolean {
    const text = this.module.source;
    return statements.some((statement) => {
      if (statement.kind === 'other') {
        const start = text.offsetAt(statement.range.start);
        return /^(break|continue)\b/.test(text.text.slice(start, start + 8));
      }
      if (statement.kind === 'if')
        return this.containsJump(statement.body) || this.containsJump(statement.orelse);
      if (statement.kind === 'try') {
        return [statement.body, ...statement.handlers, statement.orelse, statement.finalbody].some(
          (block) => this.containsJump(block),
        );
      }
      return statement.kind === 'with' && this.containsJump(statement.body);
    });
  }

  /** Runs each branch from the same names, then merges them (see the class comment). */
  private fork(branches: Stmt[][]): void {
    const before = new Map(this.namespace);
    const outcomes: Namespace[] = [];
    this.conditional++;
    try {
      for (const branch of branches) {
        replaceAll(this.namespace, before);
        this.runBlock(branch);
        outcomes.push(new Map(this.namespace));
      }
    } finally {
      this.conditional--;
    }
    replaceAll(this.namespace, mergeBranches(before, outcomes));
  }

  // ---------------------------------------------------------------------------------------------
  // Imports

  private runImport(statement: Stmt & { kind: 'import' }): void {
    for (const [index, [name, symbol]] of importBindings(statement).entries()) {
      const imported = statement.names[index]!;
      const module = this.state.resolve(imported.name, 0, this.file);
      if (module) runModule(this.state, module);
      const bound: PySymbol =
        symbol.kind === 'module' && module && (imported.asname || !imported.name.includes('.'))
          ? { ...symbol, file: module.source.path }
          : symbol;
      this.namespace.set(name, { value: unknownValue('module'), symbol: bound });
    }
  }

  private runFrom(statement: Stmt & { kind: 'from' }): void {
    const target = this.state.resolve(statement.module, statement.level, this.file);
    if (!target && !(statement.level > 0 && statement.module === '')) {
      if (statement.level > 0 && this.tryDepth > 0) throw new PyRaise('ImportError');
      const unresolved = statement.level > 0;
      for (const [name, symbol] of fromBindings(statement)) {
        this.namespace.set(
          name,
          unresolved
            ? { value: unknownValue('import failed') }
            : { value: unknownValue('imported name'), symbol },
        );
      }
      return;
    }
    const namespace = target ? runModule(this.state, target) : new Map<string, Binding>();
    if (statement.star) {
      for (const name of starNames(namespace)) this.namespace.set(name, namespace.get(name)!);
      return;
    }
    for (const { name, asname } of statement.names) {
      const binding = namespace.get(name) ?? this.importSubmodule(statement, name);
      if (binding) this.namespace.set(asname ?? name, binding);
    }
  }

  /** `from . import base`: a submodule of the package, run and bound as a module. */
  private importSubmodule(statement: Stmt & { kind: 'from' }, name: string): Binding | undefined {
    const dotted = statement.module ? `${statement.module}.${name}` : name;
    const module = this.state.resolve(dotted, statement.level, this.file);
    if (!module) {
      if (this.tryDepth > 0) throw new PyRaise('ImportError');
      return { value: unknownValue('import failed') };
    }
    runModule(this.state, module);
    return {
      value: unknownValue('module'),
      symbol: { kind: 'module', name: dotted, file: module.source.path },
    };
  }
}

/** Names a star import copies: a known `__all__` list, else the names without a leading `_`. */
function starNames(namespace: Namespace): string[] {
  const all = namespace.get('__all__')?.value;
  if (
    all &&
    (all.type === 'list' || all.type === 'tuple') &&
    all.items.every((item) => item.type === 'str')
  ) {
    return all.items
      .map((item) => (item as { value: string }).value)
      .filter((name) => namespace.has(name));
  }
  return [...namespace.keys()].filter((name) => !name.startsWith('_'));
}

function handlerCatches(type: Expr | null, exception: string): boolean {
  if (!type) return true;
  const names = type.kind === 'tuple' ? type.items : [type];
  return names.some((name) => {
    if (name.kind === 'name') return exceptionMatches(exception, name.id);
    return name.kind === 'attribute' && exceptionMatches(exception, name.name);
  });
}

function namesIn(target: Expr): string[] {
  if (target.kind === 'name') return [target.id];
  if (target.kind === 'starred') return namesIn(target.value);
  if (target.kind === 'tuple' || target.kind === 'list') return target.items.flatMap(namesIn);
  return [];
}
