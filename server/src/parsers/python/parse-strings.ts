import type { ParseError } from '../../core/problem.js';
import type { SourceFile } from '../../core/source-file.js';
import type { ExprWithoutRange } from './parser-base.js';
import type { Expr, FStringField } from './python-ast.js';
import type { FStringPiece, PyToken } from './python-token.js';

/**
 * Expression of adjacent string tokens, concatenated as Python does at compile time: a plain
 * `str`, bytes, or an f-string whose parts are text and parsed field expressions. Template
 * strings (Python 3.14 `t"..."`) build no string and read as unknown.
 */
export function assembleStrings(
  tokens: PyToken[],
  source: SourceFile,
  errors: ParseError[],
  parseField: (start: number, end: number) => Expr,
): ExprWithoutRange {
  const parts: (string | Expr)[] = [];
  const fields: FStringField[] = [];
  let formatted = false;
  let template = false;
  let bytes: boolean | undefined;
  for (const token of tokens) {
    const info = token.string!;
    if (bytes !== undefined && bytes !== info.bytes) {
      errors.push({
        code: 'python-syntax',
        message: 'cannot mix bytes and nonbytes literals',
        range: source.rangeAt(token.start, token.end),
        severity: 'error',
      });
    }
    bytes ??= info.bytes;
    if (info.formatted) {
      formatted = true;
      template ||= info.prefix.toLowerCase().includes('t');
      appendPieces(info.pieces ?? [], parts, fields, source, parseField);
    } else {
      appendText(parts, token.value ?? '');
    }
  }
  if (template) return { kind: 'unknown' };
  if (!formatted) {
    const value = parts.join('');
    return bytes ? { kind: 'str', value, bytes: true } : { kind: 'str', value };
  }
  return { kind: 'fstring', parts, fields };
}

function appendPieces(
  pieces: FStringPiece[],
  parts: (string | Expr)[],
  fields: FStringField[],
  source: SourceFile,
  parseField: (start: number, end: number) => Expr,
): void {
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      appendText(parts, piece.value);
      continue;
    }
    const field: FStringField = {};
    if (piece.debug) {
      // `{name=}` prints the expression text, `=` and the spaces around it, then the repr.
      const text = source.text;
      let end = piece.expressionEnd + 1;
      while (text[end] === ' ' || text[end] === '\t') end++;
      appendText(parts, text.slice(piece.expressionStart, end));
      if (!piece.conversion && !piece.formatSpec) field.conversion = 'r';
    }
    if (piece.conversion) field.conversion = piece.conversion;
    if (piece.formatSpec) {
      const spec: (string | Expr)[] = [];
      appendPieces(piece.formatSpec, spec, [], source, parseField);
      field.formatSpec = spec;
    }
    parts.push(parseField(piece.expressionStart, piece.expressionEnd));
    fields.push(field);
  }
}

function appendText(parts: (string | Expr)[], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (typeof last === 'string') parts[parts.length - 1] = last + text;
  else parts.push(text);
}
