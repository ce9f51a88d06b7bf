import { Builder, type DecodedText } from './decoded-text.js';

// YAML 1.2 flow scalars (plain, single- and double-quoted): escapes and line folding, with the
// source span of every decoded character.

/** Decoded piece of a flow scalar line: one character or one escape sequence. */
interface Unit {
  text: string;
  start: number;
  end: number;
  /** Literal space or tab, which folding may trim (escaped ones are content). */
  space: boolean;
}

interface FlowLine {
  units: Unit[];
  /** Span of the line break after the line; empty at the end of the scalar. */
  breakStart: number;
  breakEnd: number;
  /** Double-quoted line ending in `\`: the break joins without a space. */
  escapedBreak: boolean;
}

type UnitReader = (source: string, start: number, end: number) => FlowLine | undefined;

function splitLines(
  source: string,
  start: number,
  end: number,
  read: UnitReader,
): FlowLine[] | undefined {
  const lines: FlowLine[] = [];
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = lineStart;
    while (lineEnd < end && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
    const line = read(source, lineStart, lineEnd);
    if (!line) return undefined;
    let breakEnd = lineEnd;
    if (lineEnd < end) breakEnd = source.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
    line.breakStart = lineEnd;
    line.breakEnd = breakEnd;
    lines.push(line);
    if (lineEnd >= end) break;
    lineStart = breakEnd;
  }
  return lines;
}

function flowLine(units: Unit[], escapedBreak = false): FlowLine {
  return { units, breakStart: 0, breakEnd: 0, escapedBreak };
}

function literalUnit(source: string, i: number): Unit {
  const text = source[i]!;
  return { text, start: i, end: i + 1, space: text === ' ' || text === '\t' };
}

function plainUnits(source: string, start: number, end: number): FlowLine {
  const units: Unit[] = [];
  for (let i = start; i < end; i++) units.push(literalUnit(source, i));
  return flowLine(units);
}

function singleQuotedUnits(source: string, start: number, end: number): FlowLine {
  const units: Unit[] = [];
  for (let i = start; i < end; i++) {
    if (source[i] === "'" && source[i + 1] === "'" && i + 1 < end) {
      units.push({ text: "'", start: i, end: i + 2, space: false });
      i++;
    } else {
      units.push(literalUnit(source, i));
    }
  }
  return flowLine(units);
}

function doubleQuotedUnits(source: string, start: number, end: number): FlowLine | undefined {
  const units: Unit[] = [];
  for (let i = start; i < end; i++) {
    if (source[i] !== '\\') {
      units.push(literalUnit(source, i));
      continue;
    }
    if (i + 1 >= end) return flowLine(units, true);
    const escape = readEscape(source, i + 1, end);
    if (!escape) return undefined;
    units.push({ text: escape.text, start: i, end: escape.end, space: false });
    i = escape.end - 1;
  }
  return flowLine(units);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Escape after a backslash at `i`: its text and the offset after it. */
function readEscape(
  source: string,
  i: number,
  end: number,
): { text: string; end: number } | undefined {
  const code = source[i]!;
  const simple = SIMPLE_ESCAPES[code];
  if (simple !== undefined) return { text: simple, end: i + 1 };
  const length = HEX_LENGTHS[code];
  if (length === undefined || i + 1 + length > end) return undefined;
  const hex = source.slice(i + 1, i + 1 + length);
  if (!/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const point = parseInt(hex, 16);
  if (point > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(point), end: i + 1 + length };
}

/**
 * Flow scalar line folding: spaces around line breaks are trimmed, a single break becomes a
 * space, and each empty line becomes `\n`. An escaped break joins the lines directly.
 */
function foldFlow(lines: FlowLine[] | undefined): DecodedText | undefined {
  if (!lines) return undefined;
  const out = new Builder();
  const last = lines.length - 1;
  let previous: FlowLine | undefined;
  let empties: FlowLine[] = [];
  for (let k = 0; k <= last; k++) {
    const line = lines[k]!;
    let low = 0;
    let high = line.units.length;
    if (k > 0) while (low < high && line.units[low]!.space) low++;
    if (k < last && !line.escapedBreak) while (high > low && line.units[high - 1]!.space) high--;
    if (previous) {
      if (low >= high && k < last && !line.escapedBreak) {
        empties.push(line);
        continue;
      }
      if (previous.escapedBreak || empties.length > 0) {
        for (const empty of empties) out.push('\n', empty.breakStart, empty.breakEnd);
      } else {
        out.push(' ', previous.breakStart, previous.breakEnd);
      }
      empties = [];
    }
    for (let u = low; u < high; u++) {
      const unit = line.units[u]!;
      out.push(unit.text, unit.start, unit.end);
    }
    previous = line;
  }
  return out.result();
}

/** Plain scalar in `source[start, end)`. */
export function decodePlain(source: string, start: number, end: number): DecodedText | undefined {
  return foldFlow(splitLines(source, start, end, plainUnits));
}

/** Single-quoted scalar content between its quotes. */
export function decodeSingleQuoted(
  source: string,
  start: number,
  end: number,
): DecodedText | undefined {
  return foldFlow(splitLines(source, start, end, singleQuotedUnits));
}

/** Double-quoted scalar content between its quotes. */
export function decodeDoubleQuoted(
  source: string,
  start: number,
  end: number,
): DecodedText | undefined {
  return foldFlow(splitLines(source, start, end, doubleQuotedUnits));
}
