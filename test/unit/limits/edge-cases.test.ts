import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, problems } from './helpers.js';

describe('asgi edge cases', () => {
  test('traefik buffering below upload size', () => {
    assert.deepEqual(lines('edge-asgi', 'request-body-limit'), ['docker-compose.yml:7']);
    const problem = problems('edge-asgi', 'request-body-limit')[0]!;
    assert.equal(problem.severity, 'information');
    assert.match(problem.message, /maxRequestBodyBytes/);
  });

  test('channels-only redis eviction is advice', () => {
    assert.deepEqual(lines('edge-asgi', 'redis-eviction-policy'), ['docker-compose.yml:13']);
    assert.equal(problems('edge-asgi', 'redis-eviction-policy')[0]!.severity, 'information');
  });

  test('default listen addresses by server', () => {
    const found = problems('edge-asgi', 'proxy-port-mismatch').map((problem) => [
      problem.location.range.start.line + 1,
      problem.severity,
    ]);
    assert.deepEqual(found, [
      [6, 'warning'],
      [14, 'information'],
    ]);
  });

  test('timeout inside sh -c script', () => {
    assert.deepEqual(lines('edge-asgi', 'timeout-order'), ['docker-compose.yml:10']);
    const range = problems('edge-asgi', 'timeout-order')[0]!.location.range;
    const width = range.end.character - range.start.character;
    assert.ok(width <= 2, 'points at the value, not the whole script');
  });

  test('short websocket read timeout', () => {
    assert.deepEqual(lines('edge-asgi', 'websocket-read-timeout'), ['nginx.conf:10']);
    assert.equal(problems('edge-asgi', 'websocket-read-timeout')[0]!.severity, 'information');
  });

  test('no memory limit, no maxmemory finding', () => {
    assert.deepEqual(lines('edge-asgi', 'redis-maxmemory'), []);
  });
});

describe('uwsgi edge cases', () => {
  test('harakiri above uwsgi_read_timeout', () => {
    assert.deepEqual(lines('edge-uwsgi', 'timeout-order'), ['nginx.conf:4']);
    const message = problems('edge-uwsgi', 'timeout-order')[0]!.message;
    assert.match(message, /uwsgi_read_timeout of 60s.*uwsgi --harakiri 90/);
  });

  test('uwsgi socket port matches', () => {
    assert.deepEqual(lines('edge-uwsgi', 'proxy-port-mismatch'), []);
    assert.deepEqual(lines('edge-uwsgi', 'proxy-host-unknown'), []);
  });
});
