/** Token kinds of Python's lexical analysis. Blank lines produce no `nl` tokens here. */
export type PyTokenType =
  'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'comment' | 'endmarker';

/** Literal text or a replacement field inside an f-string (or a t-string of Python 3.14). */
export type FStringPiece =
  | { kind: 'text'; value: string; start: number; end: number }
  | {
      kind: 'field';
      /** Offsets of the expression text between `{` and `!`, `:`, `=` or `}`. */
      expressionStart: number;
      expressionEnd: number;
      /** `r`, `s` or `a` after `!`. */
      conversion?: string;
      /** Pieces of the format specification after `:`, which may contain fields itself. */
      formatSpec?: FStringPiece[];
      /** True for the self-documenting form `{name=}`. */
      debug: boolean;
      /** Offsets of the whole field, braces included. */
      start: number;
      end: number;
    };

export interface PyStringInfo {
  /** Prefix as written (`rb`, `F`, ...). */
  prefix: string;
  /** `'`, `"`, `'''` or `"""`. */
  quote: string;
  raw: boolean;
  bytes: boolean;
  /** f-string or t-string: the value has replacement fields. */
  formatted: boolean;
  /** Offsets of the text between the quotes. */
  bodyStart: number;
  bodyEnd: number;
  /** Pieces of an f-string, with escapes of the literal text decoded. */
  pieces?: FStringPiece[];
  /** Set when the closing quote is missing, so the token ends at the end of its line. */
  unterminated?: true;
}

export interface PyNumberInfo {
  value: number;
  isFloat: boolean;
  imaginary: boolean;
}

export interface PyToken {
  type: PyTokenType;
  /** Offset of the first character (UTF-16 code units). */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** Text as written, empty for `dedent`, `endmarker` and a `newline` at the end of the file. */
  text: string;
  /**
   * For a name, the NFKC-normalised identifier. For a string, the decoded value, with escapes
   * resolved unless raw. Undefined for an f-string, whose value is only known at run time.
   */
  value?: string;
  string?: PyStringInfo;
  number?: PyNumberInfo;
  /** Set on the NEWLINE inserted where a bracket that is never closed was cut. */
  synthetic?: true;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
