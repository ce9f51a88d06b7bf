import type { Problem } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import type { SettingAssignment, SettingsEvaluation } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, describeEnvSource, isDevelopmentFile } from './deployment-facts.js';
import { assignmentLocation, defaultLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoSecretKeyHardcoded, djangoSecretKeyWeak } from './django-rules.js';
import { itemsOf, stringValue } from './python-values.js';
import { joinReasons, randomSecretKey, secretKeyWeaknesses } from './secret-values.js';
import { settingsLineRelated } from './setting-causes.js';
import { findEnvEntry, importOsEdit, removeDefaultEdit, replaceEnvValue } from './source-edits.js';

const forgery = 'so anyone who can read the repository can forge sessions, password-reset links and signed data';

/**
 * `SECRET_KEY` written in the settings or used as a fallback default, and keys that fail
 * Django's W009 test (or are placeholders) in real env files. Values are never quoted.
 */
export const secretKeyCheck: Check = {
  name: 'security-secret-key',
  rules: [djangoSecretKeyHardcoded, djangoSecretKeyWeak],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    const problems: Problem[] = [];
    const real = facts.final('SECRET_KEY');
    if (real) problems.push(...currentKeyProblems(deployment, facts, real));
    problems.push(...fallbackDefaultProblems(facts));
    problems.push(...keyFallbackListProblems(facts));
    return problems;
  },
};

function currentKeyProblems(deployment: Deployment, facts: DjangoFacts, real: SettingAssignment): Problem[] {
  const provided = facts.providedReads(real);
  if (provided.length > 0) {
    const problems: Problem[] = [];
    for (const read of provided) {
      const location = read.location;
      if (!location || isTemplateEnvFile(location.file) || isDevelopmentFile(location.file)) continue;
      // Judge the key itself: a value that only leads to it (a `SECRET_KEY_FILE` path) is not the
      // key, and an empty value is a template placeholder (Django refuses to start with it anyway).
      const key = stringValue(real.value);
      if (key === undefined || key === '') continue;
      const reasons = secretKeyWeaknesses(key);
      if (reasons.length === 0) continue;
      const found = findEnvEntry(deployment, location);
      const fixes = found
        ? [{ title: `Replace ${read.read.name} with a new random key`, edits: [replaceEnvValue(found.file, found.entry, randomSecretKey())], safe: false }]
        : [];
      // A value compose reads differently (`$Tn5` replaced by an empty string) is judged as compose
      // passes it. That differs from the text in the file, so the message gives the reason.
      const entry = found?.entry;
      const composeReading =
        entry?.composeValue !== undefined && entry.composeNote !== undefined
          ? ` It is judged as Docker Compose passes it, which differs from the text in the file. ${entry.composeNote}`
          : '';
      problems.push(
        createProblem(
          djangoSecretKeyWeak,
          location,
          `The ${read.read.name} value in ${describeEnvSource(deployment, location)} ${joinReasons(reasons)}, so it does not protect sessions and signed data.${composeReading}`,
          { related: [settingsLineRelated(real, `SECRET_KEY is read from ${read.read.name} here`)], fixes },
        ),
      );
    }
    return problems;
  }
  const key = stringValue(real.value);
  if (key === undefined || key === '' || facts.readsBehind(real).length > 0) return [];
  const reasons = secretKeyWeaknesses(key);
  const extra = reasons.length > 0 ? ` The key also ${joinReasons(reasons)}.` : '';
  const module = facts.app.modules.get(real.file);
  const fixes = module
    ? [
        {
          title: 'Read SECRET_KEY from the environment',
          edits: [{ file: real.file, range: real.valueRange, newText: 'os.environ["SECRET_KEY"]' }, ...importOsEdit(module)],
          safe: false,
        },
      ]
    : [];
  return [
    createProblem(
      djangoSecretKeyHardcoded,
      assignmentLocation(real),
      `SECRET_KEY is written in ${real.file}, ${forgery}.${extra}`,
      { fixes },
    ),
  ];
}

/** Literal defaults of the reads behind `SECRET_KEY`, in the deployment and with no variable set. */
function fallbackDefaultProblems(facts: DjangoFacts): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const evaluations = [facts.evaluation, facts.emptyEnv()].filter((item): item is SettingsEvaluation => item !== undefined);
  for (const evaluation of evaluations) {
    const assignment = evaluation.settings.get('SECRET_KEY');
    if (!assignment) continue;
    for (const read of facts.readsBehind(assignment, evaluation)) {
      const fallback = stringValue(read.default);
      if (!read.hasDefault || fallback === undefined || fallback === '') continue;
      const location = defaultLocation(read);
      const key = `${location.file}:${location.range.start.line}:${location.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const reasons = secretKeyWeaknesses(fallback);
      const extra = reasons.length > 0 ? ` The fallback ${joinReasons(reasons)}.` : '';
      const inEffect = facts.app.env(read.name) === undefined;
      const effect = inEffect ? `Nothing in this deployment sets ${read.name}, so the fallback is the key in use` : `Any environment that lacks ${read.name} uses it`;
      const source = facts.app.modules.get(read.file)?.source;
      const edit = source ? removeDefaultEdit(source, read) : undefined;
      const fixes = edit ? [{ title: `Remove the fallback so a missing ${read.name} stops start-up`, edits: [edit], safe: false }] : [];
      problems.push(
        createProblem(
          djangoSecretKeyHardcoded,
          location,
          `SECRET_KEY falls back to a key written in ${read.file} when ${read.name} is not set, ${forgery}. ${effect}.${extra}`,
          { fixes },
        ),
      );
    }
  }
  return problems;
}

/** `SECRET_KEY_FALLBACKS` entries written in the settings that fail W009 (Django's W025). */
function keyFallbackListProblems(facts: DjangoFacts): Problem[] {
  const assignment = facts.final('SECRET_KEY_FALLBACKS');
  if (!assignment || facts.readsBehind(assignment).length > 0) return [];
  const problems: Problem[] = [];
  (itemsOf(assignment.value) ?? []).forEach((item, index) => {
    const key = stringValue(item);
    if (key === undefined) return;
    const reasons = secretKeyWeaknesses(key);
    if (reasons.length === 0) return;
    problems.push(
      createProblem(
        djangoSecretKeyWeak,
        assignmentLocation(assignment),
        `SECRET_KEY_FALLBACKS[${index}] ${joinReasons(reasons)}; Django still accepts signatures made with it.`,
      ),
    );
  });
  return problems;
}
