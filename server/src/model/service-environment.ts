import * as path from 'node:path';
import type { Location } from '../core/range.js';
import { substitute } from '../parsers/compose/interpolation.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { Workspace } from '../workspace/workspace.js';
import type { EnvFileLink, ProvidedVariable, ServiceDefinition } from './deployment.js';
import { findStandIn } from './env-stand-in.js';

/** Values of an env file as variables, later duplicates winning. */
export function envFileVariables(
  file: EnvFile,
  via: ProvidedVariable['via'],
  standIn: boolean,
): Map<string, ProvidedVariable> {
  const variables = new Map<string, ProvidedVariable>();
  for (const entry of file.entries) {
    variables.set(entry.key, {
      name: entry.key,
      value: entry.composeValue ?? entry.value,
      location: { file: file.source.path, range: entry.keyRange },
      via,
      envFile: file.source.path,
      standIn,
    });
  }
  return variables;
}

/** Resolves the `env_file` entries of a service's definitions to workspace files or stand-ins. */
export function linkEnvFiles(workspace: Workspace, definitions: ServiceDefinition[]): EnvFileLink[] {
  const links: EnvFileLink[] = [];
  for (const { file, service } of definitions) {
    const folder = path.posix.dirname(file.source.path);
    for (const reference of service.envFiles) {
      const target = path.posix.normalize(path.posix.join(folder, reference.path));
      const link: EnvFileLink = { reference, composeFile: file.source.path, path: target };
      if (workspace.exists(target)) link.file = workspace.load('env', target);
      else link.standIn = findStandIn(workspace, target);
      links.push(link);
    }
  }
  return links;
}

/**
 * Container environment of a service as compose builds it: each `env_file` in order, then the
 * `environment` entries, whose values compose interpolates from the project environment.
 */
export function serviceEnvironment(
  definitions: ServiceDefinition[],
  links: EnvFileLink[],
  interpolationEnv: Map<string, ProvidedVariable>,
): Map<string, ProvidedVariable> {
  const environment = new Map<string, ProvidedVariable>();
  for (const link of links) {
    const file = link.file ?? link.standIn;
    if (!file) continue;
    for (const [name, variable] of envFileVariables(file, 'env_file', !link.file)) {
      environment.set(name, variable);
    }
  }
  for (const { file, service } of definitions) {
    for (const entry of service.environment) {
      const location: Location = { file: file.source.path, range: entry.range };
      let value: string | undefined;
      if (entry.value === null) {
        value = interpolationEnv.get(entry.key)?.value;
      } else {
        value = substitute(entry.value, (name) => interpolationEnv.get(name)?.value).value;
      }
      environment.set(entry.key, { name: entry.key, value, location, via: 'environment' });
    }
  }
  return environment;
}
