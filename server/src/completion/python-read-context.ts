import type { Position } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { PyToken } from '../parsers/python/python-token.js';
import { tokenizePython } from '../parsers/python/tokenize-python.js';
import type { PartialName } from './completion-types.js';

/**
 * django-environ `Env` methods that take the variable name first (django-environ 0.4.4 to 0.12).
 * The empty name stands for calling the instance itself, `env("NAME")`.
 */
const environMethods = new Set([
  '',
  'get_value',
  'str',
  'bytes',
  'bool',
  'int',
  'float',
  'json',
  'list',
  'tuple',
  'dict',
  'url',
  'path',
  'db_url',
  'db',
  'cache_url',
  'cache',
  'email_url',
  'email',
  'search_url',
  'channels_url',
  'channels',
]);

/** Keyword arguments that name the variable: `os.getenv(key=...)`, decouple `option=`, environ `var=`. */
const nameKeywords = new Set(['key', 'option', 'var']);

/** Characters of a variable name, which the replaced range extends over after the cursor. */
const namePart = /[A-Za-z0-9_]/;

/**
 * Finds the partial variable name at `position` when the cursor sits in the name string of an
 * environment read: `os.environ.get("`, `os.environ["`, `os.getenv("`, decouple `config("`,
 * django-environ `env("` and `env.bool("` (and other `Env` instances and methods), or
 * `dj_database_url.config(env="`. It reads the tokens before the cursor rather than the parsed
 * module, so a half-typed call without its closing quote or bracket still counts. Returns
 * undefined in comments, f-strings and strings that are not a read's name.
 */
export function findReadName(source: SourceFile, position: Position): PartialName | undefined {
  const offset = source.offsetAt(position);
  const tokens = tokenizePython(source.text.slice(0, offset)).tokens;
  const index = lastToken(tokens);
  const token = tokens[index];
  if (!token || token.type !== 'string' || !token.string?.unterminated) return undefined;
  const info = token.string;
  if (info.quote.length !== 1 || info.formatted || info.bytes) return undefined;
  const partial = source.text.slice(info.bodyStart, offset);
  if (!/^[A-Za-z0-9_]*$/.test(partial)) return undefined;
  if (!isReadName(tokens, index, source.text)) return undefined;
  let end = offset;
  while (end < source.text.length && namePart.test(source.text[end]!)) end++;
  return { partial, range: source.rangeAt(info.bodyStart, end) };
}

/** Index of the last token that carries text, skipping the NEWLINE, DEDENT and ENDMARKER the cut adds. */
function lastToken(tokens: PyToken[]): number {
  let index = tokens.length - 1;
  while (index >= 0 && ['newline', 'dedent', 'endmarker'].includes(tokens[index]!.type)) index--;
  return index;
}

/** True when the string token at `index` is the name argument of an environment read. */
function isReadName(tokens: PyToken[], index: number, text: string): boolean {
  let before = index - 1;
  let keyword: string | undefined;
  if (isOp(tokens[before], '=') && tokens[before - 1]?.type === 'name') {
    keyword = tokens[before - 1]!.text;
    before = enclosingBracket(tokens, before - 2);
  } else if (!isOp(tokens[before], '(') && !isOp(tokens[before], '[')) {
    return false;
  }
  const bracket = tokens[before];
  if (!bracket || bracket.type !== 'op') return false;
  const callee = dottedNameBefore(tokens, before);
  if (callee === undefined) return false;
  if (bracket.text === '[') return keyword === undefined && (callee === 'os.environ' || callee === 'environ');
  if (bracket.text !== '(') return false;
  if (keyword === 'env') return callee === 'dj_database_url.config';
  if (keyword !== undefined && !nameKeywords.has(keyword)) return false;
  return isReadCallee(callee, text);
}

/**
 * Index of the `(` that encloses the argument list ending at `index`, or -1. Commas at the same
 * depth are skipped, so a keyword argument after others still finds its call.
 */
function enclosingBracket(tokens: PyToken[], index: number): number {
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.type !== 'op') continue;
    if (token.text === ')' || token.text === ']' || token.text === '}') depth++;
    else if (token.text === '(' || token.text === '[' || token.text === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Returns the dotted name (`os.environ.get`) that ends just before the bracket at `index`. */
function dottedNameBefore(tokens: PyToken[], index: number): string | undefined {
  const parts: string[] = [];
  let i = index - 1;
  while (i >= 0 && tokens[i]!.type === 'name') {
    parts.unshift(tokens[i]!.text);
    if (!isOp(tokens[i - 1], '.')) break;
    i -= 2;
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}

function isOp(token: PyToken | undefined, text: string): boolean {
  return token?.type === 'op' && token.text === text;
}

function isReadCallee(callee: string, text: string): boolean {
  if (['os.environ.get', 'environ.get', 'os.getenv', 'getenv', 'decouple.config'].includes(callee)) {
    return true;
  }
  const [object, method, extra] = callee.split('.');
  if (extra !== undefined || object === undefined) return false;
  const bindings = instanceBindings(text);
  if (method === undefined && (bindings.decouple.has(object) || (object === 'config' && text.includes('decouple')))) {
    return true;
  }
  const isEnv = object === 'env' || bindings.environ.has(object);
  return isEnv && environMethods.has(method ?? '');
}

/**
 * Names bound to django-environ `Env` instances and decouple `AutoConfig` or `Config` instances
 * by a plain assignment, and decouple's `config` imported under another name.
 */
function instanceBindings(text: string): { environ: Set<string>; decouple: Set<string> } {
  const environ = new Set<string>();
  const decouple = new Set<string>();
  for (const match of text.matchAll(/^\s*([A-Za-z_]\w*)\s*=\s*(?:environ\.)?(?:FileAwareEnv|Env)\s*\(/gm)) {
    environ.add(match[1]!);
  }
  for (const match of text.matchAll(/^\s*([A-Za-z_]\w*)\s*=\s*(?:decouple\.)?(?:AutoConfig|Config)\s*\(/gm)) {
    decouple.add(match[1]!);
  }
  for (const match of text.matchAll(/from\s+decouple\s+import\b[^\n]*?\bconfig\s+as\s+([A-Za-z_]\w*)/g)) {
    decouple.add(match[1]!);
  }
  return { environ, decouple };
}
