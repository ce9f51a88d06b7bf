import * as path from 'node:path';
import type { FileSystem } from './file-system.js';
import {
  isComposeFileName,
  isDjangoEntryPoint,
  isEnvFileName,
  isNginxPath,
  isSettingsPath,
  isUnderEnvsFolder,
  type FileKind,
} from './file-kinds.js';

/** Folders never read: dependencies, version control, caches and build output. */
const skippedFolders = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  '.venv',
  'venv',
  'virtualenv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'site-packages',
  'dist',
  'build',
  'out',
  '.next',
  'coverage',
  'htmlcov',
  'staticfiles',
  '.idea',
  '.vscode-test',
]);

export interface DiscoveryLimits {
  /** Folders deeper than this below the root are not entered. */
  maxDepth: number;
  /** Discovery stops after visiting this many folders, so a huge tree cannot stall a check. */
  maxFolders: number;
}

export const defaultDiscoveryLimits: DiscoveryLimits = { maxDepth: 12, maxFolders: 20_000 };

export interface DiscoveredFiles {
  /** Workspace-relative paths with `/`, by kind, sorted. */
  byKind: Record<FileKind, string[]>;
  /** `manage.py`, `asgi.py`, `wsgi.py` and `celery.py`, which may name the settings module. */
  entryPoints: string[];
  /** Every other Python file, for the index of names the code mentions. */
  otherPython: string[];
  /** Shell scripts and Dockerfiles, which may read variables of the container environment. */
  scripts: string[];
  /** True when a limit stopped the walk before it covered the whole tree. */
  truncated: boolean;
}

/**
 * Walks the workspace and sorts configuration files by kind. Symlinked folders are followed once
 * by their real path, so link loops end. A link whose real path is outside the workspace is not
 * followed. Virtualenvs are recognised by `pyvenv.cfg`.
 */
export function discoverFiles(
  root: string,
  fs: FileSystem,
  limits: DiscoveryLimits = defaultDiscoveryLimits,
): DiscoveredFiles {
  const byKind: Record<FileKind, string[]> = { env: [], compose: [], nginx: [], python: [] };
  const entryPoints: string[] = [];
  const otherPython: string[] = [];
  const scripts: string[] = [];
  const visited = new Set<string>();
  const rootReal = fs.realPath(root) ?? root;
  let folders = 0;
  let truncated = false;

  const stack: { absolute: string; relative: string; depth: number }[] = [
    { absolute: root, relative: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    const real = fs.realPath(folder.absolute) ?? folder.absolute;
    if (visited.has(real)) continue;
    // A symlinked folder that leads out of the workspace (`link -> /`, `link -> ..`) is not
    // entered: following it would read and check files of the whole machine.
    if (!isWithin(rootReal, real) && !isWithin(root, real)) continue;
    visited.add(real);
    if (++folders > limits.maxFolders) {
      truncated = true;
      break;
    }
    const entries = fs.readDirectory(folder.absolute);
    if (folder.depth > 0 && entries.some((entry) => entry.name === 'pyvenv.cfg')) continue;
    for (const entry of entries) {
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
      const absolute = path.join(folder.absolute, entry.name);
      if (entry.isDirectory) {
        if (skippedFolders.has(entry.name)) continue;
        if (folder.depth + 1 > limits.maxDepth) {
          truncated = true;
          continue;
        }
        stack.push({ absolute, relative, depth: folder.depth + 1 });
        continue;
      }
      if (!entry.isFile) continue;
      const kind = classifyFile(relative);
      if (kind) byKind[kind].push(relative);
      else if (isDjangoEntryPoint(entry.name)) entryPoints.push(relative);
      else if (entry.name.endsWith('.py')) otherPython.push(relative);
      else if (/\.(sh|bash)$|^(Dockerfile|Containerfile)|entrypoint/i.test(entry.name)) scripts.push(relative);
      else if (!entry.name.includes('.') && isShellScript(fs, absolute)) scripts.push(relative);
    }
  }
  for (const list of Object.values(byKind)) list.sort();
  entryPoints.sort();
  otherPython.sort();
  scripts.sort();
  return { byKind, entryPoints, otherPython, scripts, truncated };
}

/** Extensionless files read for a `#!` line at most: scripts are small, data files need not be. */
const maxScriptBytes = 64 * 1024;

/**
 * True for an extensionless file that starts with a shell `#!` line, such as the `start` and
 * `entrypoint` scripts of cookiecutter-django, which read variables of the container.
 */
function isShellScript(fs: FileSystem, absolute: string): boolean {
  const size = fs.fileSize(absolute);
  if (size === undefined || size > maxScriptBytes) return false;
  const firstLine = fs.readFile(absolute)?.split('\n', 1)[0] ?? '';
  return /^#!.*\b(sh|bash|dash|ash|zsh)\b/.test(firstLine);
}

/** True when the absolute path `target` is `folder` itself or lies below it. */
export function isWithin(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Kind of a workspace file judged by its path alone, or undefined for files Shipshape ignores. */
export function classifyFile(relativePath: string): FileKind | undefined {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  if (isComposeFileName(name)) return 'compose';
  if (isEnvFileName(name) || (isUnderEnvsFolder(relativePath) && !name.includes('.py'))) return 'env';
  if (isNginxPath(relativePath)) return 'nginx';
  if (isSettingsPath(relativePath)) return 'python';
  return undefined;
}
