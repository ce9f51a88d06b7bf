import type { Fix, Problem } from '../../core/problem.js';
import type { Rule } from '../../core/rule.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { djangoFacts } from '../security/django-facts.js';
import { knownStringItems } from '../security/python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from '../security/setting-causes.js';
import { replaceEnvValue } from '../security/source-edits.js';

export const variablePaddedEntry: Rule = {
  id: 'variable-padded-entry',
  family: 'variables',
  severity: 'warning',
  title: 'Host or origin with spaces in a list setting',
  doc:
    'A list setting built by splitting a variable, such as `os.environ["ALLOWED_HOSTS"].split(",")` ' +
    'or django-environ `env.list()`, keeps the spaces of `a.example.com, b.example.com`, so the ' +
    'second entry is ` b.example.com`. Django compares hosts and origins as exact strings, so a ' +
    'host in `ALLOWED_HOSTS` with a space never matches and its requests get 400 Bad Request. An ' +
    'origin in `CSRF_TRUSTED_ORIGINS` or `CORS_ALLOWED_ORIGINS` with a space never matches either, ' +
    'so its form posts get 403 Forbidden or its cross-origin requests lack the CORS headers. Write ' +
    'the list without spaces around the commas, or strip each entry in the settings.',
  sources: [
    'https://docs.djangoproject.com/en/stable/ref/settings/#allowed-hosts',
    'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-trusted-origins',
  ],
};

/** List settings whose entries Django or django-cors-headers compares with the request as written. */
const exactListSettings: Record<string, string> = {
  ALLOWED_HOSTS: 'Django never matches it, so requests for that host get 400 Bad Request',
  CSRF_TRUSTED_ORIGINS: 'Django never matches it, so form posts from that origin get 403 Forbidden',
  CORS_ALLOWED_ORIGINS: 'django-cors-headers never matches it, so that origin gets no CORS headers',
};

const padded = (entry: string) => /\s/.test(entry);
const hasPaddedEntry = (value: PyValue | undefined) => knownStringItems(value).some(padded);

/** Entries with whitespace in `ALLOWED_HOSTS`, `CSRF_TRUSTED_ORIGINS` and `CORS_ALLOWED_ORIGINS`. */
export const paddedEntriesCheck: Check = {
  name: 'padded-entries',
  rules: [variablePaddedEntry],
  run(deployment) {
    if (!deployment.django) return [];
    const facts = djangoFacts(deployment.django);
    const problems: Problem[] = [];
    for (const [setting, consequence] of Object.entries(exactListSettings)) {
      const causes = findSettingCauses(deployment, facts, setting, hasPaddedEntry, 'correctness', false);
      for (const cause of causes) problems.push(paddedProblem(deployment, setting, consequence, cause));
    }
    return problems;
  },
};

function paddedProblem(deployment: Deployment, setting: string, consequence: string, cause: SettingCause): Problem {
  const entry = knownStringItems(cause.assignment.value).find(padded) ?? '';
  const quotedEntry = JSON.stringify(entry);
  if (cause.kind === 'env') {
    const name = cause.provided.read.name;
    return createProblem(
      variablePaddedEntry,
      cause.location,
      `${setting} gets the entry ${quotedEntry} from ${name}, because splitting on commas keeps spaces. ${consequence}.`,
      {
        related: [settingsLineRelated(cause.assignment, `${setting} is split from ${name} here`)],
        fixes: envValueFix(deployment, cause),
      },
    );
  }
  const where = cause.kind === 'default' ? `the default of ${cause.read.name}` : 'the settings';
  return createProblem(
    variablePaddedEntry,
    cause.location,
    `${setting} gets the entry ${quotedEntry} from ${where}. ${consequence}.`,
  );
}

/** Removes the spaces around the commas of an env file value; other spacing is left to the user. */
function envValueFix(deployment: Deployment, cause: SettingCause & { kind: 'env' }): Fix[] {
  const file = deployment.envFiles.find((candidate) => candidate.source.path === cause.location.file);
  const line = cause.location.range.start.line;
  const entry = file?.entries.find((candidate) => candidate.range.start.line <= line && line <= candidate.range.end.line);
  if (!file || !entry) return [];
  const joined = entry.value.trim().replace(/\s*,\s*/g, ',');
  if (/\s/.test(joined) || joined === entry.value) return [];
  return [{ title: `Write ${entry.key} without spaces around commas`, edits: [replaceEnvValue(file, entry, joined)], safe: true }];
}
