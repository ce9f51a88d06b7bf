import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, lines, place, problemAt, stillReported } from './helpers.js';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

const code = 'timeout-order';

describe('timeout-order', () => {
  test('each short layer reported', () => {
    const found = lines('timeouts-fires', code).sort();
    assert.deepEqual(found, ['docker-compose.yml:16', 'docker-compose.yml:4', 'nginx.conf:6']);
  });

  test('gunicorn message names both ends', () => {
    const problem = problemAt('timeouts-fires', code, 'docker-compose.yml:4');
    assert.match(problem.message, /gunicorn --timeout 30/);
    assert.match(problem.message, /statement_timeout \(1 min/);
    assert.match(problem.message, /kills the worker/);
  });

  test('statement env line related', () => {
    const problem = problemAt('timeouts-fires', code, 'docker-compose.yml:4');
    const related = problem.related.map((item) => place(item.location));
    assert.deepEqual(related, ['settings.py:8', 'db.env:1']);
  });

  test('nginx names the longest inner limit', () => {
    const problem = problemAt('timeouts-fires', code, 'nginx.conf:6');
    assert.match(problem.message, /proxy_read_timeout 20s/);
    assert.match(problem.message, /504/);
  });

  test('nginx fix raises the timeout', () => {
    const problem = problemAt('timeouts-fires', code, 'nginx.conf:6');
    const outcome = applyFixToCopy('timeouts-fires', problem, problem.fixes[0]!);
    assert.match(outcome.texts.get('nginx.conf')!, /proxy_read_timeout 65s;/);
    assert.equal(stillReported(outcome, code, 'nginx.conf'), false);
  });

  test('ordered limits stay silent', () => {
    assert.deepEqual(lines('timeouts-silent', code), []);
  });
});

describe('websocket-read-timeout', () => {
  test('long read timeout stays silent', () => {
    assert.deepEqual(lines('timeouts-silent', 'websocket-read-timeout'), []);
  });
});

describe('traefik responseHeaderTimeout', () => {
  const compose = (traefik: string) => `services:
  web:
    build: .
    command: gunicorn core.wsgi:application --bind 0.0.0.0:8000 --timeout 90
    labels:
      - traefik.http.routers.web.rule=Host(\`shop.example.com\`)
  traefik:
    image: traefik:v3.1
${traefik}`;
  const settings = 'DEBUG = False\n';

  test('short header timeout reported', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('    command:\n      - --serversTransport.forwardingTimeouts.responseHeaderTimeout=30s\n'),
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, code), ['docker-compose.yml:10']);
    assert.match(problemsOf(analysis, code)[0]!.message, /504 Gateway Timeout from Traefik/);
  });

  test('environment form in seconds', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('    environment:\n      TRAEFIK_SERVERSTRANSPORT_FORWARDINGTIMEOUTS_RESPONSEHEADERTIMEOUT: "30"\n'),
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, code), ['docker-compose.yml:10']);
  });

  test('longer header timeout silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('    command:\n      - --serverstransport.forwardingtimeouts.responseheadertimeout=2m\n'),
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('zero header timeout silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose('    command:\n      - --serversTransport.forwardingTimeouts.responseHeaderTimeout=0s\n'),
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, code), []);
  });
});
