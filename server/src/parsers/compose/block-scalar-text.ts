import { Builder, type DecodedText } from './decoded-text.js';

// YAML 1.2 block scalars (`|` literal, `>` folded) with their chomping (`-` strip, `+` keep,
// clip by default) and indentation indicators, with the source span of every character.

interface BlockLine {
  start: number;
  end: number;
  breakStart: number;
  breakEnd: number;
}

type Chomping = 'strip' | 'clip' | 'keep';

/**
 * Block scalar whose header starts at `start`. An explicit indentation indicator counts from
 * the parent node's indentation, which the scalar does not record, so each possible indentation
 * is tried and the one that reproduces `expected` is kept.
 */
export function decodeBlock(
  source: string,
  start: number,
  end: number,
  expected: string,
): DecodedText | undefined {
  let headerEnd = start;
  while (headerEnd < end && source[headerEnd] !== '\n' && source[headerEnd] !== '\r') headerEnd++;
  const header = source.slice(start, headerEnd);
  const folded = header[0] === '>';
  const indicators = /^[|>]([-+1-9]{0,2})/.exec(header)?.[1] ?? '';
  const chomping: Chomping = indicators.includes('-')
    ? 'strip'
    : indicators.includes('+')
      ? 'keep'
      : 'clip';
  const explicit = /[1-9]/.test(indicators);
  const lines = blockLines(source, headerEnd, end);

  const firstText = lines.find((line) => !isBlank(source, line));
  // Without a text line every line is empty, whatever its spaces.
  const detected = firstText ? leadingSpaces(source, firstText) : Number.MAX_SAFE_INTEGER;
  const candidates = explicit && firstText ? range(1, detected) : [detected];
  for (const indent of candidates) {
    const decoded = decodeLines(source, lines, indent, folded, chomping);
    if (decoded && (decoded.value === expected || !explicit)) return decoded;
  }
  return undefined;
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value++) values.push(value);
  return values;
}

/** Lines after the header line; a final line break does not start another line. */
function blockLines(source: string, headerEnd: number, end: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let position = headerEnd;
  if (position >= end) return lines;
  position += source.startsWith('\r\n', position) ? 2 : 1;
  while (position < end) {
    let lineEnd = position;
    while (lineEnd < end && source[lineEnd] !== '\n' && source[lineEnd] !== '\r') lineEnd++;
    let breakEnd = lineEnd;
    if (lineEnd < end) breakEnd = source.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
    lines.push({ start: position, end: lineEnd, breakStart: lineEnd, breakEnd });
    position = breakEnd;
  }
  return lines;
}

function isBlank(source: string, line: BlockLine): boolean {
  for (let i = line.start; i < line.end; i++) if (source[i] !== ' ') return false;
  return true;
}

function leadingSpaces(source: string, line: BlockLine): number {
  let count = 0;
  while (line.start + count < line.end && source[line.start + count] === ' ') count++;
  return count;
}

function decodeLines(
  source: string,
  lines: BlockLine[],
  indent: number,
  folded: boolean,
  chomping: Chomping,
): DecodedText | undefined {
  const isEmpty = (line: BlockLine): boolean =>
    isBlank(source, line) && line.end - line.start <= indent;
  let lastText = -1;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (isEmpty(line)) continue;
    if (leadingSpaces(source, line) < indent) return undefined;
    lastText = k;
  }
  const out = new Builder();
  let previous: { line: BlockLine; spaced: boolean } | undefined;
  let empties: BlockLine[] = [];
  for (let k = 0; k <= lastText; k++) {
    const line = lines[k]!;
    if (isEmpty(line)) {
      empties.push(line);
      continue;
    }
    const textStart = line.start + indent;
    const spaced = source[textStart] === ' ' || source[textStart] === '\t';
    if (previous) {
      // A folded scalar joins two unindented lines with a space; every other break is kept.
      const joins = folded && !previous.spaced && !spaced && empties.length === 0;
      if (joins) out.push(' ', previous.line.breakStart, previous.line.breakEnd);
      else if (!folded || previous.spaced || spaced) pushBreak(out, previous.line);
    }
    for (const empty of empties) pushBreak(out, empty);
    empties = [];
    out.pushSource(source, textStart, line.end);
    previous = { line, spaced };
  }
  if (previous && chomping !== 'strip') pushBreak(out, previous.line);
  if (chomping === 'keep') {
    for (let k = lastText + 1; k < lines.length; k++) pushBreak(out, lines[k]!);
  }
  return out.result();
}

function pushBreak(out: Builder, line: BlockLine): void {
  out.push('\n', line.breakStart, line.breakEnd);
}
