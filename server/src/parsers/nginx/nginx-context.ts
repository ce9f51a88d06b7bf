import { ENTRY_BODY_BLOCKS } from './parse-nginx.js';
import type { NginxDirectiveReference, NginxProtocol } from './nginx-reference.js';

/**
 * Configuration context of a block body, named as the nginx documentation names contexts
 * (`main`, `http`, `server`, `if in location`, ...). `protocol` distinguishes an http `server`
 * from a stream or mail one, and is undefined for `main`, `events` and `mgmt`.
 */
export interface NginxContext {
  kind: string;
  protocol: NginxProtocol | undefined;
}

export const MAIN_CONTEXT: NginxContext = { kind: 'main', protocol: undefined };

/** Blocks whose body context is fixed by their name alone. */
const FIXED_BODIES: ReadonlyMap<string, NginxContext> = new Map([
  ['http', { kind: 'http', protocol: 'http' }],
  ['stream', { kind: 'stream', protocol: 'stream' }],
  ['mail', { kind: 'mail', protocol: 'mail' }],
  ['events', { kind: 'events', protocol: undefined }],
  ['mgmt', { kind: 'mgmt', protocol: undefined }],
  ['location', { kind: 'location', protocol: 'http' }],
  ['limit_except', { kind: 'limit_except', protocol: 'http' }],
  ['acme_issuer', { kind: 'acme_issuer', protocol: 'http' }],
  ['oidc_provider', { kind: 'oidc_provider', protocol: 'http' }],
]);

/**
 * Returns the context of the body of block `name` opened in `parent`. Returns undefined when
 * the body contains no documented directives, as in entry bodies such as `map`, blocks of
 * third-party modules, Lua code, and `otel_exporter` (its inner directives are not documented).
 */
export function childContext(parent: NginxContext, name: string): NginxContext | undefined {
  if (ENTRY_BODY_BLOCKS.has(name)) return undefined;
  const fixed = FIXED_BODIES.get(name);
  if (fixed !== undefined) return fixed;
  if (name === 'server' || name === 'upstream') {
    // A misplaced `server` at the main level is most likely an http one.
    return { kind: name, protocol: parent.protocol ?? 'http' };
  }
  if (name === 'if') {
    if (parent.kind === 'server') return { kind: 'if in server', protocol: 'http' };
    if (parent.kind === 'location') return { kind: 'if in location', protocol: 'http' };
    return undefined;
  }
  return undefined;
}

/**
 * Reads a starting context written as a documented context name (`http`, `server`,
 * `if in location`) or as a block path (`http > server`, `stream > server`).
 */
export function parseContext(text: string): NginxContext {
  const trimmed = text.trim();
  if (!trimmed.includes('>')) return { kind: trimmed, protocol: defaultProtocol(trimmed) };

  let context = MAIN_CONTEXT;
  for (const segment of trimmed.split('>')) {
    // A path segment is a block as `blockPath` writes it: its name, then its arguments.
    const name = segment.trim().split(/\s+/)[0] ?? '';
    if (name === '') continue;
    context = childContext(context, name) ?? { kind: name, protocol: context.protocol };
  }
  return context;
}

function defaultProtocol(kind: string): NginxProtocol | undefined {
  if (kind === 'stream' || kind === 'mail') return kind;
  if (kind === 'main' || kind === 'events' || kind === 'mgmt') return undefined;
  return 'http';
}

/** Tells whether a documented directive variant may appear in `context`. */
export function contextAllows(reference: NginxDirectiveReference, context: NginxContext): boolean {
  if (reference.contexts.length === 0) return true;
  if (
    reference.protocol !== undefined &&
    context.protocol !== undefined &&
    reference.protocol !== context.protocol
  ) {
    return false;
  }
  if (reference.contexts.includes(context.kind)) return true;
  // The rewrite module documents `if` for both `if in server` and `if in location`.
  return context.kind.startsWith('if in ') && reference.contexts.includes('if');
}

/** Describes a context for messages: `"server" in "stream"`, `the main context`. */
export function describeContext(context: NginxContext): string {
  if (context.kind === 'main') return 'the main context';
  const ifMatch = /^if in (\w+)$/.exec(context.kind);
  if (ifMatch !== null) return `"if" in "${ifMatch[1]}"`;
  if ((context.kind === 'server' || context.kind === 'upstream') && context.protocol !== 'http') {
    return `"${context.kind}" in "${context.protocol}"`;
  }
  return `"${context.kind}"`;
}
