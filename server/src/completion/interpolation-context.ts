import type { Position } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { PartialName } from './completion-types.js';

export type InterpolationSyntax = 'compose' | 'nginx-template';

/**
 * Finds the partial variable name of a `${NAME` reference that ends at `position` on its line. In
 * compose files an unbraced `$NAME` counts too once a letter follows the `$`; nginx templates
 * only take `${NAME}`, because an unbraced `$name` there is an nginx variable such as `$host`.
 * `$$` is compose's escaped dollar sign and is skipped, and nothing is offered inside a comment.
 */
export function findInterpolationName(
  source: SourceFile,
  position: Position,
  syntax: InterpolationSyntax,
): PartialName | undefined {
  const line = source.lineText(position.line);
  const prefix = line.slice(0, position.character);
  const match = /\$(\{)?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(prefix);
  if (!match) return undefined;
  const braced = match[1] !== undefined;
  const partial = match[2] ?? '';
  if (!braced && (syntax === 'nginx-template' || partial === '')) return undefined;
  if (syntax === 'compose' && isEscaped(prefix, match.index)) return undefined;
  const comment = syntax === 'compose' ? yamlCommentStart(prefix) : nginxCommentStart(prefix);
  if (comment !== undefined && comment < match.index) return undefined;
  let end = position.character;
  while (end < line.length && /[A-Za-z0-9_]/.test(line[end]!)) end++;
  const start = position.character - partial.length;
  return {
    partial,
    range: {
      start: { line: position.line, character: start },
      end: { line: position.line, character: end },
    },
  };
}

/** True when the `$` at `index` is the second of a `$$` pair, which compose reads as a literal `$`. */
function isEscaped(text: string, index: number): boolean {
  let dollars = 0;
  for (let i = index - 1; i >= 0 && text[i] === '$'; i--) dollars++;
  return dollars % 2 === 1;
}

/**
 * Column where a YAML comment starts in `text`: a `#` at the start or after a space or tab,
 * outside quotes.
 * NOTE: a `#` inside a block scalar (`command: |`) is text, not a comment; this reads it as one.
 */
function yamlCommentStart(text: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return undefined;
}

/** Column where an nginx comment starts: a `#` at the start of a word, outside quotes. */
function nginxCommentStart(text: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    const wordStart = i === 0 || /[\s;{}]/.test(text[i - 1]!);
    if ((char === '"' || char === "'") && wordStart) quote = char;
    else if (char === '#' && wordStart) return i;
  }
  return undefined;
}
