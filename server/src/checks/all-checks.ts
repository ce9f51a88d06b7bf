import type { Rule } from '../core/rule.js';
import type { Check } from './check.js';
import { limitChecks } from './limits/index.js';
import { securityChecks } from './security/index.js';
import { nginxDuplicatesCheck } from './syntax/nginx-duplicates-check.js';
import { nginxValidationCheck } from './syntax/nginx-validation.js';
import { parseErrorRule, parseErrorsCheck } from './syntax/parse-errors.js';
import { composeConsistencyCheck } from './variables/compose-consistency.js';
import { composeInterpolationCheck } from './variables/compose-interpolation.js';
import { envDuplicatesCheck } from './variables/env-duplicates.js';
import { paddedEntriesCheck } from './variables/padded-entries-check.js';
import { valueIssuesCheck } from './variables/value-issues.js';
import { variableUsageCheck } from './variables/variable-usage.js';

/** Every check, in the order they run; the parse-error check runs last so it sees every file read. */
export const allChecks: Check[] = [
  variableUsageCheck,
  valueIssuesCheck,
  composeInterpolationCheck,
  composeConsistencyCheck,
  envDuplicatesCheck,
  paddedEntriesCheck,
  ...securityChecks,
  ...limitChecks,
  nginxValidationCheck,
  nginxDuplicatesCheck,
  parseErrorsCheck,
];

/** Every rule by id, for documentation, configuration and SARIF. */
export function allRules(): Map<string, Rule> {
  const rules = new Map<string, Rule>([[parseErrorRule.id, parseErrorRule]]);
  for (const check of allChecks) for (const rule of check.rules) rules.set(rule.id, rule);
  return rules;
}
