#!/usr/bin/env node
// Runs the compiled language server: `shipshape-language-server --stdio` (or `--node-ipc`
// when started by VS Code); the transport flags stay in process.argv for the server to read.
import { existsSync } from 'node:fs';

const entry = new URL('../out/server/src/lsp-main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'shipshape-language-server: not built yet; run "npm run build" in the package folder.\n',
  );
  process.exit(2);
}
await import(entry.href);
