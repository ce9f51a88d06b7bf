import type { Scalar } from 'yaml';
import { decodeBlock } from './block-scalar-text.js';
import { identity, type DecodedText } from './decoded-text.js';
import { decodeDoubleQuoted, decodePlain, decodeSingleQuoted } from './flow-scalar-text.js';

// Maps each character of a YAML string value back to the file characters it was read from, so a
// `${VAR}` inside a quoted, escaped, folded or block scalar gets its exact range. The decoders
// follow YAML 1.2 (line folding, `''` in single quotes, double-quoted escapes, block scalar
// indentation and chomping). Each result is compared with the value the `yaml` package decoded.
// When they differ, every character maps to the whole node rather than to a wrong spot.

/** A decoded string with, per UTF-16 unit, the file offsets it came from (end exclusive). */
export interface ScalarText {
  value: string;
  starts: number[];
  ends: number[];
  /** False when the characters could not be placed and all map to the whole node. */
  exact: boolean;
  /** Offset that an empty value maps to: inside the quotes, or the node's start. */
  emptyAt: number;
}

/** Decoded text of a string scalar, mapped to offsets in `source`. */
export function readScalarText(source: string, node: Scalar, value: string): ScalarText {
  const [start, end] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const emptyAt = quoted && end > start ? start + 1 : start;
  const decoded = decodeScalar(source, node, value, start, end);
  if (decoded && decoded.value === value) return { ...decoded, exact: true, emptyAt };
  return { ...wholeNode(value, start, end), emptyAt };
}

/**
 * File offsets `[start, end)` of the decoded characters `[from, to)`. An empty span sits
 * before character `from`, or after the last character when `from` is past the end.
 */
export function textSpan(text: ScalarText, from: number, to: number): [number, number] {
  const length = text.starts.length;
  if (length === 0) return [text.emptyAt, text.emptyAt];
  if (from >= length) return [text.ends[length - 1]!, text.ends[length - 1]!];
  const first = Math.max(from, 0);
  if (to <= first) return [text.starts[first]!, text.starts[first]!];
  const last = Math.min(to, length) - 1;
  return [text.starts[first]!, text.ends[last]!];
}

function wholeNode(value: string, start: number, end: number): DecodedText & { exact: false } {
  return {
    value,
    starts: new Array<number>(value.length).fill(start),
    ends: new Array<number>(value.length).fill(end),
    exact: false,
  };
}

function decodeScalar(
  source: string,
  node: Scalar,
  value: string,
  start: number,
  end: number,
): DecodedText | undefined {
  switch (node.type) {
    case 'PLAIN':
      return decodePlain(source, start, end);
    case 'QUOTE_SINGLE':
      if (end - start < 2) return undefined;
      return decodeSingleQuoted(source, start + 1, end - 1);
    case 'QUOTE_DOUBLE':
      if (end - start < 2) return undefined;
      return decodeDoubleQuoted(source, start + 1, end - 1);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(source, start, end, value);
    default:
      return source.slice(start, end) === value ? identity(value, start) : undefined;
  }
}
