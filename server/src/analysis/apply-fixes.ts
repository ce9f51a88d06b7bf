import type { Fix, Problem, TextEdit } from '../core/problem.js';
import { comparePositions } from '../core/range.js';
import { SourceFile } from '../core/source-file.js';

export interface AppliedFix {
  problem: Problem;
  fix: Fix;
}

export interface FixResult {
  /** New text of each changed file, by workspace path. */
  texts: Map<string, string>;
  applied: AppliedFix[];
  /** Fixes left out because their edits overlap an edit already taken. */
  skipped: AppliedFix[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

/**
 * Applies the first safe fix of each problem (or every fix `select` accepts) to the file texts.
 * A fix whose edits overlap an edit already taken is skipped whole, so each file stays consistent;
 * running the check again picks it up.
 */
export function applyFixes(
  problems: Problem[],
  readText: (file: string) => string | undefined,
  select: (fix: Fix) => boolean = (fix) => fix.safe,
): FixResult {
  const taken: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  const skipped: AppliedFix[] = [];
  for (const problem of problems) {
    const fix = problem.fixes.find(select);
    if (!fix) continue;
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) {
      skipped.push({ problem, fix });
      continue;
    }
    taken.push(...fix.edits);
    applied.push({ problem, fix });
  }
  const texts = new Map<string, string>();
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of taken) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const text = readText(file);
    if (text === undefined) continue;
    texts.set(file, applyEdits(text, edits, file));
  }
  return { texts, applied, skipped };
}

/** Applies non-overlapping edits to one text, from the last to the first. */
export function applyEdits(text: string, edits: TextEdit[], file = ''): string {
  const source = new SourceFile(file, text);
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let result = text;
  for (const edit of sorted) {
    const start = source.offsetAt(edit.range.start);
    const end = source.offsetAt(edit.range.end);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}
