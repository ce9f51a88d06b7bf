import type { Position } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import { listKnobs, type Knob } from '../knobs/index.js';
import type { PyToken } from '../parsers/python/python-token.js';
import { tokenizePython } from '../parsers/python/tokenize-python.js';
import type { CompletionCandidate, PartialName } from './completion-types.js';

/** Kind of the block each INDENT opens: a function or class body, or any other compound statement. */
type BlockKind = 'definition' | 'other';

/**
 * Finds the partial setting name at `position` when it starts a logical line at module level:
 * an uppercase prefix (`DEB`) at the start of a statement, outside brackets, strings and
 * comments. Module-level `if`, `try` and `with` bodies count, since settings files assign there;
 * function and class bodies do not.
 */
export function findSettingName(source: SourceFile, position: Position): PartialName | undefined {
  const offset = source.offsetAt(position);
  const tokens = tokenizePython(source.text.slice(0, offset)).tokens;
  let index = tokens.length - 1;
  while (index >= 0 && ['newline', 'dedent', 'endmarker'].includes(tokens[index]!.type)) index--;
  const token = tokens[index];
  if (!token || token.type !== 'name' || token.end !== offset) return undefined;
  if (!/^[A-Z][A-Z0-9_]*$/.test(token.text)) return undefined;
  if (!startsStatement(tokens[index - 1])) return undefined;
  if (insideDefinition(tokens.slice(0, index))) return undefined;
  let end = offset;
  while (end < source.text.length && /[A-Za-z0-9_]/.test(source.text[end]!)) end++;
  return { partial: token.text, range: source.rangeAt(token.start, end) };
}

function startsStatement(previous: PyToken | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.type === 'newline' || previous.type === 'indent' || previous.type === 'dedent') return true;
  // `X = 1; Y = 2` puts a second statement on the line.
  return previous.type === 'op' && previous.text === ';';
}

/** True when the tokens leave the cursor inside a `def` or `class` body. */
function insideDefinition(tokens: PyToken[]): boolean {
  const blocks: BlockKind[] = [];
  let lineKind: BlockKind = 'other';
  let atLineStart = true;
  for (const token of tokens) {
    if (token.type === 'indent') {
      blocks.push(lineKind);
      continue;
    }
    if (token.type === 'dedent') {
      blocks.pop();
      continue;
    }
    if (token.type === 'newline') {
      atLineStart = true;
      continue;
    }
    if (token.type === 'comment') continue;
    if (atLineStart) {
      lineKind = isDefinitionStart(token) ? 'definition' : 'other';
      atLineStart = false;
    }
  }
  return blocks.includes('definition');
}

function isDefinitionStart(token: PyToken): boolean {
  return token.type === 'name' && ['def', 'class', 'async'].includes(token.text);
}

/** Proposes the top-level Django settings documented in the knob data, with their summaries. */
export function settingCandidates(partial: PartialName): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  const seen = new Set<string>();
  for (const knob of listKnobs('django')) {
    if (knob.path !== undefined || seen.has(knob.name)) continue;
    seen.add(knob.name);
    candidates.push({
      label: knob.name,
      category: 'setting',
      detail: knob.summary,
      documentation: settingDocumentation(knob),
      range: partial.range,
      newText: knob.name,
      sortText: knob.name,
    });
  }
  return candidates;
}

function settingDocumentation(knob: Knob): string {
  const facts: string[] = [];
  if (knob.type) facts.push(`Type: ${knob.type}`);
  if (knob.default !== undefined) facts.push(`Default: \`${knob.default}\``);
  if (knob.component) facts.push(`Read by: ${knob.component}`);
  const sections = [`**${knob.name}** · Django setting`, knob.summary];
  if (facts.length > 0) sections.push(facts.join('  \n'));
  if (knob.notes) sections.push(knob.notes);
  sections.push(`[Documentation](${knob.docs})`);
  return sections.join('\n\n');
}
