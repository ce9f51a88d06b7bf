#!/usr/bin/env node
// Runs the compiled CLI; `npm install` (through the prepare script) or `npm run build` compiles it.
import { existsSync } from 'node:fs';

const entry = new URL('../out/server/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('shipshape: the CLI is not built yet; run "npm run build" in the package folder.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
main(process.argv.slice(2));
