import type { NginxDirective, NginxFile } from '../parsers/nginx/nginx-model.js';
import type { OutlineCategory, OutlineSymbol } from './outline-symbol.js';

/** Blocks that hold a whole protocol's configuration. */
const contextBlocks = new Set(['http', 'events', 'stream', 'mail']);

/** Blocks that match part of a request: `location`, `if`, `limit_except`. */
const matchBlocks = new Set(['location', 'if', 'limit_except']);

/** Characters of a detail at most, so a long `add_header` value does not fill the outline. */
const maxDetailLength = 80;

/**
 * Outlines one nginx file as it is written, without following includes: every directive, with
 * the directives of a block as its children. A `server` is named by its `server_name` (else its
 * `listen`), a `location` by its match, an `upstream` by its name. The key and value lines of
 * `map`, `types` and similar bodies are data rather than directives and are left out. Blocks are
 * walked with an explicit stack, because the parser accepts nesting deeper than the call stack.
 */
export function nginxSymbols(file: NginxFile): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const pending: { directive: NginxDirective; siblings: OutlineSymbol[] }[] = [];
  const enqueue = (directives: readonly NginxDirective[], siblings: OutlineSymbol[]) => {
    for (let i = directives.length - 1; i >= 0; i--) pending.push({ directive: directives[i]!, siblings });
  };
  enqueue(file.directives, roots);
  while (pending.length > 0) {
    const { directive, siblings } = pending.pop()!;
    if (directive.entry) continue;
    const symbol = symbolOf(directive);
    siblings.push(symbol);
    if (directive.block) enqueue(directive.block, symbol.children);
  }
  return roots;
}

function symbolOf(directive: NginxDirective): OutlineSymbol {
  const symbol: OutlineSymbol = {
    name: nameOf(directive),
    category: categoryOf(directive),
    range: directive.range,
    selectionRange: directive.nameRange,
    children: [],
  };
  const detail = detailOf(directive);
  if (detail) symbol.detail = detail;
  return symbol;
}

function categoryOf(directive: NginxDirective): OutlineCategory {
  if (!directive.block) return 'property';
  if (contextBlocks.has(directive.name)) return 'namespace';
  if (directive.name === 'server') return 'class';
  if (directive.name === 'upstream') return 'struct';
  if (matchBlocks.has(directive.name)) return 'method';
  return 'object';
}

function nameOf(directive: NginxDirective): string {
  if (!directive.block) return directive.name;
  if (directive.name === 'server') {
    const names = childValues(directive, 'server_name').filter((name) => name !== '' && name !== '_');
    const listens = childValues(directive, 'listen', 1);
    const label = names.length > 0 ? names.join(' ') : listens.join(' ');
    return label ? `server ${label}` : 'server';
  }
  return [directive.name, ...directive.args.map((argument) => argument.raw)].join(' ');
}

/** Builds the detail: the `listen` addresses of a server named by `server_name`, else the arguments. */
function detailOf(directive: NginxDirective): string | undefined {
  if (directive.block && directive.name === 'server') {
    if (childValues(directive, 'server_name').length === 0) return undefined;
    const listens = childValues(directive, 'listen', 1);
    return listens.length > 0 ? shorten(`listen ${listens.join(', ')}`) : undefined;
  }
  if (directive.block || directive.args.length === 0) return undefined;
  return shorten(directive.args.map((argument) => argument.raw).join(' '));
}

/** Argument values of the direct children named `name`, the first `perDirective` of each. */
function childValues(block: NginxDirective, name: string, perDirective = Infinity): string[] {
  return (block.block ?? [])
    .filter((child) => child.name === name && !child.entry)
    .flatMap((child) => child.args.slice(0, perDirective).map((argument) => argument.value));
}

function shorten(text: string): string {
  return text.length > maxDetailLength ? `${text.slice(0, maxDetailLength - 3)}...` : text;
}
