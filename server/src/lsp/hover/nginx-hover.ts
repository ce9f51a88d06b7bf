import type { Position } from 'vscode-languageserver';
import { containsPosition } from '../../core/range.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import {
  lookupDirective,
  type NginxDirectiveReference,
  type NginxProtocol,
} from '../../parsers/nginx/nginx-reference.js';
import type { HoverProvider } from './hover-provider.js';

/** Documentation of the nginx directive whose name is under the cursor, from nginx's reference. */
export const nginxDirectiveHover: HoverProvider = {
  name: 'nginx directive',
  kinds: ['nginx'],
  provideHover({ analysis, file, position }) {
    const parsed = analysis.workspace.load('nginx', file);
    const directive = parsed ? directiveAt(parsed.directives, position) : undefined;
    if (!directive) return undefined;
    const reference = lookupDirective(directive.name, protocolOf(directive));
    return reference ? renderDirective(reference) : undefined;
  },
};

/**
 * The directive (not a `map` or `types` entry) whose name range contains `position`. An explicit
 * stack walks the tree, because deeply nested blocks would overflow a recursive search.
 */
function directiveAt(directives: NginxDirective[], position: Position): NginxDirective | undefined {
  const stack = [...directives];
  while (stack.length > 0) {
    const directive = stack.pop()!;
    if (!directive.entry && containsPosition(directive.nameRange, position)) return directive;
    for (const child of directive.block ?? []) stack.push(child);
  }
  return undefined;
}

/** Protocol of the block a directive sits in, so `proxy_pass` in `stream` gets stream's page. */
function protocolOf(directive: NginxDirective): NginxProtocol {
  for (let parent = directive.parent; parent; parent = parent.parent) {
    if (parent.name === 'stream' || parent.name === 'mail') return parent.name;
  }
  return 'http';
}

/** Markdown for a directive. Syntax and description are Markdown in the reference already. */
export function renderDirective(reference: NginxDirectiveReference): string {
  const end = reference.isBlock ? '' : ';';
  const facts = reference.syntax.map(
    (syntax) => `Syntax: \`${reference.name}\` ${syntax.trim()}${end}`,
  );
  if (reference.defaultValue) {
    facts.push(`Default: \`${reference.name} ${reference.defaultValue};\``);
  }
  const contexts = reference.contexts.map((context) => `\`${context}\``).join(', ');
  facts.push(`Context: ${contexts || 'any'}`);
  return [
    `**${reference.name}** · nginx directive, \`${reference.module}\``,
    facts.join('  \n'),
    reference.description,
    `[nginx documentation](${reference.docsUrl})`,
  ].join('\n\n');
}
