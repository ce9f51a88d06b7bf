import type { SuiteResult } from './suite/suite-result.js';

/** What the UI smoke test saw in the workbench. */
export interface UiResult {
  /** Text of the first Problems panel row with a Shipshape problem. */
  problemsRow: string;
  /** Whether the editor opened from that row shows a warning squiggle. */
  squiggle: boolean;
  /** PNG of the workbench with the Problems panel and the editor. */
  screenshot: string;
}

/** JSON report that run-tier.ts writes for vscode.test.ts. */
export interface TierReport {
  /** Tests that ran inside the extension host; missing when the suite never reported. */
  suite?: SuiteResult;
  ui?: UiResult;
  /** Message of the first step that failed, with code-server's output. */
  error?: string;
  /** Wall-clock time of each step, in milliseconds. */
  durationsMs: Record<string, number>;
  /** Whether code-server and chromium ran in a network namespace with loopback only. */
  isolatedNetwork: boolean;
}
