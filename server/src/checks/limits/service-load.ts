import type { RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import { readsDjangoSettings } from '../../model/service-roles.js';
import type { Workspace } from '../../workspace/workspace.js';
import { type Count, exactCount, unknownCount } from './app-server.js';
import { commandLines } from './command-words.js';
import { type ServiceRuntime, serviceRuntime } from './service-runtime.js';

/** How many processes of a service run Django code, and how many requests each runs at once. */
export interface ServiceLoad {
  runtime: ServiceRuntime;
  replicas: Count;
  /** Processes per container. */
  processes: Count;
  /** Threads or greenlets per process, each with its own database connection. */
  concurrency: Count;
  /** Location of the counts, for related locations. */
  location: Location;
}

/**
 * Collects the loads of the services that read the Django settings: application servers and
 * Celery workers. One-shot `manage.py` commands (`migrate`, `collectstatic`) keep no lasting
 * connection, so they are left out. A service whose command is not visible (a Dockerfile
 * `CMD`) counts as at least one process.
 */
export function djangoLoads(deployment: Deployment, workspace: Workspace): ServiceLoad[] {
  const loads: ServiceLoad[] = [];
  for (const service of deployment.services) {
    if (!readsDjangoSettings(service.roles) || service.roles.has('nginx')) continue;
    const runtime = serviceRuntime(service, deployment, workspace);
    const load = loadOf(runtime, deployment);
    if (load) loads.push(load);
  }
  return loads;
}

function loadOf(runtime: ServiceRuntime, deployment: Deployment): ServiceLoad | undefined {
  const { service, server, celery, replicas } = runtime;
  const fallback = commandLocation(service);
  if (server) {
    return {
      runtime,
      replicas,
      processes: server.processes,
      concurrency: server.concurrency,
      location: server.processes.location ?? server.program.location,
    };
  }
  if (celery) {
    const location = celery.concurrency.location ?? celery.program.location;
    if (celery.concurrency.value === 0 && celery.concurrency.exact) return undefined;
    const threaded = /^(threads|gevent|eventlet)$/.test(celery.pool);
    return {
      runtime,
      replicas,
      processes: threaded ? exactCount(1, 'one process') : celery.concurrency,
      concurrency: threaded ? celery.concurrency : exactCount(1, 'one thread per process'),
      location,
    };
  }
  if (isOneShot(service, deployment)) return undefined;
  return {
    runtime,
    replicas,
    processes: unknownCount('processes of a command the compose file does not show'),
    concurrency: unknownCount('threads per process'),
    location: fallback,
  };
}

/** `python manage.py migrate` and similar commands that exit after their work. */
function isOneShot(service: ServiceModel, deployment: Deployment): boolean {
  const lines = commandLines(service, deployment);
  if (lines.length === 0) return false;
  return lines.every((line) => {
    const manage = line.findIndex((word) => /(^|\/)(manage\.py|django-admin)$/.test(word.value));
    return manage >= 0 && line[manage + 1] !== undefined && line[manage + 1]!.value !== 'runserver';
  });
}

/** Returns the location of the service's command, or of its name when it has none. */
export function commandLocation(service: ServiceModel): Location {
  const first = service.command[0];
  if (first) return { file: first.file, range: first.range };
  return serviceNameLocation(service);
}

/** Returns the service's name in its last definition, where service-wide findings go. */
export function serviceNameLocation(service: ServiceModel): Location {
  const definition = service.definitions[service.definitions.length - 1]!;
  return { file: definition.file.source.path, range: definition.service.nameRange };
}

/** `3 replicas × --workers 9 × --threads 4`, leaving out factors of one. */
export function describeFactors(factors: Count[]): string {
  const significant = factors.filter((factor) => factor.value !== 1 || !factor.exact);
  const shownFactors = significant.length > 0 ? significant : [factors[factors.length - 1]!];
  const parts = shownFactors.map((factor) =>
    factor.exact ? factor.text : `at least ${factor.value} (${factor.text})`,
  );
  return parts.join(' × ');
}

/** Related locations for the counts of a load that are written somewhere. */
export function loadRelated(load: ServiceLoad, effect: string): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const count of [load.replicas, load.processes, load.concurrency]) {
    if (count.location && count.value !== 1) {
      const message = `${load.runtime.service.name}: ${count.text} ${effect}.`;
      related.push({ location: count.location, message });
    }
  }
  if (related.length === 0) {
    related.push({ location: load.location, message: `${load.runtime.service.name} ${effect}.` });
  }
  return related;
}
