// Entry point that VS Code loads from `extensionTestsPath` in the extension host. It runs the mocha
// suite beside it. When SHIPSHAPE_VSCODE_RESULT names a file, it writes the outcome of every test
// there as JSON, so the process that started VS Code can report each test by name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import type { SuiteResult, TestResult } from './suite-result.js';

/** Upper bound for one test, in milliseconds; each awaits diagnostics from a real analysis. */
const testTimeoutMs = 30_000;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: testTimeoutMs, color: false });
  // The suite is bundled beside this file as shipshape.suite.cjs by test/vscode/bundle-suite.ts.
  mocha.addFile(join(__dirname, 'shipshape.suite.cjs'));

  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeResult({ tests, failures });
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: Error) =>
      tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }),
    );
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
  });
}

function writeResult(result: SuiteResult): void {
  const file = process.env.SHIPSHAPE_VSCODE_RESULT;
  if (file) writeFileSync(file, JSON.stringify(result, null, 2));
}
