import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleFor, countOf } from '../../../server/src/core/count-words.js';

describe('articleFor', () => {
  const cases: [number, 'a' | 'an'][] = [
    [0, 'a'],
    [1, 'a'],
    [8, 'an'],
    [10, 'a'],
    [11, 'an'],
    [18, 'an'],
    [47, 'a'],
    [80, 'an'],
    [86, 'an'],
    [100, 'a'],
    [110, 'a'],
    [180, 'a'],
    [800, 'an'],
    [1100, 'a'],
    [8000, 'an'],
    [11000, 'an'],
    [18500, 'an'],
    [110000, 'a'],
    [800000, 'an'],
    [8000000, 'an'],
  ];
  for (const [count, article] of cases) {
    test(`article of ${count}`, () => {
      assert.equal(articleFor(count), article);
    });
  }
});

describe('countOf', () => {
  test('one takes the singular', () => {
    assert.equal(countOf(1, 'file'), '1 file');
  });

  test('zero and many take the plural', () => {
    assert.equal(countOf(0, 'file'), '0 files');
    assert.equal(countOf(3, 'file'), '3 files');
  });

  test('irregular plural', () => {
    assert.equal(countOf(1, 'fix', 'fixes'), '1 fix');
    assert.equal(countOf(2, 'fix', 'fixes'), '2 fixes');
  });
});
