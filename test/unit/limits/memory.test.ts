import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, lines, problems } from './helpers.js';

function severities(name: string, code: string): string[] {
  return problems(name, code).map((item) => item.severity);
}

describe('redis-maxmemory', () => {
  test('equal to limit and missing', () => {
    const found = lines('memory-fires', 'redis-maxmemory');
    assert.deepEqual(found, ['docker-compose.yml:4', 'docker-compose.yml:18']);
  });

  test('severity by case', () => {
    assert.deepEqual(severities('memory-fires', 'redis-maxmemory'), ['warning', 'information']);
  });

  test('message names both sizes', () => {
    const message = problems('memory-fires', 'redis-maxmemory')[0]!.message;
    assert.match(message, /--maxmemory 1gb \(1 GB\).*equals the container memory limit 1G/);
  });

  test('below limit stays silent', () => {
    assert.deepEqual(lines('memory-silent', 'redis-maxmemory'), []);
  });
});

describe('redis-eviction-policy', () => {
  test('allkeys on a broker', () => {
    assert.deepEqual(lines('memory-fires', 'redis-eviction-policy'), ['docker-compose.yml:4']);
    assert.match(problems('memory-fires', 'redis-eviction-policy')[0]!.message, /Celery broker/);
  });

  test('cache-only redis stays silent', () => {
    assert.deepEqual(lines('memory-silent', 'redis-eviction-policy'), []);
  });
});

describe('postgres-memory', () => {
  test('shared_buffers and cache size', () => {
    assert.deepEqual(severities('memory-fires', 'postgres-memory'), ['warning', 'information']);
    const found = lines('memory-fires', 'postgres-memory');
    assert.deepEqual(found, ['docker-compose.yml:11', 'docker-compose.yml:11']);
  });

  test('quarter of the limit stays silent', () => {
    assert.deepEqual(lines('memory-silent', 'postgres-memory'), []);
  });
});

describe('reservation-above-limit', () => {
  const code = 'reservation-above-limit';

  test('memory error and cpu warning', () => {
    const found = lines('memory-fires', code);
    assert.deepEqual(found, ['docker-compose.yml:26', 'docker-compose.yml:27']);
    assert.deepEqual(severities('memory-fires', code), ['error', 'warning']);
  });

  test('lowering fix copies the limit', () => {
    const problem = problems('memory-fires', code)[0]!;
    const outcome = applyFixToCopy('memory-fires', problem, problem.fixes[0]!);
    assert.match(outcome.texts.get('docker-compose.yml')!, /reservations:\n {10}memory: 256M\n/);
    const errors = outcome.after.problems.filter((item) => item.severity === 'error');
    assert.equal(errors.some((item) => item.code === code), false);
  });

  test('within limits stays silent', () => {
    assert.deepEqual(lines('memory-silent', code), []);
  });
});

describe('redis-client-budget', () => {
  test('pools above maxclients', () => {
    assert.deepEqual(lines('redis-clients', 'redis-client-budget'), ['docker-compose.yml:9']);
    const message = problems('redis-clients', 'redis-client-budget')[0]!.message;
    assert.match(message, /up to 1600 connections/);
  });

  test('no pool size stays silent', () => {
    assert.deepEqual(lines('memory-silent', 'redis-client-budget'), []);
  });
});
