import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyzeFiles,
  analyzeFixture,
  assertFixesResolve,
  findings,
  fixtureFiles,
  patched,
  problemsOf,
  securityFindings,
} from './helpers.js';

const settings = (name: string) => `settings/${name}`;
const template = 'debug-template-production';

describe('django-debug-enabled', () => {
  test('fail-open default fires at the read', () => {
    assert.deepEqual(findings(analyzeFixture(settings('debug-fail-open')), 'django-debug-enabled'), ['settings.py:4']);
  });

  test('safe default stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('debug-off')), 'django-debug-enabled'), []);
  });

  test('decouple default True fires', () => {
    const analysis = analyzeFiles({
      'settings.py': 'from decouple import config\n\nDEBUG = config("DEBUG", default=True, cast=bool)\n',
    });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['settings.py:3']);
  });

  test('template value in production fires at env line', () => {
    const analysis = analyzeFixture(template);
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['env.template:2']);
    assert.equal(problemsOf(analysis, 'django-debug-enabled')[0]!.related[0]!.location.file, 'settings.py');
  });

  test('template value False stays silent', () => {
    const files = patched(fixtureFiles(template), 'env.template', 'DEBUG=True', 'DEBUG=False');
    assert.deepEqual(findings(analyzeFiles(files), 'django-debug-enabled'), []);
  });

  test('development compose stays silent', () => {
    const files = fixtureFiles(template);
    const renamed: Record<string, string> = { ...files, 'docker-compose.dev.yml': files['docker-compose.production.yml']! };
    delete renamed['docker-compose.production.yml'];
    assert.deepEqual(findings(analyzeFiles(renamed), 'django-debug-enabled'), []);
  });

  test('literal True fires', () => {
    const analysis = analyzeFiles({ 'settings.py': 'DEBUG = True\n' });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['settings.py:1']);
  });

  test('local settings stay silent', () => {
    const analysis = analyzeFiles({ 'config/settings/local.py': 'DEBUG = True\n' });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), []);
  });

  test('fixes resolve at both places', () => {
    assertFixesResolve(fixtureFiles(settings('debug-fail-open')), 'django-debug-enabled');
    assertFixesResolve(fixtureFiles(template), 'django-debug-enabled');
  });
});

describe('django-secret-key-hardcoded', () => {
  test('literal key fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('secret-key-hardcoded')), 'django-secret-key-hardcoded'), ['settings.py:1']);
  });

  test('insecure fallback default fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('secret-key-fallback')), 'django-secret-key-hardcoded'), ['settings.py:3']);
  });

  test('messages hide the key', () => {
    for (const name of ['secret-key-hardcoded', 'secret-key-fallback']) {
      for (const problem of problemsOf(analyzeFixture(settings(name)), 'django-secret-key-hardcoded')) {
        assert.equal(/q7w1e9|dev-only-key/.test(problem.message), false, name);
      }
    }
  });

  test('required read stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-secret-key-hardcoded'), []);
  });

  test('fixes read from the environment', () => {
    assertFixesResolve(fixtureFiles(settings('secret-key-hardcoded')), 'django-secret-key-hardcoded');
    assertFixesResolve(fixtureFiles(settings('secret-key-fallback')), 'django-secret-key-hardcoded');
  });
});

describe('django-secret-key-weak', () => {
  test('placeholder in real env file fires', () => {
    const analysis = analyzeFixture(settings('secret-key-weak-env'));
    assert.deepEqual(findings(analysis, 'django-secret-key-weak'), ['production.env:1']);
    assert.equal(problemsOf(analysis, 'django-secret-key-weak')[0]!.message.includes('changeme'), false);
  });

  test('generated key stays silent', () => {
    const files = patched(fixtureFiles(settings('secret-key-weak-env')), 'production.env', 'changeme', 'q8!v2m@x9z^c4n&b7k(p3j-w6r=t1y+u5i0o%l8s*d2f!g4h@e');
    assert.deepEqual(findings(analyzeFiles(files), 'django-secret-key-weak'), []);
  });

  test('placeholder in template stays silent', () => {
    const files = { 'settings.py': fixtureFiles(settings('secret-key-weak-env'))['settings.py']!, '.env.example': 'SECRET_KEY=changeme\n' };
    assert.deepEqual(findings(analyzeFiles(files), 'django-secret-key-weak'), []);
  });

  test('fix writes a random key', () => {
    assertFixesResolve(fixtureFiles(settings('secret-key-weak-env')), 'django-secret-key-weak');
  });

  test('compose reading is explained', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    image: shop\n    command: gunicorn shop.wsgi\n    env_file: production.env\n',
      'production.env': 'SECRET_KEY=Hq3tXv9eLm2pWz7rKc4nBd8sFj1yUa6gPo5iTe0wRq$Tn5Lm2pWz7r\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    });
    const message = problemsOf(analysis, 'django-secret-key-weak')[0]!.message;
    assert.match(message, /is 42 characters long/);
    assert.match(message, /judged as Docker Compose passes it/);
  });

  test('fix replaces text after a hash', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    image: shop\n    command: gunicorn shop.wsgi\n    env_file: production.env\n',
      'production.env': 'SECRET_KEY=q8#v!2k@zLr9xP0wT7\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    });
    const [edit] = problemsOf(analysis, 'django-secret-key-weak')[0]!.fixes[0]!.edits;
    assert.deepEqual(edit!.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 29 } });
  });
});

describe('django-allowed-hosts-wildcard', () => {
  test('literal wildcard fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('allowed-hosts-wildcard')), 'django-allowed-hosts-wildcard'), ['settings.py:5']);
  });

  test('wildcard fallback fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('allowed-hosts-fallback')), 'django-allowed-hosts-wildcard'), ['settings.py:5']);
  });

  test('empty fallback stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-allowed-hosts-wildcard'), []);
  });

  test('fixes remove the wildcard', () => {
    assertFixesResolve(fixtureFiles(settings('allowed-hosts-wildcard')), 'django-allowed-hosts-wildcard');
    assertFixesResolve(fixtureFiles(settings('allowed-hosts-fallback')), 'django-allowed-hosts-wildcard');
  });
});

describe('django-allowed-hosts-empty', () => {
  test('empty list with DEBUG off fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('allowed-hosts-empty')), 'django-allowed-hosts-empty'), ['settings.py:5']);
  });

  test('empty list with DEBUG on stays silent', () => {
    const files = patched(fixtureFiles(settings('allowed-hosts-empty')), 'settings.py', 'DEBUG = False', 'DEBUG = True');
    assert.deepEqual(findings(analyzeFiles(files), 'django-allowed-hosts-empty'), []);
  });
});

describe('production overrides base', () => {
  test('split settings stay silent', () => {
    assert.deepEqual(securityFindings(analyzeFixture(settings('split-production'))), []);
  });

  test('hardened settings stay silent', () => {
    assert.deepEqual(securityFindings(analyzeFixture(settings('hardened'))), []);
  });
});
