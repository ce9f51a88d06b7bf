import * as path from 'node:path';
import type { Position } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { Deployment } from '../model/deployment.js';
import { isCommercialModule } from '../parsers/nginx/commercial-modules.js';
import {
  childContext,
  contextAllows,
  describeContext,
  MAIN_CONTEXT,
  parseContext,
  type NginxContext,
} from '../parsers/nginx/nginx-context.js';
import type { NginxDirective } from '../parsers/nginx/nginx-model.js';
import {
  directiveNames,
  lookupDirectiveVariants,
  type NginxDirectiveReference,
} from '../parsers/nginx/nginx-reference.js';
import { NginxTokenizer } from '../parsers/nginx/tokenize-nginx.js';
import { walk } from '../parsers/nginx/walk-nginx.js';
import type { CompletionCandidate, PartialName } from './completion-types.js';

/** Description text kept in a proposal's documentation; the full page is one link away. */
const maxDescription = 600;

/** Statement start at the cursor: the partial directive name and the blocks that enclose it. */
export interface DirectivePosition extends PartialName {
  /** Names of the enclosing blocks, outermost first. */
  blocks: string[];
}

/**
 * Finds whether the cursor is where a directive name starts: the first word of a statement,
 * after `;`, `{` or `}` or at the start of the file. Reads the tokens before the cursor, so
 * unfinished statements above it do not matter. Returns undefined inside arguments, quoted
 * words, comments and Lua blocks.
 */
export function findDirectivePosition(source: SourceFile, position: Position): DirectivePosition | undefined {
  const offset = source.offsetAt(position);
  const tokenizer = new NginxTokenizer(source.text.slice(0, offset));
  const blocks: string[] = [];
  let statement: { name: string; start: number; end: number; quoted: boolean }[] = [];
  let last: { kind: string; end: number } | undefined;
  for (let token = tokenizer.next(); token !== undefined; token = tokenizer.next()) {
    last = token;
    if (token.kind === 'comment') continue;
    if (token.kind === 'word') {
      statement.push({ name: token.value, start: token.start, end: token.end, quoted: token.quoted });
      continue;
    }
    if (token.kind === 'open-brace') {
      const name = statement[0]?.name ?? '';
      blocks.push(name);
      if (name.endsWith('_by_lua_block') && tokenizer.skipLuaBlock() === undefined) return undefined;
      if (name.endsWith('_by_lua_block')) blocks.pop();
    } else if (token.kind === 'close-brace') {
      blocks.pop();
    }
    statement = [];
  }
  const typed = statement.length === 1 && last?.kind === 'word' && last.end === offset ? statement[0]! : undefined;
  if (statement.length > 0 && typed === undefined) return undefined;
  if (last?.kind === 'comment' && last.end === offset) return undefined;
  if (typed && (typed.quoted || !/^[A-Za-z0-9_]+$/.test(typed.name))) return undefined;
  const start = typed ? typed.start : offset;
  let end = offset;
  while (end < source.text.length && /[A-Za-z0-9_]/.test(source.text[end]!)) end++;
  return { partial: typed?.name ?? '', range: source.rangeAt(start, end), blocks };
}

/**
 * Context in which `file` starts: the context a configuration loads its entry in, or the block
 * that includes it. A file no configuration loads is guessed from its name and top-level
 * directives: `nginx.conf` or a file with `http` or `events` starts in `main`, a file of bare
 * `location` blocks in `server`, anything else in `http`, where the stock `nginx.conf` includes
 * `conf.d/*.conf`.
 */
export function startContext(deployments: Deployment[], file: string, source: SourceFile): NginxContext {
  for (const deployment of deployments) {
    for (const config of deployment.nginx) {
      if (config.entry.source.path === file) return parseContext(config.context);
      let found: NginxDirective | undefined;
      walk(config.directives, (directive) => {
        if (found === undefined && directive.file === file) found = directive;
      });
      if (found) return parseContext(enclosingPath(found, config.context));
    }
  }
  if (path.posix.basename(file) === 'nginx.conf') return MAIN_CONTEXT;
  if (/^\s*(http|events)\s*\{/m.test(source.text)) return MAIN_CONTEXT;
  if (/^\s*location\b/m.test(source.text) && !/^\s*server\s*\{/m.test(source.text)) {
    return parseContext('server');
  }
  return parseContext('http');
}

function enclosingPath(directive: NginxDirective, start: string): string {
  const names: string[] = [];
  for (let parent = directive.parent; parent; parent = parent.parent) names.unshift(parent.name);
  if (start !== 'main') names.unshift(start);
  return names.length === 0 ? 'main' : names.join(' > ');
}

/**
 * Context of the statement at the cursor, or undefined inside a block whose body holds no
 * directives (`map`, `types`, third-party blocks).
 */
export function contextAt(start: NginxContext, blocks: string[]): NginxContext | undefined {
  let context: NginxContext | undefined = start;
  for (const name of blocks) {
    context = childContext(context, name);
    if (context === undefined) return undefined;
  }
  return context;
}

/** Proposes every documented directive that nginx accepts in `context`, with its documentation. */
export function directiveCandidates(context: NginxContext, partial: PartialName): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  for (const name of directiveNames()) {
    const allowed = lookupDirectiveVariants(name).filter((variant) => contextAllows(variant, context));
    const reference =
      allowed.find((variant) => variant.protocol !== undefined && variant.protocol === context.protocol) ??
      allowed[0];
    if (!reference) continue;
    // NGINX Plus directives are marked and listed last, because the open-source images reject them.
    const commercial = isCommercialModule(reference.module);
    const plus = commercial ? ', NGINX Plus only' : '';
    candidates.push({
      label: name,
      category: 'directive',
      detail: `${reference.isBlock ? 'block, ' : ''}${reference.module}${plus}`,
      documentation: directiveDocumentation(reference, context),
      range: partial.range,
      newText: name,
      sortText: `${commercial ? 1 : 0}${name}`,
    });
  }
  return candidates;
}

/** Syntax, default, the first paragraph of the description and a link to nginx's page. */
function directiveDocumentation(reference: NginxDirectiveReference, context: NginxContext): string {
  const end = reference.isBlock ? '' : ';';
  const facts = reference.syntax.map((syntax) => `Syntax: \`${reference.name}\` ${syntax.trim()}${end}`);
  if (reference.defaultValue) facts.push(`Default: \`${reference.name} ${reference.defaultValue};\``);
  facts.push(`Allowed here, in ${describeContext(context)}`);
  const paragraph = reference.description.split(/\n\s*\n/)[0]?.trim() ?? '';
  const description =
    paragraph.length > maxDescription ? `${paragraph.slice(0, maxDescription - 3)}...` : paragraph;
  return [
    facts.join('  \n'),
    description,
    `[nginx documentation](${reference.docsUrl})`,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
