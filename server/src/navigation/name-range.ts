import type { Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';

/** Environment variable names as POSIX shells, docker compose and envsubst accept them. */
export const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Python string literal: optional `r`/`u` prefix, one or three quotes, the same quote closing. */
const pythonLiteral = /^([rRuU]{0,2})("""|'''|"|')(.*)\2$/s;

/**
 * Narrows `range` to the text of `name` alone. Parsers give the range of the text that contains the name:
 * the key itself in env files, the key node (quotes included) in compose, `${NAME}` in nginx
 * templates, the whole string literal (quotes and prefix included) in Python. Returns undefined when the text is anything else, such
 * as a computed name (`PREFIX + "HOST"`), an escape inside the literal, or a read that names no
 * variable (`env.db()` reads `DATABASE_URL`), because an edit there would not rename the variable.
 */
export function nameRangeIn(source: SourceFile, range: Range, name: string): Range | undefined {
  const start = source.offsetAt(range.start);
  const text = source.text.slice(start, source.offsetAt(range.end));
  if (text === name) return range;
  let inner: number | undefined;
  if (text === `\${${name}}`) inner = 2;
  else {
    const literal = pythonLiteral.exec(text);
    if (literal && literal[3] === name) inner = literal[1]!.length + literal[2]!.length;
  }
  if (inner === undefined) return undefined;
  return source.rangeAt(start + inner, start + inner + name.length);
}

/**
 * Narrows the range of a YAML scalar to its text, without the quotes of a quoted scalar. Returns
 * undefined when the text between the quotes is not `value` as written, as with escapes or a
 * folded multi-line scalar, so that no range points at the wrong characters.
 */
export function scalarTextRange(source: SourceFile, range: Range, value: string): Range | undefined {
  const start = source.offsetAt(range.start);
  const text = source.text.slice(start, source.offsetAt(range.end));
  const quoted = /^['"]/.test(text) && text.length >= 2 && text.at(-1) === text[0];
  const body = quoted ? text.slice(1, -1) : text;
  if (!body.startsWith(value)) return undefined;
  const from = start + (quoted ? 1 : 0);
  return source.rangeAt(from, from + value.length);
}
