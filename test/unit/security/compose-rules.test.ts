import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, analyzeFixture, assertFixesResolve, findings, fixtureFiles, patched, problemsOf } from './helpers.js';

const production = 'compose-production';
const file = 'docker-compose.prod.yml';

describe('compose-port-public', () => {
  test('database and cache ports fire', () => {
    assert.deepEqual(findings(analyzeFixture(production), 'compose-port-public'), [
      'docker-compose.prod.yml:7',
      'docker-compose.prod.yml:12',
    ]);
  });

  test('loopback binding stays silent', () => {
    const files = patched(fixtureFiles(production), file, '"5432:5432"', '"127.0.0.1:5432:5432"');
    assert.deepEqual(findings(analyzeFiles(files), 'compose-port-public'), ['docker-compose.prod.yml:12']);
  });

  test('interpolated loopback default stays silent', () => {
    const files = patched(fixtureFiles(production), file, '"5432:5432"', '"${DB_BIND:-127.0.0.1}:5432:5432"');
    assert.deepEqual(findings(analyzeFiles(files), 'compose-port-public'), ['docker-compose.prod.yml:12']);
  });

  test('neutral file name is information', () => {
    const files = { 'docker-compose.yml': fixtureFiles(production)[file]! };
    const problems = problemsOf(analyzeFiles(files), 'compose-port-public');
    assert.ok(problems.length > 0);
    assert.ok(problems.every((problem) => problem.severity === 'information'));
  });

  test('web ports stay silent', () => {
    const files = { [file]: 'services:\n  nginx:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n' };
    assert.deepEqual(findings(analyzeFiles(files), 'compose-port-public'), []);
  });

  test('fix binds to loopback', () => {
    const [problem] = problemsOf(analyzeFixture(production), 'compose-port-public');
    assert.equal(problem!.fixes[0]!.safe, false);
    assertFixesResolve(fixtureFiles(production), 'compose-port-public');
  });
});

describe('compose-redis-no-password', () => {
  test('empty requirepass on a published port', () => {
    assert.deepEqual(findings(analyzeFixture(production), 'compose-redis-no-password'), ['docker-compose.prod.yml:12']);
  });

  test('password from .env stays silent', () => {
    const files = { ...fixtureFiles(production), '.env': 'REDIS_PASSWORD=s3cret-value\n' };
    assert.deepEqual(findings(analyzeFiles(files), 'compose-redis-no-password'), []);
  });

  test('unpublished Redis stays silent', () => {
    const files = patched(fixtureFiles(production), file, '    ports:\n      - "6379:6379"\n', '');
    assert.deepEqual(findings(analyzeFiles(files), 'compose-redis-no-password'), []);
  });
});

describe('compose-docker-socket', () => {
  test('writable socket is a warning', () => {
    const analysis = analyzeFixture(production);
    assert.deepEqual(findings(analysis, 'compose-docker-socket'), ['docker-compose.prod.yml:17']);
    assert.equal(problemsOf(analysis, 'compose-docker-socket')[0]!.severity, 'warning');
  });

  test('read-only socket is information', () => {
    const files = patched(fixtureFiles(production), file, 'docker.sock:/var/run/docker.sock', 'docker.sock:/var/run/docker.sock:ro');
    const problems = problemsOf(analyzeFiles(files), 'compose-docker-socket');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'information');
  });
});

describe('compose-privileged', () => {
  test('privileged true fires', () => {
    assert.deepEqual(findings(analyzeFixture(production), 'compose-privileged'), ['docker-compose.prod.yml:15']);
  });

  test('privileged false stays silent', () => {
    const files = patched(fixtureFiles(production), file, 'privileged: true', 'privileged: false');
    assert.deepEqual(findings(analyzeFiles(files), 'compose-privileged'), []);
  });
});

describe('compose-secret-literal', () => {
  test('literal password fires', () => {
    assert.deepEqual(findings(analyzeFixture(production), 'compose-secret-literal'), ['docker-compose.prod.yml:5']);
  });

  test('message hides the value', () => {
    const [problem] = problemsOf(analyzeFixture(production), 'compose-secret-literal');
    assert.equal(problem!.message.includes('hunter2'), false);
  });

  test('interpolated password stays silent', () => {
    const files = patched(fixtureFiles(production), file, 'hunter2-production', '${POSTGRES_PASSWORD}');
    assert.deepEqual(findings(analyzeFiles(files), 'compose-secret-literal'), []);
  });

  test('fix interpolates from .env', () => {
    assertFixesResolve(fixtureFiles(production), 'compose-secret-literal');
  });
});

describe('traefik-hsts-short', () => {
  test('stsSeconds 300 fires', () => {
    assert.deepEqual(findings(analyzeFixture(production), 'traefik-hsts-short'), ['docker-compose.prod.yml:19']);
  });

  test('one year stays silent', () => {
    const files = patched(fixtureFiles(production), file, 'stsSeconds=300', 'stsSeconds=31536000');
    assert.deepEqual(findings(analyzeFiles(files), 'traefik-hsts-short'), []);
  });

  test('fix raises stsSeconds', () => {
    assertFixesResolve(fixtureFiles(production), 'traefik-hsts-short');
  });
});

describe('compose development files', () => {
  test('dev compose stays silent', () => {
    const files = { 'docker-compose.dev.yml': fixtureFiles(production)[file]! };
    const analysis = analyzeFiles(files);
    for (const code of ['compose-privileged', 'compose-docker-socket', 'compose-secret-literal', 'traefik-hsts-short']) {
      assert.deepEqual(findings(analysis, code), [], code);
    }
  });
});

describe('env-template-secret', () => {
  test('random key in template fires', () => {
    assert.deepEqual(findings(analyzeFixture('env-template-secret'), 'env-template-secret'), ['.env.example:1']);
  });

  test('message hides the value', () => {
    const [problem] = problemsOf(analyzeFixture('env-template-secret'), 'env-template-secret');
    assert.equal(problem!.message.includes('k3J9x'), false);
  });

  test('placeholders and blanks stay silent', () => {
    const files = patched(fixtureFiles('env-template-secret'), '.env.example', /^SECRET_KEY=.*$/m.exec(fixtureFiles('env-template-secret')['.env.example']!)![0], 'SECRET_KEY=change-me');
    assert.deepEqual(findings(analyzeFiles(files), 'env-template-secret'), []);
  });

  test('fix empties the value', () => {
    assertFixesResolve(fixtureFiles('env-template-secret'), 'env-template-secret');
  });
});
