// Bundles the VS Code client and the language server into dist/ with esbuild, as CommonJS,
// which is what the extension host loads and what `TransportKind.ipc` forks.
// ESM-only sources and dependencies (such as @nginx/reference-lib) bundle into CommonJS as they
// are. `import.meta.url`, which CommonJS lacks, is replaced by the bundle file's own URL.
import { build } from 'esbuild';

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
