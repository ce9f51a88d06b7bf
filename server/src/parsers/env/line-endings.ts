import type { Position } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

/**
 * Text with CRLF and lone CR turned into LF, as npm dotenv does before it parses, and a map
 * from offsets in that text back to offsets in the original.
 */
export class NormalizedText {
  /** Offsets in `text` of each LF that replaced a two-character CRLF, ascending. */
  private readonly collapsed: number[];
  /** Index into `collapsed` of the previous lookup; lookups mostly move forward. */
  private hint = 0;

  private constructor(
    readonly text: string,
    collapsed: number[],
  ) {
    this.collapsed = collapsed;
  }

  static from(original: string): NormalizedText {
    let cr = original.indexOf('\r');
    if (cr === -1) return new NormalizedText(original, []);
    const collapsed: number[] = [];
    while (cr !== -1) {
      if (original.charCodeAt(cr + 1) === 10) collapsed.push(cr - collapsed.length);
      cr = original.indexOf('\r', cr + 1);
    }
    return new NormalizedText(original.replace(/\r\n?/g, '\n'), collapsed);
  }

  /** Maps an offset in the normalized text to the same boundary in the original text. */
  originalOffset(offset: number): number {
    const collapsed = this.collapsed;
    if (collapsed.length === 0) return offset;
    // `hint` ends as the number of collapsed line ends before `offset`.
    let index = this.hint;
    if (index > 0 && collapsed[index - 1]! >= offset) index = this.search(offset);
    while (index < collapsed.length && collapsed[index]! < offset) index++;
    this.hint = index;
    return offset + index;
  }

  private search(offset: number): number {
    let low = 0;
    let high = this.collapsed.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.collapsed[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * Positions of offsets in a source file, found by walking forward from the previous request
 * rather than by a binary search, which is faster when requests come in file order. Line
 * breaks are LF, CRLF and lone CR, as in `SourceFile`.
 */
export class PositionWalker {
  private offset = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly source: SourceFile) {}

  positionAt(offset: number): Position {
    if (offset < this.offset) return this.source.positionAt(offset);
    const text = this.source.text;
    const target = Math.min(offset, text.length);
    for (let i = this.offset; i < target; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = target;
    return { line: this.line, character: target - this.lineStart };
  }
}
