import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatBytes,
  formatDuration,
  parseComposeBytes,
  parseComposeDuration,
  parseGoDuration,
  parseNginxSize,
  parseNginxTime,
  parsePostgresMemory,
  parsePostgresTime,
  parseRedisMemory,
  parseSeconds,
  toNginxSize,
  toNginxTime,
  toPostgresTime,
  toRedisMemory,
} from '../../../server/src/core/units.js';

const MB = 1024 * 1024;

describe('nginx sizes', () => {
  const cases: [string, number | undefined][] = [
    ['1m', MB], ['1M', MB], ['512k', 512 * 1024], ['2g', 2 * 1024 * MB], ['100', 100],
    ['0', 0], ['1.5m', undefined], ['1mb', undefined], ['', undefined], ['-1m', undefined],
  ];
  for (const [text, expected] of cases) {
    test(`size ${JSON.stringify(text)}`, () => assert.equal(parseNginxSize(text), expected));
  }
});

describe('nginx times', () => {
  const cases: [string, number | undefined][] = [
    ['60', 60_000], ['60s', 60_000], ['500ms', 500], ['2m', 120_000], ['1h', 3_600_000],
    ['1d', 86_400_000], ['1w', 604_800_000], ['1M', 2_592_000_000], ['1y', 31_536_000_000],
    ['1h30m', 5_400_000], ['1h 30m', 5_400_000], ['86400s', 86_400_000], ['1.5s', undefined],
    ['s', undefined], ['10x', undefined],
  ];
  for (const [text, expected] of cases) {
    test(`time ${JSON.stringify(text)}`, () => assert.equal(parseNginxTime(text), expected));
  }
});

describe('compose bytes and durations', () => {
  const cases: [string, number | undefined][] = [
    ['512M', 512 * MB], ['512m', 512 * MB], ['512mb', 512 * MB], ['1G', 1024 * MB], ['1gb', 1024 * MB],
    ['1.5G', 1536 * MB], ['100k', 102_400], ['100kb', 102_400], ['2048', 2048], ['2048b', 2048],
    ['lots', undefined],
  ];
  for (const [text, expected] of cases) {
    test(`bytes ${JSON.stringify(text)}`, () => assert.equal(parseComposeBytes(text), expected));
  }
  test('duration 1m30s', () => assert.equal(parseComposeDuration('1m30s'), 90_000));
  test('duration 10s', () => assert.equal(parseComposeDuration('10s'), 10_000));
  test('duration bare number rejected', () => assert.equal(parseComposeDuration('10'), undefined));
});

describe('PostgreSQL units', () => {
  test('shared_buffers 256MB', () => assert.equal(parsePostgresMemory('256MB'), 256 * MB));
  test('bare blocks of 8 kB', () => assert.equal(parsePostgresMemory('16384', 8192), 128 * MB));
  test('lowercase mb rejected', () => assert.equal(parsePostgresMemory('256mb'), undefined));
  test('kB accepted', () => assert.equal(parsePostgresMemory('64kB'), 65_536));
  test('bare statement_timeout is ms', () => assert.equal(parsePostgresTime('30000'), 30_000));
  test('statement_timeout 30s', () => assert.equal(parsePostgresTime('30s'), 30_000));
  test('statement_timeout 5min', () => assert.equal(parsePostgresTime('5min'), 300_000));
  test('quoted value', () => assert.equal(parsePostgresTime("'2s'"), 2000));
  test('m is not minutes', () => assert.equal(parsePostgresTime('5m'), undefined));
});

describe('Redis memory', () => {
  test('k is 1000', () => assert.equal(parseRedisMemory('1k'), 1000));
  test('kb is 1024', () => assert.equal(parseRedisMemory('1kb'), 1024));
  test('512mb', () => assert.equal(parseRedisMemory('512mb'), 512 * MB));
  test('1m is a million', () => assert.equal(parseRedisMemory('1m'), 1_000_000));
  test('upper case GB', () => assert.equal(parseRedisMemory('2GB'), 2048 * MB));
  test('bare bytes', () => assert.equal(parseRedisMemory('1048576'), MB));
});

describe('Go durations', () => {
  test('60s', () => assert.equal(parseGoDuration('60s'), 60_000));
  test('1h30m', () => assert.equal(parseGoDuration('1h30m'), 5_400_000));
  test('1.5s', () => assert.equal(parseGoDuration('1.5s'), 1500));
  test('300ms', () => assert.equal(parseGoDuration('300ms'), 300));
  test('microseconds', () => assert.equal(parseGoDuration('1500us'), 1.5));
  test('bare seconds for Traefik', () => assert.equal(parseGoDuration('60', true), 60_000));
  test('bare number rejected', () => assert.equal(parseGoDuration('60'), undefined));
  test('zero', () => assert.equal(parseGoDuration('0'), 0));
});

describe('seconds', () => {
  test('integer', () => assert.equal(parseSeconds('30'), 30_000));
  test('decimal', () => assert.equal(parseSeconds('2.5'), 2500));
  test('suffix rejected', () => assert.equal(parseSeconds('30s'), undefined));
});

describe('formatting and writers', () => {
  test('10 MB', () => assert.equal(formatBytes(10 * MB), '10 MB'));
  test('2.5 MB', () => assert.equal(formatBytes(2_621_440), '2.5 MB'));
  test('bytes', () => assert.equal(formatBytes(512), '512 bytes'));
  test('30 s', () => assert.equal(formatDuration(30_000), '30 s'));
  test('1 min 30 s', () => assert.equal(formatDuration(90_000), '1 min 30 s'));
  test('24 h', () => assert.equal(formatDuration(86_400_000), '1 d'));
  test('nginx size 20m', () => assert.equal(toNginxSize(20 * MB), '20m'));
  test('nginx size 1536k', () => assert.equal(toNginxSize(1536 * 1024), '1536k'));
  test('nginx size round trip', () => assert.equal(parseNginxSize(toNginxSize(2_621_440)), 2_621_440));
  test('nginx time 90s', () => assert.equal(toNginxTime(90_000), '90s'));
  test('nginx time round trip', () => assert.equal(parseNginxTime(toNginxTime(3_600_000)), 3_600_000));
  test('redis 512mb', () => assert.equal(toRedisMemory(512 * MB), '512mb'));
  test('postgres 30s', () => assert.equal(toPostgresTime(30_000), '30s'));
  test('postgres round trip', () => assert.equal(parsePostgresTime(toPostgresTime(300_000)), 300_000));
});
