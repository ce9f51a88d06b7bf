// Runs the mocha suite inside the extension host of a code-server workbench, the way
// @vscode/test-web does in a browser: the workbench URL's `payload` parameter carries
// `extensionDevelopmentPath` and `extensionTestsPath`, and when the tests end the workbench calls
// `window.codeAutomationExit(code)`, which the page exposes to this process.
import { existsSync, readFileSync } from 'node:fs';
import type { CodeServer } from './code-server.js';
import type { Browser } from './playwright-types.js';
import type { SuiteResult } from './suite/suite-result.js';

/** Upper bound for the whole extension-host suite, workbench start-up included, in milliseconds. */
const suiteTimeoutMs = 180_000;

/** `vscode-remote:` URI of a path on the code-server machine. */
function remoteUri(server: CodeServer, path: string): string {
  return `vscode-remote://${server.authority}${path}`;
}

export async function runHostSuite(
  server: CodeServer,
  browser: Browser,
  options: { workspace: string; suiteIndex: string; resultFile: string },
): Promise<SuiteResult> {
  const page = await (await browser.newContext()).newPage();
  let timer: NodeJS.Timeout | undefined;
  try {
    const exitCode = new Promise<unknown>((resolve, reject) => {
      void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(code));
      timer = setTimeout(
        () => reject(new Error(`the extension-host suite did not finish in ${suiteTimeoutMs} ms`)),
        suiteTimeoutMs,
      );
    });
    // The installed extension's own folder is the development path, so the suite tests exactly
    // the files that `--install-extension` unpacked from the .vsix.
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remoteUri(server, server.installedExtension)],
      ['extensionTestsPath', remoteUri(server, options.suiteIndex)],
    ]);
    const url = new URL(server.url);
    url.searchParams.set('folder', options.workspace);
    url.searchParams.set('payload', payload);
    await page.goto(url.href);
    const code = await exitCode;

    if (!existsSync(options.resultFile)) {
      throw new Error(`the extension-host suite exited with ${String(code)} and wrote no result`);
    }
    return JSON.parse(readFileSync(options.resultFile, 'utf8')) as SuiteResult;
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
