import { evaluateCall } from './evaluate-calls.js';
import { castFromExpr, wrapperCasts } from './env-casts.js';
import { matchEnvRead, type EnvReadMatch } from './env-reads.js';
import { executeRead, type CastSpec } from './env-values.js';
import { PyRaise, type EvaluationState, type Namespace, type Origin } from './evaluation-state.js';
import { checkBoolCompare } from './bool-idioms.js';
import type { Expr, PythonModule } from './python-ast.js';
import { qualifiedName, type EnvScope } from './python-symbols.js';
import { binaryOperation, compareValues, unaryOperation } from './python-operators.js';
import {
  dictGet,
  dictSet,
  NONE,
  pyEquals,
  sameValue,
  truthiness,
  unknownValue,
} from './py-values.js';
import { bindLocal, iterate, sliceItems } from './sequences.js';
import type { EnvCast, EnvRead, PyValue } from './settings-model.js';
import { formatValue } from './string-format.js';

/** Expression nesting the evaluator follows (parsed expressions stay below 200 levels). */
const MAX_DEPTH = 400;

/** Items a comprehension or `range()` produces at most. */
export const MAX_ITEMS = 10_000;

/** Thrown inside a comprehension whose iterable or filter is not known. */
class UnknownIteration extends Error {}

/**
 * Evaluates expressions of one module symbolically: known values compute as Python would,
 * environment reads take their values from the lookup, and anything else (calls of unknown
 * functions, `Path(__file__)`) is unknown. Nothing in the module is ever run.
 */
export class ExpressionEvaluator {
  readonly scope: EnvScope;
  private depth = 0;
  private quiet = 0;
  private readonly locals: Map<string, PyValue>[] = [];
  private collected: EnvRead[] | undefined;
  private castHints = new Map<Expr, EnvCast>();

  constructor(
    readonly state: EvaluationState,
    readonly module: PythonModule,
    readonly namespace: Namespace,
  ) {
    this.scope = {
      symbol: (name) => (this.local(name) ? undefined : namespace.get(name)?.symbol),
      bound: (name) => this.local(name) !== undefined || namespace.has(name),
    };
  }

  get file(): string {
    return this.module.source.path;
  }

  /**
   * Evaluates the expression of a statement and appends the reads it executes to `reads`. A
   * certain exception propagates as `PyRaise`.
   */
  evaluateTop(expr: Expr, reads: EnvRead[]): PyValue {
    const saved = { collected: this.collected, hints: this.castHints };
    this.collected = reads;
    this.castHints = wrapperCasts(expr, this.scope);
    try {
      return this.evaluate(expr);
    } finally {
      this.collected = saved.collected;
      this.castHints = saved.hints;
    }
  }

  /** Evaluates without recording reads or issues, and reads exceptions as unknown. */
  evaluateQuiet(expr: Expr): PyValue {
    this.quiet++;
    try {
      return this.evaluate(expr);
    } catch (error) {
      if (error instanceof PyRaise) return unknownValue(`raises ${error.exception}`);
      throw error;
    } finally {
      this.quiet--;
    }
  }

  get isQuiet(): boolean {
    return this.quiet > 0;
  }

  origin(value: PyValue): Origin | undefined {
    return this.state.origins.get(value);
  }

  evaluate(expr: Expr): PyValue {
    if (!this.state.step()) return unknownValue('evaluation budget exhausted');
    if (this.depth >= MAX_DEPTH) return unknownValue('expression nested too deeply');
    this.depth++;
    try {
      return this.evaluateNode(expr);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(expr: Expr): PyValue {
    if (expr.kind === 'call' || expr.kind === 'subscript') {
      const match = matchEnvRead(expr, this.scope, this.file, (name) => this.evaluateQuiet(name));
      if (match) return this.executeEnvRead(match, expr);
    }
    switch (expr.kind) {
      case 'str':
        return expr.bytes ? unknownValue('bytes') : { type: 'str', value: expr.value };
      case 'fstring':
        return this.evaluateFString(expr);
      case 'num':
        return { type: expr.isFloat ? 'float' : 'int', value: expr.value };
      case 'bool':
        return { type: 'bool', value: expr.value };
      case 'none':
        return NONE;
      case 'name':
        return (
          this.local(expr.id) ??
          this.namespace.get(expr.id)?.value ??
          unknownValue(`name ${expr.id} is not defined`)
        );
      case 'attribute':
        return this.evaluateAttribute(expr);
      case 'call':
        return evaluateCall(this, expr);
      case 'subscript':
        return this.evaluateSubscript(expr);
      case 'binary':
        return this.raiseIfNeeded(
          binaryOperation(expr.op, this.evaluate(expr.left), this.evaluate(expr.right)),
        );
      case 'unary':
        return this.raiseIfNeeded(unaryOperation(expr.op, this.evaluate(expr.operand)));
      case 'compare':
        return this.evaluateCompare(expr);
      case 'boolean':
        return this.evaluateBoolean(expr);
      case 'conditional':
        return this.evaluateConditional(expr);
      case 'list':
      case 'tuple':
      case 'set':
        return this.evaluateSequence(expr.kind, expr.items);
      case 'dict':
        return this.evaluateDict(expr);
      case 'comprehension':
        return this.evaluateComprehension(expr);
      default:
        return unknownValue(`${expr.kind} expression`);
    }
  }

  raiseIfNeeded(result: PyValue | { raise: string }): PyValue {
    if ('raise' in result) throw new PyRaise(result.raise);
    return result;
  }

  private local(name: string): PyValue | undefined {
    for (let i = this.locals.length - 1; i >= 0; i--) {
      const value = this.locals[i]!.get(name);
      if (value) return value;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Environment reads

  private executeEnvRead(match: EnvReadMatch, expr: Expr): PyValue {
    const read = match.read;
    const hinted = this.castHints.get(expr);
    if (hinted) read.cast = hinted;
    let defaultValue: PyValue | undefined;
    if (match.schema && match.defaultExpr === match.schema.defaultExpr)
      defaultValue = match.schema.default;
    else if (match.defaultExpr) defaultValue = this.evaluate(match.defaultExpr);
    if (read.hasDefault && defaultValue) read.default = defaultValue;

    const keywords = new Map<string, PyValue>();
    if (match.library === 'dj-database-url') {
      for (const [name, value] of match.keywords)
        if (name !== 'env' && name !== 'default') keywords.set(name, this.evaluate(value));
    }
    const inputs = { match, lookup: this.state.lookup, keywords } as Parameters<
      typeof executeRead
    >[0];
    if (defaultValue) inputs.defaultValue = defaultValue;
    const cast = this.castSpec(match);
    if (cast) inputs.cast = cast;
    const outcome = executeRead(inputs);

    if (!this.isQuiet) {
      this.state.reads.push(read);
      this.collected?.push(read);
    }
    if (outcome.fromEnv && outcome.raw !== undefined) {
      const origin: Origin = { read, raw: outcome.raw };
      if (outcome.location) origin.location = outcome.location;
      this.state.origins.set(outcome.value, origin);
      if (outcome.failure && !this.isQuiet)
        this.state.issue('cast-failed', origin, outcome.failure, expr.range);
    }
    if (outcome.raised) throw new PyRaise(outcome.raised);
    return outcome.value;
  }

  /** Conversion a read applies, from its method, `cast=` argument or schema entry. */
  private castSpec(match: EnvReadMatch): CastSpec | undefined {
    if (match.library === 'decouple')
      return match.castExpr && match.castExpr.kind !== 'none'
        ? this.specFromExpr(match.castExpr)
        : undefined;
    if (match.library !== 'environ') return undefined;
    const method = match.method;
    if (method === 'list' || method === 'tuple') {
      const spec: CastSpec = { cast: 'list' };
      if (method === 'tuple') spec.post = 'tuple';
      if (match.castExpr && match.castExpr.kind !== 'none')
        spec.item = this.specFromExpr(match.castExpr);
      return spec;
    }
    if (method === '' || method === 'get_value') {
      const castExpr =
        match.castExpr && match.castExpr.kind !== 'none' ? match.castExpr : match.schema?.castExpr;
      return castExpr ? this.specFromExpr(castExpr) : undefined;
    }
    return match.read.cast ? { cast: match.read.cast } : undefined;
  }

  /** Cast specification of `cast=` expressions such as `bool`, `Csv(cast=int)` or `[int]`. */
  specFromExpr(expr: Expr): CastSpec {
    if ((expr.kind === 'list' || expr.kind === 'tuple') && expr.items.length === 1) {
      const spec: CastSpec = { cast: 'list', item: this.specFromExpr(expr.items[0]!) };
      if (expr.kind === 'tuple') spec.post = 'tuple';
      return spec;
    }
    const cast = castFromExpr(expr, this.scope);
    if (cast === 'csv' && expr.kind === 'call') return this.csvSpec(expr);
    if (cast === 'list' && expr.kind === 'name' && expr.id === 'tuple')
      return { cast, post: 'tuple' };
    return { cast };
  }

  private csvSpec(call: Expr & { kind: 'call' }): CastSpec {
    const spec: CastSpec = { cast: 'csv' };
    const argumentAt = (position: number, keyword: string) =>
      call.keywords.find((entry) => entry.name === keyword)?.value ?? call.args[position];
    const itemCast = argumentAt(0, 'cast');
    if (itemCast) spec.item = this.specFromExpr(itemCast);
    const delimiter = argumentAt(1, 'delimiter');
    const delimiterValue = delimiter ? this.evaluateQuiet(delimiter) : undefined;
    if (delimiterValue?.type === 'str') spec.delimiter = delimiterValue.value;
    const strip = argumentAt(2, 'strip');
    const stripValue = strip ? this.evaluateQuiet(strip) : undefined;
    if (stripValue?.type === 'str') spec.strip = stripValue.value;
    const post = argumentAt(3, 'post_process');
    const postName = post ? qualifiedName(post, this.scope) : undefined;
    if (postName === 'tuple' || postName === 'set') spec.post = postName;
    return spec;
  }

  // ---------------------------------------------------------------------------------------------
  // Primaries

  private evaluateFString(expr: Expr & { kind: 'fstring' }): PyValue {
    let text = '';
    let known = true;
    let field = 0;
    for (const part of expr.parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const value = this.evaluate(part);
      const format = expr.fields?.[field++];
      const spec = format?.formatSpec ? this.evaluateSpec(format.formatSpec) : '';
      const formatted =
        spec === undefined ? undefined : formatValue(value, spec, format?.conversion);
      if (formatted === undefined) known = false;
      else text += formatted;
    }
    return known ? { type: 'str', value: text } : unknownValue('f-string with an unknown field');
  }

  private evaluateSpec(parts: (string | Expr)[]): string | undefined {
    let spec = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        spec += part;
        continue;
      }
      const formatted = formatValue(this.evaluate(part), '');
      if (formatted === undefined) return undefined;
      spec += formatted;
    }
    return spec;
  }

  private evaluateAttribute(expr: Expr & { kind: 'attribute' }): PyValue {
    if (expr.object.kind === 'name' && !this.local(expr.object.id)) {
      const symbol = this.namespace.get(expr.object.id)?.symbol;
      if (symbol?.kind === 'module' && symbol.file) {
        const value = this.state.modules.get(symbol.file)?.get(expr.name)?.value;
        return value ?? unknownValue(`module attribute ${expr.name}`);
      }
    }
    this.evaluate(expr.object);
    return unknownValue(`attribute ${expr.name}`);
  }

  private evaluateSubscript(expr: Expr & { kind: 'subscript' }): PyValue {
    const object = this.evaluate(expr.object);
    if (expr.index.kind === 'slice') return this.evaluateSlice(object, expr.index);
    const index = this.evaluate(expr.index);
    if (object.type === 'unknown' || index.type === 'unknown')
      return unknownValue('subscript of an unknown value');
    if (object.type === 'dict') {
      const found = dictGet(object, index);
      if (found === null) throw new PyRaise('KeyError');
      return found ?? unknownValue('key not known');
    }
    if (object.type === 'list' || object.type === 'tuple' || object.type === 'str') {
      if (index.type !== 'int' && index.type !== 'bool') throw new PyRaise('TypeError');
      const length = object.type === 'str' ? object.value.length : object.items.length;
      const position = Number(index.value) < 0 ? length + Number(index.value) : Number(index.value);
      if (position < 0 || position >= length) throw new PyRaise('IndexError');
      return object.type === 'str'
        ? { type: 'str', value: object.value[position]! }
        : object.items[position]!;
    }
    return unknownValue('subscript of this type');
  }

  private evaluateSlice(object: PyValue, slice: Expr & { kind: 'slice' }): PyValue {
    const bound = (part: Expr | undefined) => (part ? this.evaluate(part) : NONE);
    const [lower, upper, step] = [bound(slice.lower), bound(slice.upper), bound(slice.step)];
    const asNumber = (value: PyValue) => {
      if (value.type === 'none') return undefined;
      return value.type === 'int' ? value.value : NaN;
    };
    const [start, stop, stride] = [asNumber(lower), asNumber(upper), asNumber(step)];
    if ([start, stop, stride].some((value) => Number.isNaN(value)) || stride === 0)
      return unknownValue('slice');
    if (object.type !== 'str' && object.type !== 'list' && object.type !== 'tuple')
      return unknownValue('slice of this type');
    const items: PyValue[] =
      object.type === 'str'
        ? [...object.value].map((char) => ({ type: 'str', value: char }))
        : object.items;
    const picked = sliceItems(items, start, stop, stride ?? 1);
    if (object.type === 'str')
      return {
        type: 'str',
        value: picked.map((item) => (item as { value: string }).value).join(''),
      };
    return { type: object.type, items: picked };
  }

  // ---------------------------------------------------------------------------------------------
  // Operators

  private evaluateCompare(expr: Expr & { kind: 'compare' }): PyValue {
    let left = this.evaluate(expr.operands[0]!);
    let unknown = false;
    for (let i = 0; i < expr.ops.length; i++) {
      const op = expr.ops[i]!;
      const right = this.evaluate(expr.operands[i + 1]!);
      const present = op === 'in' || op === 'not in' ? this.inEnviron(left, expr.operands[i + 1]!) : undefined;
      const result = present === undefined ? compareValues(op, left, right) : present === (op === 'in');
      if (result !== undefined && !this.isQuiet)
        checkBoolCompare(this, op, left, right, result, expr);
      if (result === false) return { type: 'bool', value: false };
      if (result === undefined) unknown = true;
      left = right;
    }
    return unknown
      ? unknownValue('comparison with an unknown value')
      : { type: 'bool', value: true };
  }

  /**
   * Decides `"NAME" in os.environ` (or `in os.environ.keys()`) under the environment being
   * evaluated, so that `if "NAME" in os.environ:` guards its reads as it does at run time.
   * Returns undefined when the container is something else or the name is unknown.
   */
  private inEnviron(name: PyValue, container: Expr): boolean | undefined {
    if (name.type !== 'str') return undefined;
    const mapping =
      container.kind === 'call' && container.args.length === 0 && container.func.kind === 'attribute' && container.func.name === 'keys'
        ? container.func.object
        : container;
    if (qualifiedName(mapping, this.scope) !== 'os.environ') return undefined;
    return this.state.lookup(name.value) !== undefined;
  }

  /**
   * Evaluates `or` (the first truthy operand, else the last) and `and` (the first falsy one,
   * else the last). After an operand of unknown truth, an operand that decides the result
   * leaves the value unknown but fixes its truth: `X or True` is truthy whatever `X` is.
   */
  private evaluateBoolean(expr: Expr & { kind: 'boolean' }): PyValue {
    const decisive = expr.op === 'or';
    let unknown = false;
    let last: PyValue = NONE;
    for (const operand of expr.values) {
      last = this.evaluate(operand);
      const truth = truthiness(last);
      if (truth === undefined) unknown = true;
      else if (truth === decisive && !unknown) return last;
      else if (truth === decisive) {
        return { type: 'unknown', reason: `${expr.op} with an unknown operand`, truthy: decisive };
      }
    }
    return unknown ? unknownValue(`${expr.op} with an unknown operand`) : last;
  }

  private evaluateConditional(expr: Expr & { kind: 'conditional' }): PyValue {
    const truth = truthiness(this.evaluate(expr.test));
    if (truth === true) return this.evaluate(expr.body);
    if (truth === false) return this.evaluate(expr.orelse);
    const body = this.evaluate(expr.body);
    const orelse = this.evaluate(expr.orelse);
    return sameValue(body, orelse)
      ? body
      : unknownValue('depends on a condition that is not known');
  }

  // ---------------------------------------------------------------------------------------------
  // Displays and comprehensions

  evaluateSequence(kind: 'list' | 'tuple' | 'set', items: Expr[]): PyValue {
    const values: PyValue[] = [];
    let unknown = false;
    for (const item of items) {
      if (item.kind !== 'starred') {
        values.push(this.evaluate(item));
        continue;
      }
      const spread = iterate(this.evaluate(item.value));
      if (spread) values.push(...spread);
      else unknown = true;
    }
    if (unknown) return unknownValue('unpacking of an unknown value');
    if (kind !== 'set') return { type: kind, items: values };
    const unique: PyValue[] = [];
    for (const value of values)
      if (!unique.some((existing) => pyEquals(existing, value) === true)) unique.push(value);
    return { type: 'set', items: unique };
  }

  private evaluateDict(expr: Expr & { kind: 'dict' }): PyValue {
    let dict: PyValue & { type: 'dict' } = { type: 'dict', entries: [] };
    let unknown = false;
    for (const entry of expr.entries) {
      if (!entry.key) {
        const spread = this.evaluate(entry.value);
        if (spread.type === 'dict')
          for (const item of spread.entries) dict = dictSet(dict, item.key, item.value);
        else unknown = true;
        continue;
      }
      const key = this.evaluate(entry.key);
      dict = dictSet(dict, key, this.evaluate(entry.value));
    }
    return unknown ? unknownValue('unpacking of an unknown mapping') : dict;
  }

  private evaluateComprehension(expr: Expr & { kind: 'comprehension' }): PyValue {
    const clauses = expr.generators ?? [];
    if (clauses.length === 0) return unknownValue('comprehension');
    const results: PyValue[] = [];
    const entries: { key: PyValue; value: PyValue }[] = [];
    const run = (index: number): void => {
      if (index === clauses.length) {
        if (expr.key)
          entries.push({ key: this.evaluate(expr.key), value: this.evaluate(expr.element) });
        else results.push(this.evaluate(expr.element));
        if (results.length + entries.length > MAX_ITEMS) throw new UnknownIteration();
        return;
      }
      const clause = clauses[index]!;
      const items = iterate(this.evaluate(clause.iter));
      if (!items || items.length > MAX_ITEMS) throw new UnknownIteration();
      for (const item of items) {
        const frame = new Map<string, PyValue>();
        if (!bindLocal(clause.target, item, frame)) throw new UnknownIteration();
        this.locals.push(frame);
        try {
          const keep = clause.ifs.every((condition) => {
            const truth = truthiness(this.evaluate(condition));
            if (truth === undefined) throw new UnknownIteration();
            return truth;
          });
          if (keep) run(index + 1);
        } finally {
          this.locals.pop();
        }
      }
    };
    try {
      run(0);
    } catch (error) {
      if (error instanceof UnknownIteration)
        return unknownValue('comprehension over an unknown value');
      throw error;
    }
    if (expr.key) {
      let dict: PyValue & { type: 'dict' } = { type: 'dict', entries: [] };
      for (const entry of entries) dict = dictSet(dict, entry.key, entry.value);
      return dict;
    }
    if (expr.form === 'set') {
      const unique: PyValue[] = [];
      for (const value of results)
        if (!unique.some((existing) => pyEquals(existing, value) === true)) unique.push(value);
      return { type: 'set', items: unique };
    }
    return { type: 'list', items: results };
  }
}
