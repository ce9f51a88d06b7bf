import type { Fix, Problem, RelatedLocation, Severity } from '../core/problem.js';
import type { Location } from '../core/range.js';
import type { Rule } from '../core/rule.js';

export interface ProblemOptions {
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** Problem of `rule` at `location`, with the rule's severity unless the options lower it. */
export function createProblem(rule: Rule, location: Location, message: string, options: ProblemOptions = {}): Problem {
  return {
    code: rule.id,
    severity: options.severity ?? rule.severity,
    message,
    location,
    related: options.related ?? [],
    fixes: options.fixes ?? [],
  };
}
