import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, analyzeFixture, assertFixesResolve, findings, fixtureFiles, patched, problemsOf } from './helpers.js';

const inheritance = 'nginx-inheritance';
const corsMap = 'nginx-cors-map';

describe('nginx-cors-origin-reflected', () => {
  test('echoed origin with credentials', () => {
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-cors-origin-reflected'), ['nginx/site.conf:18']);
  });

  test('related points at credentials', () => {
    const [problem] = problemsOf(analyzeFixture(inheritance), 'nginx-cors-origin-reflected');
    assert.equal(problem!.related[0]!.location.range.start.line + 1, 19);
  });

  test('map allow-list stays silent', () => {
    assert.deepEqual(findings(analyzeFixture(corsMap), 'nginx-cors-origin-reflected'), []);
  });

  test('map passing every origin fires', () => {
    const files = patched(fixtureFiles(corsMap), 'nginx/site.conf', 'default "";', 'default $http_origin;');
    const analysis = analyzeFiles(files);
    assert.deepEqual(findings(analysis, 'nginx-cors-origin-reflected'), ['nginx/site.conf:10']);
    assert.equal(problemsOf(analysis, 'nginx-cors-origin-reflected')[0]!.related[1]!.location.range.start.line + 1, 2);
  });

  test('unanchored map pattern fires', () => {
    const files = patched(fixtureFiles(corsMap), 'nginx/site.conf', '"~^https://app\\.example\\.com$"', '"~app\\.example\\.com"');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-cors-origin-reflected'), ['nginx/site.conf:10']);
  });

  test('origin checked by if stays silent', () => {
    const files = {
      'nginx/site.conf':
        'server {\n    location / {\n        if ($http_origin ~ "^https://app\\.example\\.com$") {\n            add_header Access-Control-Allow-Origin $http_origin;\n            add_header Access-Control-Allow-Credentials true;\n        }\n    }\n}\n',
    };
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-cors-origin-reflected'), []);
  });

  test('echo without credentials stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', '            add_header Access-Control-Allow-Credentials true;\n', '');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-cors-origin-reflected'), []);
  });
});

describe('nginx-cors-wildcard-credentials', () => {
  test('star with credentials fires', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', 'Access-Control-Allow-Origin $http_origin', 'Access-Control-Allow-Origin "*"');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-cors-wildcard-credentials'), ['nginx/site.conf:18']);
  });

  test('star without credentials stays silent', () => {
    const files = {
      'nginx/site.conf': 'server {\n    location /static/ {\n        add_header Access-Control-Allow-Origin "*";\n    }\n}\n',
    };
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-cors-wildcard-credentials'), []);
  });
});

describe('cors-preflight-max-age-capped in nginx', () => {
  test('max-age above Chromium cap is information', () => {
    const analysis = analyzeFixture(inheritance);
    assert.deepEqual(findings(analysis, 'cors-preflight-max-age-capped'), ['nginx/site.conf:20']);
    assert.equal(problemsOf(analysis, 'cors-preflight-max-age-capped')[0]!.severity, 'information');
  });

  test('7200 stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', 'Max-Age 86400', 'Max-Age 7200');
    assert.deepEqual(findings(analyzeFiles(files), 'cors-preflight-max-age-capped'), []);
  });

  test('fix lowers it to 7200', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'cors-preflight-max-age-capped');
  });
});

describe('nginx-django-duplicate-header', () => {
  test('HSTS and CORS in both layers', () => {
    assert.deepEqual(findings(analyzeFixture('nginx-django-duplicate'), 'nginx-django-duplicate-header'), [
      'nginx/default.conf:9',
      'nginx/default.conf:10',
    ]);
  });

  test('proxy_hide_header stays silent', () => {
    const files = patched(
      fixtureFiles('nginx-django-duplicate'),
      'nginx/default.conf',
      '        proxy_set_header X-Forwarded-Proto $scheme;\n',
      '        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_hide_header Strict-Transport-Security;\n        proxy_hide_header Access-Control-Allow-Origin;\n',
    );
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-django-duplicate-header'), []);
  });

  test('Django without CORS middleware stays silent', () => {
    const files = patched(fixtureFiles('nginx-django-duplicate'), 'settings.py', '    "corsheaders.middleware.CorsMiddleware",\n', '');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-django-duplicate-header'), ['nginx/default.conf:9']);
  });
});

describe('nginx-django-duplicate-header equal values', () => {
  test('same HSTS max-age stays silent', () => {
    const files = patched(fixtureFiles('nginx-django-duplicate'), 'settings.py', 'SECURE_HSTS_SECONDS = 63072000', 'SECURE_HSTS_SECONDS = 31536000');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-django-duplicate-header'), ['nginx/default.conf:10']);
  });
});
