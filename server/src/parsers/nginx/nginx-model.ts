import type { ParseError } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

export interface NginxArgument {
  /** Value after removing quotes and resolving `\` escapes, as nginx reads it. */
  value: string;
  /** Text as written, quotes included. */
  raw: string;
  range: Range;
  quoted: boolean;
}

export interface NginxDirective {
  name: string;
  nameRange: Range;
  args: NginxArgument[];
  /** From the name to the closing `;` or `}`. */
  range: Range;
  /** Children of a block directive (`server { ... }`); undefined for a simple directive. */
  block?: NginxDirective[];
  /** Path of the file that contains this directive (relative to the workspace root). */
  file: string;
  /** Enclosing block directive; undefined at the top level of a file. */
  parent?: NginxDirective;
  /**
   * True for a key/value line in the body of `map`, `types`, `geo`, `split_clients`, `match`,
   * `charset_map` or `num_map`: `name` is the key, `args` the values, and it is not a directive.
   */
  entry?: boolean;
}

export interface NginxFile {
  source: SourceFile;
  directives: NginxDirective[];
  /**
   * `${VAR}` references, which the nginx image fills in with envsubst when it renders the file
   * as a template (`*.template`). The parser lists them for every file.
   */
  templateVariables: { name: string; range: Range }[];
  errors: ParseError[];
}
