import type { NginxDirective } from './nginx-model.js';

/** Returned by a `walk` visitor to leave out the children of the visited block. */
export const SKIP_CHILDREN = 'skip-children';

/**
 * Visits every directive and entry in document order, parents before children. The walk uses
 * an explicit stack, so it handles nesting of any depth.
 */
export function walk(
  directives: readonly NginxDirective[],
  visit: (directive: NginxDirective) => void | typeof SKIP_CHILDREN,
): void {
  const pending: { list: readonly NginxDirective[]; index: number }[] = [
    { list: directives, index: 0 },
  ];
  while (pending.length > 0) {
    const top = pending[pending.length - 1]!;
    if (top.index >= top.list.length) {
      pending.pop();
      continue;
    }
    const directive = top.list[top.index++]!;
    const result = visit(directive);
    if (directive.block !== undefined && directive.block.length > 0 && result !== SKIP_CHILDREN) {
      pending.push({ list: directive.block, index: 0 });
    }
  }
}

/** Returns every directive named `name` in document order, leaving out entries such as `map`'s. */
export function findAll(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  const found: NginxDirective[] = [];
  walk(directives, (directive) => {
    if (directive.entry === true) return SKIP_CHILDREN;
    if (directive.name === name) found.push(directive);
    return undefined;
  });
  return found;
}

/**
 * Returns the directives `name` in effect at `at` by nginx's inheritance: those of the nearest
 * level, from `at` itself (a block) or the block that contains `at` outwards, that has at
 * least one. So a `location` with one `add_header` or `proxy_set_header` drops every one of
 * its `server`, and a level with none inherits the whole set of the level above.
 *
 * For `add_header`, the `add_header_inherit` directive in effect (nginx 1.29.3+) changes this:
 * `merge` appends the headers of the levels above after the level's own, and `off` stops
 * inheritance. `root` is the top-level directive list of the file or resolved tree, searched
 * last; without it the search stops at the outermost block.
 */
export function effectiveDirectives(
  at: NginxDirective,
  name: string,
  root?: readonly NginxDirective[],
): NginxDirective[] {
  const first = firstLevel(at, root);
  return first === undefined ? [] : inEffectAt(first, name, root);
}

/** Results per root, name and level, so every block of a deep tree costs constant time. */
const memo = new WeakMap<object, Map<string, WeakMap<object, { found: NginxDirective[]; mode: string }>>>();
const noRoot = {};

function memoFor(name: string, root: readonly NginxDirective[] | undefined) {
  const key = root ?? noRoot;
  let byName = memo.get(key);
  if (!byName) memo.set(key, (byName = new Map()));
  let byLevel = byName.get(name);
  if (!byLevel) byName.set(name, (byLevel = new WeakMap()));
  return byLevel;
}

/**
 * Directives `name` in effect at a level. It walks outwards only to the first level already
 * computed, then fills the levels back in, without recursion.
 */
function inEffectAt(level: Level, name: string, root: readonly NginxDirective[] | undefined): NginxDirective[] {
  const known = memoFor(name, root);
  const pending: Level[] = [];
  let cursor: Level | undefined = level;
  while (cursor !== undefined && !known.has(cursor)) {
    pending.push(cursor);
    cursor = nextLevel(cursor, root);
  }
  let outer = cursor === undefined ? { found: [] as NginxDirective[], mode: 'on' } : known.get(cursor)!;
  for (let i = pending.length - 1; i >= 0; i--) {
    const current = pending[i]!;
    const own = directChildren(current, name);
    // `add_header_inherit` (nginx 1.29.3+) in effect here: the level's own, else the outer one.
    const setting = name === 'add_header' ? directChildren(current, 'add_header_inherit')[0] : undefined;
    const mode = setting ? (setting.args[0]?.value ?? 'on') : outer.mode;
    let found: NginxDirective[];
    if (own.length > 0 && mode !== 'merge') found = own;
    else if (own.length === 0 && mode === 'off') found = [];
    else found = [...own, ...outer.found];
    outer = { found, mode };
    known.set(current, outer);
  }
  return outer.found;
}

/**
 * Returns the directive `name` in effect at `at`: the first one at the nearest level that sets
 * it (nginx rejects a repeated single-value directive), or undefined when no level sets it and
 * the default applies. See `effectiveDirectives` for levels and `root`.
 */
export function effectiveDirective(
  at: NginxDirective,
  name: string,
  root?: readonly NginxDirective[],
): NginxDirective | undefined {
  for (let level = firstLevel(at, root); level !== undefined; level = nextLevel(level, root)) {
    const own = directChildren(level, name);
    if (own.length > 0) return own[0];
  }
  return undefined;
}

/**
 * Describes where a directive sits, as the chain of blocks from the outermost one:
 * `http > server > location /ws/`. A block directive ends the chain with itself.
 */
export function blockPath(directive: NginxDirective): string {
  const names: string[] = [];
  const innermost = directive.block !== undefined ? directive : directive.parent;
  for (let block = innermost; block !== undefined; block = block.parent) {
    const args = block.args.map((argument) => argument.raw).join(' ');
    names.push(args === '' ? block.name : `${block.name} ${args}`);
  }
  return names.reverse().join(' > ');
}

/** A level is a block directive, or the root list of top-level directives. */
type Level = NginxDirective | readonly NginxDirective[];

function firstLevel(
  at: NginxDirective,
  root: readonly NginxDirective[] | undefined,
): Level | undefined {
  if (at.block !== undefined) return at;
  return at.parent ?? root;
}

function nextLevel(level: Level, root: readonly NginxDirective[] | undefined): Level | undefined {
  if (isRootLevel(level)) return undefined;
  if (level.parent !== undefined) return level.parent;
  return root !== undefined && childrenNamed(root, level.name).includes(level) ? root : undefined;
}

function isRootLevel(level: Level): level is readonly NginxDirective[] {
  return Array.isArray(level);
}

function directChildren(level: Level, name: string): NginxDirective[] {
  const children = isRootLevel(level) ? level : (level.block ?? []);
  return childrenNamed(children, name).filter((child) => child.entry !== true);
}

/**
 * Children of one directive list, indexed by name on first use. A server block with thousands of
 * locations is asked once per location, so a linear scan each time would be quadratic. Parsed
 * and resolved trees are not changed after they are built, so the index stays valid.
 */
const childrenByName = new WeakMap<readonly NginxDirective[], Map<string, NginxDirective[]>>();

function childrenNamed(children: readonly NginxDirective[], name: string): NginxDirective[] {
  let index = childrenByName.get(children);
  if (!index) {
    index = new Map();
    for (const child of children) {
      const named = index.get(child.name);
      if (named) named.push(child);
      else index.set(child.name, [child]);
    }
    childrenByName.set(children, index);
  }
  return index.get(name) ?? [];
}
