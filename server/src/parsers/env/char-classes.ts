// Character classes of the two env-file dialects. npm dotenv uses JavaScript regular
// expressions, so its classes are those of `\s`, `^`/`$` with the `m` flag and `\w`. Docker
// Compose uses compose-go's `dotenv` package, written in Go, whose classes are Go's
// `unicode.IsSpace`, `unicode.IsLetter` and `unicode.IsNumber` plus a local `isSpace`.

export const CODE_TAB = 9;
export const CODE_LF = 10;
export const CODE_CR = 13;
export const CODE_SPACE = 32;
export const CODE_DOUBLE_QUOTE = 34;
export const CODE_HASH = 35;
export const CODE_DOLLAR = 36;
export const CODE_SINGLE_QUOTE = 39;
export const CODE_COLON = 58;
export const CODE_EQUALS = 61;
export const CODE_BACKSLASH = 92;
export const CODE_BACKTICK = 96;
export const CODE_OPEN_BRACE = 123;
export const CODE_CLOSE_BRACE = 125;

/** JavaScript `\s`, which is also the set `String.prototype.trim` removes. */
export function isJsSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** JavaScript line terminator: where `^` and `$` match under the `m` flag and `.` stops. */
export function isJsLineTerminator(code: number): boolean {
  return code === CODE_LF || code === CODE_CR || code === 0x2028 || code === 0x2029;
}

/** `[\w.-]`: the characters npm dotenv accepts in a key (ASCII only). */
export function isDotenvKeyChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

export function isDotenvKey(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    if (!isDotenvKeyChar(text.charCodeAt(i))) return false;
  }
  return true;
}

export function isQuoteCode(code: number): boolean {
  return code === CODE_SINGLE_QUOTE || code === CODE_DOUBLE_QUOTE || code === CODE_BACKTICK;
}

/** compose-go's `isSpace`: blank characters without the line feed. */
export function isComposeBlank(code: number): boolean {
  return (
    code === CODE_TAB ||
    code === 11 ||
    code === 12 ||
    code === CODE_CR ||
    code === CODE_SPACE ||
    code === 0x85 ||
    code === 0xa0
  );
}

/** Go's `unicode.IsSpace`. Unlike JavaScript `\s` it includes U+0085 and excludes U+FEFF. */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return (code >= 9 && code <= 13) || code === 32 || code === 0x85 || code === 0xa0;
  }
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Characters compose-go accepts in a variable name: letters, numbers and `_ . - [ ]`. */
export function isComposeKeyChar(codePoint: number): boolean {
  if (codePoint === 95 || codePoint === 46 || codePoint === 45) return true;
  if (codePoint === 91 || codePoint === 93) return true;
  if (codePoint < 128) {
    return (
      (codePoint >= 48 && codePoint <= 57) ||
      (codePoint >= 65 && codePoint <= 90) ||
      (codePoint >= 97 && codePoint <= 122)
    );
  }
  return LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
}

/** Offset just past the blank run that starts at `offset`, per `isBlank`. */
export function skipWhile(
  text: string,
  offset: number,
  isBlank: (code: number) => boolean,
): number {
  let i = offset;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Tests whether `text[start, end)` contains a JavaScript line terminator. */
export function hasLineTerminator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (isJsLineTerminator(text.charCodeAt(i))) return true;
  }
  return false;
}
