import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { AnalysisScheduler } from '../../server/src/lsp/analysis-scheduler.js';
import type { AnalysisTrigger } from '../../server/src/lsp/protocol.js';

describe('analysis scheduler', () => {
  let runs: [string, AnalysisTrigger][];
  let superseded: string[];
  let scheduler: AnalysisScheduler<string>;
  let deferred: (() => void)[];

  /** Runs the callbacks the scheduler deferred, as the event loop's check phase would. */
  function drain(): void {
    for (const callback of deferred.splice(0)) callback();
  }

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    runs = [];
    superseded = [];
    deferred = [];
    scheduler = new AnalysisScheduler<string>(
      (key, trigger) => runs.push([key, trigger]),
      (key) => superseded.push(key),
      250,
      (callback) => deferred.push(callback),
    );
  });

  afterEach(() => {
    scheduler.dispose();
    mock.timers.reset();
  });

  test('runs after delay', () => {
    scheduler.schedule('a', 'edit');
    mock.timers.tick(249);
    assert.deepEqual(runs, []);
    mock.timers.tick(1);
    drain();
    assert.deepEqual(runs, [['a', 'edit']]);
  });

  test('burst runs once', () => {
    scheduler.schedule('a', 'edit');
    mock.timers.tick(100);
    scheduler.schedule('a', 'edit');
    mock.timers.tick(100);
    scheduler.schedule('a', 'files');
    mock.timers.tick(250);
    drain();
    assert.deepEqual(runs, [['a', 'files']]);
    assert.deepEqual(superseded, ['a', 'a']);
  });

  test('edit between timer and immediate', () => {
    scheduler.schedule('a', 'edit');
    mock.timers.tick(250);
    scheduler.schedule('a', 'files');
    drain();
    assert.deepEqual(runs, []);
    mock.timers.tick(250);
    drain();
    assert.deepEqual(runs, [['a', 'files']]);
    assert.deepEqual(superseded, ['a']);
  });

  test('folders are independent', () => {
    scheduler.schedule('a', 'edit');
    scheduler.schedule('b', 'edit');
    mock.timers.tick(250);
    drain();
    assert.deepEqual(runs, [
      ['a', 'edit'],
      ['b', 'edit'],
    ]);
    assert.deepEqual(superseded, []);
  });

  test('flush runs pending now', () => {
    scheduler.schedule('a', 'edit');
    scheduler.flush('a');
    assert.deepEqual(runs, [['a', 'edit']]);
    mock.timers.tick(250);
    drain();
    assert.equal(runs.length, 1);
  });

  test('flush without pending', () => {
    scheduler.flush('a');
    assert.deepEqual(runs, []);
  });

  test('cancel drops pending', () => {
    scheduler.schedule('a', 'edit');
    scheduler.cancel('a');
    mock.timers.tick(250);
    drain();
    assert.deepEqual(runs, []);
  });

  test('run now supersedes pending', () => {
    scheduler.schedule('a', 'edit');
    scheduler.runNow('a', 'command');
    mock.timers.tick(250);
    drain();
    assert.deepEqual(runs, [['a', 'command']]);
  });
});
