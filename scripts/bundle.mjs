// Bundles the VS Code client and the language server into dist/ with esbuild, as CommonJS,
// which is what the extension host loads and what `TransportKind.ipc` forks.
// ESM-only sources and dependencies (such as @nginx/reference-lib) bundle into CommonJS as they
// are. `import.meta.url`, which CommonJS lacks, is replaced by the bundle file's own URL.
import { build } from 'esbuild';
import { chmodSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...shared,
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/client.cjs',
  // The extension host provides `vscode`; it is not an npm package.
  external: ['vscode'],
});

await build({
  ...shared,
  entryPoints: ['server/src/lsp-main.ts'],
  outfile: 'dist/server.cjs',
});

// On Linux and macOS, vscode-languageclient 9 kills a server that outlives `stop()` (by 2 s) by
// running `terminateProcess.sh` from its own `__dirname`, which in the bundle is dist/. Without
// the script beside the bundle, the spawn fails and a hung server process stays alive.
const require = createRequire(import.meta.url);
const clientLibrary = dirname(require.resolve('vscode-languageclient/node.js'));
const terminateScript = join('dist', 'terminateProcess.sh');
copyFileSync(join(clientLibrary, 'lib', 'node', 'terminateProcess.sh'), terminateScript);
chmodSync(terminateScript, 0o755);
