import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue, SettingAssignment } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, describeEnvSource } from './deployment-facts.js';
import { djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoCookieNotSecure, djangoSslRedirectOff } from './django-rules.js';
import { directiveLocation, redirectsToHttps } from './nginx-facts.js';
import { truthiness } from './python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from './setting-causes.js';
import { envValueFix } from './setting-fixes.js';
import { insertLineAfter } from './source-edits.js';
import { plainEntryServers, proxyRedirectsToHttps, tlsEvidence, type TlsEvidence } from './transport-facts.js';

// A value of unknown truth (`not DEBUG` where a project function computes DEBUG) is neither on
// nor off, so it produces no finding.
const isOff = (value: PyValue | undefined) => truthiness(value) === false;
const isOn = (value: PyValue | undefined) => truthiness(value) === true;

/** HTTPS served but plain HTTP not redirected, and cookies without Secure behind HTTPS. */
export const transportCheck: Check = {
  name: 'security-transport',
  rules: [djangoSslRedirectOff, djangoCookieNotSecure],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    const evidence = tlsEvidence(deployment, facts);
    if (evidence.length === 0) return [];
    return [...redirectProblems(deployment, facts, evidence), ...cookieProblems(deployment, facts, evidence)];
  },
};

function related(evidence: TlsEvidence[], except: string): RelatedLocation[] {
  return evidence
    .filter((item) => item.source !== except)
    .slice(0, 3)
    .map((item) => ({ location: item.location, message: `HTTPS is on: ${item.description}` }));
}

/** Finds the settings line that shows HTTPS is on, after which a missing setting is added. */
function settingsAnchor(facts: DjangoFacts, evidence: TlsEvidence[], except: string): SettingAssignment | undefined {
  for (const item of evidence) {
    if (item.source === except || item.source === 'nginx' || item.source === 'traefik') continue;
    const assignment = facts.final(item.source);
    if (assignment && !assignment.conditional) return assignment;
  }
  return undefined;
}

function insertSettingFix(facts: DjangoFacts, anchor: SettingAssignment, line: string, safe: boolean): Fix[] {
  const source = facts.app.modules.get(anchor.file)?.source;
  if (!source) return [];
  return [{ title: `Add ${line}`, edits: [insertLineAfter(source, anchor.valueRange.end.line, line)], safe }];
}

function redirectProblems(deployment: Deployment, facts: DjangoFacts, allEvidence: TlsEvidence[]): Problem[] {
  if (!facts.securityMiddlewareActive() || proxyRedirectsToHttps(deployment)) return [];
  const evidence = allEvidence.filter((item) => item.source !== 'SECURE_SSL_REDIRECT');
  if (evidence.length === 0) return [];
  const servers = plainEntryServers(deployment);
  // With nginx in front and no nginx server taking plain HTTP, nothing needs a redirect.
  if (deployment.nginx.length > 0 && servers.length === 0) return [];

  const consequence = 'visitors who type the address or follow an http:// link stay on an unencrypted connection';
  const assignment = facts.final('SECURE_SSL_REDIRECT');
  if (assignment) {
    return findSettingCauses(deployment, facts, 'SECURE_SSL_REDIRECT', isOff, 'correctness', false).map((cause) =>
      redirectCauseProblem(deployment, facts, cause, evidence, consequence),
    );
  }

  const server = servers.find((candidate) => !redirectsToHttps(candidate));
  if (server) {
    const listen = server.block?.find((child) => child.name === 'listen');
    const location: Location = directiveLocation(listen ?? server);
    return [
      createProblem(
        djangoSslRedirectOff,
        location,
        `This nginx server accepts plain HTTP and proxies to Django without redirecting to https://, and SECURE_SSL_REDIRECT is not set, so ${consequence}.`,
        { related: related(evidence, 'nginx') },
      ),
    ];
  }

  const anchor = settingsAnchor(facts, evidence, 'SECURE_SSL_REDIRECT');
  if (!anchor) return [];
  return [
    createProblem(
      djangoSslRedirectOff,
      { file: anchor.file, range: anchor.targetRange },
      `HTTPS is on (${evidence[0]!.description}) but SECURE_SSL_REDIRECT is not set and no proxy redirects to https://, so ${consequence}.`,
      { related: related(evidence, anchor.name), fixes: insertSettingFix(facts, anchor, 'SECURE_SSL_REDIRECT = True', false) },
    ),
  ];
}

function redirectCauseProblem(
  deployment: Deployment,
  facts: DjangoFacts,
  cause: SettingCause,
  evidence: TlsEvidence[],
  consequence: string,
): Problem {
  const situation = `while HTTPS is on (${evidence[0]!.description}) and no proxy redirects to https://, so ${consequence}`;
  const message = `SECURE_SSL_REDIRECT is off ${situation}.`;
  if (cause.kind === 'env') {
    const name = cause.provided.read.name;
    const source = describeEnvSource(deployment, cause.location);
    return createProblem(djangoSslRedirectOff, cause.location, `${name}=${cause.provided.value} in ${source} turns SECURE_SSL_REDIRECT off ${situation}.`, {
      related: [settingsLineRelated(cause.assignment, `SECURE_SSL_REDIRECT is read from ${name} here`), ...related(evidence, '')],
      fixes: envValueFix(deployment, facts, cause, 'SECURE_SSL_REDIRECT', ['True'], isOn, (value) => `Set ${name}=${value}`),
    });
  }
  const fixes: Fix[] =
    cause.kind === 'literal'
      ? [{ title: 'Set SECURE_SSL_REDIRECT = True', edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: 'True' }], safe: false }]
      : [];
  return createProblem(djangoSslRedirectOff, cause.location, message, { related: related(evidence, ''), fixes });
}

/** Tells whether the settings use the cookie at all, from `INSTALLED_APPS` and `MIDDLEWARE` when known. */
function usesCookie(facts: DjangoFacts, setting: string): boolean {
  if (setting === 'SESSION_COOKIE_SECURE') {
    const apps = facts.installedApps();
    const sessionsApp = apps === undefined || apps.includes('django.contrib.sessions');
    const sessionsMiddleware = facts.hasMiddleware('django.contrib.sessions.middleware.SessionMiddleware') !== false;
    return sessionsApp || sessionsMiddleware;
  }
  if (truthiness(facts.value('CSRF_USE_SESSIONS')) === true) return false;
  return facts.hasMiddleware('django.middleware.csrf.CsrfViewMiddleware') !== false;
}

function cookieProblems(deployment: Deployment, facts: DjangoFacts, evidence: TlsEvidence[]): Problem[] {
  const problems: Problem[] = [];
  const allHttps = truthiness(facts.value('SECURE_SSL_REDIRECT')) === true || proxyRedirectsToHttps(deployment);
  for (const setting of ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE']) {
    if (!usesCookie(facts, setting)) continue;
    const cookie = setting === 'SESSION_COOKIE_SECURE' ? 'session cookie' : 'CSRF cookie';
    const others = evidence.filter((item) => item.source !== setting);
    if (others.length === 0) continue;
    const consequence = `browsers also send the ${cookie} over plain HTTP, where anyone on the network can read it`;
    const assignment = facts.final(setting);
    if (!assignment) {
      const anchor = settingsAnchor(facts, others, setting);
      if (!anchor) continue;
      problems.push(
        createProblem(djangoCookieNotSecure, { file: anchor.file, range: anchor.targetRange }, `HTTPS is on (${others[0]!.description}) but ${setting} is not set, so ${consequence}.`, {
          related: related(others, anchor.name),
          fixes: insertSettingFix(facts, anchor, `${setting} = True`, allHttps),
        }),
      );
      continue;
    }
    for (const cause of findSettingCauses(deployment, facts, setting, isOff, 'correctness', false)) {
      const situation = `while HTTPS is on (${others[0]!.description}), so ${consequence}`;
      const message = `${setting} is off ${situation}.`;
      if (cause.kind === 'env') {
        const name = cause.provided.read.name;
        const source = describeEnvSource(deployment, cause.location);
        problems.push(
          createProblem(djangoCookieNotSecure, cause.location, `${name}=${cause.provided.value} in ${source} turns ${setting} off ${situation}.`, {
            related: [settingsLineRelated(cause.assignment, `${setting} is read from ${name} here`)],
            fixes: envValueFix(deployment, facts, cause, setting, ['True'], isOn, (value) => `Set ${name}=${value}`),
          }),
        );
        continue;
      }
      const fixes: Fix[] =
        cause.kind === 'literal'
          ? [{ title: `Set ${setting} = True`, edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: 'True' }], safe: allHttps }]
          : [];
      problems.push(createProblem(djangoCookieNotSecure, cause.location, message, { related: related(others, setting), fixes }));
    }
  }
  return problems;
}
