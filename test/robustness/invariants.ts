// Properties every analysis result must have, whatever the input: no internal errors, and every
// location (primary, related, fix edit) inside a real workspace file.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../server/src/core/problem.js';
import type { Location, Position, Range } from '../../server/src/core/range.js';
import { SourceFile } from '../../server/src/core/source-file.js';
import { decodeText } from '../../server/src/workspace/file-system.js';

const severities = new Set(['error', 'warning', 'information', 'hint']);

/** Source files of one workspace, read from disk the way the workspace reads them. */
class DiskFiles {
  private readonly files = new Map<string, SourceFile | null>();

  constructor(private readonly root: string) {}

  get(file: string): SourceFile | undefined {
    if (!this.files.has(file)) this.files.set(file, this.read(file));
    return this.files.get(file) ?? undefined;
  }

  private read(file: string): SourceFile | null {
    const absolute = join(this.root, ...file.split('/'));
    try {
      if (!statSync(absolute).isFile()) return null;
      return new SourceFile(file, decodeText(readFileSync(absolute)));
    } catch {
      return null;
    }
  }
}

function describe(position: Position): string {
  return `${position.line}:${position.character}`;
}

/** Reason a position is not a valid place in `source`, or undefined when it is valid. */
function positionFault(source: SourceFile, position: Position): string | undefined {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return 'is not integral';
  if (position.line < 0 || position.character < 0) return 'is negative';
  if (position.line >= source.lineCount) return `is past the last line ${source.lineCount - 1}`;
  const length = source.lineText(position.line).length;
  if (position.character > length) return `is past the end of its line (length ${length})`;
  const offset = source.offsetAt(position);
  const before = source.text.charCodeAt(offset - 1);
  const after = source.text.charCodeAt(offset);
  // LSP characters count UTF-16 code units, so a position between a surrogate pair splits a
  // character that editors show as one.
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) {
    return 'splits a surrogate pair';
  }
  return undefined;
}

function rangeFault(source: SourceFile, range: Range): string | undefined {
  const start = positionFault(source, range.start);
  if (start) return `start ${describe(range.start)} ${start}`;
  const end = positionFault(source, range.end);
  if (end) return `end ${describe(range.end)} ${end}`;
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ordered ? undefined : `start ${describe(range.start)} is after end ${describe(range.end)}`;
}

function pathFault(file: string): string | undefined {
  if (typeof file !== 'string' || file.length === 0) return 'has no file';
  if (file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '..' || part === '')) {
    return `file "${file}" is not a workspace-relative path`;
  }
  return undefined;
}

/**
 * Faults of one location: a path outside the workspace, a missing file, or a range outside the
 * file's text. `mayCreate` accepts an empty range at 0:0 in a missing file (a fix that creates it).
 */
function locationFault(files: DiskFiles, location: Location, mayCreate: boolean): string | undefined {
  const path = pathFault(location.file);
  if (path) return path;
  const source = files.get(location.file);
  if (!source) {
    const { start, end } = location.range;
    const empty = start.line === 0 && start.character === 0 && end.line === 0 && end.character === 0;
    return mayCreate && empty ? undefined : `file "${location.file}" does not exist`;
  }
  const range = rangeFault(source, location.range);
  return range ? `${location.file}: ${range}` : undefined;
}

/** Every broken invariant of `problems` found in workspace `root`, as readable lines. */
export function problemViolations(root: string, problems: readonly Problem[]): string[] {
  const files = new DiskFiles(root);
  const violations: string[] = [];
  for (const problem of problems) {
    const label = `${problem.code} at ${problem.location.file}:${describe(problem.location.range.start)}`;
    if (problem.code === 'internal-error') violations.push(`${label}: ${problem.message}`);
    if (!/^[a-z][a-z0-9-]*$/.test(problem.code)) violations.push(`${label}: code is not a rule id`);
    if (!severities.has(problem.severity)) violations.push(`${label}: severity ${problem.severity}`);
    if (typeof problem.message !== 'string' || problem.message.trim() === '') violations.push(`${label}: empty message`);
    const primary = locationFault(files, problem.location, false);
    if (primary) violations.push(`${label}: ${primary}`);
    for (const related of problem.related) {
      const fault = locationFault(files, related.location, false);
      if (fault) violations.push(`${label}: related ${fault}`);
    }
    for (const fix of problem.fixes) {
      for (const edit of fix.edits) {
        const fault = locationFault(files, { file: edit.file, range: edit.range }, true);
        if (fault) violations.push(`${label}: fix "${fix.title}" edit ${fault}`);
      }
    }
  }
  return violations;
}
