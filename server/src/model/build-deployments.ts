import * as path from 'node:path';
import type { ComposeFile } from '../parsers/compose/compose-model.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { Workspace } from '../workspace/workspace.js';
import { groupComposeProjects, type ComposeVariant } from './compose-projects.js';
import type { Deployment, NginxConfig, ProvidedVariable, ServiceDefinition, ServiceModel } from './deployment.js';
import { buildDjangoApp, pickDjangoServices } from './django-app.js';
import { findStandIn, isTemplateEnvFile } from './env-stand-in.js';
import { serviceNginxConfigs, standaloneNginxConfigs } from './nginx-configs.js';
import { envFileVariables, linkEnvFiles, serviceEnvironment } from './service-environment.js';
import { serviceRoles } from './service-roles.js';
import { serviceCommand } from './service-command.js';
import { withExtends } from './service-extends.js';
import { combineStages } from './stage.js';

/**
 * Links the workspace's files into deployments: one per compose project, or one built from the
 * settings and env files alone when the workspace has no compose file.
 */
export function buildDeployments(workspace: Workspace): Deployment[] {
  const deployments: Deployment[] = [];
  for (const variants of groupComposeProjects(workspace)) {
    for (const variant of variants) {
      const deployment = composeDeployment(workspace, variant.files);
      deployment.id = variantId(variant);
      deployments.push(deployment);
    }
  }
  // A compose project with no Django service (a database-only `docker-compose.db.yml`, an
  // example under `docs/`) does not run the settings, so it must not judge them against its own
  // env files. When no project runs Django, the settings are checked once against every env
  // file, as in a workspace without compose.
  const runsDjango = deployments.some((deployment) => (deployment.django?.services.length ?? 0) > 0);
  for (const deployment of deployments) {
    if (deployment.django && deployment.django.services.length === 0) delete deployment.django;
  }
  const hasSettings = workspace.discovered.byKind.python.length > 0;
  if (deployments.length === 0 || (!runsDjango && hasSettings)) deployments.push(standaloneDeployment(workspace));
  attachStandaloneNginx(workspace, deployments);
  return deployments;
}

/** Names a variant: `docker-compose.yml`, with `(without override files)` or `+ docker-compose.dev.yml`. */
function variantId(variant: ComposeVariant): string {
  const base = variant.files[0]!.source.path;
  if (variant.kind === 'without-overrides') return `${base} (without override files)`;
  if (variant.kind === 'add-on') return `${base} + ${variant.files[1]!.source.path}`;
  return base;
}

function composeDeployment(workspace: Workspace, composeFiles: ComposeFile[]): Deployment {
  const base = composeFiles[0]!;
  const folder = path.posix.dirname(base.source.path);
  const dotEnvPath = folder === '.' ? '.env' : `${folder}/.env`;
  const files = new Set(composeFiles.map((file) => file.source.path));
  let projectEnvFile: Deployment['projectEnvFile'];
  if (workspace.exists(dotEnvPath)) {
    const file = workspace.load('env', dotEnvPath);
    if (file) projectEnvFile = { file, standIn: false };
  } else {
    const standIn = findStandIn(workspace, dotEnvPath);
    if (standIn) projectEnvFile = { file: standIn, standIn: true };
  }
  const interpolationEnv = projectEnvFile
    ? envFileVariables(projectEnvFile.file, 'env-file-alone', projectEnvFile.standIn)
    : new Map<string, ProvidedVariable>();

  const definitionsByName = new Map<string, ServiceDefinition[]>();
  for (const file of composeFiles) {
    for (const service of file.services) {
      definitionsByName.set(service.name, [...(definitionsByName.get(service.name) ?? []), { file, service }]);
    }
  }
  const services: ServiceModel[] = [];
  for (const [name, ownDefinitions] of definitionsByName) {
    const definitions = withExtends(workspace, ownDefinitions, definitionsByName);
    for (const definition of definitions) files.add(definition.file.source.path);
    const envFiles = linkEnvFiles(workspace, definitions);
    services.push({
      name,
      definitions,
      roles: serviceRoles(definitions.map((definition) => definition.service)),
      envFiles,
      environment: serviceEnvironment(definitions, envFiles, interpolationEnv),
      command: serviceCommand(definitions, interpolationEnv),
    });
  }

  const envFiles = new Map<string, EnvFile>();
  if (projectEnvFile) envFiles.set(projectEnvFile.file.source.path, projectEnvFile.file);
  for (const service of services) {
    for (const link of service.envFiles) {
      const file = link.file ?? link.standIn;
      if (file) envFiles.set(file.source.path, file);
    }
  }
  for (const file of envFiles.keys()) files.add(file);

  const stage = combineStages([
    ...composeFiles.map((file) => file.source.path),
    ...[...envFiles.keys()].filter((file) => !isTemplateEnvFile(file)),
  ]);
  const deployment: Deployment = {
    id: base.source.path,
    composeFiles,
    interpolationEnv,
    projectEnvFile,
    services,
    nginx: [],
    envFiles: [...envFiles.values()],
    stage,
    files,
  };
  const djangoServices = pickDjangoServices(workspace, services);
  deployment.django = buildDjangoApp(workspace, deployment, djangoServices);
  for (const service of services) {
    if (!service.roles.has('nginx')) continue;
    deployment.nginx.push(...serviceNginxConfigs(workspace, service));
  }
  for (const config of deployment.nginx) for (const file of config.files) files.add(file);
  if (deployment.django) for (const file of deployment.django.evaluation.files) files.add(file);
  return deployment;
}

/** Deployment of a workspace without compose: its settings read every env file directly. */
function standaloneDeployment(workspace: Workspace): Deployment {
  const envFiles = workspace.all('env');
  const stage = combineStages([...envFiles.map((file) => file.source.path).filter((file) => !isTemplateEnvFile(file))]);
  const deployment: Deployment = {
    id: workspace.discovered.byKind.python[0] ?? workspace.discovered.byKind.env[0] ?? '.',
    composeFiles: [],
    interpolationEnv: new Map(),
    services: [],
    nginx: [],
    envFiles,
    stage,
    files: new Set(envFiles.map((file) => file.source.path)),
  };
  deployment.django = buildDjangoApp(workspace, deployment, []);
  if (deployment.django) {
    for (const file of deployment.django.evaluation.files) deployment.files.add(file);
    deployment.id = deployment.django.settingsFile;
  }
  return deployment;
}

/** Gives every deployment the nginx files that no nginx service mounts. */
function attachStandaloneNginx(workspace: Workspace, deployments: Deployment[]): void {
  const taken = new Set<string>();
  for (const deployment of deployments) {
    for (const config of deployment.nginx) for (const file of config.files) taken.add(file);
  }
  const standalone: NginxConfig[] = standaloneNginxConfigs(workspace, taken);
  for (const deployment of deployments) {
    deployment.nginx.push(...standalone);
    for (const config of standalone) for (const file of config.files) deployment.files.add(file);
  }
}
