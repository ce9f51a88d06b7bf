import type { InterpolationOperator } from './compose-model.js';

// Variable interpolation as compose-go's `template` package applies it to every string value of
// a compose file (compose-go e70e961, `template/template.go`):
// - `$$` is a literal `$`.
// - `$NAME` takes the longest run of `[_A-Za-z0-9]` after a letter or `_`, so `$VARx` is `VARx`.
// - `${NAME}` and `${NAME<op>argument}` with `<op>` one of `:-`, `-`, `:?`, `?`, `:+`, `+`. The
//   argument is interpolated again, so defaults may hold `${...}` and `$$`.
// - Any other `${` (empty, digit first, spaces, `${VAR/a/b}`, unterminated) is an invalid
//   template, and compose then rejects the whole project.
// - `$` before anything else (`$1`, `$(`, a space, the end) stays as typed.

/** Token of a template at one nesting level. Arguments are not scanned yet. */
export type TemplateToken =
  | { kind: 'escape'; start: number; end: number }
  | { kind: 'invalid'; start: number; end: number }
  | {
      kind: 'reference';
      start: number;
      end: number;
      name: string;
      nameStart: number;
      nameEnd: number;
      operator: InterpolationOperator;
      braced: boolean;
      argumentStart: number;
      argumentEnd: number;
    };

const CODE_DOLLAR = 36;
const CODE_OPEN_BRACE = 123;
const CODE_CLOSE_BRACE = 125;
const CODE_LF = 10;

const TWO_CHAR_OPERATORS: InterpolationOperator[] = [':-', ':?', ':+'];
const ONE_CHAR_OPERATORS: InterpolationOperator[] = ['-', '?', '+'];

/** Splits `text[from, to)` into escapes, references and invalid templates, in text order. */
export function scanTemplate(text: string, from: number, to: number): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  const lastBrace = new LastBraceOnLine(text, to);
  const invalidEnd = new InvalidTemplateEnd(text, to);
  let i = text.indexOf('$', from);
  while (i !== -1 && i < to - 1) {
    const next = text.charCodeAt(i + 1);
    let resume = i + 1;
    if (next === CODE_DOLLAR) {
      tokens.push({ kind: 'escape', start: i, end: i + 2 });
      resume = i + 2;
    } else if (isNameStart(next)) {
      const nameEnd = scanName(text, i + 1, to);
      tokens.push({
        kind: 'reference',
        start: i,
        end: nameEnd,
        name: text.slice(i + 1, nameEnd),
        nameStart: i + 1,
        nameEnd,
        operator: '',
        braced: false,
        argumentStart: nameEnd,
        argumentEnd: nameEnd,
      });
      resume = nameEnd;
    } else if (next === CODE_OPEN_BRACE) {
      const token = scanBraced(text, i, to, lastBrace, invalidEnd);
      tokens.push(token);
      resume = token.kind === 'invalid' ? i + 2 : token.end;
    }
    i = text.indexOf('$', resume);
  }
  return tokens;
}

function scanBraced(
  text: string,
  start: number,
  to: number,
  lastBrace: LastBraceOnLine,
  invalidEnd: InvalidTemplateEnd,
): TemplateToken {
  const nameStart = start + 2;
  if (nameStart >= to || !isNameStart(text.charCodeAt(nameStart))) {
    return { kind: 'invalid', start, end: invalidEnd.at(start + 2) };
  }
  const nameEnd = scanName(text, nameStart, to);
  const name = text.slice(nameStart, nameEnd);
  const base = { kind: 'reference' as const, start, name, nameStart, nameEnd, braced: true };
  if (nameEnd < to && text.charCodeAt(nameEnd) === CODE_CLOSE_BRACE) {
    return {
      ...base,
      end: nameEnd + 1,
      operator: '',
      argumentStart: nameEnd,
      argumentEnd: nameEnd,
    };
  }
  const operator = operatorAt(text, nameEnd, to);
  if (operator === undefined) return { kind: 'invalid', start, end: invalidEnd.at(start + 2) };
  const argumentStart = nameEnd + operator.length;

  // compose-go's pattern ends the argument with a greedy `(.*)}`, so the match runs to the last
  // `}` of the line. It then cuts the match at the brace that closes this reference and
  // interpolates the rest on its own, which equals resuming after the closing brace.
  const last = lastBrace.at(argumentStart);
  if (last === -1) return { kind: 'invalid', start, end: invalidEnd.at(start + 2) };
  let closing = closingBrace(text, start, last + 1);
  if (closing === -1) closing = last;
  return { ...base, end: closing + 1, operator, argumentStart, argumentEnd: closing };
}

/**
 * End of an invalid `${...` whose text continues at an offset: just after the next `}` on the
 * line, or the end of the line. The result is cached because the scan requests increasing
 * offsets, and a line of thousands of unclosed `${` would otherwise be read once per `${`.
 */
class InvalidTemplateEnd {
  private from = -1;
  /** First `}` or `\n` at or after `from`, or `to` when there is none. */
  private stop = -1;

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  at(offset: number): number {
    if (offset < this.from || offset > this.stop) {
      this.from = offset;
      this.stop = offset;
      while (this.stop < this.to) {
        const code = this.text.charCodeAt(this.stop);
        if (code === CODE_LF || code === CODE_CLOSE_BRACE) break;
        this.stop++;
      }
    }
    return this.stop < this.to && this.text.charCodeAt(this.stop) === CODE_CLOSE_BRACE ? this.stop + 1 : this.stop;
  }
}

function operatorAt(text: string, index: number, to: number): InterpolationOperator | undefined {
  for (const operator of TWO_CHAR_OPERATORS) {
    if (index + 2 <= to && text.startsWith(operator, index)) return operator;
  }
  for (const operator of ONE_CHAR_OPERATORS) {
    if (index + 1 <= to && text.startsWith(operator, index)) return operator;
  }
  return undefined;
}

/**
 * compose-go's `getFirstBraceClosingIndex`: counts every `{` (skipping the character after it)
 * against every `}` and returns the `}` that brings the count back to zero, or -1.
 */
function closingBrace(text: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
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

function scanName(text: string, start: number, to: number): number {
  let i = start;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (!isNameStart(code) && !(code >= 48 && code <= 57)) break;
    i++;
  }
  return i;
}

/**
 * Offset of the last `}` from a position to the end of its line, cached per line. Go's `.`
 * matches everything but `\n`, so a line here ends only at `\n`.
 */
class LastBraceOnLine {
  private lineEnd = -1;
  private last = -1;

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  at(offset: number): number {
    if (offset > this.lineEnd) {
      const newline = this.text.indexOf('\n', offset);
      this.lineEnd = newline === -1 || newline > this.to ? this.to : newline;
      this.last = this.text.lastIndexOf('}', this.lineEnd - 1);
    }
    return this.last >= offset ? this.last : -1;
  }
}
