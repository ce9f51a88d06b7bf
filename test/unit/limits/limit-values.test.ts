import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { optionTimeout } from '../../../server/src/checks/limits/database-settings.js';
import { urlHost } from '../../../server/src/checks/limits/redis-uses.js';
import { readRate } from '../../../server/src/checks/limits/throttle-rate-check.js';

describe('settings strings', () => {
  test('statement timeout forms', () => {
    assert.equal(optionTimeout('-c statement_timeout=30000'), 30_000);
    assert.equal(optionTimeout('-c search_path=app -c statement_timeout=5s'), 5000);
    assert.equal(optionTimeout('--statement-timeout=1min'), 60_000);
    assert.equal(optionTimeout('-c lock_timeout=5000'), undefined);
  });

  test('redis url hosts', () => {
    assert.equal(urlHost('redis://:secret@redis:6379/0'), 'redis');
    assert.equal(urlHost('rediss://cache'), 'cache');
    assert.equal(urlHost('unix:///run/redis.sock'), undefined);
  });
});

describe('throttle rates', () => {
  test('valid rates', () => {
    for (const rate of ['100/hour', '10/min', '5/s', '1000/day', '1_000/h']) {
      assert.equal(readRate(rate).kind, 'valid', rate);
    }
  });

  test('invalid rates', () => {
    for (const rate of ['10/5m', '100 per hour', '100/', 'ten/hour', '1/2/3']) {
      assert.equal(readRate(rate).kind, 'invalid', rate);
    }
  });

  test('capitalised period gets a fix', () => {
    const reading = readRate('50/Hour');
    assert.equal(reading.kind === 'invalid' ? reading.fixed : undefined, '50/hour');
  });

  test('month reads as minute', () => {
    assert.deepEqual(readRate('100/month'), { kind: 'misread', period: 'minute' });
  });
});
