import { environSchema } from './env-casts.js';
import { ExpressionEvaluator } from './evaluate-expression.js';
import { PyRaise, type Binding, type EvaluationState, type Namespace } from './evaluation-state.js';
import { applyMutation, getPath, MUTATING_METHODS, placePath, setPath } from './mutations.js';
import type { Expr, PythonModule, Stmt } from './python-ast.js';
import {
  isDecoupleConstructor,
  isEnvironConstructor,
  qualifiedName,
  resolveReference,
  type PySymbol,
} from './python-symbols.js';
import { binaryOperation } from './python-operators.js';
import { unknownValue } from './py-values.js';
import { iterate } from './sequences.js';
import type { EnvRead, PyValue, SettingAssignment } from './settings-model.js';

/**
 * Assignments of module-level names: plain, chained, unpacking, subscript (`X["k"] = v`),
 * augmented, and method calls that change a named value (`MIDDLEWARE.insert(0, ...)`). Each
 * becomes a `SettingAssignment` in the evaluation's history.
 */
export class AssignmentRunner {
  protected readonly evaluator: ExpressionEvaluator;
  /** Depth of `if`, `try` and loop blocks being run. Assignments inside are conditional. */
  protected conditional = 0;
  /** Depth of `try` bodies being run. A certain exception unwinds to the nearest one. */
  protected tryDepth = 0;

  constructor(
    protected readonly state: EvaluationState,
    protected readonly module: PythonModule,
    protected readonly namespace: Namespace,
  ) {
    this.evaluator = new ExpressionEvaluator(state, module, namespace);
  }

  protected get file(): string {
    return this.module.source.path;
  }

  /** Evaluates a statement's expression. An exception outside `try` gives unknown. */
  protected evaluate(expr: Expr, reads: EnvRead[] = []): PyValue {
    try {
      return this.evaluator.evaluateTop(expr, reads);
    } catch (error) {
      if (!(error instanceof PyRaise) || this.tryDepth > 0) throw error;
      return unknownValue(`raises ${error.exception}`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Assignments

  protected assign(targets: Expr[], valueExpr: Expr): void {
    const reads: EnvRead[] = [];
    const value = this.evaluate(valueExpr, reads);
    const symbol = this.symbolFor(valueExpr);
    for (const target of targets) this.bind(target, value, valueExpr, reads, symbol);
  }

  /** Finds what an assigned name refers to: an `environ.Env`, a decouple config or an alias. */
  private symbolFor(valueExpr: Expr): PySymbol | undefined {
    const scope = this.evaluator.scope;
    if (isEnvironConstructor(valueExpr, scope)) {
      const schema = environSchema(valueExpr as Expr & { kind: 'call' }, scope, (expr) =>
        this.evaluator.evaluateQuiet(expr),
      );
      return { kind: 'environ-env', schema };
    }
    if (isDecoupleConstructor(valueExpr, scope)) return { kind: 'decouple-config' };
    if (valueExpr.kind === 'name') return this.namespace.get(valueExpr.id)?.symbol;
    if (valueExpr.kind === 'attribute') {
      const reference = resolveReference(valueExpr, scope);
      if (reference?.kind === 'qualified' && reference.bound)
        return { kind: 'imported', qualified: reference.name };
    }
    return undefined;
  }

  protected bind(
    target: Expr,
    value: PyValue,
    valueExpr: Expr,
    reads: EnvRead[],
    symbol?: PySymbol,
  ): void {
    switch (target.kind) {
      case 'name':
        this.record(target.id, target, value, valueExpr, reads, symbol);
        return;
      case 'starred':
        this.bind(target.value, value, valueExpr, reads);
        return;
      case 'tuple':
      case 'list':
        this.bindUnpacked(target.items, value, valueExpr, reads);
        return;
      case 'subscript':
        this.assignSubscript(target, value, valueExpr, reads);
        return;
      default:
        return;
    }
  }

  private bindUnpacked(targets: Expr[], value: PyValue, valueExpr: Expr, reads: EnvRead[]): void {
    const items = value.type === 'dict' || value.type === 'set' ? undefined : iterate(value);
    const star = targets.findIndex((target) => target.kind === 'starred');
    const fits =
      items && (star < 0 ? items.length === targets.length : items.length >= targets.length - 1);
    if (items && !fits && this.tryDepth > 0) throw new PyRaise('ValueError');
    targets.forEach((target, i) => {
      let item: PyValue = unknownValue('unpacking of an unknown value');
      if (items && fits) {
        if (star < 0 || i < star) item = items[i]!;
        else if (i === star)
          item = {
            type: 'list',
            items: items.slice(star, items.length - (targets.length - 1 - star)),
          };
        else item = items[items.length - (targets.length - i)]!;
      }
      this.bind(target, item, valueExpr, reads);
    });
  }

  private record(
    name: string,
    target: Expr,
    value: PyValue,
    valueExpr: Expr,
    reads: EnvRead[],
    symbol?: PySymbol,
  ): void {
    const assignment: SettingAssignment = {
      name,
      file: this.file,
      targetRange: target.range,
      valueRange: valueExpr.range,
      expr: valueExpr,
      value,
      reads: [...reads],
      conditional: this.conditional > 0,
    };
    this.state.history.push(assignment);
    const binding: Binding = { value, assignment };
    if (symbol) binding.symbol = symbol;
    this.namespace.set(name, binding);
  }

  /** `X["k"]["j"] = v`: the whole of `X` after the change, recorded as an assignment to `X`. */
  private assignSubscript(
    target: Expr & { kind: 'subscript' },
    value: PyValue,
    valueExpr: Expr,
    reads: EnvRead[],
  ): void {
    if (qualifiedName(target.object, this.evaluator.scope) === 'os.environ') {
      const key = this.evaluate(target.index, reads);
      if (key.type === 'str' && value.type === 'str')
        this.state.overrides.set(key.value, value.value);
      return;
    }
    const place = placePath(target);
    if (!place) return;
    const root = this.namespace.get(place.root);
    const keys = place.keys.map((key) => this.evaluate(key, reads));
    if (!root) return;
    const updated = this.guardRaise(() => setPath(root.value, keys, value));
    this.record(place.root, target, updated, valueExpr, reads, root.symbol);
    this.state.history[this.state.history.length - 1]!.updates = true;
  }

  protected augmentedAssign(statement: Stmt & { kind: 'augassign' }): void {
    const reads: EnvRead[] = [];
    const current = this.evaluate(statement.target, reads);
    const operand = this.evaluate(statement.value, reads);
    const result = this.guardRaise(() => {
      if (statement.op === '+' && current.type === 'list') {
        const items = iterate(operand);
        return items
          ? { type: 'list', items: [...current.items, ...items] }
          : unknownValue('+= of an unknown value');
      }
      return this.evaluator.raiseIfNeeded(binaryOperation(statement.op, current, operand));
    });
    const recorded = this.state.history.length;
    this.bind(statement.target, result, statement.value, reads);
    for (const assignment of this.state.history.slice(recorded)) assignment.updates = true;
  }

  /** Runs `compute`. A certain exception outside `try` gives unknown. */
  private guardRaise(compute: () => PyValue): PyValue {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof PyRaise) || this.tryDepth > 0) throw error;
      return unknownValue(`raises ${error.exception}`);
    }
  }

  /** Expression statements. `X.append(...)` and other changes of a named value are assignments. */
  protected runExpression(expr: Expr): void {
    if (
      expr.kind !== 'call' ||
      expr.func.kind !== 'attribute' ||
      !MUTATING_METHODS.has(expr.func.name)
    ) {
      this.evaluate(expr);
      return;
    }
    const place = placePath(expr.func.object);
    const root = place ? this.namespace.get(place.root) : undefined;
    if (!place || !root) {
      this.evaluate(expr);
      return;
    }
    const reads: EnvRead[] = [];
    const keys = place.keys.map((key) => this.evaluate(key, reads));
    const args = expr.args.map((arg) =>
      arg.kind === 'starred' ? unknownValue('unpacked argument') : this.evaluate(arg, reads),
    );
    const kwargs = new Map<string, PyValue>();
    for (const keyword of expr.keywords) {
      const value = this.evaluate(keyword.value, reads);
      if (keyword.name !== null) kwargs.set(keyword.name, value);
    }
    const method = expr.func.name;
    const updated = this.guardRaise(() => {
      const current = getPath(root.value, keys);
      const changed = applyMutation(current, method, args, kwargs);
      return setPath(root.value, keys, changed);
    });
    const assignment: SettingAssignment = {
      name: place.root,
      file: this.file,
      targetRange: expr.func.object.range,
      valueRange: expr.range,
      expr,
      value: updated,
      reads,
      conditional: this.conditional > 0,
      updates: true,
    };
    this.state.history.push(assignment);
    const binding: Binding = { value: updated, assignment };
    if (root.symbol) binding.symbol = root.symbol;
    this.namespace.set(place.root, binding);
  }
}
