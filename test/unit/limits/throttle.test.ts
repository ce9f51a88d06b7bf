import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, lines, problemAt, stillReported } from './helpers.js';

const code = 'throttle-rate-invalid';

describe('throttle-rate-invalid', () => {
  test('literal env and misread rates', () => {
    const found = lines('throttle-fires', code);
    assert.deepEqual(found, ['api.env:1', 'settings.py:5', 'settings.py:7']);
  });

  test('severity by reading', () => {
    assert.equal(problemAt('throttle-fires', code, 'settings.py:5').severity, 'error');
    assert.equal(problemAt('throttle-fires', code, 'settings.py:7').severity, 'warning');
  });

  test('capitalised period fix applies', () => {
    const problem = problemAt('throttle-fires', code, 'api.env:1');
    const outcome = applyFixToCopy('throttle-fires', problem, problem.fixes[0]!);
    assert.equal(outcome.texts.get('api.env'), 'USER_RATE=100/hour\n');
    assert.equal(stillReported(outcome, code, 'api.env'), false);
  });

  test('valid rates stay silent', () => {
    assert.deepEqual(lines('throttle-silent', code), []);
  });
});
