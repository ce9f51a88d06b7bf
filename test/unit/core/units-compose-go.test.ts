import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  parseComposeBytes,
  parseComposeDuration,
  parseGoDuration,
  toComposeBytes,
  toGoDuration,
} from '../../../server/src/core/units.js';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const S = 1000;

describe('compose byte values', () => {
  const cases: [string, number][] = [
    ['2048', 2048],
    ['0', 0],
    ['2b', 2],
    ['2B', 2],
    ['100k', 100 * KB],
    ['100kb', 100 * KB],
    ['100KB', 100 * KB],
    ['100KiB', 100 * KB],
    ['512m', 512 * MB],
    ['512M', 512 * MB],
    ['512mb', 512 * MB],
    ['1g', GB],
    ['1gb', GB],
    ['1Gb', GB],
    ['1t', 1024 * GB],
    ['1.5g', 1.5 * GB],
    ['0.5k', 512],
    ['.5k', 512],
    ['1e3', 1000],
    ['+5m', 5 * MB],
    ['1 gb', GB],
    ['1 ', 1],
  ];
  for (const [text, bytes] of cases) {
    test(`bytes ${JSON.stringify(text)} reads`, () => assert.equal(parseComposeBytes(text), bytes));
  }

  test('bytes decimals truncate', () => {
    assert.equal(parseComposeBytes('1.7b'), 1);
    assert.equal(parseComposeBytes('1.0001k'), 1024);
  });

  const invalid = [
    '', 'lots', 'g', ' 1g', '1  g', '1gib ', '1kbb', '1bb', '1x', '1mib2', '1,5g', '1_000', '-1',
    '-1g', 'NaN', 'Inf',
  ];
  for (const text of invalid) {
    test(`bytes ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseComposeBytes(text), undefined);
    });
  }

  test('bytes overflow rejected', () => {
    assert.equal(parseComposeBytes('9007199254740991'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseComposeBytes('9007199254740992'), undefined);
    assert.equal(parseComposeBytes('99999999g'), undefined);
    assert.equal(parseComposeBytes('1e400'), undefined);
  });

  test('bytes writer largest unit', () => {
    assert.equal(toComposeBytes(512 * MB), '512m');
    assert.equal(toComposeBytes(GB), '1g');
    assert.equal(toComposeBytes(1536 * KB), '1536k');
    assert.equal(toComposeBytes(100), '100b');
    assert.equal(toComposeBytes(0), '0');
    assert.equal(toComposeBytes(-1), 'NaN');
  });

  for (const bytes of [0, 1, 100, KB, 1536 * KB, 512 * MB, 3 * GB, 3 * GB + 7]) {
    test(`bytes round trip ${bytes}`, () => {
      assert.equal(parseComposeBytes(toComposeBytes(bytes)), bytes);
    });
  }
});

describe('Go durations', () => {
  const cases: [string, number][] = [
    ['0', 0],
    ['+0', 0],
    ['0s', 0],
    ['300ms', 300],
    ['60s', 60 * S],
    ['2m', 120 * S],
    ['1h', 3600 * S],
    ['1h30m', 5400 * S],
    ['1m30s', 90 * S],
    ['1h5m30s20ms', 3_930_020],
    ['30m1h', 5400 * S],
    ['1.5s', 1500],
    ['1.s', S],
    ['.5h', 1800 * S],
    ['1.5h', 5400 * S],
    ['1500us', 1.5],
    ['1500\u00b5s', 1.5],
    ['1500\u03bcs', 1.5],
    ['2000000ns', 2],
    ['+5s', 5 * S],
  ];
  for (const [text, ms] of cases) {
    test(`go ${JSON.stringify(text)} reads`, () => assert.equal(parseGoDuration(text), ms));
  }

  const invalid = [
    '', '60', '1.5', 's', '.s', '1', '1 s', ' 1s', '1s ', '1S', '1H', '1d', '1w', '1sec', '-1s',
    '-', '+', '1..5s',
  ];
  for (const text of invalid) {
    test(`go ${JSON.stringify(text)} rejected`, () => {
      assert.equal(parseGoDuration(text), undefined);
    });
  }

  test('go zero with sign', () => assert.equal(parseGoDuration('-0s'), 0));

  test('go overflow rejected', () => {
    assert.equal(parseGoDuration('2562047h'), 2_562_047 * 3600 * S);
    assert.equal(parseGoDuration('2562048h'), undefined);
    assert.equal(parseGoDuration('9223372036854775808ns'), undefined);
    assert.equal(parseGoDuration('2562047h2562047h'), undefined);
  });

  test('Traefik bare seconds', () => {
    assert.equal(parseGoDuration('60', true), 60 * S);
    assert.equal(parseGoDuration('+60', true), 60 * S);
    assert.equal(parseGoDuration('0', true), 0);
    assert.equal(parseGoDuration('60s', true), 60 * S);
  });

  test('Traefik bare seconds invalid', () => {
    assert.equal(parseGoDuration('-60', true), undefined);
    assert.equal(parseGoDuration('1.5', true), undefined);
    assert.equal(parseGoDuration(' 60', true), undefined);
  });

  test('go writer combined units', () => {
    assert.equal(toGoDuration(90 * S), '1m30s');
    assert.equal(toGoDuration(5400 * S), '1h30m');
    assert.equal(toGoDuration(3600 * S + 5 * S), '1h5s');
    assert.equal(toGoDuration(90_500), '1m30.5s');
    assert.equal(toGoDuration(45 * S), '45s');
    assert.equal(toGoDuration(1500), '1.5s');
  });

  test('go writer under a second', () => {
    assert.equal(toGoDuration(500), '500ms');
    assert.equal(toGoDuration(1.5), '1500us');
    assert.equal(toGoDuration(0.0015), '1500ns');
    assert.equal(toGoDuration(0), '0s');
  });

  test('go writer bad input', () => {
    assert.equal(toGoDuration(-1), 'NaN');
    assert.equal(toGoDuration(Number.NaN), 'NaN');
    assert.equal(toGoDuration(1e13), 'NaN');
  });

  const durations = [
    0, 1, 1.5, 500, 1500, 90 * S, 90_500, 3600 * S, 5400 * S, 86_400 * S, 3_930_020,
  ];
  for (const ms of durations) {
    test(`go round trip ${ms}`, () => {
      assert.equal(parseGoDuration(toGoDuration(ms)), ms);
      assert.equal(parseComposeDuration(toGoDuration(ms)), ms);
    });
  }
});

describe('compose durations', () => {
  test('compose Go-style values', () => {
    assert.equal(parseComposeDuration('1m30s'), 90 * S);
    assert.equal(parseComposeDuration('10ms'), 10);
    assert.equal(parseComposeDuration('40s'), 40 * S);
    assert.equal(parseComposeDuration('1h5m30s20ms'), 3_930_020);
  });

  test('compose days and weeks', () => {
    assert.equal(parseComposeDuration('2d'), 2 * 86_400 * S);
    assert.equal(parseComposeDuration('1w'), 7 * 86_400 * S);
    assert.equal(parseComposeDuration('1w2d3h'), 9 * 86_400 * S + 3 * 3600 * S);
  });

  test('compose bare number rejected', () => {
    assert.equal(parseComposeDuration('10'), undefined);
    assert.equal(parseComposeDuration('0'), 0);
  });

  test('compose invalid durations', () => {
    assert.equal(parseComposeDuration(''), undefined);
    assert.equal(parseComposeDuration('1 m'), undefined);
    assert.equal(parseComposeDuration('1y'), undefined);
    assert.equal(parseComposeDuration('1M'), undefined);
    assert.equal(parseComposeDuration('-10s'), undefined);
  });
});
