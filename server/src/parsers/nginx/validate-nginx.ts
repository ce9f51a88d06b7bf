import type { ParseError } from '../../core/problem.js';
import {
  childContext,
  contextAllows,
  describeContext,
  MAIN_CONTEXT,
  parseContext,
  type NginxContext,
} from './nginx-context.js';
import type { NginxDirective, NginxFile } from './nginx-model.js';
import {
  directiveNames,
  lookupDirectiveVariants,
  type NginxDirectiveReference,
} from './nginx-reference.js';

export interface NginxValidationOptions {
  /** True when another configuration file includes this one, so it does not start in `main`. */
  isIncluded: boolean;
  /**
   * Context in which an included file starts: a context name (`http`, `server`, `stream`) or a
   * block path (`http > server`). Defaults to `http`, where nginx's stock `nginx.conf`
   * includes `/etc/nginx/conf.d/*.conf`.
   */
  includedContext?: string;
}

/** Limits the edit-distance search for spelling suggestions in very broken files. */
const MAX_SUGGESTIONS = 200;
const MAX_SUGGESTION_DISTANCE = 2;

/**
 * Checks each directive of one file against the official directive reference. It reports
 * unknown names as `nginx-unknown-directive` warnings, because third-party modules add
 * directives. A directive in a block where nginx does not allow it is a
 * `nginx-directive-context` error. A block directive without `{`, or a simple one with `{`, is
 * a `nginx-syntax` error, as nginx rejects both while reading. Entries of `map`, `types` and
 * similar bodies are skipped, and so are the bodies of unknown blocks.
 */
export function validateNginx(file: NginxFile, options: NginxValidationOptions): ParseError[] {
  const start = options.isIncluded ? parseContext(options.includedContext ?? 'http') : MAIN_CONTEXT;
  return new NginxValidator().validate(file.directives, start);
}

class NginxValidator {
  private readonly errors: ParseError[] = [];
  private readonly suggestions = new Map<string, string | undefined>();

  validate(directives: NginxDirective[], start: NginxContext): ParseError[] {
    // An explicit stack, because parsed files may nest blocks thousands of levels deep.
    const pending: { directives: NginxDirective[]; context: NginxContext }[] = [
      { directives, context: start },
    ];
    while (pending.length > 0) {
      const { directives: level, context } = pending.pop()!;
      for (const directive of level) {
        if (directive.entry === true) continue;
        const known = this.check(directive, context);
        if (!known || directive.block === undefined) continue;
        const inner = childContext(context, directive.name);
        if (inner !== undefined) pending.push({ directives: directive.block, context: inner });
      }
    }
    return this.errors.sort((a, b) => {
      const lines = a.range.start.line - b.range.start.line;
      return lines !== 0 ? lines : a.range.start.character - b.range.start.character;
    });
  }

  /** Reports the problems of one directive. Returns false for an unknown name. */
  private check(directive: NginxDirective, context: NginxContext): boolean {
    const variants = lookupDirectiveVariants(directive.name);
    if (variants.length === 0) {
      this.report(directive, 'nginx-unknown-directive', 'warning', this.unknownMessage(directive));
      return false;
    }
    const allowed = variants.filter((variant) => contextAllows(variant, context));
    if (allowed.length === 0) {
      this.report(
        directive,
        'nginx-directive-context',
        'error',
        contextMessage(directive.name, context, variants),
      );
    }
    const candidates = allowed.length > 0 ? allowed : variants;
    if (directive.block !== undefined && candidates.every((variant) => !variant.isBlock)) {
      this.report(
        directive,
        'nginx-syntax',
        'error',
        `The "${directive.name}" directive takes no block: end it with ";" instead of "{".`,
      );
    } else if (directive.block === undefined && candidates.every((variant) => variant.isBlock)) {
      this.report(
        directive,
        'nginx-syntax',
        'error',
        `The "${directive.name}" directive needs a block: add "{ ... }" after its arguments.`,
      );
    }
    return true;
  }

  private unknownMessage(directive: NginxDirective): string {
    const base =
      `Unknown directive "${directive.name}": ` + 'it is not in the official nginx documentation.';
    const suggestion = this.suggest(directive.name);
    if (suggestion !== undefined && suggestion.toLowerCase() === directive.name.toLowerCase()) {
      return `${base} Directive names are case-sensitive: write "${suggestion}".`;
    }
    if (suggestion !== undefined) return `${base} Did you mean "${suggestion}"?`;
    return `${base} If a third-party module provides it, ignore this warning.`;
  }

  private suggest(name: string): string | undefined {
    if (this.suggestions.has(name)) return this.suggestions.get(name);
    if (this.suggestions.size >= MAX_SUGGESTIONS || name.length < 4 || name.length > 64) {
      return undefined;
    }
    let best: string | undefined;
    let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    const lower = name.toLowerCase();
    for (const candidate of directiveNames()) {
      if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
      const distance = candidate === lower ? 0 : editDistance(name, candidate, bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    this.suggestions.set(name, best);
    return best;
  }

  private report(
    directive: NginxDirective,
    code: string,
    severity: ParseError['severity'],
    message: string,
  ): void {
    this.errors.push({ code, message, range: directive.nameRange, severity });
  }
}

function contextMessage(
  name: string,
  context: NginxContext,
  variants: readonly NginxDirectiveReference[],
): string {
  const contexts = new Set<string>();
  for (const variant of variants) {
    for (const documented of variant.contexts) {
      const protocol = variant.protocol;
      // `server` and `upstream` exist in http, stream and mail, so name the protocol unless it
      // is the usual http one in an http file.
      const ambiguous = documented === 'server' || documented === 'upstream';
      const unusual = protocol !== 'http' || context.protocol !== 'http';
      if (documented === 'if') {
        contexts.add('if in server, if in location');
      } else if (ambiguous && protocol !== undefined && unusual) {
        contexts.add(`${documented} in ${protocol}`);
      } else {
        contexts.add(documented);
      }
    }
  }
  return (
    `The "${name}" directive is not allowed in ${describeContext(context)}. ` +
    `nginx allows it in: ${[...contexts].join(', ')}.`
  );
}

/** Levenshtein distance, or `limit` once it is certain to reach it. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}
