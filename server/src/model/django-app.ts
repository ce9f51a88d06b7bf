import type { EnvLookup } from '../parsers/python/settings-model.js';
import { resolverFor } from '../parsers/python/evaluate-settings.js';
import { evaluateSettingsOnce } from '../parsers/python/evaluation-memo.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Deployment, DjangoApp, ProvidedVariable, ServiceModel } from './deployment.js';
import { isTemplateEnvFile } from './env-stand-in.js';
import { envFileVariables } from './service-environment.js';
import { readsDjangoSettings } from './service-roles.js';
import { chooseSettingsFile, loadPythonModules } from './settings-module.js';

const appServerCommand = /\b(gunicorn|daphne|uvicorn|uwsgi|hypercorn|granian|runserver)\b/;
const appServiceName = /^(backend|web|api|app|django|server|wsgi|asgi|site|application)(\d*|[-_].*)$/;

/**
 * Services that run the Django app: those whose command or environment says so (the web server
 * first, Celery after), or else a built service with a conventional name when the workspace has
 * settings modules, since a Dockerfile `CMD` is not visible from compose.
 */
export function pickDjangoServices(workspace: Workspace, services: ServiceModel[]): ServiceModel[] {
  const readers = services.filter((service) => readsDjangoSettings(service.roles));
  if (readers.length === 0 && workspace.discovered.byKind.python.length > 0) {
    const built = services.filter(
      (service) =>
        service.definitions.some((definition) => definition.service.build) &&
        service.roles.size === 0 &&
        appServiceName.test(service.name),
    );
    for (const service of built) service.roles.add('django');
    readers.push(...built);
  }
  const isWeb = (service: ServiceModel) =>
    service.command.some((arg) => appServerCommand.test(arg.value)) || !service.roles.has('celery');
  return [...readers.filter(isWeb), ...readers.filter((service) => !isWeb(service))];
}

/** Variables that reach a settings module run with no compose file: every env file, real over template. */
function standaloneProvided(deployment: Deployment): Map<string, ProvidedVariable> {
  const provided = new Map<string, ProvidedVariable>();
  const ordered = [...deployment.envFiles].sort(
    (a, b) => Number(!isTemplateEnvFile(a.source.path)) - Number(!isTemplateEnvFile(b.source.path)),
  );
  for (const file of ordered) {
    const standIn = isTemplateEnvFile(file.source.path);
    for (const [name, variable] of envFileVariables(file, 'env-file-alone', standIn)) provided.set(name, variable);
  }
  return provided;
}

export function lookupFrom(provided: Map<string, ProvidedVariable>): EnvLookup {
  return (name) => {
    const variable = provided.get(name);
    if (!variable || variable.value === undefined) return undefined;
    return { value: variable.value, location: variable.location };
  };
}

/** Finds and evaluates the settings module a deployment's Django services run. */
export function buildDjangoApp(
  workspace: Workspace,
  deployment: Deployment,
  services: ServiceModel[],
): DjangoApp | undefined {
  const primary = services[0];
  const provided = primary ? primary.environment : standaloneProvided(deployment);
  const moduleName = provided.get('DJANGO_SETTINGS_MODULE')?.value;
  const near = primary?.definitions[0]?.file.source.path;
  const chosen = chooseSettingsFile(workspace, moduleName, deployment.stage, near);
  if (!chosen) return undefined;
  const modules = loadPythonModules(workspace);
  const entry = modules.get(chosen.file) ?? workspace.load('python', chosen.file);
  if (!entry) return undefined;
  modules.set(chosen.file, entry);
  const env = lookupFrom(provided);
  const evaluation = evaluateSettingsOnce(entry, resolverFor(modules), env);
  return { settingsFile: chosen.file, modules, evaluation, env, services, provided };
}
