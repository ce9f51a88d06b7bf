import { containsPosition } from '../core/range.js';
import type { Deployment } from '../model/deployment.js';
import type { NavigationRequest } from './occurrence-at.js';
import type { Occurrence, OccurrenceOrigin } from './occurrences.js';

/**
 * Namespace a variable name lives in. Compose interpolates `${NAME}` from the project `.env` and
 * the shell, while a container's environment comes from `env_file` and `environment`, which is
 * what settings and nginx templates read. The same name can mean two variables:
 * `POSTGRES_DB: ${POSTGRES_DB}` sets the container's `POSTGRES_DB` from the project's.
 * `either` is an env file that feeds both; `unlinked` one that no deployment links, which may
 * document either.
 */
export type VariableScope = 'interpolation' | 'container' | 'either' | 'unlinked';

const originScopes: Record<Exclude<OccurrenceOrigin, 'env-file'>, VariableScope> = {
  environment: 'container',
  'env-file-interpolation': 'interpolation',
  'compose-interpolation': 'interpolation',
  'nginx-template': 'container',
  'settings-read': 'container',
  'environ-schema': 'container',
};

/** Scope of each env file the deployments link: project `.env`, `env_file`, or both. */
export function envFileScopes(deployments: Deployment[]): Map<string, VariableScope> {
  const project = new Set<string>();
  const container = new Set<string>();
  for (const deployment of deployments) {
    if (deployment.projectEnvFile) project.add(deployment.projectEnvFile.file.source.path);
    if (deployment.services.length === 0) {
      for (const file of deployment.envFiles) container.add(file.source.path);
    }
    for (const service of deployment.services) {
      for (const link of service.envFiles) {
        const file = link.file ?? link.standIn;
        if (file) container.add(file.source.path);
      }
    }
  }
  const scopes = new Map<string, VariableScope>();
  for (const path of new Set([...project, ...container])) {
    scopes.set(path, project.has(path) && container.has(path) ? 'either' : project.has(path) ? 'interpolation' : 'container');
  }
  return scopes;
}

export function scopeOf(origin: OccurrenceOrigin, file: string, envScopes: Map<string, VariableScope>): VariableScope {
  if (origin === 'env-file') return envScopes.get(file) ?? 'unlinked';
  return originScopes[origin];
}

/**
 * Services whose containers read each file's variables: the services loading an env file, the
 * Django services running a settings module, the nginx services rendering a template. A file no
 * service reads is missing from the map.
 */
export function fileServices(deployments: Deployment[]): Map<string, Set<string>> {
  const services = new Map<string, Set<string>>();
  const add = (file: string, service: string) => {
    const set = services.get(file) ?? new Set<string>();
    set.add(service);
    services.set(file, set);
  };
  for (const deployment of deployments) {
    for (const service of deployment.services) {
      for (const link of service.envFiles) {
        const file = link.file ?? link.standIn;
        if (file) add(file.source.path, service.name);
      }
    }
    for (const service of deployment.django?.services ?? []) {
      for (const file of deployment.django!.evaluation.files) add(file, service.name);
    }
    for (const config of deployment.nginx) {
      if (config.service) for (const file of config.files) add(file, config.service.name);
    }
  }
  return services;
}

/** True when two sets of services share one, or when either is unknown. */
function shareService(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return a.some((service) => b.includes(service));
}

/** Namespace and services of the name under the cursor. */
export interface CursorScope {
  scope: VariableScope;
  services: string[] | undefined;
}

/** Scope of the occurrence under the cursor; a read found only from the tokens is a container read. */
export function scopeAtCursor(request: NavigationRequest, occurrences: Occurrence[]): CursorScope {
  const atCursor = occurrences.find(
    (occurrence) =>
      occurrence.location.file === request.file && containsPosition(occurrence.location.range, request.position),
  );
  if (atCursor) return { scope: atCursor.scope === 'unlinked' ? 'either' : atCursor.scope, services: atCursor.services };
  return { scope: request.file.endsWith('.py') ? 'container' : 'either', services: undefined };
}

/**
 * Selects the occurrences that name the same variable as the one under the cursor. They are in
 * the same namespace and, for a container's environment, read by a service that the cursor's
 * occurrence reaches, because the `POSTGRES_DB` of the postgres container is not the one the
 * Django settings read. An env file
 * that feeds both namespaces ties them together: with one such line among them, the
 * interpolation occurrences count too, and the container ones of the services involved. An env
 * file that no deployment links is included whatever the namespace.
 */
export function sameVariable(occurrences: Occurrence[], { scope, services }: CursorScope): Occurrence[] {
  if (scope === 'either') return occurrences;
  const matching = occurrences.filter((occurrence) => {
    if (occurrence.scope === 'either' || occurrence.scope === 'unlinked') return true;
    if (occurrence.scope !== scope) return false;
    return scope === 'interpolation' || shareService(occurrence.services, services);
  });
  const tying = matching.filter((occurrence) => occurrence.scope === 'either');
  if (tying.length === 0) return matching;
  const known = [services, ...tying.map((occurrence) => occurrence.services)];
  const tied = known.includes(undefined) ? undefined : [...new Set(known.flat() as string[])];
  return occurrences.filter(
    (occurrence) => occurrence.scope !== 'container' || shareService(occurrence.services, tied),
  );
}
