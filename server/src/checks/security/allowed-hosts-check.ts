import type { Problem } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, deploymentPhrase, describeEnvSource } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoAllowedHostsEmpty, djangoAllowedHostsWildcard } from './django-rules.js';
import { itemsOf, knownStringItems, stringValue, truthiness } from './python-values.js';
import { findSettingCauses, settingsLineRelated, type SettingCause } from './setting-causes.js';
import { defaultValueFix } from './setting-fixes.js';
import { importOsEdit } from './source-edits.js';

const hasWildcard = (value: PyValue | undefined) =>
  stringValue(value) === '*' || knownStringItems(value).includes('*');
const noWildcard = (value: PyValue | undefined) => value !== undefined && !hasWildcard(value);

const consequence = 'Django accepts any Host header and can build password-reset and other absolute links to a host an attacker chooses';

/** `ALLOWED_HOSTS` with `*` (in effect or as a fail-open default), and an empty list with DEBUG off. */
export const allowedHostsCheck: Check = {
  name: 'security-allowed-hosts',
  rules: [djangoAllowedHostsWildcard, djangoAllowedHostsEmpty],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    const problems = findSettingCauses(deployment, facts, 'ALLOWED_HOSTS', hasWildcard, 'convenience').map((cause) =>
      wildcardProblem(deployment, facts, cause),
    );
    problems.push(...emptyHostsProblems(facts));
    return problems;
  },
};

function wildcardProblem(deployment: Deployment, facts: DjangoFacts, cause: SettingCause): Problem {
  if (cause.kind === 'env') {
    const name = cause.provided.read.name;
    return createProblem(
      djangoAllowedHostsWildcard,
      cause.location,
      `${name} in ${describeEnvSource(deployment, cause.location)} contains *, so in ${deploymentPhrase(deployment)} ${consequence}.`,
      { related: [settingsLineRelated(cause.assignment, `ALLOWED_HOSTS is read from ${name} here`)] },
    );
  }
  if (cause.kind === 'default') {
    const name = cause.read.name;
    const effect = cause.inEffect ? `Nothing in this deployment sets ${name}, so the wildcard is in effect` : `Any environment that lacks ${name} gets the wildcard`;
    const candidates = cause.read.default?.type === 'str' ? [{ text: '', asString: true }] : [{ text: '[]', asString: false }];
    return createProblem(
      djangoAllowedHostsWildcard,
      cause.location,
      `ALLOWED_HOSTS falls back to * when ${name} is not set (fail-open default), so ${consequence}. ${effect}.`,
      { fixes: defaultValueFix(facts, cause, candidates, 'ALLOWED_HOSTS', noWildcard, (text) => `Make the default ${text}`) },
    );
  }
  const module = facts.app.modules.get(cause.assignment.file);
  const fixes = module
    ? [
        {
          title: 'Read ALLOWED_HOSTS from the environment',
          edits: [
            { file: cause.assignment.file, range: cause.assignment.valueRange, newText: 'os.environ.get("ALLOWED_HOSTS", "").split(",")' },
            ...importOsEdit(module),
          ],
          safe: false,
        },
      ]
    : [];
  return createProblem(djangoAllowedHostsWildcard, cause.location, `ALLOWED_HOSTS contains *, so ${consequence}.`, { fixes });
}

/** Reports W020: with DEBUG off, an empty `ALLOWED_HOSTS` makes Django reject every request with 400. */
function emptyHostsProblems(facts: DjangoFacts): Problem[] {
  const assignment = facts.final('ALLOWED_HOSTS');
  if (!assignment) return [];
  const items = itemsOf(assignment.value);
  if (!items || items.length > 0) return [];
  const debug = facts.final('DEBUG');
  if (debug && truthiness(debug.value) !== false) return [];
  return [
    createProblem(
      djangoAllowedHostsEmpty,
      assignmentLocation(assignment),
      'ALLOWED_HOSTS is empty while DEBUG is off, so Django answers every request with 400 Bad Request.',
    ),
  ];
}
