import type { ParseError } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

export type EnvQuote = 'none' | 'single' | 'double' | 'backtick';

/** One `KEY=VALUE` line (or a quoted value spanning several lines) of an env file. */
export interface EnvEntry {
  key: string;
  keyRange: Range;
  /** Value as the `dotenv` package reads it: unquoted, escapes expanded, inline comment removed. */
  value: string;
  /** Range of the value text as written, quotes included; empty at the `=` end for `KEY=`. */
  valueRange: Range;
  quote: EnvQuote;
  exported: boolean;
  /** From the start of the key (or `export`) to the end of the value. */
  range: Range;
  /** Value as docker compose reads the same line, when it differs from `value`. */
  composeValue?: string;
  /** Range of the value text docker compose reads, quotes included, when `composeValue` is set. */
  composeValueRange?: Range;
  /** Why docker compose reads the line differently, in one sentence. */
  composeNote?: string;
}

export interface EnvFile {
  source: SourceFile;
  /** Every assignment in file order; a later duplicate wins in every common parser. */
  entries: EnvEntry[];
  errors: ParseError[];
}
