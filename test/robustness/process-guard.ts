// Preloaded into the CLI or server under test (`node --import tsx --import THIS_FILE ...`):
// records every child process and outgoing socket the process starts to the file named by
// SHIPSHAPE_GUARD_LOG, so a test can prove that analysing a workspace started neither.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const log = process.env.SHIPSHAPE_GUARD_LOG;
if (log) {
  const require = createRequire(import.meta.url);
  const record = (line: string) => appendFileSync(log, `${line}\n`);
  const childProcess = require('node:child_process') as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    const original = childProcess[name]!;
    childProcess[name] = function (this: unknown, ...args: unknown[]) {
      record(`child_process.${name} ${String(args[0])}`);
      return original.apply(this, args);
    };
  }
  const net = require('node:net') as typeof import('node:net');
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: import('node:net').Socket, ...args: unknown[]) {
    record(`net.Socket.connect ${JSON.stringify(args[0])}`);
    return (connect as (...values: unknown[]) => import('node:net').Socket).apply(this, args);
  } as typeof connect;
  // ESM imports of node:child_process see the patched functions only after this call.
  syncBuiltinESMExports();
}
