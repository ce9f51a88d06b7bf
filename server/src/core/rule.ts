import type { RuleFamily, Severity } from './problem.js';

/** Documentation of one rule, shown in hovers, the README's rule list and SARIF output. */
export interface Rule {
  /** Stable id, kebab-case, never reused for another meaning. */
  id: string;
  family: RuleFamily;
  /** Severity of a typical finding; a check may lower it when the evidence is weaker. */
  severity: Severity;
  /** Short title, as a noun phrase. */
  title: string;
  /** One paragraph: why it matters and how to fix it. */
  doc: string;
  /** Official documentation backing the rule. */
  sources: string[];
}
