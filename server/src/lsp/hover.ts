import type { Hover, Position } from 'vscode-languageserver';
import { containsPosition } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { Rule } from '../core/rule.js';
import { lookupDirective } from '../parsers/nginx/nginx-reference.js';
import type { FolderState } from './folder-state.js';
import { knobHover } from './knob-hover.js';

/** Word of identifier characters around a position, with its column span. */
function wordAt(source: SourceFile, position: Position): string | undefined {
  const line = source.lineText(position.line);
  let start = position.character;
  let end = position.character;
  while (start > 0 && /[A-Za-z0-9_]/.test(line[start - 1]!)) start--;
  while (end < line.length && /[A-Za-z0-9_]/.test(line[end]!)) end++;
  return start < end ? line.slice(start, end) : undefined;
}

/** nginx directive documentation from the official reference, for the directive under the cursor. */
function nginxHover(source: SourceFile, position: Position): string | undefined {
  const word = wordAt(source, position);
  if (!word) return undefined;
  const line = source.lineText(position.line).trimStart();
  if (!line.startsWith(word)) return undefined;
  const directive = lookupDirective(word);
  if (!directive) return undefined;
  const lines = [`**${directive.name}** (nginx, ${directive.module})`, ''];
  if (directive.syntax.length > 0) lines.push('```nginx', ...directive.syntax.map((syntax) => `${directive.name} ${syntax};`), '```');
  if (directive.defaultValue) lines.push(`Default: \`${directive.defaultValue}\``, '');
  lines.push(`Context: ${directive.contexts.join(', ')}`, '', directive.description, '', `[nginx documentation](${directive.docsUrl})`);
  return lines.join('\n');
}

/** Hover for a position: the documentation of rules whose problems cover it, then knob documentation. */
export function hoverAt(
  state: FolderState,
  file: string,
  position: Position,
  rules: Map<string, Rule>,
): Hover | null {
  const sections: string[] = [];
  for (const { problem } of state.problemsOf(file)) {
    if (!containsPosition(problem.location.range, position)) continue;
    const rule = rules.get(problem.code);
    if (!rule) continue;
    const source = rule.sources[0] ? `\n\n[Documentation](${rule.sources[0]})` : '';
    sections.push(`**${rule.title}** (\`${rule.id}\`)\n\n${rule.doc}${source}`);
  }
  const source = state.analysis?.workspace.source(file);
  if (source && (file.endsWith('.conf') || file.endsWith('.conf.template'))) {
    const nginx = nginxHover(source, position);
    if (nginx) sections.push(nginx);
  }
  if (source) {
    const knob = knobHover(file, source, position, state.analysis?.deployments ?? []);
    if (knob) sections.push(knob);
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: [...new Set(sections)].join('\n\n---\n\n') } };
}
