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
}

export interface NginxFile {
  source: SourceFile;
  directives: NginxDirective[];
  /** `${VAR}` references in a `*.conf.template` that the nginx image fills in with envsubst. */
  templateVariables: { name: string; range: Range }[];
  errors: ParseError[];
}
