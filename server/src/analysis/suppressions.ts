import type { Problem } from '../core/problem.js';
import type { SourceFile } from '../core/source-file.js';
import type { Workspace } from '../workspace/workspace.js';

const nextLine = /#\s*shipshape-disable-next-line\b([^\n]*)/;
const wholeFile = /#\s*shipshape-disable-file\b([^\n]*)/;

/** Rule ids listed after a suppression comment; an empty list means every rule. */
function listedRules(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter((word) => /^[a-z][a-z0-9-]*$/.test(word));
}

function suppresses(match: RegExpMatchArray | null, code: string): boolean {
  if (!match) return false;
  const rules = listedRules(match[1] ?? '');
  return rules.length === 0 || rules.includes(code);
}

/** Every `shipshape-disable-file` comment of a file. */
function fileWideComments(source: SourceFile): RegExpMatchArray[] {
  if (!source.text.includes('shipshape-disable-file')) return [];
  const comments: RegExpMatchArray[] = [];
  for (let i = 0; i < source.lineCount; i++) {
    const match = source.lineText(i).match(wholeFile);
    if (match) comments.push(match);
  }
  return comments;
}

/**
 * Drops problems silenced by a comment: `# shipshape-disable-next-line RULE, RULE` on the line
 * above the problem's first line, or `# shipshape-disable-file RULE` anywhere in the file. Every
 * kind of file Shipshape reads uses `#` for comments. Each file is searched for file-wide comments
 * once, so the time grows with problems plus file sizes, not their product.
 */
export function applySuppressions(problems: Problem[], workspace: Workspace): Problem[] {
  const fileWide = new Map<string, RegExpMatchArray[]>();
  return problems.filter((problem) => {
    const source = workspace.source(problem.location.file);
    if (!source) return true;
    const line = problem.location.range.start.line;
    if (line > 0 && suppresses(source.lineText(line - 1).match(nextLine), problem.code)) return false;
    let comments = fileWide.get(source.path);
    if (!comments) {
      comments = fileWideComments(source);
      fileWide.set(source.path, comments);
    }
    return !comments.some((comment) => suppresses(comment, problem.code));
  });
}
