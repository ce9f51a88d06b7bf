// The real VS Code tier: code-server 4.100.3 (VS Code 1.100.3) with the packaged .vsix
// installed, a mocha suite inside its extension host and one UI smoke test in Debian's chromium.
// run-tier.ts does the work in a child process. As root, that process runs in a network namespace
// with loopback only (`unshare -n`), so VS Code cannot reach any outside host.
// Needs scripts/install-e2e.sh (code-server and playwright-core in e2e/) and chromium.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repository, tierSkipReason } from './e2e-install.js';
import type { TierReport } from './tier-report.js';

/**
 * Bound for the whole run, in milliseconds. A run takes about 30 s on 2 cores, and run-tier.ts
 * bounds each of its steps well below this. It only fires when a step hangs outright.
 */
const runTimeoutMs = 420_000;

const runTier = join(repository, 'test', 'vscode', 'run-tier.ts');

/** Returns whether this process may create a network namespace and bring its loopback up. */
function canIsolateNetwork(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
  return probe.status === 0;
}

async function runTierProcess(reportFile: string): Promise<TierReport> {
  const node = [process.execPath, '--import', 'tsx', runTier, reportFile];
  const isolate = canIsolateNetwork();
  const [command, ...args] = isolate
    ? ['unshare', '-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', ...node]
    : node;
  const child = spawn(command!, args, {
    cwd: repository,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SHIPSHAPE_VSCODE_NETNS: isolate ? '1' : '0' },
  });
  const killer = setTimeout(() => child.kill('SIGTERM'), runTimeoutMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(killer);
  if (!existsSync(reportFile)) {
    throw new Error(`run-tier.ts wrote no report (exit ${code ?? signal}); see its output above`);
  }
  return JSON.parse(readFileSync(reportFile, 'utf8')) as TierReport;
}

describe('real VS Code', { skip: tierSkipReason() }, () => {
  let folder: string;
  let report: TierReport;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'shipshape-vscode-report-'));
    report = await runTierProcess(join(folder, 'report.json'));
    const steps = Object.entries(report.durationsMs).map(([step, ms]) => `${step} ${ms} ms`);
    const network = report.isolatedNetwork ? 'loopback-only namespace' : 'host network';
    console.log(`VS Code tier (${network}): ${steps.join(', ')}`);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  test('tier runs without error', () => {
    assert.equal(report.error, undefined);
  });

  test('extension-host suite', async (context) => {
    const tests = report.suite?.tests ?? [];
    assert.notEqual(tests.length, 0, 'the extension-host suite reported no tests');
    for (const result of tests) {
      await context.test(result.title, () => {
        assert.equal(result.state, 'passed', result.error);
      });
    }
  });

  test('problems panel lists shipshape', () => {
    assert.match(report.ui?.problemsRow ?? '', /request-body-limit/);
  });

  test('editor shows warning squiggle', () => {
    assert.equal(report.ui?.squiggle, true);
  });

  test('screenshot is written', () => {
    const screenshot = report.ui?.screenshot;
    assert.ok(screenshot, 'the UI smoke test reported no screenshot');
    assert.ok(existsSync(screenshot), `${screenshot} is missing`);
  });
});
