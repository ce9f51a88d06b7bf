import type { Problem } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { variableBoolIdiom, variableInvalidValue } from './variable-rules.js';

/**
 * Values that reach the settings but that the reading code cannot use: a failing cast, or a
 * boolean idiom that silently reads the value the other way.
 */
export const valueIssuesCheck: Check = {
  name: 'value-issues',
  rules: [variableInvalidValue, variableBoolIdiom],
  run(deployment) {
    const problems: Problem[] = [];
    for (const issue of deployment.django?.evaluation.issues ?? []) {
      // An empty value in a committed template (`DATABASE_URL=` in `.env.example`) is a
      // placeholder for the operator to fill in, not the value that will be cast.
      if (issue.value === '' && issue.valueLocation && isTemplateEnvFile(issue.valueLocation.file)) continue;
      const readLocation: Location = { file: issue.read.file, range: issue.range };
      const location = issue.valueLocation ?? readLocation;
      const related = issue.valueLocation
        ? [{ location: readLocation, message: `${issue.read.name} is read here` }]
        : [];
      const rule = issue.kind === 'cast-failed' ? variableInvalidValue : variableBoolIdiom;
      problems.push(createProblem(rule, location, `${issue.read.name}: ${issue.message}`, { related }));
    }
    return problems;
  },
};
