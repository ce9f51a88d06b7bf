import type { Location } from '../../core/range.js';
import type { Deployment, NginxConfig, ServiceModel } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { blockPath, findAll } from '../../parsers/nginx/walk-nginx.js';
import { serviceHostNames } from './compose-names.js';

/** One host the proxy sends requests to, from a `proxy_pass` URL or an upstream `server`. */
export interface ProxyTarget {
  host: string;
  port: number;
  /** The `server` directive's address or the `proxy_pass` argument. */
  location: Location;
  service?: ServiceModel;
}

/** A `proxy_pass` or `uwsgi_pass` and the location block it sits in. */
export interface ProxyRoute {
  config: NginxConfig;
  /** The nearest enclosing `location` block. */
  location: NginxDirective;
  pass: NginxDirective;
  protocol: 'http' | 'uwsgi';
  /** The `upstream` block the pass names, if any. */
  upstream?: NginxDirective;
  targets: ProxyTarget[];
  /** True when the address contains a variable or a Unix socket, so the target is unknown. */
  unresolved: boolean;
}

const routeCache = new WeakMap<Deployment, ProxyRoute[]>();

/** Collects (once per deployment) every proxying location of its nginx configurations. */
export function proxyRoutes(deployment: Deployment): ProxyRoute[] {
  const cached = routeCache.get(deployment);
  if (cached) return cached;
  const routes: ProxyRoute[] = [];
  for (const config of deployment.nginx) {
    const upstreams = new Map<string, NginxDirective>();
    for (const upstream of findAll(config.directives, 'upstream')) {
      const name = upstream.args[0]?.value;
      if (name !== undefined) upstreams.set(name, upstream);
    }
    for (const name of ['proxy_pass', 'uwsgi_pass']) {
      for (const pass of findAll(config.directives, name)) {
        const location = enclosingLocation(pass);
        if (!location || !pass.args[0]) continue;
        routes.push(route(deployment, config, location, pass, upstreams));
      }
    }
  }
  routeCache.set(deployment, routes);
  return routes;
}

/** True when a route sends requests to a service that runs the Django app. */
export function reachesDjango(route: ProxyRoute, deployment: Deployment): boolean {
  if (deployment.services.length === 0) return deployment.django !== undefined && !route.unresolved;
  return route.targets.some((target) => target.service && isDjangoWeb(target.service));
}

/** True for a service that serves Django over HTTP (not a Celery worker or a proxy). */
export function isDjangoWeb(service: ServiceModel): boolean {
  return service.roles.has('django') && !service.roles.has('nginx');
}

/** Routes grouped by `key` (such as the directive in effect at each), in first-seen order. */
export function groupRoutes<K>(
  routes: ProxyRoute[],
  key: (route: ProxyRoute) => K | undefined,
): Map<K, ProxyRoute[]> {
  const groups = new Map<K, ProxyRoute[]>();
  for (const route of routes) {
    const value = key(route);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(route);
    else groups.set(value, [route]);
  }
  return groups;
}

/** Names the locations of some routes: the block path of one, or `location /ws/ and location /`. */
export function describeLocations(routes: ProxyRoute[]): string {
  const locations = [...new Set(routes.map((route) => route.location))];
  if (locations.length === 1) return blockPath(locations[0]!);
  const heads = locations.map((location) =>
    ['location', ...location.args.map((argument) => argument.raw)].join(' '),
  );
  return `${heads.slice(0, -1).join(', ')} and ${heads[heads.length - 1]}`;
}

function enclosingLocation(directive: NginxDirective): NginxDirective | undefined {
  for (let block = directive.parent; block; block = block.parent) {
    if (block.name === 'location') return block;
  }
  return undefined;
}

function route(
  deployment: Deployment,
  config: NginxConfig,
  location: NginxDirective,
  pass: NginxDirective,
  upstreams: Map<string, NginxDirective>,
): ProxyRoute {
  const protocol = pass.name === 'uwsgi_pass' ? 'uwsgi' : 'http';
  const argument = pass.args[0]!;
  const passLocation = { file: pass.file, range: argument.range };
  const address = parsePassAddress(argument.value, protocol);
  const result: ProxyRoute = { config, location, pass, protocol, targets: [], unresolved: false };
  if (!address) {
    result.unresolved = true;
    return result;
  }
  const upstream = address.port === undefined ? upstreams.get(address.host) : undefined;
  if (upstream) {
    result.upstream = upstream;
    for (const server of (upstream.block ?? []).filter((child) => child.name === 'server')) {
      const serverArgument = server.args[0];
      if (!serverArgument) continue;
      const parsed = parseHostPort(serverArgument.value);
      if (!parsed) {
        result.unresolved = true;
        continue;
      }
      result.targets.push({
        host: parsed.host,
        port: parsed.port ?? 80,
        location: { file: server.file, range: serverArgument.range },
        service: serviceForHost(deployment, parsed.host),
      });
    }
    return result;
  }
  result.targets.push({
    host: address.host,
    port: address.port ?? (address.https ? 443 : 80),
    location: passLocation,
    service: serviceForHost(deployment, address.host),
  });
  return result;
}

/** Host and port of a `proxy_pass` URL or `uwsgi_pass` address; undefined for sockets. */
export function parsePassAddress(
  value: string,
  protocol: 'http' | 'uwsgi',
): { host: string; port?: number; https: boolean } | undefined {
  if (value.includes('$')) return undefined;
  let rest = value;
  let https = false;
  const scheme = /^([a-z]+):\/\//.exec(rest);
  if (scheme) {
    https = scheme[1] === 'https' || scheme[1] === 'suwsgi';
    rest = rest.slice(scheme[0].length);
  } else if (protocol === 'http') {
    return undefined;
  }
  if (rest.startsWith('unix:')) return undefined;
  const hostPort = rest.split('/')[0]!;
  const parsed = parseHostPort(hostPort);
  return parsed ? { ...parsed, https } : undefined;
}

function parseHostPort(text: string): { host: string; port?: number } | undefined {
  if (text.startsWith('unix:') || text.includes('$') || text === '') return undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracket) return { host: bracket[1]!, port: bracket[2] ? Number(bracket[2]) : undefined };
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { host: text };
  const port = text.slice(colon + 1);
  if (!/^\d+$/.test(port)) return undefined;
  return { host: text.slice(0, colon), port: Number(port) };
}

/** Finds the compose service a host name reaches: name, `container_name`, `hostname`, alias. */
export function serviceForHost(deployment: Deployment, host: string): ServiceModel | undefined {
  return deployment.services.find((service) => serviceHostNames(service).includes(host));
}
