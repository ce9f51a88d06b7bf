import type { TextEdit } from '../../core/problem.js';
import type { NginxArgument, NginxDirective } from '../../parsers/nginx/nginx-model.js';
import type { Workspace } from '../../workspace/workspace.js';
import { indentationOf, insertEdit, insertLineAfter, textAt } from './source-edits.js';

/** Text of a directive as written in its own file, `add_header X "y" always;`. */
export function directiveText(workspace: Workspace, directive: NginxDirective): string | undefined {
  const source = workspace.source(directive.file);
  return source ? textAt(source, directive.range) : undefined;
}

/**
 * Edits that copy `headers` (as written) in front of `before`, one per line with its
 * indentation, so that a block repeats the headers it would otherwise drop.
 */
export function copyHeadersBefore(workspace: Workspace, headers: NginxDirective[], before: NginxDirective): TextEdit[] {
  const source = workspace.source(before.file);
  if (!source) return [];
  const lines: string[] = [];
  for (const header of headers) {
    const text = directiveText(workspace, header);
    if (text === undefined || text.includes('\n')) return [];
    lines.push(text);
  }
  // One edit for all lines, because separate insertions at one position would land reversed.
  const indentation = indentationOf(source, before.range.start.line);
  const text = lines.map((line) => `${indentation}${line}\n`).join('');
  return [insertEdit(before.file, { line: before.range.start.line, character: 0 }, text)];
}

/** Edit adding a directive line after `after`, with its indentation. */
export function addDirectiveAfter(workspace: Workspace, after: NginxDirective, text: string): TextEdit[] {
  const source = workspace.source(after.file);
  return source ? [insertLineAfter(source, after.range.end.line, text)] : [];
}

/** Inserts text at the end of an argument, inside its quotes when it is quoted. */
export function appendToArgument(file: string, argument: NginxArgument, text: string): TextEdit {
  const quoted = argument.quoted && /['"]$/.test(argument.raw);
  const end = quoted ? { line: argument.range.end.line, character: argument.range.end.character - 1 } : argument.range.end;
  return insertEdit(file, end, text);
}
