/** Zero-based line and UTF-16 character offset, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

/** Half-open span of text: `end` is the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

/** Range inside one workspace file; `file` is relative to the workspace root, with `/`. */
export interface Location {
  file: string;
  range: Range;
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}
