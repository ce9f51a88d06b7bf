import { build } from 'esbuild';
import { join } from 'node:path';
import { repository } from './e2e-install.js';

/** Folder of the bundled suite; under the repository so `require('mocha')` finds node_modules. */
export const suiteFolder = join(repository, 'out', 'vscode-suite');

/**
 * Bundles the extension-host runner and its mocha suite as CommonJS, the module format that
 * VS Code 1.100 loads from `extensionTestsPath`. `vscode` comes from the extension host, and
 * mocha stays external so the suite's `describe` and `it` reach the instance the runner set up.
 * Returns the path of the runner, `index.cjs`.
 */
export async function bundleSuite(): Promise<string> {
  const suiteSources = join(repository, 'test', 'vscode', 'suite');
  await build({
    entryPoints: {
      index: join(suiteSources, 'index.ts'),
      'shipshape.suite': join(suiteSources, 'shipshape.suite.ts'),
    },
    outdir: suiteFolder,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(suiteFolder, 'index.cjs');
}
