import { applyEdits } from '../../analysis/apply-fixes.js';
import type { TextEdit } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import { SourceFile } from '../../core/source-file.js';
import type { DjangoApp } from '../../model/deployment.js';
import { evaluateSettings, resolverFor } from '../../parsers/python/evaluate-settings.js';
import { parsePython } from '../../parsers/python/parse-python.js';
import { namesIn } from '../../parsers/python/expression-names.js';
import type {
  EnvRead,
  PyValue,
  SettingAssignment,
  SettingsEvaluation,
} from '../../parsers/python/settings-model.js';
import { stringItems } from './python-values.js';

/** An environment read behind a setting, with the value and place the deployment gives it. */
export interface ProvidedRead {
  read: EnvRead;
  value: string;
  /** Place that sets the value: an env file line or a compose `environment` entry. */
  location?: Location;
}

/** Settings facts the security checks share, computed once per Django app. */
export class DjangoFacts {
  private emptyEnvironment: SettingsEvaluation | undefined;
  private emptyEnvironmentDone = false;

  constructor(readonly app: DjangoApp) {}

  get evaluation(): SettingsEvaluation {
    return this.app.evaluation;
  }

  final(name: string): SettingAssignment | undefined {
    return this.app.evaluation.settings.get(name);
  }

  value(name: string): PyValue | undefined {
    return this.final(name)?.value;
  }

  /**
   * Settings evaluated as if no variable were set, which shows the fail-open defaults: the
   * values a deployment gets when its env file lacks a variable.
   */
  emptyEnv(): SettingsEvaluation | undefined {
    if (this.emptyEnvironmentDone) return this.emptyEnvironment;
    this.emptyEnvironmentDone = true;
    const entry = this.app.modules.get(this.app.settingsFile);
    if (!entry) return undefined;
    try {
      this.emptyEnvironment = evaluateSettings(entry, resolverFor(this.app.modules), () => undefined);
    } catch {
      // Parsers and the evaluator are written not to throw; if one does, only the fail-open findings are lost.
      this.emptyEnvironment = undefined;
    }
    return this.emptyEnvironment;
  }

  /**
   * Settings evaluated with some variables replaced, to confirm that an env value a fix writes
   * gives the intended setting under the read's own idiom (`== "True"`, `cast=bool`...).
   */
  evaluateWith(overrides: Record<string, string>): SettingsEvaluation | undefined {
    const entry = this.app.modules.get(this.app.settingsFile);
    if (!entry) return undefined;
    try {
      return evaluateSettings(entry, resolverFor(this.app.modules), (name: string) =>
        Object.hasOwn(overrides, name) ? { value: overrides[name]! } : this.app.env(name),
      );
    } catch {
      return undefined;
    }
  }

  /**
   * Settings evaluated after applying `edits` to the settings modules, to confirm that a fix
   * to a Python file gives the intended value. The edited text is parsed, never run.
   */
  evaluateEdited(edits: TextEdit | TextEdit[], overrides: Record<string, string> = {}): SettingsEvaluation | undefined {
    const list = Array.isArray(edits) ? edits : [edits];
    const modules = new Map(this.app.modules);
    for (const file of new Set(list.map((edit) => edit.file))) {
      const module = modules.get(file);
      if (!module) return undefined;
      const text = applyEdits(module.source.text, list.filter((edit) => edit.file === file), file);
      modules.set(file, parsePython(new SourceFile(file, text)));
    }
    const entry = modules.get(this.app.settingsFile);
    if (!entry) return undefined;
    try {
      return evaluateSettings(entry, resolverFor(modules), (name: string) =>
        Object.hasOwn(overrides, name) ? { value: overrides[name]! } : this.app.env(name),
      );
    } catch {
      return undefined;
    }
  }

  /** `MIDDLEWARE` when it is assigned a list of known strings; undefined when unknown. */
  middleware(): string[] | undefined {
    return stringItems(this.value('MIDDLEWARE'));
  }

  installedApps(): string[] | undefined {
    return stringItems(this.value('INSTALLED_APPS'));
  }

  /**
   * Tells whether `MIDDLEWARE` contains `dotted`. Returns undefined when `MIDDLEWARE` is not
   * assigned or not known, as with settings fragments and lists built by code.
   */
  hasMiddleware(dotted: string): boolean | undefined {
    const middleware = this.middleware();
    return middleware ? middleware.includes(dotted) : undefined;
  }

  /** False only when `MIDDLEWARE` is known and lacks `SecurityMiddleware`. */
  securityMiddlewareActive(): boolean {
    return this.hasMiddleware('django.middleware.security.SecurityMiddleware') !== false;
  }

  /**
   * Environment reads a setting's value depends on: those of its own expression and those of
   * the settings it names (`SESSION_COOKIE_SECURE = USE_TLS` depends on `USE_TLS`'s read).
   */
  readsBehind(assignment: SettingAssignment, evaluation = this.app.evaluation): EnvRead[] {
    const reads: EnvRead[] = [];
    const seen = new Set<SettingAssignment>();
    const pending: { assignment: SettingAssignment; depth: number }[] = [{ assignment, depth: 0 }];
    while (pending.length > 0) {
      const { assignment: current, depth } = pending.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      reads.push(...current.reads);
      if (depth >= 4) continue;
      const index = evaluation.history.indexOf(current);
      for (const name of namesIn(current.expr)) {
        const earlier = latestBefore(evaluation.history, name, index);
        if (earlier) pending.push({ assignment: earlier, depth: depth + 1 });
      }
    }
    return reads;
  }

  /** Reads behind a setting that the deployment provides a value for. */
  providedReads(assignment: SettingAssignment): ProvidedRead[] {
    const found: ProvidedRead[] = [];
    const names = new Set<string>();
    for (const read of this.readsBehind(assignment)) {
      if (names.has(read.name)) continue;
      const provided = this.app.env(read.name);
      if (!provided) continue;
      names.add(read.name);
      found.push({ read, value: provided.value, location: provided.location });
    }
    return found;
  }

  /** True when a read behind the setting falls back to its default in this deployment. */
  usesDefault(assignment: SettingAssignment, evaluation = this.app.evaluation): EnvRead | undefined {
    return this.readsBehind(assignment, evaluation).find(
      (read) => read.hasDefault && this.app.env(read.name) === undefined,
    );
  }
}

const cache = new WeakMap<DjangoApp, DjangoFacts>();

export function djangoFacts(app: DjangoApp): DjangoFacts {
  let facts = cache.get(app);
  if (!facts) {
    facts = new DjangoFacts(app);
    cache.set(app, facts);
  }
  return facts;
}

/** Location of an assignment's target name, where setting findings are reported. */
export function assignmentLocation(assignment: SettingAssignment): Location {
  return { file: assignment.file, range: assignment.targetRange };
}

export function valueLocation(assignment: SettingAssignment): Location {
  return { file: assignment.file, range: assignment.valueRange };
}

/** Location of a read's default value, or of the read when the default has no range. */
export function defaultLocation(read: EnvRead): Location {
  return { file: read.file, range: read.defaultRange ?? read.range };
}

function latestBefore(history: SettingAssignment[], name: string, index: number): SettingAssignment | undefined {
  const end = index < 0 ? history.length : index;
  for (let i = end - 1; i >= 0; i--) {
    if (history[i]!.name === name) return history[i];
  }
  return undefined;
}
