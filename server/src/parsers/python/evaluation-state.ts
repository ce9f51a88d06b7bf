import type { Location, Range } from '../../core/range.js';
import type { PySymbol } from './python-symbols.js';
import type {
  EnvLookup,
  EnvRead,
  ModuleResolver,
  PyValue,
  SettingAssignment,
  ValueIssue,
} from './settings-model.js';

/** Binding of a module-level name while a settings module is evaluated. */
export interface Binding {
  value: PyValue;
  symbol?: PySymbol;
  /** The assignment that bound it. Names bound by `import`, `def` or a loop have none. */
  assignment?: SettingAssignment;
}

export type Namespace = Map<string, Binding>;

/** The read an environment string came from, kept while the string flows through expressions. */
export interface Origin {
  read: EnvRead;
  raw: string;
  location?: Location;
}

/**
 * An exception the evaluated code certainly raises (`KeyError` from an unset
 * `os.environ["X"]`). It unwinds to the nearest `try` the evaluator is running, or to the
 * statement, which then binds its targets to unknown.
 */
export class PyRaise extends Error {
  constructor(readonly exception: string) {
    super(exception);
  }
}

/** Evaluation steps per settings evaluation. Past this, values read as unknown. */
const MAX_STEPS = 2_000_000;

/** Modules one evaluation runs at most (imports included). */
export const MAX_MODULES = 200;

/** Loop iterations run item by item per evaluation. Later loops run their body once, merged. */
const MAX_LOOP_ITERATIONS = 1000;

export class EvaluationState {
  readonly reads: EnvRead[] = [];
  readonly issues: ValueIssue[] = [];
  readonly history: SettingAssignment[] = [];
  readonly files: string[] = [];
  /** Namespaces of the modules run so far, by file, including modules still running. */
  readonly modules = new Map<string, Namespace>();
  readonly origins = new WeakMap<object, Origin>();
  /** Variables the settings set themselves (`os.environ["X"] = "1"`). */
  readonly overrides = new Map<string, string>();
  private steps = 0;
  private readonly issueKeys = new Set<string>();

  constructor(
    readonly resolve: ModuleResolver,
    private readonly env: EnvLookup,
  ) {}

  lookup: EnvLookup = (name) => {
    const override = this.overrides.get(name);
    if (override !== undefined) return { value: override };
    return this.env(name);
  };

  private loopIterations = 0;

  /** Reserves `count` loop iterations, or returns false when the evaluation has run too many. */
  reserveIterations(count: number): boolean {
    if (this.loopIterations + count > MAX_LOOP_ITERATIONS) return false;
    this.loopIterations += count;
    return true;
  }

  /** Counts one step, and returns false once the budget is spent. */
  step(): boolean {
    return ++this.steps <= MAX_STEPS;
  }

  /** Records a value issue once per kind, variable and place (a loop body runs several times). */
  issue(kind: ValueIssue['kind'], origin: Origin, message: string, range: Range): void {
    const key = `${kind}:${origin.read.name}:${range.start.line}:${range.start.character}`;
    if (this.issueKeys.has(key)) return;
    this.issueKeys.add(key);
    const issue: ValueIssue = { kind, read: origin.read, value: origin.raw, message, range };
    if (origin.location) issue.valueLocation = origin.location;
    this.issues.push(issue);
  }
}

/** Python's exception hierarchy for the exceptions the evaluator raises. */
const PARENT_EXCEPTIONS: Record<string, string> = {
  KeyError: 'LookupError',
  IndexError: 'LookupError',
  LookupError: 'Exception',
  JSONDecodeError: 'ValueError',
  ValueError: 'Exception',
  UndefinedValueError: 'Exception',
  ImproperlyConfigured: 'Exception',
  ModuleNotFoundError: 'ImportError',
  ImportError: 'Exception',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  ArithmeticError: 'Exception',
  TypeError: 'Exception',
  Exception: 'BaseException',
};

/** True when `except <handled>` catches `raised`. */
export function exceptionMatches(raised: string, handled: string): boolean {
  for (let current: string | undefined = raised; current; current = PARENT_EXCEPTIONS[current]) {
    if (current === handled) return true;
  }
  return false;
}
