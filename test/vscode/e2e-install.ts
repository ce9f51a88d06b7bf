import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Folder with its own package.json that scripts/install-e2e.sh installs code-server into. */
export const e2eFolder = join(repository, 'e2e');

/** code-server's entry point, run with the current node (code-server 4.100.3 needs Node 20). */
export const codeServerEntry = join(
  e2eFolder,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

/** Debian's chromium, which playwright-core drives. playwright's own browsers are not installed. */
export const chromiumPath = '/usr/bin/chromium';

const installMarker = join(e2eFolder, 'node_modules', '.install-e2e-done');

/** Returns why the VS Code tier cannot run here, or false when everything it needs is installed. */
export function tierSkipReason(): string | false {
  if (!existsSync(chromiumPath)) return `${chromiumPath} is missing (Debian package chromium)`;
  if (!existsSync(installMarker) || !existsSync(codeServerEntry)) {
    return 'code-server is not installed in e2e/; run bash scripts/install-e2e.sh';
  }
  return false;
}

/** Loads a package installed in e2e/node_modules, which the repository's own install lacks. */
export function requireFromE2e<T>(name: string): T {
  return createRequire(join(e2eFolder, 'package.json'))(name) as T;
}
