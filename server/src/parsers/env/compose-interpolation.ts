import { CODE_CLOSE_BRACE, CODE_DOLLAR, CODE_OPEN_BRACE } from './char-classes.js';

// Interpolation as compose-go's `template` package applies it to unquoted and double-quoted
// env-file values. `$$` is a literal `$`. References are `$NAME`, `${NAME}` and
// `${NAME<op>word}` with the operators `:-`, `-`, `:+`, `+`, `:?` and `?`, and names match
// `[_A-Za-z][_A-Za-z0-9]*`. A `${` that starts no valid reference makes Compose reject the
// whole file.

export type InterpolationError =
  | { kind: 'invalid' }
  | { kind: 'required'; name: string };

export interface InterpolationResult {
  value: string;
  /** First error; Compose then rejects the file. */
  error?: InterpolationError;
}

/** Value of a variable, or undefined when it is unset. */
export type Lookup = (name: string) => string | undefined;

// NOTE: defaults nested deeper than this are kept as written instead of being interpolated,
// so that a hostile file cannot exhaust the stack. Real files nest one or two levels.
const MAX_NESTING = 32;

const OPERATORS = [':-', ':+', ':?', '-', '+', '?'] as const;
type Operator = (typeof OPERATORS)[number];

/** Interpolates `template` the way Docker Compose interpolates a value in an env file. */
export function interpolateCompose(template: string, lookup: Lookup): InterpolationResult {
  const state: State = { lookup };
  const value = substitute(template, state, 0);
  const result: InterpolationResult = { value };
  if (state.error) result.error = state.error;
  return result;
}

interface State {
  lookup: Lookup;
  error?: InterpolationError;
}

function substitute(template: string, state: State, depth: number): string {
  if (depth > MAX_NESTING) return template;
  const lastBrace = new LastBraceOnLine(template);
  let out = '';
  let copied = 0;
  let i = template.indexOf('$');
  while (i !== -1 && i < template.length - 1) {
    const next = template.charCodeAt(i + 1);
    let replacement: string | undefined;
    let resume = i + 1;
    if (next === CODE_DOLLAR) {
      replacement = '$';
      resume = i + 2;
    } else if (isNameStart(next)) {
      const nameEnd = scanName(template, i + 1);
      const name = template.slice(i + 1, nameEnd);
      replacement = state.lookup(name) ?? '';
      resume = nameEnd;
    } else if (next === CODE_OPEN_BRACE) {
      const braced = substituteBraced(template, i, lastBrace, state, depth);
      replacement = braced.value;
      resume = braced.resume;
    }
    if (replacement !== undefined) {
      out += template.slice(copied, i) + replacement;
      copied = resume;
    }
    i = template.indexOf('$', resume);
  }
  return out + template.slice(copied);
}

function substituteBraced(
  template: string,
  start: number,
  lastBrace: LastBraceOnLine,
  state: State,
  depth: number,
): { value: string; resume: number } {
  const invalid = (): { value: string; resume: number } => {
    state.error ??= { kind: 'invalid' };
    return { value: '', resume: start + 2 };
  };
  const nameStart = start + 2;
  if (!isNameStart(template.charCodeAt(nameStart))) return invalid();
  const nameEnd = scanName(template, nameStart);
  const name = template.slice(nameStart, nameEnd);
  if (template.charCodeAt(nameEnd) === CODE_CLOSE_BRACE) {
    return { value: state.lookup(name) ?? '', resume: nameEnd + 1 };
  }
  const operator = OPERATORS.find((candidate) => template.startsWith(candidate, nameEnd));
  if (operator === undefined) return invalid();
  const argumentStart = nameEnd + operator.length;

  // `(.*)}` is greedy, so the regular expression match runs to the last `}` of the line.
  // compose-go then cuts it at the brace that closes this reference and interpolates the
  // rest separately, which gives the same result as resuming after the closing brace.
  const last = lastBrace.at(argumentStart);
  if (last === -1) return invalid();
  let closing = closingBrace(template, start, last + 1);
  if (closing === -1) closing = last;
  const argument = template.slice(argumentStart, closing);
  const value = applyOperator(operator, name, argument, state, depth);
  return { value, resume: closing + 1 };
}

function applyOperator(
  operator: Operator,
  name: string,
  argument: string,
  state: State,
  depth: number,
): string {
  const current = state.lookup(name);
  const isSet = current !== undefined;
  const isNonEmpty = isSet && current !== '';
  const word = (): string => substitute(argument, state, depth + 1);
  switch (operator) {
    case ':-':
      return isNonEmpty ? current : word();
    case '-':
      return isSet ? current : word();
    case ':+':
      return isNonEmpty ? word() : (current ?? '');
    case '+':
      return isSet ? word() : '';
    case ':?':
    case '?': {
      const satisfied = operator === ':?' ? isNonEmpty : isSet;
      if (satisfied) return current!;
      word();
      state.error ??= { kind: 'required', name };
      return '';
    }
  }
}

/** compose-go's `getFirstBraceClosingIndex`: a `{` also skips the character after it. */
function closingBrace(template: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    const code = template.charCodeAt(i);
    if (code === CODE_CLOSE_BRACE) {
      open--;
      if (open === 0) return i;
    }
    if (code === CODE_OPEN_BRACE) {
      open++;
      i++;
    }
  }
  return -1;
}

function isNameStart(code: number): boolean {
  return code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function scanName(template: string, start: number): number {
  let i = start;
  while (i < template.length) {
    const code = template.charCodeAt(i);
    if (!isNameStart(code) && !(code >= 48 && code <= 57)) break;
    i++;
  }
  return i;
}

/** Offset of the last `}` at or after a position on the same line, cached per line. */
class LastBraceOnLine {
  private lineEnd = -1;
  private last = -1;

  constructor(private readonly template: string) {}

  at(offset: number): number {
    if (offset > this.lineEnd) {
      const newline = this.template.indexOf('\n', offset);
      this.lineEnd = newline === -1 ? this.template.length : newline;
      this.last = -1;
      for (let i = this.lineEnd - 1; i >= offset; i--) {
        if (this.template.charCodeAt(i) === CODE_CLOSE_BRACE) {
          this.last = i;
          break;
        }
      }
    }
    return this.last >= offset ? this.last : -1;
  }
}
