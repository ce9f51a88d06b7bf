import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

const compose = (environment: string) =>
  `services:\n  api:\n    image: example/api\n    environment:\n${environment}`;

describe('compose-variable-unset', () => {
  test('unset variable without default', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose('      TOKEN: ${TOKEN}\n') });
    assert.deepEqual(findings(analysis, 'compose-variable-unset'), ['docker-compose.yml:5']);
  });

  test('defaults, escapes and .env values stay silent', () => {
    const analysis = analyzeFiles({
      '.env': 'LEVEL=info\n',
      'docker-compose.yml': compose(
        '      A: ${PORT:-8000}\n      B: ${TAG-latest}\n      C: $${HOME}\n      D: ${LEVEL}\n      E: ${X:+set}\n',
      ),
    });
    assert.deepEqual(findings(analysis, 'compose-variable-unset'), []);
  });

  test('env_file value does not feed interpolation', () => {
    const analysis = analyzeFiles({
      'app.env': 'TOKEN=abc\n',
      'docker-compose.yml': 'services:\n  api:\n    image: example/api\n    env_file: app.env\n    command: run --token ${TOKEN}\n',
    });
    assert.deepEqual(findings(analysis, 'compose-variable-unset'), ['docker-compose.yml:5']);
    assert.match(problemsOf(analysis, 'compose-variable-unset')[0]!.message, /never feed interpolation/);
  });

  test('nested default is checked when used', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose('      A: ${FIRST:-${SECOND}}\n') });
    assert.equal(problemsOf(analysis, 'compose-variable-unset')[0]?.message.startsWith('SECOND'), true);
  });
});

describe('compose-variable-required', () => {
  test('required unset variable is an error', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose('      URL: ${URL:?set URL}\n') });
    assert.deepEqual(findings(analysis, 'compose-variable-required'), ['docker-compose.yml:5']);
    assert.equal(problemsOf(analysis, 'compose-variable-required')[0]!.severity, 'error');
  });

  test('required variable set in .env stays silent', () => {
    const analysis = analyzeFiles({
      '.env': 'URL=postgres://db/app\n',
      'docker-compose.yml': compose('      URL: ${URL:?set URL}\n'),
    });
    assert.deepEqual(findings(analysis, 'compose-variable-required'), []);
  });
});

describe('compose load checks', () => {
  test('depends_on unknown service', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    image: a\n    depends_on:\n      - db\n      - cache\n  db:\n    image: postgres\n',
    });
    assert.deepEqual(findings(analysis, 'compose-depends-on-unknown'), ['docker-compose.yml:6']);
  });

  test('mem_limit conflicting with deploy limit', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml':
        'services:\n  web:\n    image: a\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n',
    });
    assert.deepEqual(findings(analysis, 'compose-mem-limit-conflict'), ['docker-compose.yml:4']);
  });

  test('equal memory limits stay silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml':
        'services:\n  web:\n    image: a\n    mem_limit: 1024m\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n',
    });
    assert.deepEqual(findings(analysis, 'compose-mem-limit-conflict'), []);
  });
});

describe('env-duplicate-key', () => {
  test('later duplicate is reported', () => {
    const analysis = analyzeFiles({ '.env.example': 'A=1\nB=2\nA=3\n' });
    assert.deepEqual(findings(analysis, 'env-duplicate-key'), ['.env.example:3']);
  });
});

describe('suppressions', () => {
  test('disable-next-line silences one rule', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('      # shipshape-disable-next-line compose-variable-unset\n      TOKEN: ${TOKEN}\n'),
    });
    assert.deepEqual(findings(analysis, 'compose-variable-unset'), []);
  });

  test('disable-next-line for another rule keeps it', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('      # shipshape-disable-next-line env-duplicate-key\n      TOKEN: ${TOKEN}\n'),
    });
    assert.deepEqual(findings(analysis, 'compose-variable-unset'), ['docker-compose.yml:6']);
  });
});

describe('compose-variable-required empty', () => {
  test('empty value in real .env', () => {
    const analysis = analyzeFiles({
      '.env': 'URL=\n',
      'docker-compose.yml': compose('      URL: ${URL:?set URL}\n'),
    });
    const [problem] = problemsOf(analysis, 'compose-variable-required');
    assert.match(problem?.message ?? '', /empty value/);
  });
});

describe('interpolation hint for env_file names', () => {
  const compose = 'services:\n  web:\n    image: shop:${TAG:?set TAG}\n    command: gunicorn shop.wsgi\n    env_file: app.env\n';

  test('set value is called set', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'app.env': 'TAG=1.2\n', 'settings.py': 'DEBUG = False\n' });
    assert.match(problemsOf(analysis, 'compose-variable-required')[0]!.message, /It is set in app\.env, an env_file of service web/);
  });

  test('empty value is called empty', () => {
    const analysis = analyzeFiles({ 'docker-compose.yml': compose, 'app.env': 'TAG=\n', 'settings.py': 'DEBUG = False\n' });
    assert.match(problemsOf(analysis, 'compose-variable-required')[0]!.message, /It is declared, empty, in app\.env/);
  });
});
