import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, lines, place, problems, stillReported } from './helpers.js';

const budget = 'db-connection-budget';

describe('db-connection-budget', () => {
  test('default max_connections at service', () => {
    assert.deepEqual(lines('connections-fires', budget), ['docker-compose.yml:13']);
  });

  test('message adds up the services', () => {
    const message = problems('connections-fires', budget)[0]!.message;
    assert.match(message, /up to 110 connections/);
    assert.match(message, /4 replicas × --workers 5 × --threads 5 = 100/);
    assert.match(message, /--concurrency 10 = 10/);
    assert.match(message, /leaves 97/);
  });

  test('related lists counts and setting', () => {
    const related = problems('connections-fires', budget)[0]!.related;
    const places = related.map((item) => place(item.location));
    assert.ok(places.includes('docker-compose.yml:6'));
    assert.ok(places.includes('docker-compose.yml:9'));
    assert.ok(places.includes('settings.py:5'));
  });

  test('raised max_connections stays silent', () => {
    assert.deepEqual(lines('connections-silent', budget), []);
  });

  test('pool sizes count per process', () => {
    assert.deepEqual(lines('connections-pool', budget), ['docker-compose.yml:9']);
    assert.match(problems('connections-pool', budget)[0]!.message, /pool of 5 = 180/);
  });
});

describe('db-pool-persistent', () => {
  test('pool with CONN_MAX_AGE is an error', () => {
    assert.deepEqual(lines('connections-pool', 'db-pool-persistent'), ['settings.py:5']);
    assert.equal(problems('connections-pool', 'db-pool-persistent')[0]!.severity, 'error');
  });

  test('fix sets CONN_MAX_AGE to 0', () => {
    const problem = problems('connections-pool', 'db-pool-persistent')[0]!;
    const outcome = applyFixToCopy('connections-pool', problem, problem.fixes[0]!);
    assert.match(outcome.texts.get('settings.py')!, /"CONN_MAX_AGE": 0,/);
    assert.equal(stillReported(outcome, 'db-pool-persistent'), false);
  });

  test('no pool stays silent', () => {
    assert.deepEqual(lines('connections-silent', 'db-pool-persistent'), []);
  });
});

describe('conn-max-age-asgi', () => {
  test('daphne with persistent connections', () => {
    assert.deepEqual(lines('connections-asgi', 'conn-max-age-asgi'), ['settings.py:7']);
    assert.match(problems('connections-asgi', 'conn-max-age-asgi')[0]!.message, /60 seconds/);
  });

  test('WSGI server stays silent', () => {
    assert.deepEqual(lines('connections-silent', 'conn-max-age-asgi'), []);
  });
});
