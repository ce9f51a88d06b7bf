import type { RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import type { EnvRead, PyValue, SettingAssignment } from '../../parsers/python/settings-model.js';
import { reportsEnvValue, type EnvEvidence } from './deployment-facts.js';
import { assignmentLocation, defaultLocation, type DjangoFacts, type ProvidedRead } from './django-facts.js';

/**
 * Why a setting has an unsafe value, and where the fix belongs:
 * - `env`: an env file or compose entry provides the value (reported at that line);
 * - `default`: a read falls back to an unsafe default when the variable is unset (fail-open);
 * - `literal`: the settings module writes the value itself.
 */
export type SettingCause =
  | { kind: 'env'; assignment: SettingAssignment; provided: ProvidedRead; location: Location }
  | { kind: 'default'; assignment: SettingAssignment; read: EnvRead; location: Location; inEffect: boolean }
  | { kind: 'literal'; assignment: SettingAssignment; location: Location };

/**
 * Finds the causes of an unsafe value of setting `name`: in the deployment's evaluation (env
 * values, defaults in effect, literals) and, with `failOpen`, in an evaluation without any
 * variable set (defaults that would apply if a variable went missing). Settings whose safety
 * depends on the deployment itself, such as the HTTPS ones, leave `failOpen` off. Each location
 * is reported once.
 */
export function findSettingCauses(
  deployment: Deployment,
  facts: DjangoFacts,
  name: string,
  isUnsafe: (value: PyValue | undefined) => boolean,
  evidence: EnvEvidence,
  failOpen = true,
): SettingCause[] {
  const causes: SettingCause[] = [];
  const seen = new Set<string>();
  const add = (cause: SettingCause) => {
    const { file, range } = cause.location;
    const key = `${file}:${range.start.line}:${range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    causes.push(cause);
  };

  const real = facts.final(name);
  if (real && isUnsafe(real.value)) {
    const provided = facts.providedReads(real);
    const defaultRead = facts.usesDefault(real);
    if (provided.length > 0) {
      for (const read of provided) {
        if (!read.location || !reportsEnvValue(deployment, read.location, evidence)) continue;
        add({ kind: 'env', assignment: real, provided: read, location: read.location });
      }
    } else if (defaultRead) {
      add({ kind: 'default', assignment: real, read: defaultRead, location: defaultLocation(defaultRead), inEffect: true });
    } else if (facts.readsBehind(real).length === 0) {
      add({ kind: 'literal', assignment: real, location: assignmentLocation(real) });
    }
  }

  if (!failOpen) return causes;
  const emptyEvaluation = facts.emptyEnv();
  const fallback = emptyEvaluation?.settings.get(name);
  if (emptyEvaluation && fallback && isUnsafe(fallback.value)) {
    const read = facts.readsBehind(fallback, emptyEvaluation).find((candidate) => candidate.hasDefault);
    if (read) {
      const inEffect = facts.app.env(read.name) === undefined;
      add({ kind: 'default', assignment: fallback, read, location: defaultLocation(read), inEffect });
    }
  }
  return causes;
}

/** Related location pointing at the settings line that reads an env value. */
export function settingsLineRelated(assignment: SettingAssignment, message: string): RelatedLocation {
  return { location: assignmentLocation(assignment), message };
}
