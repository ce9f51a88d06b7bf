/** Outcome of one mocha test that ran in the extension host. */
export interface TestResult {
  /** Suite and test title, as mocha's `fullTitle()` returns it. */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  /** Stack or message of the failed assertion. */
  error?: string;
}

/** Contents of the SHIPSHAPE_VSCODE_RESULT file that the extension-host runner writes. */
export interface SuiteResult {
  tests: TestResult[];
  failures: number;
}
