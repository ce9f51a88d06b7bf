// Runs the real VS Code tier once and writes a TierReport as JSON to the path in argv[2]. It
// packages the .vsix, starts code-server with it installed, and runs the mocha suite inside the
// extension host, then the UI smoke test. At the end it kills code-server and chromium by PID.
// vscode.test.ts starts this script, inside a loopback-only network namespace when it can.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVsix } from '../helpers/vsix.js';
import { closeBrowser, launchBrowser, type RunningBrowser } from './browser.js';
import { bundleSuite } from './bundle-suite.js';
import {
  isolatedEnvironment,
  startCodeServer,
  stopCodeServer,
  type CodeServer,
} from './code-server.js';
import { repository } from './e2e-install.js';
import { runHostSuite } from './host-suite.js';
import type { TierReport } from './tier-report.js';
import { runUiSmoke } from './ui-smoke.js';

const reportFile = process.argv[2];
if (!reportFile) {
  process.stderr.write('Usage: run-tier.ts REPORT.json\n');
  process.exit(2);
}

const fixture = join(repository, 'test', 'fixtures', 'vscode');
/** Ignored by git; the screenshot stays there for a person to look at after the run. */
const screenshotFolder = join(repository, '.bench', 'vscode');

const report: TierReport = {
  durationsMs: {},
  isolatedNetwork: process.env.SHIPSHAPE_VSCODE_NETNS === '1',
};

async function step<T>(name: string, action: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await action();
  } finally {
    report.durationsMs[name] = Math.round(performance.now() - start);
  }
}

const runFolder = mkdtempSync(join(tmpdir(), 'vscode-tier-'));
let server: CodeServer | undefined;
let browser: RunningBrowser | undefined;

// vscode.test.ts sends SIGTERM when the whole run outlives its bound. code-server runs in its
// own process group, so it would outlive this process unless it is killed here.
process.once('SIGTERM', () => {
  if (server?.child.pid) killQuietly(-server.child.pid);
  const chromiumPid = browser?.server.process().pid;
  if (chromiumPid) killQuietly(chromiumPid);
  process.exit(1);
});

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: the process or group has already exited.
  }
}
try {
  const vsix = await step('package', () => packageVsix(runFolder));
  const suiteIndex = await step('bundle suite', bundleSuite);
  const hostWorkspace = join(runFolder, 'workspace-host');
  const uiWorkspace = join(runFolder, 'workspace-ui');
  cpSync(fixture, hostWorkspace, { recursive: true });
  cpSync(fixture, uiWorkspace, { recursive: true });

  const resultFile = join(runFolder, 'suite-result.json');
  process.env.SHIPSHAPE_VSCODE_RESULT = resultFile;
  server = await step('start code-server', () => startCodeServer(runFolder, vsix));
  browser = await step('start chromium', () => launchBrowser(isolatedEnvironment(runFolder)));

  const running = { server, browser: browser.browser };
  report.suite = await step('extension-host suite', () =>
    runHostSuite(running.server, running.browser, {
      workspace: hostWorkspace,
      suiteIndex,
      resultFile,
    }),
  );
  mkdirSync(screenshotFolder, { recursive: true });
  rmSync(join(screenshotFolder, 'problems-failed.png'), { force: true });
  report.ui = await step('ui smoke', () =>
    runUiSmoke(running.server, running.browser, {
      workspace: uiWorkspace,
      screenshot: join(screenshotFolder, 'problems.png'),
    }),
  );
} catch (error) {
  const log = server ? `\ncode-server output:\n${server.log.join('')}` : '';
  report.error = `${error instanceof Error ? (error.stack ?? error.message) : String(error)}${log}`;
} finally {
  await step('stop', async () => {
    if (browser) await closeBrowser(browser);
    if (server) await stopCodeServer(server);
  });
  writeFileSync(reportFile, JSON.stringify(report, null, 2));
  rmSync(runFolder, { recursive: true, force: true });
}
