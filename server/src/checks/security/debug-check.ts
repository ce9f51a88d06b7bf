import type { Fix, Problem } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, deploymentPhrase, describeEnvSource } from './deployment-facts.js';
import { djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoDebugEnabled } from './django-rules.js';
import { truthiness } from './python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from './setting-causes.js';
import { defaultValueFix, envValueFix, falseCandidates, literalValueFix } from './setting-fixes.js';

const isOn = (value: PyValue | undefined) => truthiness(value) === true;
const isOff = (value: PyValue | undefined) => truthiness(value) === false;

const consequence = 'error pages then show settings, tracebacks and SQL to every visitor';

/** `DEBUG` on in a production deployment, through an env value, a default or the settings. */
export const debugCheck: Check = {
  name: 'security-debug',
  rules: [djangoDebugEnabled],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    const causes = findSettingCauses(deployment, facts, 'DEBUG', isOn, 'convenience');
    return causes.map((cause) => debugProblem(deployment, facts, cause));
  },
};

function debugProblem(deployment: Deployment, facts: DjangoFacts, cause: SettingCause): Problem {
  if (cause.kind === 'env') {
    const name = cause.provided.read.name;
    const source = describeEnvSource(deployment, cause.location);
    const fixes = envValueFix(deployment, facts, cause, 'DEBUG', ['False', ''], isOff, (value) =>
      value === '' ? `Leave ${name} empty` : `Set ${name}=${value}`,
    );
    return createProblem(
      djangoDebugEnabled,
      cause.location,
      `${name}=${cause.provided.value} in ${source} turns DEBUG on in ${deploymentPhrase(deployment)}; ${consequence}.`,
      { related: [settingsLineRelated(cause.assignment, `DEBUG is read from ${name} here`)], fixes },
    );
  }
  if (cause.kind === 'default') {
    const name = cause.read.name;
    const effect = cause.inEffect
      ? `nothing in this deployment sets ${name}, so DEBUG is on now`
      : `this deployment sets ${name}, but any environment that lacks it runs with DEBUG on`;
    const fixes: Fix[] = defaultValueFix(facts, cause, falseCandidates(cause.read.default), 'DEBUG', isOff, (text) => `Make the default ${text}`);
    return createProblem(
      djangoDebugEnabled,
      cause.location,
      `DEBUG falls back to on when ${name} is not set (fail-open default): ${effect}; ${consequence}.`,
      { fixes },
    );
  }
  return createProblem(
    djangoDebugEnabled,
    cause.location,
    `DEBUG is on in the settings module ${deploymentPhrase(deployment)} runs; ${consequence}.`,
    { fixes: literalValueFix(facts, cause, 'False', 'Set DEBUG = False') },
  );
}
