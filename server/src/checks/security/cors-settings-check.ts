import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { Expr } from '../../parsers/python/python-ast.js';
import type { PyValue, SettingAssignment } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, describeEnvSource } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { corsAllowAllWithCredentials, corsMaxAgeCapped, corsOriginRegexUnanchored } from './cors-rules.js';
import { itemsOf, numberValue, stringValue, truthiness } from './python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from './setting-causes.js';
import { envValueFix } from './setting-fixes.js';
import { insertEdit, textAt } from './source-edits.js';

/** Longest `Access-Control-Max-Age` Chromium honours (7200 s); Firefox caps at 86400 s. */
export const chromiumMaxAge = 7200;

const corsMiddleware = 'corsheaders.middleware.CorsMiddleware';

/** django-cors-headers settings: allow-all with credentials, unanchored regexes, long max-age. */
export const corsSettingsCheck: Check = {
  name: 'security-cors-settings',
  rules: [corsAllowAllWithCredentials, corsOriginRegexUnanchored, corsMaxAgeCapped],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    if (facts.hasMiddleware(corsMiddleware) === false) return [];
    return [...allowAllProblems(deployment, facts), ...regexProblems(facts), ...maxAgeProblems(deployment, facts)];
  },
};

/** Returns the allow-all setting in effect; the new name wins over `CORS_ORIGIN_ALLOW_ALL`. */
function allowAllName(facts: DjangoFacts): string | undefined {
  if (facts.final('CORS_ALLOW_ALL_ORIGINS')) return 'CORS_ALLOW_ALL_ORIGINS';
  if (facts.final('CORS_ORIGIN_ALLOW_ALL')) return 'CORS_ORIGIN_ALLOW_ALL';
  return undefined;
}

function allowAllProblems(deployment: Deployment, facts: DjangoFacts): Problem[] {
  const name = allowAllName(facts);
  const credentials = facts.final('CORS_ALLOW_CREDENTIALS');
  if (!name || !credentials) return [];
  const isOn = (value: PyValue | undefined) => truthiness(value) === true;
  const isOff = (value: PyValue | undefined) => truthiness(value) === false;
  const credentialsOn = isOn(credentials.value);
  const credentialsOnWithoutEnv = isOn(facts.emptyEnv()?.settings.get('CORS_ALLOW_CREDENTIALS')?.value);
  const consequence = 'any website a logged-in user visits can send requests with the user\'s cookies and read the answers';
  const credentialsRelated: RelatedLocation = { location: assignmentLocation(credentials), message: 'CORS_ALLOW_CREDENTIALS is on here' };
  const problems: Problem[] = [];
  for (const cause of findSettingCauses(deployment, facts, name, isOn, 'convenience')) {
    const applies = cause.kind === 'default' && !cause.inEffect ? credentialsOnWithoutEnv : credentialsOn;
    if (!applies) continue;
    problems.push(allowAllProblem(deployment, facts, cause, name, consequence, credentialsRelated, isOff));
  }
  return problems;
}

function allowAllProblem(
  deployment: Deployment,
  facts: DjangoFacts,
  cause: SettingCause,
  name: string,
  consequence: string,
  credentialsRelated: RelatedLocation,
  isOff: (value: PyValue | undefined) => boolean,
): Problem {
  if (cause.kind === 'env') {
    const variable = cause.provided.read.name;
    return createProblem(
      corsAllowAllWithCredentials,
      cause.location,
      `${variable}=${cause.provided.value} in ${describeEnvSource(deployment, cause.location)} turns ${name} on while CORS_ALLOW_CREDENTIALS is on, so ${consequence}.`,
      {
        related: [settingsLineRelated(cause.assignment, `${name} is read from ${variable} here`), credentialsRelated],
        fixes: envValueFix(deployment, facts, cause, name, ['False', ''], isOff, (value) => (value === '' ? `Leave ${variable} empty` : `Set ${variable}=${value}`)),
      },
    );
  }
  if (cause.kind === 'default') {
    const effect = cause.inEffect ? 'nothing in this deployment sets it' : 'any environment that lacks it is open';
    return createProblem(
      corsAllowAllWithCredentials,
      cause.location,
      `${name} falls back to on when ${cause.read.name} is not set (${effect}) while CORS_ALLOW_CREDENTIALS is on, so ${consequence}.`,
      { related: [credentialsRelated] },
    );
  }
  const fixes: Fix[] = [
    { title: `Set ${name} = False`, edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: 'False' }], safe: false },
  ];
  return createProblem(
    corsAllowAllWithCredentials,
    cause.location,
    `${name} and CORS_ALLOW_CREDENTIALS are both on, so ${consequence}. List trusted origins in CORS_ALLOWED_ORIGINS instead.`,
    { related: [credentialsRelated], fixes },
  );
}

function regexProblems(facts: DjangoFacts): Problem[] {
  const assignment = facts.final('CORS_ALLOWED_ORIGIN_REGEXES') ?? facts.final('CORS_ORIGIN_REGEX_WHITELIST');
  if (!assignment) return [];
  const problems: Problem[] = [];
  for (const item of itemsOf(assignment.value) ?? []) {
    const pattern = stringValue(item);
    if (pattern === undefined || /(\$|\\Z)$/.test(pattern)) continue;
    problems.push(regexProblem(facts, assignment, pattern));
  }
  return problems;
}

function regexProblem(facts: DjangoFacts, assignment: SettingAssignment, pattern: string): Problem {
  const message = `CORS origin pattern ${pattern} has no $ at the end, and re.match anchors only the start, so it also matches origins that merely begin like a trusted one, such as ${pattern.replace(/\\/g, '').replace(/^\^/, '')}.attacker.example.`;
  const literal = literalItem(assignment.expr, pattern);
  const source = facts.app.modules.get(assignment.file)?.source;
  if (!literal || !source) return createProblem(corsOriginRegexUnanchored, assignmentLocation(assignment), message);
  const written = textAt(source, literal.range);
  const quote = /(['"]{1,3})$/.exec(written)?.[1] ?? '"';
  const end = source.positionAt(source.offsetAt(literal.range.end) - quote.length);
  return createProblem(corsOriginRegexUnanchored, { file: assignment.file, range: literal.range }, message, {
    fixes: [{ title: 'Anchor the pattern with $', edits: [insertEdit(assignment.file, end, '$')], safe: false }],
  });
}

function maxAgeProblems(deployment: Deployment, facts: DjangoFacts): Problem[] {
  if (!facts.final('CORS_PREFLIGHT_MAX_AGE')) return [];
  const isLong = (value: PyValue | undefined) => (numberValue(value) ?? 0) > chromiumMaxAge;
  const isCapped = (value: PyValue | undefined) => !isLong(value);
  const problems: Problem[] = [];
  for (const cause of findSettingCauses(deployment, facts, 'CORS_PREFLIGHT_MAX_AGE', isLong, 'correctness', false)) {
    const seconds = numberValue(cause.kind === 'default' ? cause.read.default : cause.assignment.value);
    const message = `CORS_PREFLIGHT_MAX_AGE is ${seconds} seconds, but Chromium caches a preflight for at most ${chromiumMaxAge} seconds and Firefox for at most 86400, so the longer value has no effect there.`;
    if (cause.kind === 'env') {
      const name = cause.provided.read.name;
      problems.push(
        createProblem(corsMaxAgeCapped, cause.location, message, {
          related: [settingsLineRelated(cause.assignment, `CORS_PREFLIGHT_MAX_AGE is read from ${name} here`)],
          fixes: envValueFix(deployment, facts, cause, 'CORS_PREFLIGHT_MAX_AGE', [String(chromiumMaxAge)], isCapped, (value) => `Set ${name}=${value}`),
        }),
      );
      continue;
    }
    const fixes: Fix[] =
      cause.kind === 'literal'
        ? [{ title: `Set CORS_PREFLIGHT_MAX_AGE = ${chromiumMaxAge}`, edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: String(chromiumMaxAge) }], safe: false }]
        : [];
    problems.push(createProblem(corsMaxAgeCapped, cause.location, message, { fixes }));
  }
  return problems;
}

function literalItem(expr: Expr, value: string): Expr | undefined {
  if (expr.kind !== 'list' && expr.kind !== 'tuple' && expr.kind !== 'set') return undefined;
  return expr.items.find((item) => item.kind === 'str' && item.value === value);
}
