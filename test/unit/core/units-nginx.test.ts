import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  parseNginxSize,
  parseNginxTime,
  toNginxSize,
  toNginxTime,
} from '../../../server/src/core/units.js';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const S = 1000;
const DAY = 86_400 * S;

describe('nginx sizes', () => {
  const cases: [string, number][] = [
    ['100', 100],
    ['0', 0],
    ['512k', 512 * KB],
    ['512K', 512 * KB],
    ['1m', MB],
    ['1M', MB],
    ['2g', 2 * GB],
    ['2G', 2 * GB],
    ['0010m', 10 * MB],
  ];
  for (const [text, bytes] of cases) {
    test(`offset ${text} reads`, () => assert.equal(parseNginxSize(text), bytes));
  }

  const invalid = [
    '', 'k', 'm', '1.5m', '1mb', '1MB', '1kb', '-1m', '+1m', ' 1m', '1m ', '1 m', '1t', '1e3',
    'ten', '1\u212a',
  ];
  for (const text of invalid) {
    test(`offset ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseNginxSize(text), undefined);
    });
  }

  test('size kind rejects g', () => {
    assert.equal(parseNginxSize('1g', 'size'), undefined);
    assert.equal(parseNginxSize('1G', 'size'), undefined);
  });

  test('size kind takes k and m', () => {
    assert.equal(parseNginxSize('16k', 'size'), 16 * KB);
    assert.equal(parseNginxSize('1m', 'size'), MB);
    assert.equal(parseNginxSize('4096', 'size'), 4096);
  });

  test('size overflow rejected', () => {
    assert.equal(parseNginxSize('9007199254740991'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseNginxSize('9007199254740992'), undefined);
    assert.equal(parseNginxSize('9007199254740991k'), undefined);
    assert.equal(parseNginxSize('99999999999999999999999g'), undefined);
  });
});

describe('nginx times, msec slot', () => {
  const cases: [string, number][] = [
    ['60', 60 * S],
    ['0', 0],
    ['60s', 60 * S],
    ['500ms', 500],
    ['2m', 120 * S],
    ['1h', 3600 * S],
    ['1d', DAY],
    ['1w', 7 * DAY],
    ['1h30m', 5400 * S],
    ['1h 30m', 5400 * S],
    ['1h  30m', 5400 * S],
    ['1d2h3m4s5ms', DAY + 2 * 3600 * S + 3 * 60 * S + 4 * S + 5],
    ['1s500ms', 1500],
    ['86400s', DAY],
  ];
  for (const [text, ms] of cases) {
    test(`time ${JSON.stringify(text)} reads`, () => assert.equal(parseNginxTime(text), ms));
  }

  const invalid = [
    '', 's', 'ms', '1.5s', '1M', '1y', '30m1h', '1s1s', '1m1m', '1ms1s', '10x', '1S', '1H', '-1s',
    '+1s', '1 s',
  ];
  for (const text of invalid) {
    test(`time ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseNginxTime(text), undefined);
    });
  }

  test('time bare number after units', () => {
    assert.equal(parseNginxTime('1m 30'), 90 * S);
    assert.equal(parseNginxTime('1m30'), 90 * S);
  });

  test('time spaces around bare number', () => {
    assert.equal(parseNginxTime(' 5'), 5 * S);
    assert.equal(parseNginxTime('5 '), 5 * S);
    assert.equal(parseNginxTime('1h '), 3600 * S);
  });

  test('time overflow rejected', () => {
    assert.equal(parseNginxTime('9007199254740991ms'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseNginxTime('9007199254740992ms'), undefined);
    assert.equal(parseNginxTime('9007199254740991s'), undefined);
    assert.equal(parseNginxTime('999999999999999999999'), undefined);
  });
});

describe('nginx times, sec slot', () => {
  test('sec slot months and years', () => {
    assert.equal(parseNginxTime('1M', 'sec'), 30 * DAY);
    assert.equal(parseNginxTime('1y', 'sec'), 365 * DAY);
    assert.equal(parseNginxTime('1y1M', 'sec'), 395 * DAY);
    assert.equal(parseNginxTime('1y 2M 1w 1d', 'sec'), (365 + 60 + 7 + 1) * DAY);
  });

  test('sec slot order enforced', () => {
    assert.equal(parseNginxTime('1M1y', 'sec'), undefined);
    assert.equal(parseNginxTime('1d1w', 'sec'), undefined);
  });

  test('sec slot rejects ms', () => {
    assert.equal(parseNginxTime('500ms', 'sec'), undefined);
    assert.equal(parseNginxTime('1s500ms', 'sec'), undefined);
  });

  test('sec slot common values', () => {
    assert.equal(parseNginxTime('10m', 'sec'), 600 * S);
    assert.equal(parseNginxTime('60', 'sec'), 60 * S);
    assert.equal(parseNginxTime('1d', 'sec'), DAY);
  });
});

describe('nginx writers', () => {
  test('size largest exact unit', () => {
    assert.equal(toNginxSize(20 * MB), '20m');
    assert.equal(toNginxSize(1536 * KB), '1536k');
    assert.equal(toNginxSize(2.5 * MB), '2560k');
    assert.equal(toNginxSize(100), '100');
    assert.equal(toNginxSize(0), '0');
  });

  test('size g only for offsets', () => {
    assert.equal(toNginxSize(GB), '1g');
    assert.equal(toNginxSize(GB, 'size'), '1024m');
  });

  test('size rounds up fractions', () => {
    assert.equal(toNginxSize(100.2), '101');
  });

  test('size bad input unwritable', () => {
    assert.equal(toNginxSize(-1), 'NaN');
    assert.equal(toNginxSize(Number.NaN), 'NaN');
    assert.equal(toNginxSize(Number.POSITIVE_INFINITY), 'NaN');
    assert.equal(parseNginxSize(toNginxSize(-1)), undefined);
  });

  test('time largest exact unit', () => {
    assert.equal(toNginxTime(90 * S), '90s');
    assert.equal(toNginxTime(300 * S), '5m');
    assert.equal(toNginxTime(3600 * S), '1h');
    assert.equal(toNginxTime(DAY), '1d');
    assert.equal(toNginxTime(7 * DAY), '7d');
    assert.equal(toNginxTime(1500), '1500ms');
    assert.equal(toNginxTime(0), '0s');
  });

  test('time sec slot rounds up', () => {
    assert.equal(toNginxTime(1500, 'sec'), '2s');
    assert.equal(toNginxTime(60 * S, 'sec'), '1m');
  });

  test('time bad input unwritable', () => {
    assert.equal(toNginxTime(-5), 'NaN');
    assert.equal(parseNginxTime(toNginxTime(-5)), undefined);
  });

  const sizes = [0, 1, 100, 1023, KB, 1536 * KB, 2_621_440, 20 * MB, GB, 3 * GB + KB];
  for (const bytes of sizes) {
    test(`size round trip ${bytes}`, () => {
      assert.equal(parseNginxSize(toNginxSize(bytes)), bytes);
      assert.equal(parseNginxSize(toNginxSize(bytes, 'size'), 'size'), bytes);
    });
  }

  const times = [0, 1, 500, 1500, 60 * S, 90 * S, 3600 * S, 5400 * S, DAY, 36 * 3600 * S];
  for (const ms of times) {
    test(`time round trip ${ms}`, () => assert.equal(parseNginxTime(toNginxTime(ms)), ms));
  }

  test('time round trip sec slot', () => {
    assert.equal(parseNginxTime(toNginxTime(DAY, 'sec'), 'sec'), DAY);
    assert.equal(parseNginxTime(toNginxTime(90 * S, 'sec'), 'sec'), 90 * S);
  });
});
