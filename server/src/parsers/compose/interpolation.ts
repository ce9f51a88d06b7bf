import type { InterpolationOperator } from './compose-model.js';
import { scanTemplate } from './scan-template.js';

// Static view of compose interpolation: where each reference sits, for diagnostics and hovers.
// The grammar itself lives in `scan-template.ts`; `substitute` evaluates a string.

/** One reference found in a string, with offsets into that string (plus the caller's offset). */
export interface InterpolationSpan {
  name: string;
  /** Offsets of the whole `$NAME` or `${...}`, end exclusive. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  operator: InterpolationOperator;
  braced: boolean;
  /** Text after the operator, uninterpolated; absent without an operator. */
  argument?: string;
  argumentStart?: number;
  /** References inside the argument. */
  nested: InterpolationSpan[];
}

/** A `${` that starts no valid reference; compose rejects the whole project for it. */
export interface InterpolationSyntaxError {
  start: number;
  end: number;
  /** The text that was read as the broken reference. */
  template: string;
}

export interface InterpolationScan {
  interpolations: InterpolationSpan[];
  errors: InterpolationSyntaxError[];
}

// NOTE: arguments nested deeper than this are not scanned for references, so a hostile file
// cannot exhaust the stack. Real files nest one or two levels.
export const MAX_NESTING = 32;

/**
 * Finds every `$NAME` and `${...}` reference in `text`, nested ones under their parent, and
 * every invalid `${`. Offsets are indexes into `text` plus `offset`.
 */
export function parseInterpolations(text: string, offset = 0): InterpolationScan {
  const errors: InterpolationSyntaxError[] = [];
  const interpolations = scanLevel(text, 0, text.length, offset, errors, 0);
  return { interpolations, errors };
}

function scanLevel(
  text: string,
  from: number,
  to: number,
  offset: number,
  errors: InterpolationSyntaxError[],
  depth: number,
): InterpolationSpan[] {
  const spans: InterpolationSpan[] = [];
  for (const token of scanTemplate(text, from, to)) {
    if (token.kind === 'escape') continue;
    if (token.kind === 'invalid') {
      const template = text.slice(token.start, token.end);
      errors.push({ start: token.start + offset, end: token.end + offset, template });
      continue;
    }
    const span: InterpolationSpan = {
      name: token.name,
      start: token.start + offset,
      end: token.end + offset,
      nameStart: token.nameStart + offset,
      nameEnd: token.nameEnd + offset,
      operator: token.operator,
      braced: token.braced,
      nested: [],
    };
    if (token.operator !== '') {
      span.argument = text.slice(token.argumentStart, token.argumentEnd);
      span.argumentStart = token.argumentStart + offset;
      if (depth < MAX_NESTING) {
        span.nested = scanLevel(
          text,
          token.argumentStart,
          token.argumentEnd,
          offset,
          errors,
          depth + 1,
        );
      }
    }
    spans.push(span);
  }
  return spans;
}

export { substitute } from './substitute.js';
export type { SubstitutionError, SubstitutionResult, VariableLookup } from './substitute.js';
