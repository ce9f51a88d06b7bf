import type { Rule } from '../../core/rule.js';

const composeInterpolation = 'https://docs.docker.com/reference/compose-file/interpolation/';
const composeEnvFile = 'https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/';
const djangoSettings = 'https://docs.djangoproject.com/en/stable/topics/settings/';

export const variableMissing: Rule = {
  id: 'variable-missing',
  family: 'variables',
  severity: 'error',
  title: 'Variable read by settings but provided by nothing',
  doc:
    'The settings read an environment variable that no env file, compose `environment` entry or ' +
    '`env_file` gives to the service running Django. Without a default the read fails at start-up ' +
    '(`KeyError`, decouple `UndefinedValueError`, django-environ `ImproperlyConfigured`) or yields ' +
    '`None`; with a default the default is silently used in production. Declare the variable in the ' +
    'env template and the env file the service loads, or give the read a safe default.',
  sources: [djangoSettings, composeEnvFile],
};

export const variableDefaultUsed: Rule = {
  id: 'variable-default-used',
  family: 'variables',
  severity: 'information',
  title: 'Variable not provided, so its default is used',
  doc:
    'The settings read an environment variable with a default, and nothing in the deployment sets ' +
    'it, so the default is the value in effect. This is often intended; the finding names the ' +
    'default so that a reviewer can confirm it suits production. Declare the variable in the env ' +
    'template to make the choice visible.',
  sources: [djangoSettings],
};

export const variableUnused: Rule = {
  id: 'variable-unused',
  family: 'variables',
  severity: 'warning',
  title: 'Variable declared but read by nothing',
  doc:
    'An env file or a compose `environment` entry sets a variable that neither the settings, nor ' +
    'compose interpolation, nor an nginx template, nor a well-known consumer (the postgres and redis ' +
    'images, gunicorn, Python, Django itself) reads. It is usually left over from a rename or ' +
    'misspelt, so the value the operator sets has no effect. Remove it or read it in the settings.',
  sources: [composeEnvFile],
};

export const variableNearMiss: Rule = {
  id: 'variable-name-mismatch',
  family: 'variables',
  severity: 'warning',
  title: 'Variable spelt differently where it is set and where it is read',
  doc:
    'The settings read a variable that nothing provides, while a variable with a nearly identical ' +
    'name is provided and read by nothing. The value the operator sets is ignored and the default ' +
    '(or nothing) is used instead. Rename one side so both spell the variable the same way.',
  sources: [djangoSettings],
};

export const variableInvalidValue: Rule = {
  id: 'variable-invalid-value',
  family: 'variables',
  severity: 'error',
  title: 'Value the reading code cannot convert',
  doc:
    'A variable is set to a value that the settings convert with a cast that fails, such as ' +
    '`int("twenty")` or decouple `cast=bool` on `maybe`, so Django stops at start-up with a ' +
    '`ValueError`. Write a value of the expected type.',
  sources: ['https://github.com/HBNetwork/python-decouple#understanding-the-cast-argument'],
};

export const variableBoolIdiom: Rule = {
  id: 'variable-bool-misread',
  family: 'variables',
  severity: 'warning',
  title: 'Boolean value the reading idiom misreads',
  doc:
    'The settings turn a string into a boolean by comparing it with one exact spelling ' +
    '(`os.environ.get("DEBUG") == "True"`) or with `bool()`, which is true for every non-empty ' +
    'string, "False" included. A value such as `yes`, `1` or `true` then reads as False, or `False` ' +
    'reads as True. Write the exact spelling the code expects, or read the variable with a parser ' +
    'that knows boolean spellings (`env.bool`, decouple `cast=bool`).',
  sources: ['https://docs.python.org/3/library/stdtypes.html#truth-value-testing'],
};

export const composeVariableUnset: Rule = {
  id: 'compose-variable-unset',
  family: 'variables',
  severity: 'warning',
  title: 'Compose interpolates a variable that is set nowhere',
  doc:
    'Compose replaces `${VAR}` with the value from the shell or the project `.env` file, and with ' +
    'an empty string, after printing a warning, when neither sets it. `env_file` entries never feed ' +
    'interpolation. Set the variable in `.env` (and its template), or give a default with ' +
    '`${VAR:-default}`; write `$$` for a literal dollar sign.',
  sources: [composeInterpolation],
};

export const composeVariableRequired: Rule = {
  id: 'compose-variable-required',
  family: 'variables',
  severity: 'error',
  title: 'Compose requires a variable that is set nowhere',
  doc:
    'A `${VAR:?message}` or `${VAR?message}` reference makes compose refuse to start the project ' +
    'when the variable is unset (or, with `:?`, empty), and nothing in the project `.env` sets it. ' +
    'Declare it in `.env` and its template, or document that the shell must export it.',
  sources: [composeInterpolation],
};

export const composeDependsOnUnknown: Rule = {
  id: 'compose-depends-on-unknown',
  family: 'variables',
  severity: 'error',
  title: 'depends_on names no service',
  doc:
    'Compose rejects a project whose `depends_on` names a service that no compose file of the ' +
    'project defines. Fix the name or add the service.',
  sources: ['https://docs.docker.com/reference/compose-file/services/#depends_on'],
};

export const composeMemoryConflict: Rule = {
  id: 'compose-mem-limit-conflict',
  family: 'variables',
  severity: 'error',
  title: 'mem_limit disagrees with deploy.resources.limits.memory',
  doc:
    'When a service sets both `mem_limit` and `deploy.resources.limits.memory`, compose refuses ' +
    'to load the project unless the two are equal. Keep one of them.',
  sources: ['https://docs.docker.com/reference/compose-file/deploy/#resources'],
};

export const envDuplicateKey: Rule = {
  id: 'env-duplicate-key',
  family: 'variables',
  severity: 'warning',
  title: 'Variable declared twice in one env file',
  doc:
    'Every common env-file reader (docker compose, python-dotenv, django-environ, the dotenv ' +
    'package) keeps the later of two assignments to the same key, so the earlier line is dead and ' +
    'misleads readers. Remove one of them.',
  sources: [composeEnvFile],
};

export const variableRules: Rule[] = [
  variableMissing,
  variableDefaultUsed,
  variableUnused,
  variableNearMiss,
  variableInvalidValue,
  variableBoolIdiom,
  composeVariableUnset,
  composeVariableRequired,
  composeDependsOnUnknown,
  composeMemoryConflict,
  envDuplicateKey,
];
