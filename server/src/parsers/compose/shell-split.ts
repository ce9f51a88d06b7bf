// Splits a `command:` or `entrypoint:` string into arguments the way compose does. compose-go
// (e70e961, `types/command.go`) calls `shellwords.Parse` from mattn/go-shellwords v1.0.12, a
// POSIX-like splitter that runs and expands nothing. Its differences from a POSIX shell:
// - A backslash outside single quotes keeps the next character as typed, inside double quotes
//   too (`"a\b"` is `ab`), and a backslash before a line break keeps the line break.
// - An unquoted `;`, `&`, `|`, `<` or `>` ends parsing: the rest of the string is dropped
//   without an error, and a word starting with a digit right before `>` (`2>`) is dropped too.
// - `$(...)` and backquotes are kept as typed, spaces included. An unquoted `(` not preceded
//   by `$` is an error, and an unquoted `)` toggles the `$(` state.
// - An unterminated quote, `$(` or backquote, or a trailing backslash, is an error, and
//   compose then rejects the file.

/** One argument: its value and the span of source characters it was read from. */
export interface ShellArgument {
  value: string;
  /** Offset of the first character (an opening quote included), end exclusive. */
  start: number;
  end: number;
}

export interface ShellSplit {
  args: ShellArgument[];
  /** Unquoted operator where parsing stopped; the text from there on is dropped. */
  stop?: { offset: number; operator: string };
  /** Failure that makes compose reject the string, at the character that opened it. */
  error?: { offset: number; message: string };
}

export interface ShellSplitOptions {
  /**
   * Sorted, non-overlapping `[start, end)` spans copied into the current argument as typed,
   * such as `${VAR:-a b}`: compose interpolates before it splits.
   */
  verbatim?: ReadonlyArray<readonly [number, number]>;
}

const OPERATORS = ';&|<>';

/** Splits `text` into arguments with their offsets. */
export function splitShellWords(text: string, options: ShellSplitOptions = {}): ShellSplit {
  const verbatim = options.verbatim ?? [];
  let nextVerbatim = 0;
  const args: ShellArgument[] = [];
  let buffer = '';
  let started = -1;
  let lastEnd = -1;
  // `got` mirrors go-shellwords: an argument exists once a character or a closing quote was read.
  let got = false;
  let escaped = -1;
  let single = -1;
  let double = -1;
  let backquote = -1;
  let dollarParen = -1;
  const quoted = (): boolean => single >= 0 || double >= 0 || backquote >= 0 || dollarParen >= 0;
  const flush = (): void => {
    if (got) args.push({ value: buffer, start: started, end: lastEnd });
    buffer = '';
    got = false;
    started = -1;
  };

  for (let i = 0; i < text.length; i++) {
    while (nextVerbatim < verbatim.length && verbatim[nextVerbatim]![1] <= i) nextVerbatim++;
    const span = verbatim[nextVerbatim];
    if (span && span[0] === i && escaped < 0) {
      if (started < 0) started = i;
      buffer += text.slice(span[0], span[1]);
      got = true;
      lastEnd = span[1];
      i = span[1] - 1;
      continue;
    }
    const char = text[i]!;
    if (escaped >= 0) {
      buffer += char;
      escaped = -1;
      got = true;
      lastEnd = i + 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (quoted()) {
        buffer += char;
        lastEnd = i + 1;
      } else {
        flush();
      }
      continue;
    }
    if (started < 0) started = i;
    lastEnd = i + 1;
    if (char === '\\') {
      if (single >= 0) buffer += char;
      else escaped = i;
      continue;
    }
    const outsideQuotes = single < 0 && double < 0;
    if (char === '`' && outsideQuotes && dollarParen < 0) {
      backquote = backquote >= 0 ? -1 : i;
    } else if (char === ')' && outsideQuotes && backquote < 0) {
      dollarParen = dollarParen >= 0 ? -1 : i;
    } else if (char === '(' && outsideQuotes && backquote < 0) {
      if (dollarParen >= 0 || !buffer.endsWith('$')) {
        return { args, error: { offset: i, message: 'an unquoted "(" that does not start "$("' } };
      }
      dollarParen = i;
      buffer += char;
      continue;
    } else if (char === '"' && single < 0 && dollarParen < 0) {
      if (double >= 0) got = true;
      double = double >= 0 ? -1 : i;
      continue;
    } else if (char === "'" && double < 0 && dollarParen < 0) {
      if (single >= 0) got = true;
      single = single >= 0 ? -1 : i;
      continue;
    } else if (OPERATORS.includes(char) && !quoted()) {
      if (char === '>' && /^[0-9]/.test(buffer)) got = false;
      flush();
      return { args, stop: { offset: i, operator: operatorAt(text, i) } };
    }
    got = true;
    buffer += char;
  }
  flush();
  const error = unterminated(escaped, single, double, backquote, dollarParen);
  return error ? { args, error } : { args };
}

function operatorAt(text: string, offset: number): string {
  const pair = text.slice(offset, offset + 2);
  return ['&&', '||', '>>', '<<', ';;'].includes(pair) ? pair : text[offset]!;
}

function unterminated(
  escaped: number,
  single: number,
  double: number,
  backquote: number,
  dollarParen: number,
): ShellSplit['error'] {
  if (escaped >= 0) return { offset: escaped, message: 'a backslash at the end' };
  if (single >= 0) return { offset: single, message: 'an unterminated single quote' };
  if (double >= 0) return { offset: double, message: 'an unterminated double quote' };
  if (backquote >= 0) return { offset: backquote, message: 'an unterminated backquote' };
  if (dollarParen >= 0) return { offset: dollarParen, message: 'an unterminated "$("' };
  return undefined;
}
