// Debian's chromium, driven through playwright-core, with the flags that keep it from reaching
// out to Google's services and that let it run as root without a GPU.
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserServer, PlaywrightCore } from './playwright-types.js';
import { chromiumPath, requireFromE2e } from './e2e-install.js';

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Upper bound for chromium to start and accept a connection, in milliseconds. */
const launchTimeoutMs = 30_000;

export interface RunningBrowser {
  server: BrowserServer;
  browser: Browser;
}

/** Starts chromium as a playwright browser server (which exposes its PID) and connects to it. */
export async function launchBrowser(env: NodeJS.ProcessEnv): Promise<RunningBrowser> {
  const { chromium } = requireFromE2e<PlaywrightCore>('playwright-core');
  const server = await chromium.launchServer({
    executablePath: chromiumPath,
    args: chromiumFlags,
    headless: true,
    env,
    timeout: launchTimeoutMs,
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return { server, browser };
}

/** Closes the browser, then kills chromium by PID if it is still running. */
export async function closeBrowser(running: RunningBrowser): Promise<void> {
  type ProcessState = Pick<ChildProcess, 'pid' | 'exitCode' | 'signalCode'>;
  const chromium = running.server.process() as ProcessState;
  await running.browser.close().catch(() => undefined);
  await running.server.close().catch(() => undefined);
  if (chromium.pid !== undefined && chromium.exitCode === null && chromium.signalCode === null) {
    try {
      process.kill(chromium.pid, 'SIGKILL');
    } catch {
      // ESRCH: chromium exited between the check and the signal.
    }
  }
}
