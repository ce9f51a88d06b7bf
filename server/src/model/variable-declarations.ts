import type { Location } from '../core/range.js';
import type { Deployment, ServiceModel } from './deployment.js';
import { isTemplateEnvFile } from './env-stand-in.js';

/** One place in a deployment that sets a variable: an env file line or a compose `environment` entry. */
export interface VariableDeclaration {
  name: string;
  /** Range of the key as written. */
  location: Location;
  /**
   * Value as written: an env file value as docker compose reads it, or a compose `environment`
   * value before interpolation. Undefined for a bare `KEY` that compose passes from the shell.
   */
  value: string | undefined;
  source: 'env-file' | 'environment';
  /** Services that load the env file through `env_file`, or whose `environment` has the entry. */
  services: string[];
  /** True for the project `.env` (or its stand-in), whose values compose interpolates `${VAR}` with. */
  interpolation: boolean;
  /** True for a committed template (`env.template`, `.env.example`) rather than a file with real values. */
  template: boolean;
  /** True when the file is a template read in place of a missing env file. */
  standIn: boolean;
}

/**
 * Lists every declaration of a deployment: each entry of the env files it reads, then each
 * `environment` entry of its services, in file order. A later duplicate key in one env file is
 * listed too, since it is a line of its own.
 */
export function listDeclarations(deployment: Deployment): VariableDeclaration[] {
  const declarations: VariableDeclaration[] = [];
  const projectEnv = deployment.projectEnvFile;
  for (const file of deployment.envFiles) {
    const path = file.source.path;
    const loaders = servicesLoading(deployment.services, path);
    const feedsInterpolation = projectEnv?.file.source.path === path;
    const standIn = loaders.standIn || (feedsInterpolation && projectEnv.standIn);
    for (const entry of file.entries) {
      declarations.push({
        name: entry.key,
        location: { file: path, range: entry.keyRange },
        value: entry.composeValue ?? entry.value,
        source: 'env-file',
        services: loaders.names,
        interpolation: feedsInterpolation,
        template: isTemplateEnvFile(path),
        standIn,
      });
    }
  }
  for (const service of deployment.services) {
    for (const { file, service: definition } of service.definitions) {
      for (const entry of definition.environment) {
        declarations.push({
          name: entry.key,
          location: { file: file.source.path, range: entry.keyRange },
          value: entry.value ?? undefined,
          source: 'environment',
          services: [service.name],
          interpolation: false,
          template: false,
          standIn: false,
        });
      }
    }
  }
  return declarations;
}

/** Names of the services whose `env_file` resolves to `path`, and whether one reads it as a stand-in. */
function servicesLoading(services: ServiceModel[], path: string): { names: string[]; standIn: boolean } {
  const names: string[] = [];
  let standIn = false;
  for (const service of services) {
    for (const link of service.envFiles) {
      const loaded = link.file ?? link.standIn;
      if (loaded?.source.path !== path) continue;
      if (!names.includes(service.name)) names.push(service.name);
      if (!link.file) standIn = true;
    }
  }
  return { names, standIn };
}

/** Deployments that read `file` (any kind), or every deployment when none does. */
export function deploymentsOf(deployments: Deployment[], file: string): Deployment[] {
  const reading = deployments.filter((deployment) => deployment.files.has(file));
  return reading.length > 0 ? reading : deployments;
}
