import type { Location, Range } from '../../core/range.js';
import type { Expr, PythonModule } from './python-ast.js';

/** Value of a Python expression as far as it can be known without running code. */
export type PyValue =
  | { type: 'str'; value: string }
  | { type: 'int' | 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'none' }
  | { type: 'list' | 'tuple' | 'set'; items: PyValue[] }
  | { type: 'dict'; entries: { key: PyValue; value: PyValue }[] }
  /**
   * A value that is not known. `truthy` is set when Python's rules still decide its truth value,
   * as for `X or True` (always true) and `X and False` (always false).
   */
  | { type: 'unknown'; reason?: string; truthy?: boolean };

/** How a settings module reads a variable from the environment. */
export type EnvIdiom =
  | 'os.environ[]'
  | 'os.environ.get'
  | 'os.getenv'
  | 'decouple'
  | 'environ'
  | 'environ-schema'
  /** `dj_database_url.config(env=...)`: an unset variable gives `{}` and a logged warning. */
  | 'dj-database-url';

/** The conversion applied to the raw string, by a wrapper (`int(...)`) or a `cast=`. */
export type EnvCast =
  | 'str'
  | 'int'
  | 'float'
  | 'bool'
  | 'list'
  | 'csv'
  | 'json'
  | 'url'
  | 'db'
  | 'cache'
  | 'path'
  | 'unknown';

export interface EnvRead {
  name: string;
  nameRange: Range;
  /** Range of the whole reading expression (the call or subscript). */
  range: Range;
  file: string;
  idiom: EnvIdiom;
  /** True when the read has a default; reads without one fail or yield None when unset. */
  hasDefault: boolean;
  default?: PyValue;
  defaultRange?: Range;
  cast?: EnvCast;
  /** True when an unset variable stops start-up (`os.environ[...]`, decouple or environ without default). */
  required: boolean;
}

/** A value from the environment that the reading code cannot use as intended. */
export interface ValueIssue {
  kind: 'cast-failed' | 'bool-compare' | 'bool-of-string';
  read: EnvRead;
  /** The raw environment value that was read. */
  value: string;
  /** What happens at start-up, in one sentence (`int('twenty') raises ValueError`). */
  message: string;
  /** Expression that performs the failing conversion or comparison. */
  range: Range;
  /** Where the environment value was declared, when the lookup knew it. */
  valueLocation?: Location;
}

/** One assignment to a module-level name in import order. */
export interface SettingAssignment {
  name: string;
  file: string;
  /** Range of the target name (for `X["k"] = v`, the whole target). */
  targetRange: Range;
  valueRange: Range;
  expr: Expr;
  /** Value in effect right after this assignment, under the environment given. */
  value: PyValue;
  /** Environment reads in this assignment's expression, nested ones included. */
  reads: EnvRead[];
  /** True when the assignment sits inside an `if`, `try` or similar branch. */
  conditional: boolean;
  /**
   * True when the new value is built from the name's previous value (`X += ...`, `X["k"] = v`,
   * `X.append(...)`), so the previous assignment still counts.
   */
  updates?: boolean;
}

/** Environment seen by the evaluator: a value with where it came from, or undefined when unset. */
export type EnvLookup = (name: string) => { value: string; location?: Location } | undefined;

export type ModuleResolver = (module: string, level: number, fromFile: string) => PythonModule | undefined;

export interface SettingsEvaluation {
  /** Final assignment of each module-level name (the one in effect after all imports). */
  settings: Map<string, SettingAssignment>;
  /** Every assignment in execution order, overridden ones included. */
  history: SettingAssignment[];
  /** Every environment read executed, in execution order. */
  reads: EnvRead[];
  issues: ValueIssue[];
  /** Files read, in import order, the entry module last. */
  files: string[];
}
