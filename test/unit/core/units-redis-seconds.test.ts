import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRedisMemory, parseSeconds, toRedisMemory } from '../../../server/src/core/units.js';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe('Redis memory', () => {
  const cases: [string, number][] = [
    ['1048576', MB],
    ['0', 0],
    ['100b', 100],
    ['100B', 100],
    ['1k', 1000],
    ['1K', 1000],
    ['1kb', KB],
    ['1KB', KB],
    ['1kB', KB],
    ['1m', 1_000_000],
    ['1mb', MB],
    ['512mb', 512 * MB],
    ['1g', 1_000_000_000],
    ['1gb', GB],
    ['2GB', 2 * GB],
    ['007mb', 7 * MB],
  ];
  for (const [text, bytes] of cases) {
    test(`redis ${JSON.stringify(text)} reads`, () => assert.equal(parseRedisMemory(text), bytes));
  }

  const invalid = [
    '', 'mb', 'kb', '1.5mb', '-1', '+1', ' 1mb', '1mb ', '1 mb', '1t', '1tb', '1kib', '1bb', '1e3',
    'ten',
  ];
  for (const text of invalid) {
    test(`redis ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseRedisMemory(text), undefined);
    });
  }

  test('redis overflow rejected', () => {
    assert.equal(parseRedisMemory('9007199254740991'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseRedisMemory('9007199254740992'), undefined);
    assert.equal(parseRedisMemory('99999999999gb'), undefined);
    assert.equal(parseRedisMemory('1'.repeat(128)), undefined);
  });

  test('redis writer binary units', () => {
    assert.equal(toRedisMemory(512 * MB), '512mb');
    assert.equal(toRedisMemory(GB), '1gb');
    assert.equal(toRedisMemory(1536 * KB), '1536kb');
    assert.equal(toRedisMemory(1_000_000), '1000000');
    assert.equal(toRedisMemory(0), '0');
    assert.equal(toRedisMemory(-1), 'NaN');
  });

  for (const bytes of [0, 1, 1000, KB, 1536 * KB, 512 * MB, 3 * GB, 3 * GB + 1]) {
    test(`redis round trip ${bytes}`, () => {
      assert.equal(parseRedisMemory(toRedisMemory(bytes)), bytes);
    });
  }
});

describe('seconds', () => {
  const cases: [string, number][] = [
    ['30', 30_000],
    ['0', 0],
    [' 30 ', 30_000],
    ['+30', 30_000],
    ['030', 30_000],
    ['1_000', 1_000_000],
  ];
  for (const [text, ms] of cases) {
    test(`seconds ${JSON.stringify(text)} reads`, () => assert.equal(parseSeconds(text), ms));
  }

  const invalid = [
    '', ' ', '2.5', '30s', '1m', '-1', '1__0', '_1', '1_', '0x1e', '1e3', 'inf', 'thirty',
  ];
  for (const text of invalid) {
    test(`seconds ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseSeconds(text), undefined);
    });
  }

  test('seconds fractions when allowed', () => {
    assert.equal(parseSeconds('2.5', true), 2500);
    assert.equal(parseSeconds('.5', true), 500);
    assert.equal(parseSeconds('1.', true), 1000);
    assert.equal(parseSeconds('1e1', true), 10_000);
    assert.equal(parseSeconds('30', true), 30_000);
  });

  test('seconds fractions still invalid', () => {
    assert.equal(parseSeconds('-0.5', true), undefined);
    assert.equal(parseSeconds('inf', true), undefined);
    assert.equal(parseSeconds('nan', true), undefined);
    assert.equal(parseSeconds('1.5s', true), undefined);
    assert.equal(parseSeconds('.', true), undefined);
  });

  test('seconds overflow rejected', () => {
    assert.equal(parseSeconds('9007199254740'), 9_007_199_254_740_000);
    assert.equal(parseSeconds('9007199254741'), undefined);
    assert.equal(parseSeconds('1e400', true), undefined);
  });
});
