import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDuplicates, lastValues } from '../../../server/src/parsers/env/parse-env.js';
import { parse } from './helpers.js';

describe('lastValues', () => {
  it('later duplicate wins', () => {
    const values = lastValues(parse('A=1\nB=2\nA=3'));
    assert.equal(values.get('A')!.value, '3');
    assert.equal(values.get('A')!.keyRange.start.line, 2);
    assert.equal(values.get('B')!.value, '2');
    assert.equal(values.size, 2);
  });

  it('empty file gives empty map', () => {
    assert.equal(lastValues(parse('')).size, 0);
  });
});

describe('findDuplicates', () => {
  it('pairs repeat with first', () => {
    const pairs = findDuplicates(parse('A=1\nB=2\nA=3\nA=4'));
    const lines = pairs.map(({ first, duplicate }) => [
      first.keyRange.start.line,
      duplicate.keyRange.start.line,
    ]);
    assert.deepEqual(lines, [[0, 2], [0, 3]]);
    assert.equal(pairs[0]!.duplicate.key, 'A');
  });

  it('unique keys stay silent', () => {
    assert.deepEqual(findDuplicates(parse('A=1\nB=2\nb=3')), []);
  });

  it('export counts as same key', () => {
    assert.equal(findDuplicates(parse('export A=1\nA=2')).length, 1);
  });
});
