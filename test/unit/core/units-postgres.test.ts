import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  parsePostgresMemory,
  parsePostgresTime,
  toPostgresMemory,
  toPostgresTime,
} from '../../../server/src/core/units.js';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const BLOCK = 8192;
const S = 1000;
const MIN = 60 * S;

describe('PostgreSQL memory', () => {
  const cases: [string, number][] = [
    ['64kB', 64 * KB],
    ['256MB', 256 * MB],
    ['2GB', 2 * GB],
    ['1TB', 1024 * GB],
    ['2048B', 2 * KB],
    ['4096', 4096 * KB],
    ['0', 0],
    ['1.5MB', 1.5 * MB],
    ['64 MB', 64 * MB],
    [' 64MB ', 64 * MB],
    ['\t64MB\n', 64 * MB],
    ['+64MB', 64 * MB],
    ['010MB', 8 * MB],
    ['0x10MB', 16 * MB],
    ['0x10', 16 * KB],
    ['1e3', 1000 * KB],
    ['1e3kB', 1000 * KB],
    ['.5MB', 512 * KB],
    ['010.5MB', 10.5 * MB],
    ['0x1.8MB', 1.5 * MB],
  ];
  for (const [text, bytes] of cases) {
    test(`memory ${JSON.stringify(text)} reads`, () => {
      assert.equal(parsePostgresMemory(text), bytes);
    });
  }

  const invalid = [
    '', ' ', 'MB', '256mb', '256Mb', '256kb', '256KB', '1gb', '1tb', '1b', '256 M', '256MiB',
    '1MB x', '1 MB MB', '08', '0x', ' .5MB', '-.5MB', 'NaN', 'inf', '1e400', '1,5MB',
  ];
  for (const text of invalid) {
    test(`memory ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parsePostgresMemory(text), undefined);
    });
  }

  test('memory negative rejected', () => {
    assert.equal(parsePostgresMemory('-1'), undefined);
    assert.equal(parsePostgresMemory('-64MB'), undefined);
  });

  test('memory negative rounds to zero', () => assert.equal(parsePostgresMemory('-0.4'), 0));

  test('memory bare blocks of 8 kB', () => {
    assert.equal(parsePostgresMemory('16384', BLOCK), 128 * MB);
    assert.equal(parsePostgresMemory('128MB', BLOCK), 128 * MB);
    assert.equal(parsePostgresMemory('1GB', BLOCK), GB);
  });

  test('memory rounds to base unit', () => {
    assert.equal(parsePostgresMemory('12kB', BLOCK), 2 * BLOCK);
    assert.equal(parsePostgresMemory('4kB', BLOCK), 0);
    assert.equal(parsePostgresMemory('100B'), 0);
    assert.equal(parsePostgresMemory('1536B'), 2 * KB);
  });

  test('memory rounds to next unit', () => {
    assert.equal(parsePostgresMemory('30.1GB'), 30 * GB + 102 * MB);
    assert.equal(parsePostgresMemory('1.0001kB'), KB);
  });

  test('memory integer range', () => {
    assert.equal(parsePostgresMemory('2147483647'), 2_147_483_647 * KB);
    assert.equal(parsePostgresMemory('2147483648'), undefined);
    assert.equal(parsePostgresMemory('2TB'), undefined);
    assert.equal(parsePostgresMemory('15TB', BLOCK), 15 * 1024 * GB);
    assert.equal(parsePostgresMemory('16TB', BLOCK), undefined);
    assert.equal(parsePostgresMemory('99999999999999999999'), undefined);
  });

  test('memory invalid base unit', () => {
    assert.equal(parsePostgresMemory('1', 0), undefined);
    assert.equal(parsePostgresMemory('1', -1), undefined);
    assert.equal(parsePostgresMemory('1', Number.NaN), undefined);
  });
});

describe('PostgreSQL time', () => {
  const cases: [string, number][] = [
    ['30000', 30 * S],
    ['0', 0],
    ['500ms', 500],
    ['30s', 30 * S],
    ['5min', 5 * MIN],
    ['1h', 60 * MIN],
    ['1d', 24 * 60 * MIN],
    ['2000us', 2],
    [' 30 s ', 30 * S],
    ['1.5s', 1500],
    ['1.5min', 90 * S],
  ];
  for (const [text, ms] of cases) {
    test(`time ${JSON.stringify(text)} reads`, () => assert.equal(parsePostgresTime(text), ms));
  }

  const invalid = [
    '', 'ms', '5m', '5M', '5S', '5sec', '5mins', '1 h 30 min', '1h30min', '5 minutes', "'2s'",
    '-1', '-5s',
  ];
  for (const text of invalid) {
    test(`time ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parsePostgresTime(text), undefined);
    });
  }

  test('time bare rounds half even', () => {
    assert.equal(parsePostgresTime('1.5'), 2);
    assert.equal(parsePostgresTime('2.5'), 2);
    assert.equal(parsePostgresTime('2.6'), 3);
  });

  test('time microseconds round away', () => {
    assert.equal(parsePostgresTime('100us'), 0);
    assert.equal(parsePostgresTime('1500us'), 2);
  });

  test('time base unit seconds', () => {
    assert.equal(parsePostgresTime('60', S), 60 * S);
    assert.equal(parsePostgresTime('1min', S), 60 * S);
    assert.equal(parsePostgresTime('1500ms', S), 2 * S);
  });

  test('time integer range', () => {
    assert.equal(parsePostgresTime('24d'), 24 * 86_400 * S);
    assert.equal(parsePostgresTime('25d'), undefined);
    assert.equal(parsePostgresTime('25d', S), 25 * 86_400 * S);
  });

  test('time writer largest unit', () => {
    assert.equal(toPostgresTime(30 * S), '30s');
    assert.equal(toPostgresTime(5 * MIN), '5min');
    assert.equal(toPostgresTime(60 * MIN), '1h');
    assert.equal(toPostgresTime(24 * 60 * MIN), '1d');
    assert.equal(toPostgresTime(1500), '1500ms');
    assert.equal(toPostgresTime(0), '0');
    assert.equal(toPostgresTime(0.4), '1ms');
    assert.equal(toPostgresTime(-1), 'NaN');
  });

  test('memory writer largest unit', () => {
    assert.equal(toPostgresMemory(128 * MB), '128MB');
    assert.equal(toPostgresMemory(GB), '1GB');
    assert.equal(toPostgresMemory(1024 * GB), '1TB');
    assert.equal(toPostgresMemory(64 * KB), '64kB');
    assert.equal(toPostgresMemory(100), '100B');
    assert.equal(toPostgresMemory(0), '0');
    assert.equal(toPostgresMemory(Number.NaN), 'NaN');
  });

  for (const ms of [0, 1, 500, 1500, 30 * S, 90 * S, 5 * MIN, 60 * MIN, 24 * 60 * MIN]) {
    test(`time round trip ${ms}`, () => assert.equal(parsePostgresTime(toPostgresTime(ms)), ms));
  }

  for (const bytes of [0, 64 * KB, 1536 * KB, 128 * MB, GB, 3 * GB]) {
    test(`memory round trip ${bytes}`, () => {
      assert.equal(parsePostgresMemory(toPostgresMemory(bytes)), bytes);
      assert.equal(parsePostgresMemory(toPostgresMemory(bytes), BLOCK), bytes);
    });
  }
});
