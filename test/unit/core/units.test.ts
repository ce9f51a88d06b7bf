import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  UNWRITABLE_AMOUNT,
  parseComposeBytes,
  parseComposeDuration,
  parseGoDuration,
  parseNginxSize,
  parseNginxTime,
  parsePostgresMemory,
  parsePostgresTime,
  parseRedisMemory,
  parseSeconds,
  toComposeBytes,
  toGoDuration,
  toNginxSize,
  toNginxTime,
  toPostgresMemory,
  toPostgresTime,
  toRedisMemory,
} from '../../../server/src/core/units.js';

const MB = 1024 * 1024;

const readers: [string, (text: string) => number | undefined][] = [
  ['parseNginxSize', (text) => parseNginxSize(text)],
  ['parseNginxSize size', (text) => parseNginxSize(text, 'size')],
  ['parseNginxTime', (text) => parseNginxTime(text)],
  ['parseNginxTime sec', (text) => parseNginxTime(text, 'sec')],
  ['parseComposeBytes', parseComposeBytes],
  ['parseComposeDuration', parseComposeDuration],
  ['parseGoDuration', (text) => parseGoDuration(text)],
  ['parseGoDuration bare', (text) => parseGoDuration(text, true)],
  ['parsePostgresMemory', (text) => parsePostgresMemory(text)],
  ['parsePostgresTime', (text) => parsePostgresTime(text)],
  ['parseRedisMemory', parseRedisMemory],
  ['parseSeconds', (text) => parseSeconds(text)],
  ['parseSeconds fraction', (text) => parseSeconds(text, true)],
];

describe('unit readers share conventions', () => {
  for (const [name, read] of readers) {
    test(`${name} rejects empty text`, () => assert.equal(read(''), undefined));
    test(`${name} rejects unwritable text`, () => assert.equal(read(UNWRITABLE_AMOUNT), undefined));
    test(`${name} rejects negatives`, () => {
      assert.equal(read('-1'), undefined);
      assert.equal(read('-1s'), undefined);
      assert.equal(read('-1m'), undefined);
    });
  }

  test('readers survive hostile input', () => {
    const inputs = [
      '\u0000\u0001\uffff',
      '9'.repeat(10_000),
      '1h'.repeat(10_000),
      '.'.repeat(1000),
      ' '.repeat(1000),
      '\ud800',
      '1e99999',
      '0x' + 'f'.repeat(500),
      '1constructor',
      '1__proto__',
      '1toString',
      'constructor',
    ];
    for (const [name, read] of readers) {
      for (const text of inputs) {
        const value = read(text);
        const input = JSON.stringify(text.slice(0, 20));
        assert.ok(value === undefined || Number.isFinite(value), `${name} on ${input}`);
      }
    }
  });
});

describe('unit case sensitivity', () => {
  test('nginx M is megabytes in sizes', () => assert.equal(parseNginxSize('1M'), MB));
  test('nginx M is months in times', () => {
    assert.equal(parseNginxTime('1M', 'sec'), 30 * 86_400_000);
  });
  test('nginx m is minutes in times', () => assert.equal(parseNginxTime('1m'), 60_000));
  test('PostgreSQL mb is invalid', () => assert.equal(parsePostgresMemory('1mb'), undefined));
  test('PostgreSQL MB is megabytes', () => assert.equal(parsePostgresMemory('1MB'), MB));
  test('Redis MB is megabytes', () => assert.equal(parseRedisMemory('1MB'), MB));
  test('Redis M is a million', () => assert.equal(parseRedisMemory('1M'), 1_000_000));
  test('compose M is megabytes', () => assert.equal(parseComposeBytes('1M'), MB));
  test('Go M is invalid', () => assert.equal(parseGoDuration('1M'), undefined));
});

describe('unit writers share conventions', () => {
  const writers: [string, (amount: number) => string][] = [
    ['toNginxSize', (amount) => toNginxSize(amount)],
    ['toNginxTime', (amount) => toNginxTime(amount)],
    ['toComposeBytes', toComposeBytes],
    ['toGoDuration', toGoDuration],
    ['toPostgresMemory', toPostgresMemory],
    ['toPostgresTime', toPostgresTime],
    ['toRedisMemory', toRedisMemory],
  ];
  for (const [name, write] of writers) {
    test(`${name} marks bad amounts`, () => {
      assert.equal(write(-1), UNWRITABLE_AMOUNT);
      assert.equal(write(Number.NaN), UNWRITABLE_AMOUNT);
      assert.equal(write(Number.POSITIVE_INFINITY), UNWRITABLE_AMOUNT);
      assert.equal(write(2 ** 60), UNWRITABLE_AMOUNT);
    });
  }

  test('writers round trip through readers', () => {
    assert.equal(parseNginxSize(toNginxSize(20 * MB)), 20 * MB);
    assert.equal(parseNginxTime(toNginxTime(90_000)), 90_000);
    assert.equal(parseComposeBytes(toComposeBytes(512 * MB)), 512 * MB);
    assert.equal(parseComposeDuration(toGoDuration(90_000)), 90_000);
    assert.equal(parseGoDuration(toGoDuration(90_000)), 90_000);
    assert.equal(parsePostgresMemory(toPostgresMemory(128 * MB)), 128 * MB);
    assert.equal(parsePostgresTime(toPostgresTime(300_000)), 300_000);
    assert.equal(parseRedisMemory(toRedisMemory(512 * MB)), 512 * MB);
  });
});
