// Runs every `*.test.ts` under test/ (or under the folders given) with node's test runner and tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(dir, found) {
  for (const name of readdirSync(dir)) {
    if (name === 'fixtures' || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, found);
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const roots = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = (roots.length > 0 ? roots : ['test']).flatMap((root) =>
  statSync(root).isDirectory() ? collect(root, []) : [root],
).sort();
// A hang detector, not a timing assertion: a test still running after five minutes is stuck (the
// slowest, the real VS Code tier, takes under a minute), and failing it names the test instead of
// running into CI's time limit.
const timeout = process.env.TEST_TIMEOUT_MS ?? '300000';
const args = ['--import', 'tsx', '--test', `--test-timeout=${timeout}`, ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
