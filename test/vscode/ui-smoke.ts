// One test through the workbench UI: with the installed extension and no test hooks, the
// Problems panel lists a Shipshape problem, and opening it shows a squiggle in the editor.
import type { CodeServer } from './code-server.js';
import type { Browser } from './playwright-types.js';
import type { UiResult } from './tier-report.js';

/** Upper bound for the workbench to load and the first analysis to reach the panel, in ms. */
const problemsTimeoutMs = 60_000;
/** Upper bound for the editor to open at the problem and decorate it, in milliseconds. */
const squiggleTimeoutMs = 20_000;

export async function runUiSmoke(
  server: CodeServer,
  browser: Browser,
  options: { workspace: string; screenshot: string },
): Promise<UiResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    const url = new URL(server.url);
    url.searchParams.set('folder', options.workspace);
    await page.goto(url.href);
    const workbench = page.locator('.monaco-workbench');
    await workbench.waitFor({ state: 'visible', timeout: problemsTimeoutMs });

    // Ctrl+Shift+M is VS Code's default key binding of View: Focus on Problems View.
    await page.keyboard.press('Control+Shift+M');
    // The row's text is the message, the source and the rule id, with no separator between
    // the last two: the brackets around the rule id are drawn by CSS.
    const problem = /shipshape.*request-body-limit/;
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: problem }).first();
    await row.waitFor({ state: 'visible', timeout: problemsTimeoutMs });
    const problemsRow = (await row.textContent()) ?? '';

    await row.click();
    const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
    const squiggleShown = await squiggle
      .waitFor({ state: 'attached', timeout: squiggleTimeoutMs })
      .then(() => true, () => false);

    await page.screenshot({ path: options.screenshot });
    return { problemsRow, squiggle: squiggleShown, screenshot: options.screenshot };
  } catch (error) {
    // The workbench as it was when a step failed, for the person reading the report.
    const failedScreenshot = options.screenshot.replace(/\.png$/, '-failed.png');
    await page.screenshot({ path: failedScreenshot }).catch(() => undefined);
    throw error;
  } finally {
    await page.close().catch(() => undefined);
  }
}
