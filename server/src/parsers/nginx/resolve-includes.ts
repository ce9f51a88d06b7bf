import type { ParseError } from '../../core/problem.js';
import type { NginxDirective, NginxFile } from './nginx-model.js';
import { ENTRY_BODY_BLOCKS } from './parse-nginx.js';

export { isGlobPattern, matchGlob } from './match-glob.js';

/** Include problem, with the file of the `include` directive its range points into. */
export interface NginxIncludeError extends ParseError {
  file: string;
}

/** One `include` directive the resolver reached, with the workspace files it loaded. */
export interface ResolvedInclude {
  /** The parsed directive as written, in its own file. */
  directive: NginxDirective;
  /** Files the loader returned, in nginx's order, including those skipped as a cycle or past the limit. */
  files: string[];
}

export interface ResolvedNginxConfig {
  /** Top level of the merged tree: copies of the parsed directives, each keeping its `file`. */
  directives: NginxDirective[];
  /** Every file in the merged tree, the entry first, then in order of first inclusion. */
  files: string[];
  /** Every `include` reached, in the order it was read, whether it loaded files or not. */
  includes: ResolvedInclude[];
  errors: NginxIncludeError[];
}

/**
 * Loads the files an `include` names: `path` is its argument as written (absolute container
 * path, relative path or glob such as `conf.d/*.conf`) and `fromFile` the workspace path of the
 * including file. It returns the parsed files that match, in nginx's order (sorted by name for a
 * glob), or none when the path names no workspace file.
 */
export type NginxIncludeLoader = (containerOrRelativePath: string, fromFile: string) => NginxFile[];

export interface ResolveIncludesOptions {
  /** Maximum number of file inclusions, so that repeated includes cannot grow without bound. */
  maxInclusions?: number;
}

const DEFAULT_MAX_INCLUSIONS = 1000;

interface Source {
  list: readonly NginxDirective[];
  index: number;
  /** Files being included along this path, the entry first, to detect cycles. */
  chain: readonly string[];
}

interface Task {
  target: NginxDirective[];
  parent: NginxDirective | undefined;
  entries: boolean;
  sources: Source[];
}

/**
 * Builds the configuration nginx reads from `entry`: each `include` is replaced by the
 * top-level directives of the files `load` returns, spliced at the place of the `include`. An
 * `include` that loads no file stays in the tree, since the file may come from the image.
 * The parsed files are not changed: every node of the result is a copy with `parent` set
 * within the result. An include of a file that is already being included is reported as
 * `nginx-include-cycle` and skipped. Errors thrown by `load` propagate.
 */
export function resolveIncludes(
  entry: NginxFile,
  load: NginxIncludeLoader,
  options: ResolveIncludesOptions = {},
): ResolvedNginxConfig {
  const maxInclusions = options.maxInclusions ?? DEFAULT_MAX_INCLUSIONS;
  const directives: NginxDirective[] = [];
  const files = new Set<string>([entry.source.path]);
  const errors: NginxIncludeError[] = [];
  const includes: ResolvedInclude[] = [];
  let inclusions = 0;
  let limitReported = false;

  // Each task fills one list of the result in order. Nested blocks become tasks of their
  // own, and included files are pushed as sources of the same task, so neither recursion
  // depth nor include depth is bounded by the call stack.
  const tasks: Task[] = [
    {
      target: directives,
      parent: undefined,
      entries: false,
      sources: [{ list: entry.directives, index: 0, chain: [entry.source.path] }],
    },
  ];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    while (task.sources.length > 0) {
      const source = task.sources[task.sources.length - 1]!;
      if (source.index >= source.list.length) {
        task.sources.pop();
        continue;
      }
      const original = source.list[source.index++]!;

      if (isInclude(original)) {
        const included = load(original.args[0]!.value, original.file);
        includes.push({ directive: original, files: included.map((file) => file.source.path) });
        if (included.length === 0) {
          task.target.push(copyNode(original, task));
          continue;
        }
        const accepted: Source[] = [];
        for (const file of included) {
          const path = file.source.path;
          if (source.chain.includes(path)) {
            errors.push(cycleError(original, [...source.chain, path]));
            continue;
          }
          if (inclusions >= maxInclusions) {
            if (!limitReported) errors.push(limitError(original, maxInclusions));
            limitReported = true;
            break;
          }
          inclusions++;
          files.add(path);
          accepted.push({ list: file.directives, index: 0, chain: [...source.chain, path] });
        }
        // Push in reverse so that the first file is read first.
        task.sources.push(...accepted.reverse());
        continue;
      }

      const copy = copyNode(original, task);
      task.target.push(copy);
      if (original.block !== undefined && copy.block !== undefined) {
        tasks.push({
          target: copy.block,
          parent: copy,
          entries: ENTRY_BODY_BLOCKS.has(copy.name),
          sources: [{ list: original.block, index: 0, chain: source.chain }],
        });
      }
    }
  }
  return { directives, files: [...files], includes, errors };
}

/**
 * nginx reads `include` as a directive everywhere, and also as an entry key inside `map`,
 * `geo`, `types` and `num_map` bodies, which load their entries from files that way.
 */
function isInclude(directive: NginxDirective): boolean {
  if (directive.name !== 'include' || directive.args.length !== 1) return false;
  if (directive.entry !== true) return true;
  return directive.parent !== undefined && INCLUDING_BODIES.has(directive.parent.name);
}

const INCLUDING_BODIES: ReadonlySet<string> = new Set(['map', 'geo', 'types', 'num_map']);

function copyNode(original: NginxDirective, task: Task): NginxDirective {
  const copy: NginxDirective = {
    name: original.name,
    nameRange: original.nameRange,
    args: original.args,
    range: original.range,
    file: original.file,
  };
  if (original.block !== undefined) copy.block = [];
  if (task.parent !== undefined) copy.parent = task.parent;
  if (original.entry === true || task.entries) copy.entry = true;
  return copy;
}

function cycleError(include: NginxDirective, chain: readonly string[]): NginxIncludeError {
  return {
    code: 'nginx-include-cycle',
    message:
      `Include cycle: "${include.args[0]!.value}" includes a file that is already being ` +
      `included (${chain.join(' > ')}). nginx would recurse until it fails, so remove this ` +
      'include.',
    range: include.range,
    severity: 'error',
    file: include.file,
  };
}

function limitError(include: NginxDirective, maxInclusions: number): NginxIncludeError {
  return {
    code: 'nginx-include-limit',
    message:
      `More than ${maxInclusions} files are included, so the rest of the includes were not ` +
      'read. Check for files that include each other many times.',
    range: include.range,
    severity: 'warning',
    file: include.file,
  };
}
