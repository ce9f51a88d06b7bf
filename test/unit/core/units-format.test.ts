import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes, formatDuration } from '../../../server/src/core/units.js';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const S = 1000;
const HOUR = 3600 * S;
const DAY = 24 * HOUR;

describe('formatBytes', () => {
  const cases: [number, string][] = [
    [0, '0 bytes'],
    [1, '1 byte'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [KB, '1 KB'],
    [1536, '1.5 KB'],
    [10 * MB, '10 MB'],
    [2_621_440, '2.5 MB'],
    [GB, '1 GB'],
    [1024 * GB, '1 TB'],
    [1024 * 1024 * GB, '1 PB'],
  ];
  for (const [bytes, text] of cases) {
    test(`bytes ${bytes} formats`, () => assert.equal(formatBytes(bytes), text));
  }

  test('bytes inexact marked about', () => {
    assert.equal(formatBytes(1_100_000), 'about 1.05 MB');
    assert.equal(formatBytes(MB + 1), 'about 1 MB');
  });

  test('bytes unusual input', () => {
    assert.equal(formatBytes(-KB), '-1 KB');
    assert.equal(formatBytes(Number.NaN), 'NaN bytes');
    assert.equal(formatBytes(Number.POSITIVE_INFINITY), 'Infinity bytes');
  });
});

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, '0 s'],
    [500, '500 ms'],
    [1.5, '1.5 ms'],
    [30 * S, '30 s'],
    [90 * S, '1 min 30 s'],
    [60 * S, '1 min'],
    [HOUR, '1 h'],
    [HOUR + 500, '1 h 500 ms'],
    [5400 * S, '1 h 30 min'],
    [DAY, '24 h'],
    [36 * HOUR, '36 h'],
    [2 * DAY, '2 d'],
    [14 * DAY, '14 d'],
    [2 * DAY + HOUR + 1, '2 d 1 h 1 ms'],
  ];
  for (const [ms, text] of cases) {
    test(`duration ${ms} formats`, () => assert.equal(formatDuration(ms), text));
  }

  test('duration float noise hidden', () => assert.equal(formatDuration(0.1 + 0.2), '0.3 ms'));

  test('duration unusual input', () => {
    assert.equal(formatDuration(-90 * S), '-1 min 30 s');
    assert.equal(formatDuration(Number.NaN), 'NaN ms');
  });
});
