// Compares Shipshape's settings rules with Django's own `manage.py check --deploy` on every
// settings fixture under test/fixtures/security/settings. Django runs on a copy of the fixture in
// a temporary folder, wrapped in a settings module that supplies what a fragment lacks
// (INSTALLED_APPS, ROOT_URLCONF, an in-memory SQLite database). Needs Debian's python3-django.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseDotenv } from 'dotenv';
import { analyzeWorkspace } from '../../server/src/analysis/analyze.js';
import { djangoFacts } from '../../server/src/checks/security/django-facts.js';
import { tlsEvidence } from '../../server/src/checks/security/transport-facts.js';
import type { Deployment } from '../../server/src/model/deployment.js';
import { isTemplateEnvFile } from '../../server/src/model/env-stand-in.js';
import { isEnvFileName } from '../../server/src/workspace/file-kinds.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'security', 'settings');
const timeoutMs = 60_000;

/** Tells whether the settings file alone decides a Django id, from what Shipshape reads in it. */
type Decidable = (deployment: Deployment) => boolean;

const always: Decidable = () => true;
/** HTTPS evidence in the settings themselves, without nginx or Traefik. */
const httpsInSettings = (except: string): Decidable => (deployment) =>
  tlsEvidence(deployment, deployment.django ? djangoFacts(deployment.django) : undefined).some(
    (item) => item.source !== except && item.source !== 'nginx' && item.source !== 'traefik',
  );
const hstsDecidable: Decidable = (deployment) => {
  const facts = deployment.django ? djangoFacts(deployment.django) : undefined;
  if (!facts) return false;
  return facts.final('SECURE_HSTS_SECONDS') !== undefined ? httpsInSettings('SECURE_HSTS_SECONDS')(deployment) : facts.final('SECURE_SSL_REDIRECT') !== undefined && httpsInSettings('')(deployment);
};

/** Django check id to the Shipshape rules that cover it, and when the file alone decides it. */
const mapping: Record<string, { rules: string[]; decidable: Decidable }> = {
  'security.W001': { rules: ['django-middleware-missing'], decidable: always },
  'security.W002': { rules: ['django-middleware-missing'], decidable: always },
  'security.W003': { rules: ['django-middleware-missing'], decidable: always },
  'security.W004': { rules: ['django-hsts-short'], decidable: hstsDecidable },
  'security.W005': { rules: ['django-hsts-incomplete'], decidable: always },
  'security.W006': { rules: ['django-security-setting-off'], decidable: always },
  'security.W008': { rules: ['django-ssl-redirect-off'], decidable: httpsInSettings('SECURE_SSL_REDIRECT') },
  'security.W009': { rules: ['django-secret-key-weak', 'django-secret-key-hardcoded'], decidable: always },
  'security.W010': { rules: ['django-cookie-not-secure'], decidable: httpsInSettings('SESSION_COOKIE_SECURE') },
  'security.W011': { rules: ['django-cookie-not-secure'], decidable: httpsInSettings('SESSION_COOKIE_SECURE') },
  'security.W012': { rules: ['django-cookie-not-secure'], decidable: httpsInSettings('SESSION_COOKIE_SECURE') },
  'security.W013': { rules: ['django-security-setting-off'], decidable: always },
  'security.W014': { rules: ['django-security-setting-off'], decidable: always },
  'security.W015': { rules: ['django-security-setting-off'], decidable: always },
  'security.W016': { rules: ['django-cookie-not-secure'], decidable: httpsInSettings('CSRF_COOKIE_SECURE') },
  'security.W018': { rules: ['django-debug-enabled'], decidable: always },
  'security.W019': { rules: ['django-security-setting-off'], decidable: always },
  'security.W020': { rules: ['django-allowed-hosts-empty'], decidable: always },
  'security.W021': { rules: ['django-hsts-incomplete'], decidable: always },
  'security.W022': { rules: ['django-security-setting-off'], decidable: always },
  'security.W025': { rules: ['django-secret-key-weak'], decidable: always },
};

/** Finds a Python that can import Django; Debian's packages are visible to /usr/bin/python3 only. */
function findPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const result = spawnSync(python, ['-c', 'import django'], { encoding: 'utf8', timeout: timeoutMs });
    if (result.status === 0) return python;
  }
  return undefined;
}

/** Dotted name of a fixture's settings module: a `settings/production.py` if any, else `settings`. */
function settingsModule(root: string): string {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/(^|\/)settings\/production\.py$/.test(relative(root, path))) found.push(relative(root, path));
    }
  };
  visit(root);
  return found[0] ? found[0].replace(/\.py$/, '').split('/').join('.') : 'settings';
}

/**
 * Builds the environment Django runs with: the fixture's env files (templates first, real files
 * over them), plus a placeholder for each variable the settings require (a read without
 * default) that no file sets, so that Django can import the settings. Variables read with a
 * default stay unset, so Django evaluates the same fallbacks Shipshape reports.
 */
function fixtureEnvironment(root: string, deployment: Deployment): Record<string, string> {
  const names = readdirSync(root).filter((name) => isEnvFileName(name));
  names.sort((a, b) => Number(!isTemplateEnvFile(a)) - Number(!isTemplateEnvFile(b)));
  const env: Record<string, string> = {};
  for (const name of names) Object.assign(env, parseDotenv(readFileSync(join(root, name))));
  for (const read of deployment.django?.evaluation.reads ?? []) {
    if (!read.required || env[read.name]) continue;
    // 50 random letters and digits: a SECRET_KEY placeholder that passes W009.
    env[read.name] = Array.from({ length: 50 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');
  }
  return env;
}

const wrapper = (module: string) => `# Generated by the Shipshape peer test: the fixture plus what a fragment lacks.
import ${module} as _fixture
from ${module} import *  # noqa: F401,F403

_default_apps = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
]
_default_middleware = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# Only Django's own apps are installed here (no corsheaders), and they do not change the checks.
INSTALLED_APPS = [app for app in getattr(_fixture, "INSTALLED_APPS", _default_apps) if app.startswith("django.")]
MIDDLEWARE = [item for item in getattr(_fixture, "MIDDLEWARE", _default_middleware) if item.startswith("django.")]
ROOT_URLCONF = "shipshape_peer_urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
`;

/** Runs `check --deploy` on a copy of the fixture and returns the security ids it reports. */
function runDjango(python: string, fixture: string, deployment: Deployment): string[] {
  const work = mkdtempSync(join(tmpdir(), 'shipshape-django-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  cpSync(fixture, work, { recursive: true });
  writeFileSync(join(work, 'shipshape_peer_settings.py'), wrapper(settingsModule(fixture)));
  writeFileSync(join(work, 'shipshape_peer_urls.py'), 'urlpatterns = []\n');
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', PYTHONPATH: work, PYTHONDONTWRITEBYTECODE: '1', ...fixtureEnvironment(fixture, deployment) };
  const result = spawnSync(python, ['-m', 'django', 'check', '--deploy', '--settings=shipshape_peer_settings'], {
    cwd: work,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  assert.equal(result.error, undefined, `Django did not finish on ${basename(fixture)}: ${result.error?.message}`);
  const output = `${result.stdout}\n${result.stderr}`;
  assert.ok(!output.includes('Traceback'), `Django could not load ${basename(fixture)}:\n${output}`);
  return [...new Set([...output.matchAll(/\((security\.[WE]\d+)\)/g)].map((match) => match[1]!))].sort();
}

const python = findPython();
const rows: string[] = [];

describe('django check --deploy peer', { skip: python ? false : 'python3 cannot import django; install python3-django (scripts/install-peers.sh)' }, () => {
  for (const name of readdirSync(fixtures).sort()) {
    const fixture = join(fixtures, name);
    if (!existsSync(fixture)) continue;
    test(`${name} matches Django`, () => {
      const analysis = analyzeWorkspace(fixture);
      const deployment = analysis.deployments[0]!;
      const djangoIds = runDjango(python!, fixture, deployment);
      const codes = new Set(analysis.problems.map((problem) => problem.code));
      for (const id of djangoIds) {
        const entry = mapping[id];
        const covered = entry ? entry.rules.filter((rule) => codes.has(rule)) : [];
        const decidable = entry ? entry.decidable(deployment) : false;
        let outcome = 'not compared';
        if (entry) outcome = decidable ? 'MISSED' : 'not decidable from the file';
        if (covered.length > 0) outcome = `reported (${covered.join(', ')})`;
        rows.push(`| ${id} | ${entry?.rules.join(', ') ?? '-'} | ${name} | reported | ${outcome} |`);
        if (entry && decidable) assert.ok(covered.length > 0, `${name}: Django reports ${id}, Shipshape reports none of ${entry.rules.join(', ')}`);
      }
      const covering = new Set(djangoIds.flatMap((id) => mapping[id]?.rules ?? []));
      for (const code of [...codes].filter((code) => code.startsWith('django-') && !covering.has(code)).sort()) {
        rows.push(`| - | ${code} | ${name} | not reported | reported |`);
      }
    });
  }

  after(() => {
    // Set SHIPSHAPE_PEER_TABLE=1 to print the side-by-side table kept in docs/django-check-deploy.md.
    if (rows.length > 0 && process.env['SHIPSHAPE_PEER_TABLE']) console.log(['| Django id | Shipshape rule | fixture | Django | Shipshape |', ...rows].join('\n'));
  });
});
