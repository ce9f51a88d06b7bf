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
} from './helpers.js';

const settings = (name: string) => `settings/${name}`;

describe('django-hsts-short', () => {
  test('one hour fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hsts-short')), 'django-hsts-short'), ['settings.py:7']);
  });

  test('missing with SSL redirect fires at redirect', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hsts-missing')), 'django-hsts-short'), ['settings.py:6']);
  });

  test('string zero fires', () => {
    const analysis = analyzeFixture(settings('hsts-string-zero'));
    assert.deepEqual(findings(analysis, 'django-hsts-short'), ['settings.py:7']);
    assert.match(problemsOf(analysis, 'django-hsts-short')[0]!.message, /max-age=0/);
  });

  test('one year stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-hsts-short'), []);
  });

  test('missing without HTTPS stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('debug-off')), 'django-hsts-short'), []);
  });

  test('fixes raise it to one year', () => {
    assertFixesResolve(fixtureFiles(settings('hsts-short')), 'django-hsts-short');
    assertFixesResolve(fixtureFiles(settings('hsts-missing')), 'django-hsts-short');
    assertFixesResolve(fixtureFiles(settings('hsts-string-zero')), 'django-hsts-short');
  });
});

describe('django-hsts-preload-invalid', () => {
  test('preload with one hour fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hsts-short')), 'django-hsts-preload-invalid'), ['settings.py:9']);
  });

  test('preload with one year stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-hsts-preload-invalid'), []);
  });
});

describe('django-hsts-incomplete', () => {
  test('no subdomains nor preload', () => {
    const files = patched(
      fixtureFiles(settings('hardened')),
      'settings.py',
      'SECURE_HSTS_INCLUDE_SUBDOMAINS = True\nSECURE_HSTS_PRELOAD = True\n',
      '',
    );
    const problems = problemsOf(analyzeFiles(files), 'django-hsts-incomplete');
    assert.equal(problems.length, 2);
    assert.equal(problems[0]!.severity, 'information');
  });
});

describe('django-ssl-redirect-off', () => {
  test('explicit False fires', () => {
    assert.deepEqual(findings(analyzeFixture(settings('ssl-redirect-off')), 'django-ssl-redirect-off'), ['settings.py:6']);
  });

  test('missing fires at the HTTPS evidence', () => {
    assert.deepEqual(findings(analyzeFixture(settings('ssl-redirect-missing')), 'django-ssl-redirect-off'), ['settings.py:6']);
  });

  test('nginx without redirect fires at listen', () => {
    assert.deepEqual(findings(analyzeFixture('ssl-redirect-nginx'), 'django-ssl-redirect-off'), ['nginx/default.conf:2']);
  });

  test('nginx redirect stays silent', () => {
    const files = patched(
      fixtureFiles('ssl-redirect-nginx'),
      'nginx/default.conf',
      '    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n',
      '    listen 80;\n    return 301 https://$host$request_uri;\n',
    );
    assert.deepEqual(findings(analyzeFiles(files), 'django-ssl-redirect-off'), []);
  });

  test('no HTTPS evidence stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('debug-off')), 'django-ssl-redirect-off'), []);
  });

  test('fixes turn the redirect on', () => {
    assertFixesResolve(fixtureFiles(settings('ssl-redirect-off')), 'django-ssl-redirect-off');
    assertFixesResolve(fixtureFiles(settings('ssl-redirect-missing')), 'django-ssl-redirect-off');
  });
});

describe('django-cookie-not-secure', () => {
  test('session False and CSRF missing', () => {
    assert.deepEqual(findings(analyzeFixture(settings('cookies-insecure')), 'django-cookie-not-secure'), [
      'settings.py:6',
      'settings.py:10',
    ]);
  });

  test('secure cookies stay silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-cookie-not-secure'), []);
  });

  test('fixes set Secure', () => {
    assertFixesResolve(fixtureFiles(settings('cookies-insecure')), 'django-cookie-not-secure');
  });
});

describe('settings derived from DEBUG', () => {
  // DEBUG comes from a function of the project, so its value and `not DEBUG` are unknown.
  const derived = (debug: string) => ({
    'settings.py': [
      'def env_flag(name):',
      '    return name.endswith("1")',
      '',
      `DEBUG = ${debug}`,
      'ALLOWED_HOSTS = ["shop.example.com"]',
      'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
      'SECURE_SSL_REDIRECT = not DEBUG',
      'SESSION_COOKIE_SECURE = not DEBUG',
      'CSRF_COOKIE_SECURE = not DEBUG',
      '',
    ].join('\n'),
  });

  test('unknown DEBUG stays silent', () => {
    const analysis = analyzeFiles(derived('env_flag("DJANGO_DEBUG")'));
    assert.deepEqual(findings(analysis, 'django-ssl-redirect-off'), []);
    assert.deepEqual(findings(analysis, 'django-cookie-not-secure'), []);
  });

  test('DEBUG known on fires', () => {
    const analysis = analyzeFiles(derived('env_flag("DJANGO_DEBUG") or True'));
    assert.deepEqual(findings(analysis, 'django-ssl-redirect-off'), ['settings.py:7']);
    assert.deepEqual(findings(analysis, 'django-cookie-not-secure'), ['settings.py:8', 'settings.py:9']);
  });

  test('DEBUG known off stays silent', () => {
    const analysis = analyzeFiles(derived('env_flag("DJANGO_DEBUG") and False'));
    assert.deepEqual(findings(analysis, 'django-ssl-redirect-off'), []);
    assert.deepEqual(findings(analysis, 'django-cookie-not-secure'), []);
  });
});

describe('django-csrf-origin-no-scheme', () => {
  test('literal entry fires as error', () => {
    const analysis = analyzeFixture(settings('csrf-origins'));
    assert.deepEqual(findings(analysis, 'django-csrf-origin-no-scheme'), ['settings.py:7']);
    assert.equal(problemsOf(analysis, 'django-csrf-origin-no-scheme')[0]!.severity, 'error');
  });

  test('env entry fires at env line', () => {
    const analysis = analyzeFixture(settings('csrf-origins-env'));
    assert.deepEqual(findings(analysis, 'django-csrf-origin-no-scheme'), ['.env.example:2']);
    assert.equal(problemsOf(analysis, 'django-csrf-origin-no-scheme')[0]!.related[0]!.location.file, 'settings.py');
  });

  test('string instead of list fires', () => {
    const analysis = analyzeFiles({ 'settings.py': 'CSRF_TRUSTED_ORIGINS = "https://shop.example.com"\n' });
    assert.deepEqual(findings(analysis, 'django-csrf-origin-no-scheme'), ['settings.py:1']);
  });

  test('schemes stay silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-csrf-origin-no-scheme'), []);
  });

  test('fixes prefix https', () => {
    assertFixesResolve(fixtureFiles(settings('csrf-origins')), 'django-csrf-origin-no-scheme');
    assertFixesResolve(fixtureFiles(settings('csrf-origins-env')), 'django-csrf-origin-no-scheme');
  });
});

describe('django-middleware-missing', () => {
  test('three middleware missing', () => {
    const analysis = analyzeFixture(settings('middleware-missing'));
    assert.deepEqual(findings(analysis, 'django-middleware-missing'), ['settings.py:6', 'settings.py:6', 'settings.py:6']);
  });

  test('full middleware stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-middleware-missing'), []);
  });

  test('fixes add each middleware', () => {
    assertFixesResolve(fixtureFiles(settings('middleware-missing')), 'django-middleware-missing');
  });
});

describe('django-security-setting-off', () => {
  test('four settings turned off', () => {
    const analysis = analyzeFixture(settings('settings-off'));
    assert.deepEqual(findings(analysis, 'django-security-setting-off'), ['settings.py:6', 'settings.py:7', 'settings.py:8', 'settings.py:9']);
    assert.equal(problemsOf(analysis, 'django-security-setting-off')[3]!.severity, 'information');
  });

  test('defaults stay silent', () => {
    assert.deepEqual(findings(analyzeFixture(settings('hardened')), 'django-security-setting-off'), []);
  });

  test('fixes restore the defaults', () => {
    assertFixesResolve(fixtureFiles(settings('settings-off')), 'django-security-setting-off');
  });
});

describe('nginx-forwarded-proto-missing', () => {
  test('location header set drops the server one', () => {
    const analysis = analyzeFixture('nginx-proxy-proto');
    assert.deepEqual(findings(analysis, 'nginx-forwarded-proto-missing'), ['nginx/default.conf:8']);
    assert.match(problemsOf(analysis, 'nginx-forwarded-proto-missing')[0]!.message, /dropped/);
  });

  test('no trusted header stays silent', () => {
    const files = patched(fixtureFiles('nginx-proxy-proto'), 'settings.py', 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\n', '');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-forwarded-proto-missing'), []);
  });

  test('fix adds the header', () => {
    assertFixesResolve(fixtureFiles('nginx-proxy-proto'), 'nginx-forwarded-proto-missing');
  });
});

describe('HSTS missing behind a TLS proxy', () => {
  const compose = `services:
  web:
    build: .
    command: gunicorn shop.wsgi -b 0.0.0.0:8000
  nginx:
    image: nginx:1.27
    volumes:
      - ./nginx/site.conf:/etc/nginx/conf.d/default.conf:ro
`;
  const site = (extra: string) => `server {
    listen 443 ssl;
    server_name shop.example.com;
    ssl_certificate /etc/ssl/shop.pem;
    ssl_certificate_key /etc/ssl/shop.key;
${extra}    location / {
        proxy_pass http://web:8000;
    }
}
`;
  const settings = 'DEBUG = False\nALLOWED_HOSTS = ["shop.example.com"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n';

  test('tls listen without hsts fires', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'nginx/site.conf': site(''), 'settings.py': settings });
    assert.deepEqual(findings(analysis, 'django-hsts-short'), ['nginx/site.conf:2']);
    assert.match(problemsOf(analysis, 'django-hsts-short')[0]!.message, /no layer sends Strict-Transport-Security/);
  });

  test('nginx header stays silent', () => {
    const header = '    add_header Strict-Transport-Security "max-age=31536000" always;\n';
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'nginx/site.conf': site(header), 'settings.py': settings });
    assert.deepEqual(findings(analysis, 'django-hsts-short'), []);
  });

  test('django setting stays silent', () => {
    const withHsts = `${settings}SECURE_HSTS_SECONDS = 31536000\n`;
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'nginx/site.conf': site(''), 'settings.py': withHsts });
    assert.deepEqual(findings(analysis, 'django-hsts-short'), []);
  });

  test('plain http stays silent', () => {
    const plain = site('').replace('listen 443 ssl;', 'listen 80;');
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'nginx/site.conf': plain, 'settings.py': settings });
    assert.deepEqual(findings(analysis, 'django-hsts-short'), []);
  });

  test('fix adds the setting', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'nginx/site.conf': site(''), 'settings.py': settings });
    const [edit] = problemsOf(analysis, 'django-hsts-short')[0]!.fixes[0]!.edits;
    assert.equal(edit!.file, 'settings.py');
    assert.equal(edit!.newText, '\nSECURE_HSTS_SECONDS = 31536000');
  });
});
