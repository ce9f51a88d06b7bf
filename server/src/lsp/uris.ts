import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `file:` URI of a workspace file, given as a path relative to `root` with `/` separators. */
export function uriOf(root: string, file: string): string {
  return pathToFileURL(path.join(root, ...file.split('/'))).href;
}

/** Absolute path of a `file:` URI, or undefined for other schemes (`untitled:`, `git:`). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Path of `absolutePath` relative to `root` with `/` separators, or undefined outside `root`. */
export function relativeTo(root: string, absolutePath: string): string | undefined {
  const relative = path.relative(root, absolutePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
