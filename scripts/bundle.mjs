// Bundles the VS Code client and the language server into dist/ with esbuild, as CommonJS for
// the extension host. `import.meta.url` is replaced by the bundle file's own URL.
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await build({ ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] });
await build({ ...shared, entryPoints: ['server/src/lsp-main.ts'], outfile: 'dist/server.cjs' });
