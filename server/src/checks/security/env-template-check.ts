import type { Problem } from '../../core/problem.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { envTemplateSecret } from './compose-rules.js';
import { isDevelopmentFile } from './deployment-facts.js';
import { isSecretName, looksLikeRealSecret } from './secret-values.js';
import { replaceEnvValue } from './source-edits.js';

/** Real-looking secrets in committed env templates, whatever the deployment's stage. */
export const envTemplateCheck: Check = {
  name: 'security-env-template',
  rules: [envTemplateSecret],
  run(deployment) {
    const problems: Problem[] = [];
    for (const file of deployment.envFiles) {
      if (!isTemplateEnvFile(file.source.path) || isDevelopmentFile(file.source.path)) continue;
      for (const entry of file.entries) {
        if (!isSecretName(entry.key) || !looksLikeRealSecret(entry.value)) continue;
        problems.push(
          createProblem(
            envTemplateSecret,
            { file: file.source.path, range: entry.range },
            `${entry.key} in the template ${file.source.path} holds a value that looks like a real secret (${entry.value.length} random-looking characters); templates are committed, so treat it as leaked, rotate it and leave the value empty.`,
            { fixes: [{ title: `Leave ${entry.key} empty`, edits: [replaceEnvValue(file, entry, '')], safe: false }] },
          ),
        );
      }
    }
    return problems;
  },
};
