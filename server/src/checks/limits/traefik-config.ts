import type { Location, Range } from '../../core/range.js';
import { parseGoDuration } from '../../core/units.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Label } from '../../parsers/compose/compose-model.js';
import { type Word, commandLines } from './command-words.js';

/** A Traefik buffering middleware's `maxRequestBodyBytes` and the services whose routers use it. */
export interface TraefikBodyLimit {
  middleware: string;
  bytes: number;
  location: Location;
  valueRange: Range;
  services: ServiceModel[];
}

/**
 * An entry point's `respondingTimeouts` value, or the `serversTransport.forwardingTimeouts`
 * `responseHeaderTimeout` that applies to every service, from Traefik's static configuration.
 */
export interface TraefikTimeout {
  /** Entry point the timeout belongs to; undefined for a servers transport timeout. */
  entrypoint: string | undefined;
  name: 'readTimeout' | 'writeTimeout' | 'idleTimeout' | 'responseHeaderTimeout';
  milliseconds: number;
  location: Location;
}

/** A `loadbalancer.server.port` label: the port Traefik sends a service's requests to. */
export interface TraefikServicePort {
  service: ServiceModel;
  port: number;
  location: Location;
}

interface Router {
  /** Service whose labels declare the router, which is where it sends requests by default. */
  service: ServiceModel;
  entrypoints?: string[];
  middlewares: string[];
}

type ServiceLabel = Label & { lower: string; file: string };

/** Labels of a service across its definitions, keys lower-cased: Traefik ignores their case. */
function labels(service: ServiceModel): ServiceLabel[] {
  return service.definitions.flatMap(({ file, service: definition }) =>
    definition.labels.map((label) => ({
      ...label,
      lower: label.key.toLowerCase(),
      file: file.source.path,
    })),
  );
}

/** `a@docker, b` as lower-cased names without the provider suffix. */
function nameList(value: string): string[] {
  return value.split(',').map((item) => item.trim().replace(/@.*$/, '').toLowerCase());
}

function routers(deployment: Deployment): Router[] {
  const found = new Map<string, Router>();
  for (const service of deployment.services) {
    for (const label of labels(service)) {
      const match = /^traefik\.http\.routers\.([^.]+)\.(.+)$/.exec(label.lower);
      if (!match) continue;
      const key = `${service.name}/${match[1]}`;
      const router = found.get(key) ?? { service, middlewares: [] };
      found.set(key, router);
      if (match[2] === 'entrypoints') router.entrypoints = nameList(label.value);
      if (match[2] === 'middlewares') router.middlewares = nameList(label.value);
    }
  }
  return [...found.values()];
}

const bufferingLabel = /^traefik\.http\.middlewares\.([^.]+)\.buffering\.maxrequestbodybytes$/;

/** Buffering middlewares with `maxRequestBodyBytes` and the services their routers reach. */
export function traefikBodyLimits(deployment: Deployment): TraefikBodyLimit[] {
  const allRouters = routers(deployment);
  const limits: TraefikBodyLimit[] = [];
  for (const service of deployment.services) {
    for (const label of labels(service)) {
      const match = bufferingLabel.exec(label.lower);
      if (!match || !/^\d+$/.test(label.value) || Number(label.value) === 0) continue;
      const users = allRouters.filter((router) => router.middlewares.includes(match[1]!));
      limits.push({
        middleware: match[1]!,
        bytes: Number(label.value),
        location: { file: label.file, range: label.range },
        valueRange: label.valueRange,
        services: [...new Set(users.map((router) => router.service))],
      });
    }
  }
  return limits;
}

/**
 * Services Traefik routes requests to from `entrypoint`: those with a router on it, or with a
 * router that names no entry point (which then listens on all of them).
 */
export function servicesRoutedFrom(deployment: Deployment, entrypoint: string | undefined): ServiceModel[] {
  const name = entrypoint?.toLowerCase();
  const routed = routers(deployment).filter(
    (router) => name === undefined || router.entrypoints === undefined || router.entrypoints.includes(name),
  );
  return [...new Set(routed.map((router) => router.service))];
}

const timeoutKey = new RegExp(
  '^entrypoints[._]([^._]+)[._]transport[._]respondingtimeouts[._]' +
    '(readtimeout|writetimeout|idletimeout)$',
);
const timeoutNames = {
  readtimeout: 'readTimeout',
  writetimeout: 'writeTimeout',
  idletimeout: 'idleTimeout',
} as const;
/** The default servers transport's timeout for a backend's response headers (Traefik v2 and v3). */
const responseHeaderKey = /^serverstransport[._]forwardingtimeouts[._]responseheadertimeout$/;

/** `respondingTimeouts` set on Traefik's command line or in its `TRAEFIK_*` environment. */
export function traefikTimeouts(deployment: Deployment): TraefikTimeout[] {
  const timeouts: TraefikTimeout[] = [];
  const add = (key: string, value: string, location: Location) => {
    // Traefik reads a bare number as seconds.
    const milliseconds = parseGoDuration(value, true);
    if (milliseconds === undefined) return;
    const lower = key.toLowerCase();
    if (responseHeaderKey.test(lower)) {
      timeouts.push({ entrypoint: undefined, name: 'responseHeaderTimeout', milliseconds, location });
      return;
    }
    const match = timeoutKey.exec(lower);
    if (!match) return;
    const name = timeoutNames[match[2] as keyof typeof timeoutNames];
    timeouts.push({ entrypoint: match[1]!, name, milliseconds, location });
  };
  for (const service of deployment.services) {
    if (!service.roles.has('traefik')) continue;
    for (const line of commandLines(service, deployment)) {
      for (const flag of flags(line)) add(flag.name, flag.value, flag.location);
    }
    for (const [name, variable] of service.environment) {
      if (!name.startsWith('TRAEFIK_') || variable.value === undefined) continue;
      add(name.slice('TRAEFIK_'.length), variable.value, variable.location);
    }
  }
  return timeouts;
}

/** `--name=value` and `--name value` flags of a command line. */
function flags(line: Word[]): { name: string; value: string; location: Location }[] {
  const found: { name: string; value: string; location: Location }[] = [];
  line.forEach((word, index) => {
    if (!word.value.startsWith('--')) return;
    const equals = word.value.indexOf('=');
    const next = line[index + 1];
    if (equals > 0) {
      const value = word.value.slice(equals + 1);
      found.push({ name: word.value.slice(2, equals), value, location: word.location });
    } else if (next && !next.value.startsWith('--')) {
      found.push({ name: word.value.slice(2), value: next.value, location: next.location });
    }
  });
  return found;
}

const portLabel = /^traefik\.http\.services\.[^.]+\.loadbalancer\.server\.port$/;

/** `traefik.http.services.<name>.loadbalancer.server.port` labels. */
export function traefikServicePorts(deployment: Deployment): TraefikServicePort[] {
  const ports: TraefikServicePort[] = [];
  for (const service of deployment.services) {
    for (const label of labels(service)) {
      if (!portLabel.test(label.lower) || !/^\d+$/.test(label.value)) continue;
      const location = { file: label.file, range: label.range };
      ports.push({ service, port: Number(label.value), location });
    }
  }
  return ports;
}
