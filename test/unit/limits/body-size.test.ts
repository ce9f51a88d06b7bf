import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixToCopy, fixedLines, lines, place, problems, stillReported } from './helpers.js';

const code = 'request-body-limit';

describe('request-body-limit', () => {
  test('explicit directive below Django', () => {
    assert.deepEqual(lines('body-size-fires', code), ['nginx.conf:3']);
  });

  test('message names both sizes', () => {
    const message = problems('body-size-fires', code)[0]!.message;
    assert.match(message, /client_max_body_size 2m \(2 MB\)/);
    assert.match(message, /DATA_UPLOAD_MAX_MEMORY_SIZE \(10 MB\)/);
    assert.match(message, /413/);
  });

  test('related points at the setting', () => {
    const related = problems('body-size-fires', code)[0]!.related;
    assert.deepEqual(related.map((item) => place(item.location)), ['settings.py:1']);
  });

  test('raising nginx fix applies', () => {
    const problem = problems('body-size-fires', code)[0]!;
    const fix = problem.fixes.find((candidate) => candidate.safe)!;
    assert.equal(fix.title, 'Raise client_max_body_size to 10m');
    const outcome = applyFixToCopy('body-size-fires', problem, fix);
    const changed = fixedLines('body-size-fires', outcome, 'nginx.conf');
    assert.deepEqual(changed, ['    client_max_body_size 10m;']);
    assert.equal(stillReported(outcome, code), false);
  });

  test('lowering Django fix applies', () => {
    const problem = problems('body-size-fires', code)[0]!;
    const fix = problem.fixes.find((candidate) => !candidate.safe)!;
    const outcome = applyFixToCopy('body-size-fires', problem, fix);
    const expected = 'DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024\n';
    assert.equal(outcome.texts.get('settings.py'), expected);
    assert.equal(stillReported(outcome, code), false);
  });

  test('matching sizes stay silent', () => {
    assert.deepEqual(lines('body-size-silent', code), []);
  });

  test('default limit reported at location', () => {
    assert.deepEqual(lines('body-size-default', code), ['nginx.conf:8']);
    const message = problems('body-size-default', code)[0]!.message;
    assert.match(message, /default client_max_body_size of 1m/);
  });

  test('env line is related', () => {
    const related = problems('body-size-default', code)[0]!.related;
    assert.ok(related.some((item) => item.location.file === 'app.env'));
  });

  test('default fix inserts the directive', () => {
    const problem = problems('body-size-default', code)[0]!;
    const outcome = applyFixToCopy('body-size-default', problem, problem.fixes[0]!);
    const changed = fixedLines('body-size-default', outcome, 'nginx.conf');
    assert.deepEqual(changed, ['        client_max_body_size 20m;']);
    assert.equal(stillReported(outcome, code), false);
  });

  test('env fix edits the env value', () => {
    const problem = problems('body-size-default', code)[0]!;
    const fix = problem.fixes.find((candidate) => candidate.title.startsWith('Lower'))!;
    const outcome = applyFixToCopy('body-size-default', problem, fix);
    assert.equal(outcome.texts.get('app.env'), 'UPLOAD_LIMIT=1048576\n');
    assert.equal(stillReported(outcome, code), false);
  });

  test('media-only nginx is not compared', () => {
    assert.deepEqual(lines('body-size-unrelated', code), []);
  });

  test('defaults on both sides stay silent', () => {
    assert.deepEqual(lines('body-size-defaults', code), []);
  });
});
