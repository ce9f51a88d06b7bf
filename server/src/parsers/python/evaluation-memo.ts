import { rangesEqual, type Location } from '../../core/range.js';
import { evaluateSettings } from './evaluate-settings.js';
import type { PythonModule } from './python-ast.js';
import type { EnvLookup, ModuleResolver, SettingsEvaluation } from './settings-model.js';

/** One import the evaluation resolved, and the module it got (the parse cache's object). */
interface ResolvedImport {
  module: string;
  level: number;
  fromFile: string;
  found: PythonModule | undefined;
}

/** One environment variable the evaluation looked up, and what it got. */
interface LookedUp {
  name: string;
  value: string | undefined;
  location: Location | undefined;
}

interface Memo {
  imports: ResolvedImport[];
  lookups: LookedUp[];
  evaluation: SettingsEvaluation;
}

/** Evaluations kept per entry module; two or three deployments usually share one settings file. */
const memos = new WeakMap<PythonModule, Memo[]>();
const maxMemosPerEntry = 8;

/**
 * Evaluates a settings module, or returns an earlier evaluation of the same module object when
 * every import it resolved still resolves to the same module object and every variable it read
 * has the same value and location. The evaluator reads nothing else, so the result is the same.
 * The parse cache returns the same module object while a file's text is unchanged, so in the
 * language server an edit elsewhere skips the evaluation. In the CLI every object is new.
 */
export function evaluateSettingsOnce(entry: PythonModule, resolve: ModuleResolver, env: EnvLookup): SettingsEvaluation {
  const known = memos.get(entry) ?? [];
  const reusable = known.find((memo) => stillValid(memo, resolve, env));
  if (reusable) return reusable.evaluation;
  const imports: ResolvedImport[] = [];
  const lookups: LookedUp[] = [];
  const recordingResolve: ModuleResolver = (module, level, fromFile) => {
    const found = resolve(module, level, fromFile);
    imports.push({ module, level, fromFile, found });
    return found;
  };
  const recordingEnv: EnvLookup = (name) => {
    const result = env(name);
    lookups.push({ name, value: result?.value, location: result?.location });
    return result;
  };
  const evaluation = evaluateSettings(entry, recordingResolve, recordingEnv);
  memos.set(entry, [{ imports, lookups, evaluation }, ...known].slice(0, maxMemosPerEntry));
  return evaluation;
}

function stillValid(memo: Memo, resolve: ModuleResolver, env: EnvLookup): boolean {
  for (const { module, level, fromFile, found } of memo.imports) {
    if (resolve(module, level, fromFile) !== found) return false;
  }
  for (const { name, value, location } of memo.lookups) {
    const current = env(name);
    if (current?.value !== value || !sameLocation(current?.location, location)) return false;
  }
  return true;
}

function sameLocation(a: Location | undefined, b: Location | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.file === b.file && rangesEqual(a.range, b.range);
}
