import type { Position } from 'vscode-languageserver';
import type { SourceFile } from '../../core/source-file.js';

/** Text around `position` made of characters that `part` accepts, with its column span. */
export function textAt(
  source: SourceFile,
  position: Position,
  part: RegExp,
): { text: string; start: number; end: number } | undefined {
  const line = source.lineText(position.line);
  let start = Math.min(position.character, line.length);
  let end = start;
  while (start > 0 && part.test(line[start - 1]!)) start--;
  while (end < line.length && part.test(line[end]!)) end++;
  return start < end ? { text: line.slice(start, end), start, end } : undefined;
}
