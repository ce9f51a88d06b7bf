import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, fixedLines, lines, problems, stillReported } from './helpers.js';

describe('websocket-upgrade-missing', () => {
  const code = 'websocket-upgrade-missing';

  test('ws location without headers', () => {
    assert.deepEqual(lines('proxy-fires', code), ['nginx.conf:18']);
  });

  test('fix inserts headers and keeps inherited ones', () => {
    const problem = problems('proxy-fires', code)[0]!;
    const outcome = applyFixToCopy('proxy-fires', problem, problem.fixes[0]!);
    assert.deepEqual(fixedLines('proxy-fires', outcome, 'nginx.conf'), [
      '            proxy_set_header X-Forwarded-Proto $scheme;',
      '            proxy_http_version 1.1;',
      '            proxy_set_header Upgrade $http_upgrade;',
      '            proxy_set_header Connection "upgrade";',
    ]);
    assert.equal(stillReported(outcome, code), false);
  });

  test('configured ws location stays silent', () => {
    assert.deepEqual(lines('proxy-silent', code), []);
  });
});

describe('upstream keepalive', () => {
  test('unused keepalive is information', () => {
    assert.deepEqual(lines('proxy-fires', 'upstream-keepalive-unused'), ['nginx.conf:23']);
    assert.equal(problems('proxy-fires', 'upstream-keepalive-unused')[0]!.severity, 'information');
  });

  test('keepalive outlives uvicorn', () => {
    assert.deepEqual(lines('proxy-fires', 'upstream-keepalive-timeout'), ['nginx.conf:11']);
    const message = problems('proxy-fires', 'upstream-keepalive-timeout')[0]!.message;
    assert.match(message, /uvicorn's default --timeout-keep-alive of 5 s/);
  });

  test('longer server keep-alive stays silent', () => {
    assert.deepEqual(lines('proxy-silent', 'upstream-keepalive-timeout'), []);
    assert.deepEqual(lines('proxy-silent', 'upstream-keepalive-unused'), []);
  });
});

describe('nginx-worker-file-limit', () => {
  test('rlimit below connections', () => {
    assert.deepEqual(lines('proxy-fires', 'nginx-worker-file-limit'), ['nginx.conf:2']);
  });

  test('ample rlimit stays silent', () => {
    assert.deepEqual(lines('proxy-silent', 'nginx-worker-file-limit'), []);
  });
});
