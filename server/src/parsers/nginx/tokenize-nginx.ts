/**
 * Tokenizer for nginx configuration files, following `ngx_conf_read_token` in nginx's
 * `src/core/ngx_conf_file.c` (checked against nginx 1.22.1 with `nginx -t`).
 *
 * Rules: whitespace is space, tab, CR and LF. `;`, `{` and `}` are tokens of their own at the
 * start of a word. An unquoted word ends at whitespace, `;` or `{` (but not at the `{` of `${`),
 * and never at `}`, so `a}b` is one word. `#` starts a comment only at the start of a word, so
 * `a#b` is one word. `"` and `'` start a quoted word only at the start of a word, and the
 * closing quote must be followed by whitespace, `;`, `{` or `)`. A `\` makes the next character
 * part of the word in quoted and unquoted words alike.
 */

export type NginxTokenKind = 'word' | 'semicolon' | 'open-brace' | 'close-brace' | 'comment';

/** `$name` or `${name}` inside a word; offsets cover the whole reference. */
export interface NginxVariableReference {
  name: string;
  start: number;
  end: number;
  braced: boolean;
}

export interface NginxToken {
  kind: NginxTokenKind;
  /** Offset of the first character (UTF-16 code units), quotes included. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** Text as written. */
  raw: string;
  /**
   * For a word, the value nginx stores: quotes removed and escapes resolved. For a comment, the
   * text after `#`.
   */
  value: string;
  quoted: boolean;
  /** Variable references in a word, in order. Other kinds have none. */
  variables: NginxVariableReference[];
  /** Set on a quoted word whose closing quote is missing. The word ends at its first line end. */
  unterminated?: true;
}

export interface NginxTokenError {
  message: string;
  start: number;
  end: number;
}

const BYTE_ORDER_MARK = 0xfeff;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

function isVariableNameCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

const CONTROL_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['t', '\t'],
  ['r', '\r'],
  ['n', '\n'],
]);

/** Resolves escapes the way nginx does when it stores a word. */
export function unescapeNginxWord(text: string): string {
  if (!text.includes('\\')) return text;
  let result = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      const next = text[index + 1]!;
      if (next === '"' || next === "'" || next === '\\') {
        result += next;
        index += 2;
        continue;
      }
      const control = CONTROL_ESCAPES.get(next);
      if (control !== undefined) {
        result += control;
        index += 2;
        continue;
      }
    }
    // Any other `\x` keeps both characters, so a regex `\d` survives.
    result += char;
    index++;
  }
  return result;
}

/** Finds `$name` and `${name}` references in the text of a word that starts at `offset`. */
export function findVariableReferences(raw: string, offset: number): NginxVariableReference[] {
  const references: NginxVariableReference[] = [];
  // Once no `}` follows, no later `${` can close either, so the scan stays linear.
  let closingBraces = true;
  let index = 0;
  while (index < raw.length) {
    // A `\` does not hide a `$`: neither nginx's script compiler nor envsubst reads escapes.
    if (raw.charCodeAt(index) !== 36) {
      index++;
      continue;
    }
    if (raw.charCodeAt(index + 1) === 123 && closingBraces) {
      const close = raw.indexOf('}', index + 2);
      if (close < 0) closingBraces = false;
      if (close > index + 2) {
        const name = raw.slice(index + 2, close);
        references.push({ name, start: offset + index, end: offset + close + 1, braced: true });
        index = close + 1;
        continue;
      }
      index += 2;
      continue;
    }
    let end = index + 1;
    while (end < raw.length && isVariableNameCode(raw.charCodeAt(end))) end++;
    if (end > index + 1) {
      const name = raw.slice(index + 1, end);
      references.push({ name, start: offset + index, end: offset + end, braced: false });
    }
    index = Math.max(end, index + 1);
  }
  return references;
}

/** Pull tokenizer: the parser calls `next()`, and `skipLuaBlock()` to pass over Lua code. */
export class NginxTokenizer {
  readonly errors: NginxTokenError[] = [];
  private position = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === BYTE_ORDER_MARK) {
      // nginx reads the mark as part of the first directive name and fails with "unknown
      // directive". Reporting the mark once and skipping it keeps the other checks useful.
      this.errors.push({
        message:
          'The file starts with a UTF-8 byte order mark, which nginx reads as part of the first ' +
          'directive name. Save the file as UTF-8 without a byte order mark.',
        start: 0,
        end: 1,
      });
      this.position = 1;
    }
  }

  /** Offset of the next character to read. */
  get offset(): number {
    return this.position;
  }

  next(): NginxToken | undefined {
    const text = this.text;
    while (this.position < text.length && isSpace(text.charCodeAt(this.position))) {
      this.position++;
    }
    if (this.position >= text.length) return undefined;

    const start = this.position;
    const char = text[start]!;
    if (char === ';') return this.punctuation('semicolon', start);
    if (char === '{') return this.punctuation('open-brace', start);
    if (char === '}') return this.punctuation('close-brace', start);
    if (char === '#') return this.comment(start);
    if (char === '"' || char === "'") return this.quotedWord(start, char);
    return this.unquotedWord(start);
  }

  /**
   * Skips the body of a `*_by_lua_block` after its `{`, up to and including the matching `}`,
   * ignoring braces inside Lua strings and comments. Returns the offset after the `}`, or
   * undefined when the file ends first.
   */
  skipLuaBlock(): number | undefined {
    const text = this.text;
    let depth = 1;
    let index = this.position;
    while (index < text.length) {
      const char = text[index]!;
      if (char === '-' && text[index + 1] === '-') {
        index = this.skipLuaComment(index + 2);
      } else if (char === '"' || char === "'") {
        index = this.skipLuaString(index, char);
      } else if (char === '[' && luaLongBracketLevel(text, index) !== undefined) {
        index = this.skipLuaLongBracket(index, luaLongBracketLevel(text, index)!);
      } else if (char === '{') {
        depth++;
        index++;
      } else if (char === '}') {
        depth--;
        index++;
        if (depth === 0) {
          this.position = index;
          return index;
        }
      } else {
        index++;
      }
    }
    this.position = text.length;
    return undefined;
  }

  private punctuation(kind: NginxTokenKind, start: number): NginxToken {
    this.position = start + 1;
    const raw = this.text[start]!;
    return { kind, start, end: start + 1, raw, value: raw, quoted: false, variables: [] };
  }

  private comment(start: number): NginxToken {
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    this.position = end;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    const raw = this.text.slice(start, end);
    return { kind: 'comment', start, end, raw, value: raw.slice(1), quoted: false, variables: [] };
  }

  private quotedWord(start: number, quote: string): NginxToken {
    const text = this.text;
    let index = start + 1;
    let closed = false;
    while (index < text.length) {
      const char = text[index]!;
      if (char === '\\') {
        index += 2;
        continue;
      }
      index++;
      if (char === quote) {
        closed = true;
        break;
      }
    }
    let end = Math.min(index, text.length);
    let content: string;
    if (closed) {
      content = text.slice(start + 1, end - 1);
    } else {
      // Recover by ending the string at the end of its first line, so the lines after it are
      // still read as configuration.
      end = lineEndAfter(text, start);
      content = text.slice(start + 1, end);
      this.errors.push({
        message: `Unterminated string: the ${quote} quote is never closed.`,
        start,
        end,
      });
    }
    this.position = end;

    if (closed && end < text.length) {
      const next = text.charCodeAt(end);
      // 59 `;`, 123 `{`, 41 `)`
      if (!isSpace(next) && next !== 59 && next !== 123 && next !== 41) {
        this.errors.push({
          message:
            `Unexpected "${text[end]}" after a quoted string: nginx expects a space, ";", "{" ` +
            'or ")" there.',
          start: end,
          end: end + 1,
        });
      }
    }
    const token: NginxToken = {
      kind: 'word',
      start,
      end,
      raw: text.slice(start, end),
      value: unescapeNginxWord(content),
      quoted: true,
      variables: findVariableReferences(content, start + 1),
    };
    if (!closed) token.unterminated = true;
    return token;
  }

  private unquotedWord(start: number): NginxToken {
    const text = this.text;
    let index = start;
    let afterDollar = false;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === 123 && afterDollar) {
        // `{` right after `$` belongs to `${name}`, as in nginx.
        index++;
        continue;
      }
      afterDollar = false;
      if (code === 92) {
        index += 2;
        continue;
      }
      if (code === 36) {
        afterDollar = true;
        index++;
        continue;
      }
      if (isSpace(code) || code === 59 || code === 123) break;
      index++;
    }
    const end = Math.min(index, text.length);
    this.position = end;
    const raw = text.slice(start, end);
    return {
      kind: 'word',
      start,
      end,
      raw,
      value: unescapeNginxWord(raw),
      quoted: false,
      variables: findVariableReferences(raw, start),
    };
  }

  private skipLuaComment(index: number): number {
    const level = luaLongBracketLevel(this.text, index);
    if (level !== undefined) return this.skipLuaLongBracket(index, level);
    const end = this.text.indexOf('\n', index);
    return end < 0 ? this.text.length : end + 1;
  }

  private skipLuaString(index: number, quote: string): number {
    const text = this.text;
    let cursor = index + 1;
    while (cursor < text.length) {
      const char = text[cursor]!;
      if (char === '\\') cursor += 2;
      else if (char === quote || char === '\n') return cursor + 1;
      else cursor++;
    }
    return text.length;
  }

  private skipLuaLongBracket(index: number, level: number): number {
    const close = ']' + '='.repeat(level) + ']';
    const end = this.text.indexOf(close, index + level + 2);
    return end < 0 ? this.text.length : end + close.length;
  }
}

/** Level of a Lua long bracket `[[` or `[==[` opening at `index`, or undefined. */
function luaLongBracketLevel(text: string, index: number): number | undefined {
  if (text[index] !== '[') return undefined;
  let cursor = index + 1;
  while (text[cursor] === '=') cursor++;
  return text[cursor] === '[' ? cursor - index - 1 : undefined;
}

function lineEndAfter(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return index;
  }
  return text.length;
}

/** Reads every token of `text`, comments included. */
export function tokenizeNginx(text: string): { tokens: NginxToken[]; errors: NginxTokenError[] } {
  const tokenizer = new NginxTokenizer(text);
  const tokens: NginxToken[] = [];
  for (let token = tokenizer.next(); token !== undefined; token = tokenizer.next()) {
    tokens.push(token);
  }
  return { tokens, errors: tokenizer.errors };
}
