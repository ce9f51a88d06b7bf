import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the extension with `npm run package` (bundles, then `vsce package`) into
 * `folder/shipshape.vsix` and returns that path. Throws with vsce's output when it fails.
 */
export function packageVsix(folder: string): string {
  const vsix = join(folder, 'shipshape.vsix');
  const result = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
    cwd: repository,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (${result.status}): ${result.stdout}${result.stderr}`);
  }
  return vsix;
}

/** Returns whether the `unzip` command runs (Debian package unzip). */
export function hasUnzip(): boolean {
  return !spawnSync('unzip', ['-v'], { stdio: 'ignore' }).error;
}

/** Extracts `vsix` into `folder` and returns `folder/extension`, the extension's own files. */
export function unpackVsix(vsix: string, folder: string): string {
  const result = spawnSync('unzip', ['-q', vsix, '-d', folder], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`unzip ${vsix} failed: ${result.stderr}`);
  return join(folder, 'extension');
}

/** Entry names of `vsix`, in archive order, from `unzip -Z1`. */
export function listVsix(vsix: string): string[] {
  const result = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`unzip -Z1 ${vsix} failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '');
}
