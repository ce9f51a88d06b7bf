// Backslash escapes in double-quoted values as Docker Compose reads them (compose-go
// `dotenv/parser.go`, `expandEscapes`, at commit e70e961).

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
  // `\$` becomes `$$`, which interpolation then turns into a literal `$`.
  $: '$$',
};

/**
 * Backslash escapes of a double-quoted value: compose-go's `expandEscapes`, which accepts
 * `\a \b \f \n \r \t \v \" \\ \$` and octal `\0NNN`, and keeps anything else as written
 * (except that an invalid `\0` escape loses its zero).
 */
export function expandEscapes(text: string): string {
  if (text.indexOf('\\') === -1) return text;
  let out = '';
  let copied = 0;
  let i = text.indexOf('\\');
  while (i !== -1 && i < text.length - 1) {
    const next = text[i + 1]!;
    let replacement: string | undefined = SIMPLE_ESCAPES[next];
    let end = i + 2;
    if (next === '0') {
      while (end < text.length && end < i + 5 && isDigit(text.charCodeAt(end))) end++;
      // compose-go rewrites `\0` to `\` before decoding and keeps the rewritten text when
      // the digits are not a valid octal escape, so `\0` loses its zero.
      const digits = text.slice(i + 2, end);
      replacement = octal(digits) ?? `\\${digits}`;
    }
    if (replacement === undefined) {
      i = text.indexOf('\\', i + 1);
      continue;
    }
    out += text.slice(copied, i) + replacement;
    copied = end;
    i = text.indexOf('\\', end);
  }
  return out + text.slice(copied);
}

/** Character of a three-digit octal escape up to 0377, or undefined (Go's `UnquoteChar`). */
function octal(digits: string): string | undefined {
  if (!/^[0-7]{3}$/.test(digits)) return undefined;
  const code = parseInt(digits, 8);
  return code <= 0xff ? String.fromCharCode(code) : undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
