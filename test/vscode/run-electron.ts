// Runs the extension-host suite in a desktop VS Code through @vscode/test-electron, on machines
// that have one: VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode-desktop.
// @vscode/test-electron would otherwise download VS Code, so the path is required. The suite and
// fixture are those of the code-server tier; the extension is loaded from this repository's dist/.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSuite } from './bundle-suite.js';
import { repository } from './e2e-install.js';
import type { SuiteResult } from './suite/suite-result.js';

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath || !existsSync(vscodeExecutablePath)) {
  const state = vscodeExecutablePath ? `not found: ${vscodeExecutablePath}` : 'not set';
  process.stderr.write(
    `VSCODE_EXECUTABLE_PATH is ${state}; ` +
      'set it to a desktop VS Code executable such as /usr/share/code/code.\n',
  );
  process.exit(2);
}

const bundled = spawnSync('npm', ['run', '--silent', 'bundle'], {
  cwd: repository,
  stdio: 'inherit',
});
if (bundled.status !== 0) process.exit(bundled.status ?? 1);

const runFolder = mkdtempSync(join(tmpdir(), 'vscode-desktop-'));
const workspace = join(runFolder, 'workspace');
const resultFile = join(runFolder, 'suite-result.json');
cpSync(join(repository, 'test', 'fixtures', 'vscode'), workspace, { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repository,
    extensionTestsPath: await bundleSuite(),
    extensionTestsEnv: { SHIPSHAPE_VSCODE_RESULT: resultFile },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(runFolder, 'user-data'),
    ],
  });
} catch (error) {
  process.stderr.write(`The desktop VS Code run failed: ${String(error)}\n`);
}
if (existsSync(resultFile)) {
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  for (const test of result.tests) process.stdout.write(`${test.state}: ${test.title}\n`);
} else {
  process.stderr.write(`VS Code exited with ${exitCode} and the suite wrote no result.\n`);
  exitCode ||= 1;
}
rmSync(runFolder, { recursive: true, force: true });
process.exit(exitCode);
