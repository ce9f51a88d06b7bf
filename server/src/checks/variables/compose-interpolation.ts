import type { Problem } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { Interpolation } from '../../parsers/compose/compose-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { composeVariableRequired, composeVariableUnset } from './variable-rules.js';

/**
 * `${VAR}` references compose cannot fill: unset without a default (compose warns and uses an
 * empty string) or required with `:?`/`?` (compose refuses to start).
 */
export const composeInterpolationCheck: Check = {
  name: 'compose-interpolation',
  rules: [composeVariableUnset, composeVariableRequired],
  run(deployment) {
    const problems: Problem[] = [];
    for (const file of deployment.composeFiles) {
      for (const interpolation of file.interpolations) {
        visit(interpolation, deployment, file.source.path, problems);
      }
    }
    return problems;
  },
};

function isSet(deployment: Deployment, name: string): boolean {
  return deployment.interpolationEnv.has(name);
}

function isEmpty(deployment: Deployment, name: string): boolean {
  return (deployment.interpolationEnv.get(name)?.value ?? '') === '';
}

function visit(interpolation: Interpolation, deployment: Deployment, file: string, problems: Problem[]): void {
  const name = interpolation.name;
  const set = isSet(deployment, name);
  const location = { file, range: interpolation.range };
  switch (interpolation.operator) {
    case '':
      if (!set) problems.push(createProblem(composeVariableUnset, location, unsetMessage(interpolation, deployment)));
      return;
    case ':?':
    case '?': {
      const empty = set && interpolation.operator === ':?' && isEmpty(deployment, name) && !isStandIn(deployment, name);
      if (!set) {
        problems.push(
          createProblem(
            composeVariableRequired,
            location,
            `${name} is required here (\${${name}${interpolation.operator}...}) and ${whereUnset(deployment)}, so compose refuses to start the project.${envFileHint(deployment, name)}`,
          ),
        );
      } else if (empty) {
        const declared = deployment.interpolationEnv.get(name)!.location.file;
        problems.push(
          createProblem(
            composeVariableRequired,
            location,
            `${name} is required to be non-empty here (\${${name}:?...}), but ${declared} sets it to an empty value, so compose refuses to start the project.`,
          ),
        );
      }
      return;
    }
    case ':-':
    case '-':
      if (!set || (interpolation.operator === ':-' && isEmpty(deployment, name))) {
        for (const nested of interpolation.nested) visit(nested, deployment, file, problems);
      }
      return;
    case ':+':
    case '+':
      if (set) for (const nested of interpolation.nested) visit(nested, deployment, file, problems);
      return;
  }
}

/** Returns true when a template standing in for `.env` sets the value, which leaves secrets empty on purpose. */
function isStandIn(deployment: Deployment, name: string): boolean {
  return deployment.interpolationEnv.get(name)?.standIn === true;
}

function whereUnset(deployment: Deployment): string {
  const envFile = deployment.projectEnvFile;
  if (!envFile) return 'the project has no .env file to set it';
  return envFile.standIn
    ? `neither .env (absent) nor its template ${envFile.file.source.path} sets it`
    : `${envFile.file.source.path} does not set it`;
}

function unsetMessage(interpolation: Interpolation, deployment: Deployment): string {
  const name = interpolation.name;
  let message = `${name} is interpolated here but ${whereUnset(deployment)}, so compose substitutes an empty string unless the shell exports it.`;
  if (!interpolation.braced) {
    const prefix = [...deployment.interpolationEnv.keys()].find(
      (known) => name.startsWith(known) && name.length > known.length,
    );
    if (prefix) {
      message += ` Compose reads $${name} as the variable ${name}; write \${${prefix}}${name.slice(prefix.length)} if ${prefix} was meant.`;
    } else {
      message += ' Write $$ if the dollar sign is literal.';
    }
  }
  return message + envFileHint(deployment, name);
}

/** Hint for a variable set in a service's env_file, which never feeds interpolation. */
function envFileHint(deployment: Deployment, name: string): string {
  for (const service of deployment.services) {
    for (const link of service.envFiles) {
      const file = link.file ?? link.standIn;
      const entry = file?.entries.find((candidate) => candidate.key === name);
      if (file && entry) {
        const declared = entry.value === '' ? 'declared, empty,' : 'set';
        return ` It is ${declared} in ${file.source.path}, an env_file of service ${service.name}, but env_file values never feed interpolation.`;
      }
    }
  }
  return '';
}
