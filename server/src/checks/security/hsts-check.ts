import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue, SettingAssignment } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, describeEnvSource } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoHstsIncomplete, djangoHstsPreloadInvalid, djangoHstsShort } from './django-rules.js';
import { headerName, headersAt, productionDirectives } from './nginx-facts.js';
import { numberValue, truthiness } from './python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from './setting-causes.js';
import { defaultValueFix, envValueFix } from './setting-fixes.js';
import { insertLineAfter } from './source-edits.js';
import { tlsEvidence, traefikLabels, type TlsEvidence } from './transport-facts.js';

/** One year in seconds: the `max-age` hstspreload.org requires and the usual recommendation. */
export const oneYear = 31536000;

/** Django's HSTS settings: off or short while HTTPS is on, preload without its requirements. */
export const hstsCheck: Check = {
  name: 'security-hsts',
  rules: [djangoHstsShort, djangoHstsIncomplete, djangoHstsPreloadInvalid],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    if (!facts.securityMiddlewareActive()) return [];
    const evidence = tlsEvidence(deployment, facts).filter((item) => item.source !== 'SECURE_HSTS_SECONDS');
    const problems: Problem[] = [];
    const seconds = facts.final('SECURE_HSTS_SECONDS');
    if (seconds) {
      const isShort = (value: PyValue | undefined) => shortness(value, evidence.length > 0) !== undefined;
      for (const cause of findSettingCauses(deployment, facts, 'SECURE_HSTS_SECONDS', isShort, 'correctness', false)) {
        problems.push(shortProblem(deployment, facts, cause, evidence));
      }
    } else {
      problems.push(...missingProblems(deployment, facts, evidence));
    }
    problems.push(...preloadProblems(facts));
    return problems;
  },
};

/** Describes reason an HSTS value is too short, or returns undefined when it is long enough. */
function shortness(value: PyValue | undefined, httpsOn: boolean): string | undefined {
  const seconds = numberValue(value);
  if (seconds === undefined) return undefined;
  if (value?.type === 'str' && seconds === 0) {
    return 'is the string "0", which passes Django\'s check but sends max-age=0, so browsers forget HSTS';
  }
  if (seconds <= 0) return httpsOn ? 'is 0, so Django sends no Strict-Transport-Security header' : undefined;
  if (seconds < oneYear) return `is ${seconds} seconds, below one year (${oneYear}), so the protection lapses between visits`;
  return undefined;
}

function evidenceRelated(evidence: TlsEvidence[]): RelatedLocation[] {
  return evidence.slice(0, 3).map((item) => ({ location: item.location, message: `HTTPS is on: ${item.description}` }));
}

function shortProblem(deployment: Deployment, facts: DjangoFacts, cause: SettingCause, evidence: TlsEvidence[]): Problem {
  const httpsOn = evidence.length > 0;
  const isLongEnough = (value: PyValue | undefined) => (numberValue(value) ?? 0) >= oneYear;
  if (cause.kind === 'env') {
    const name = cause.provided.read.name;
    const reason = shortness(cause.assignment.value, httpsOn) ?? '';
    return createProblem(
      djangoHstsShort,
      cause.location,
      `SECURE_HSTS_SECONDS from ${name} in ${describeEnvSource(deployment, cause.location)} ${reason}.`,
      {
        related: [settingsLineRelated(cause.assignment, `SECURE_HSTS_SECONDS is read from ${name} here`), ...evidenceRelated(evidence)],
        fixes: envValueFix(deployment, facts, cause, 'SECURE_HSTS_SECONDS', [String(oneYear)], isLongEnough, (value) => `Set ${name}=${value}`),
      },
    );
  }
  if (cause.kind === 'default') {
    const reason = shortness(cause.read.default, httpsOn) ?? 'is below one year';
    const effect = cause.inEffect ? 'Nothing in this deployment sets it, so the default is in effect.' : 'It applies whenever the variable is missing.';
    const asString = cause.read.default?.type === 'str';
    return createProblem(
      djangoHstsShort,
      cause.location,
      `When ${cause.read.name} is not set, SECURE_HSTS_SECONDS falls back to a default that ${reason}. ${effect}`,
      {
        related: evidenceRelated(evidence),
        fixes: defaultValueFix(facts, cause, [{ text: String(oneYear), asString }], 'SECURE_HSTS_SECONDS', isLongEnough, () => `Raise the default to ${oneYear}`),
      },
    );
  }
  const reason = shortness(cause.assignment.value, httpsOn) ?? '';
  const asString = cause.assignment.value.type === 'str';
  const fixes: Fix[] = [
    {
      title: `Raise SECURE_HSTS_SECONDS to ${oneYear} (one year)`,
      edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: asString ? `"${oneYear}"` : String(oneYear) }],
      safe: false,
    },
  ];
  return createProblem(djangoHstsShort, cause.location, `SECURE_HSTS_SECONDS ${reason}.`, { related: evidenceRelated(evidence), fixes });
}

/**
 * HSTS unset while `SECURE_SSL_REDIRECT` is on, reported at the redirect line where the setting
 * belongs. A proxy that sends its own Strict-Transport-Security header makes Django's optional.
 */
function missingProblems(deployment: Deployment, facts: DjangoFacts, evidence: TlsEvidence[]): Problem[] {
  if (proxySendsHsts(deployment)) return [];
  const redirect = facts.final('SECURE_SSL_REDIRECT');
  if (!redirect || truthiness(redirect.value) !== true) return proxyTlsWithoutHsts(facts, evidence);
  const source = facts.app.modules.get(redirect.file)?.source;
  const fixes: Fix[] = source
    ? [{ title: `Add SECURE_HSTS_SECONDS = ${oneYear}`, edits: [insertLineAfter(source, redirect.valueRange.end.line, `SECURE_HSTS_SECONDS = ${oneYear}`)], safe: false }]
    : [];
  return [
    createProblem(
      djangoHstsShort,
      assignmentLocation(redirect),
      'SECURE_SSL_REDIRECT is on but SECURE_HSTS_SECONDS is not set, so browsers get no Strict-Transport-Security header and the first request of each visit can be downgraded to HTTP.',
      { related: evidenceRelated(evidence.filter((item) => item.source !== 'SECURE_SSL_REDIRECT')), fixes },
    ),
  ];
}

/**
 * Reports TLS at nginx or Traefik while no layer sends HSTS: the proxy adds no
 * Strict-Transport-Security header and `SECURE_HSTS_SECONDS` is not set. Django's own
 * `check --deploy` reports the unset setting as `security.W004` whatever the proxy does.
 */
function proxyTlsWithoutHsts(facts: DjangoFacts, evidence: TlsEvidence[]): Problem[] {
  const proxy = evidence.find((item) => item.source === 'nginx' || item.source === 'traefik');
  if (!proxy) return [];
  const settingsFile = facts.app.settingsFile;
  const source = facts.app.modules.get(settingsFile)?.source;
  const last = facts.app.evaluation.history
    .filter((assignment) => assignment.file === settingsFile && assignment.targetRange.start.character === 0)
    .at(-1);
  const fixes: Fix[] =
    source && last
      ? [{ title: `Add SECURE_HSTS_SECONDS = ${oneYear}`, edits: [insertLineAfter(source, last.valueRange.end.line, `SECURE_HSTS_SECONDS = ${oneYear}`)], safe: false }]
      : [];
  const layer = proxy.source === 'nginx' ? 'nginx' : 'Traefik';
  return [
    createProblem(
      djangoHstsShort,
      proxy.location,
      `${layer} serves HTTPS here, but no layer sends Strict-Transport-Security: ${layer} adds no such header and SECURE_HSTS_SECONDS is not set in ${settingsFile}, so the first request of each visit can be downgraded to HTTP.`,
      { related: evidenceRelated(evidence.filter((item) => item !== proxy)), fixes },
    ),
  ];
}

/** True when nginx or Traefik adds its own Strict-Transport-Security header. */
function proxySendsHsts(deployment: Deployment): boolean {
  for (const config of deployment.nginx) {
    for (const header of productionDirectives(config, 'add_header')) {
      if (headerName(header) === 'strict-transport-security' && headersAt(header, config).includes(header)) return true;
    }
  }
  return traefikLabels(deployment).some((label) => /\.headers\.stsseconds$/i.test(label.key) && Number(label.value) > 0);
}

/**
 * Preload without one year and subdomains, and (as information) HSTS without either flag. The
 * flags are judged like Django's W005 and W021, which test the truthiness of the raw value.
 */
function preloadProblems(facts: DjangoFacts): Problem[] {
  const seconds = facts.final('SECURE_HSTS_SECONDS');
  if (!seconds || truthiness(seconds.value) !== true) return [];
  const secondsValue = numberValue(seconds.value) ?? 0;
  const preload = facts.final('SECURE_HSTS_PRELOAD');
  const subdomains = facts.final('SECURE_HSTS_INCLUDE_SUBDOMAINS');
  const preloadOn = truthiness(preload?.value) === true;
  const subdomainsOn = truthiness(subdomains?.value) === true;
  const problems: Problem[] = [];
  if (preload && preloadOn && secondsValue > 0 && (secondsValue < oneYear || !subdomainsOn)) {
    const missing: string[] = [];
    if (secondsValue < oneYear) missing.push(`max-age is ${secondsValue} seconds, below the required ${oneYear}`);
    if (!subdomainsOn) missing.push('SECURE_HSTS_INCLUDE_SUBDOMAINS is off');
    const related: RelatedLocation[] = [{ location: assignmentLocation(seconds), message: `SECURE_HSTS_SECONDS is ${secondsValue} here` }];
    if (subdomains) related.push({ location: assignmentLocation(subdomains), message: 'SECURE_HSTS_INCLUDE_SUBDOMAINS is set here' });
    problems.push(
      createProblem(
        djangoHstsPreloadInvalid,
        assignmentLocation(preload),
        `SECURE_HSTS_PRELOAD asks browsers to preload HSTS, but ${missing.join(' and ')}, so hstspreload.org rejects the site.`,
        { related },
      ),
    );
  }
  if (!subdomainsOn) problems.push(incomplete(seconds, 'SECURE_HSTS_INCLUDE_SUBDOMAINS is off (Django W005): plain-HTTP subdomains can still set cookies for the domain.'));
  if (!preloadOn) problems.push(incomplete(seconds, 'SECURE_HSTS_PRELOAD is off (Django W021): first visits are not protected until the browser has seen the header.'));
  return problems;
}

function incomplete(seconds: SettingAssignment, message: string): Problem {
  return createProblem(djangoHstsIncomplete, assignmentLocation(seconds), `SECURE_HSTS_SECONDS is set, but ${message}`);
}
