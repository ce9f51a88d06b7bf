import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, analyzeFixture, assertFixesResolve, findings, fixtureFiles, patched, problemsOf } from './helpers.js';

const allowAll = 'settings/cors-allow-all-env';
const template = 'debug-template-production';

describe('cors-allow-all-with-credentials', () => {
  test('env value in a real file fires', () => {
    const analysis = analyzeFixture(allowAll);
    assert.deepEqual(findings(analysis, 'cors-allow-all-with-credentials'), ['production.env:1']);
    assert.equal(problemsOf(analysis, 'cors-allow-all-with-credentials')[0]!.severity, 'error');
  });

  test('template in production fires', () => {
    const analysis = analyzeFixture(template);
    assert.deepEqual(findings(analysis, 'cors-allow-all-with-credentials'), ['env.template:3']);
    const related = problemsOf(analysis, 'cors-allow-all-with-credentials')[0]!.related.map((item) => item.location.range.start.line + 1);
    assert.deepEqual(related, [6, 7]);
  });

  test('without credentials stays silent', () => {
    const files = patched(fixtureFiles(allowAll), 'settings.py', 'CORS_ALLOW_CREDENTIALS = True', 'CORS_ALLOW_CREDENTIALS = False');
    assert.deepEqual(findings(analyzeFiles(files), 'cors-allow-all-with-credentials'), []);
  });

  test('old setting name fires', () => {
    const analysis = analyzeFiles({ 'settings.py': 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n' });
    assert.deepEqual(findings(analysis, 'cors-allow-all-with-credentials'), ['settings.py:1']);
  });

  test('inactive middleware stays silent', () => {
    const analysis = analyzeFiles({
      'settings.py': 'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nCORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n',
    });
    assert.deepEqual(findings(analysis, 'cors-allow-all-with-credentials'), []);
  });

  test('fixes turn allow-all off', () => {
    assertFixesResolve(fixtureFiles(allowAll), 'cors-allow-all-with-credentials');
    assertFixesResolve({ 'settings.py': 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n' }, 'cors-allow-all-with-credentials');
  });
});

describe('cors-origin-regex-unanchored', () => {
  test('pattern without $ fires', () => {
    assert.deepEqual(findings(analyzeFixture('settings/cors-regex'), 'cors-origin-regex-unanchored'), ['settings.py:7']);
  });

  test('anchored pattern stays silent', () => {
    const files = patched(fixtureFiles('settings/cors-regex'), 'settings.py', 'example\\.com",', 'example\\.com$",');
    assert.deepEqual(findings(analyzeFiles(files), 'cors-origin-regex-unanchored'), []);
  });

  test('fix appends the anchor', () => {
    assertFixesResolve(fixtureFiles('settings/cors-regex'), 'cors-origin-regex-unanchored');
  });
});

describe('cors-preflight-max-age-capped in settings', () => {
  test('86400 is information', () => {
    const analysis = analyzeFixture('settings/cors-regex');
    assert.deepEqual(findings(analysis, 'cors-preflight-max-age-capped'), ['settings.py:10']);
    assert.equal(problemsOf(analysis, 'cors-preflight-max-age-capped')[0]!.severity, 'information');
  });

  test('7200 stays silent', () => {
    const files = patched(fixtureFiles('settings/cors-regex'), 'settings.py', '= 86400', '= 7200');
    assert.deepEqual(findings(analyzeFiles(files), 'cors-preflight-max-age-capped'), []);
  });
});
