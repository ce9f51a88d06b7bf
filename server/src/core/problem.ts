import type { Location, Range } from './range.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RuleFamily = 'variables' | 'security' | 'limits' | 'syntax';

/** Replacement of `range` in `file` with `newText`; an empty range inserts. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** Edit set that resolves a problem; it may touch several files. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes keep the deployment working and are applied by `shipshape check --fix`. */
  safe: boolean;
}

export interface RelatedLocation {
  location: Location;
  message: string;
}

/** A finding of one rule: the editor-free form of an LSP diagnostic. */
export interface Problem {
  /** Stable rule id, such as `env-unused-variable`. */
  code: string;
  severity: Severity;
  message: string;
  location: Location;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** Error found while reading one file; it becomes a problem of the `syntax` family. */
export interface ParseError {
  code: string;
  message: string;
  range: Range;
  severity: Severity;
}
