import * as path from 'node:path';
import type { ParseError, Problem } from '../core/problem.js';
import { SourceFile } from '../core/source-file.js';
import { parseCompose } from '../parsers/compose/parse-compose.js';
import type { ComposeFile } from '../parsers/compose/compose-model.js';
import { parseEnv } from '../parsers/env/parse-env.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import { parseNginx } from '../parsers/nginx/parse-nginx.js';
import type { NginxFile } from '../parsers/nginx/nginx-model.js';
import { parsePython } from '../parsers/python/parse-python.js';
import type { PythonModule } from '../parsers/python/python-ast.js';
import { discoverFiles, isWithin, type DiscoveredFiles } from './discover.js';
import type { FileKind } from './file-kinds.js';
import type { FileSystem } from './file-system.js';
import { ParseCache } from './parse-cache.js';

/** Files larger than this are reported and skipped: configuration files are far smaller. */
export const maxFileBytes = 2 * 1024 * 1024;

type Parsed = { env: EnvFile; compose: ComposeFile; nginx: NginxFile; python: PythonModule };

/**
 * All files of one workspace folder that the checks read, loaded lazily and parsed once. Files
 * named by other files (an `env_file`, a mounted nginx config, a settings module) are added on
 * demand with `load`, even when discovery did not list them.
 */
export class Workspace {
  readonly discovered: DiscoveredFiles;
  /** Problems about reading files: too large, binary, unreadable, linked out, included in a cycle. */
  readonly readProblems: Problem[] = [];
  private readonly sources = new Map<string, SourceFile | null>();
  private readonly parsed = new Map<string, unknown>();
  private rootReal: string | undefined;

  constructor(
    readonly root: string,
    readonly fs: FileSystem,
    readonly cache: ParseCache = new ParseCache(),
  ) {
    this.discovered = discoverFiles(root, fs);
  }

  /** Workspace-relative path with `/` for an absolute path, or undefined outside the root. */
  relative(absolutePath: string): string | undefined {
    const relative = path.relative(this.root, absolutePath);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }

  absolute(relativePath: string): string {
    return path.join(this.root, ...relativePath.split('/'));
  }

  /** True for a readable file inside the workspace; paths that leave the root count as absent. */
  exists(relativePath: string): boolean {
    return staysInside(relativePath) && this.fs.fileSize(this.absolute(relativePath)) !== undefined;
  }

  /**
   * True for a readable file inside the workspace that no symbolic link leads out of, so an
   * editor may open it as part of the workspace.
   */
  containsFile(relativePath: string): boolean {
    return this.exists(relativePath) && !this.linksOutside(this.absolute(relativePath));
  }

  /** Text of a file, or undefined when it is missing, too large or binary (those are reported). */
  source(relativePath: string): SourceFile | undefined {
    const known = this.sources.get(relativePath);
    if (known !== undefined) return known ?? undefined;
    const source = this.readSource(relativePath);
    this.sources.set(relativePath, source ?? null);
    return source;
  }

  load<K extends FileKind>(kind: K, relativePath: string): Parsed[K] | undefined {
    const key = `${kind}:${relativePath}`;
    if (this.parsed.has(key)) return this.parsed.get(key) as Parsed[K];
    const source = this.source(relativePath);
    const result = source
      ? this.cache.get(kind, relativePath, source.text, () => parseByKind(kind, source))
      : undefined;
    this.parsed.set(key, result);
    return result as Parsed[K] | undefined;
  }

  /** Every file of a kind that discovery found, parsed. */
  all<K extends FileKind>(kind: K): Parsed[K][] {
    const results: Parsed[K][] = [];
    for (const file of this.discovered.byKind[kind]) {
      const parsed = this.load(kind, file);
      if (parsed) results.push(parsed);
    }
    return results;
  }

  /** Every parsed file of every kind, discovered or loaded on demand. */
  loaded(): { kind: FileKind; path: string; errors: ParseError[] }[] {
    const files: { kind: FileKind; path: string; errors: ParseError[] }[] = [];
    for (const [key, value] of this.parsed) {
      if (!value) continue;
      const separator = key.indexOf(':');
      files.push({
        kind: key.slice(0, separator) as FileKind,
        path: key.slice(separator + 1),
        errors: (value as { errors: ParseError[] }).errors,
      });
    }
    return files;
  }

  private readSource(relativePath: string): SourceFile | undefined {
    // A file another file names by `../` or an absolute path (an `env_file`, an include) is
    // outside the repository being checked, so it is never read and nothing about it is shown.
    if (!staysInside(relativePath)) return undefined;
    const absolute = this.absolute(relativePath);
    const size = this.fs.fileSize(absolute);
    if (size === undefined) return undefined;
    if (this.linksOutside(absolute)) {
      this.reportRead(relativePath, 'File is a symbolic link to a path outside the workspace, so it was not read.');
      return undefined;
    }
    if (size > maxFileBytes) {
      this.reportRead(relativePath, `File is ${formatMegabytes(size)}, above the ${formatMegabytes(maxFileBytes)} limit for configuration files, so it was not checked.`);
      return undefined;
    }
    const text = this.fs.readFile(absolute);
    if (text === undefined) {
      this.reportRead(relativePath, 'File could not be read, so it was not checked.');
      return undefined;
    }
    if (text.includes('\u0000')) {
      this.reportRead(relativePath, 'File contains NUL bytes and looks binary, so it was not checked.');
      return undefined;
    }
    return this.cache.derive('source', relativePath, text, () => new SourceFile(relativePath, text));
  }

  /** True when symbolic links lead `absolute` to a file outside the workspace root. */
  private linksOutside(absolute: string): boolean {
    const real = this.fs.realPath(absolute);
    if (real === undefined) return false;
    this.rootReal ??= this.fs.realPath(this.root) ?? this.root;
    return !isWithin(this.rootReal, real) && !isWithin(this.root, real);
  }

  private reportRead(file: string, message: string): void {
    this.readProblems.push({
      code: 'file-unreadable',
      severity: 'warning',
      message,
      location: { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      related: [],
      fixes: [],
    });
  }
}

/** True for a workspace-relative path that stays below the root once `..` segments are applied. */
function staysInside(relativePath: string): boolean {
  const normalized = path.posix.normalize(relativePath);
  return !path.posix.isAbsolute(normalized) && normalized !== '..' && !normalized.startsWith('../');
}

function parseByKind(kind: FileKind, source: SourceFile): unknown {
  switch (kind) {
    case 'env':
      return parseEnv(source);
    case 'compose':
      return parseCompose(source);
    case 'nginx':
      return parseNginx(source);
    case 'python':
      return parsePython(source);
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
