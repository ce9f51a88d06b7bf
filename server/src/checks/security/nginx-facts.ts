import type { Location } from '../../core/range.js';
import type { Deployment, NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirectives, findAll, walk } from '../../parsers/nginx/walk-nginx.js';
import { isDevelopmentFile } from './deployment-facts.js';

/**
 * Response headers that protect the browser side; losing one of them through `add_header`
 * inheritance is a security regression, unlike losing `Cache-Control`.
 */
export const securityHeaders = new Set([
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'feature-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'x-xss-protection',
]);

export function isCorsHeader(name: string): boolean {
  return name.startsWith('access-control-');
}

/** Lower-cased header name of an `add_header` or `proxy_set_header`. */
export function headerName(directive: NginxDirective): string {
  return (directive.args[0]?.value ?? '').toLowerCase();
}

export function headerValue(directive: NginxDirective): string {
  return directive.args[1]?.value ?? '';
}

export function hasAlways(directive: NginxDirective): boolean {
  return directive.args.slice(2).some((argument) => argument.value === 'always');
}

export function directiveLocation(directive: NginxDirective): Location {
  return { file: directive.file, range: directive.range };
}

/** Returns every `name` directive of a configuration, skipping `map`-style entries and development files. */
export function productionDirectives(config: NginxConfig, name: string): NginxDirective[] {
  return findAll(config.directives, name).filter((directive) => !isDevelopmentFile(directive.file));
}

/**
 * Headers in effect for responses of a block (or of the level that contains a simple
 * directive), by nginx's `add_header` inheritance.
 */
export function headersAt(block: NginxDirective, config: NginxConfig): NginxDirective[] {
  return effectiveDirectives(block, 'add_header', config.directives);
}

/** Headers a block would inherit if it had no `add_header` of its own. */
export function inheritedHeaders(block: NginxDirective, config: NginxConfig): NginxDirective[] {
  if (block.parent) return effectiveDirectives(block.parent, 'add_header', config.directives);
  if (!config.directives.includes(block)) return [];
  return config.directives.filter((directive) => directive.name === 'add_header' && directive.entry !== true);
}

export function ownHeaders(block: NginxDirective): NginxDirective[] {
  return (block.block ?? []).filter((child) => child.name === 'add_header' && child.entry !== true);
}

/** Host part of a `proxy_pass` or `uwsgi_pass` target, or undefined for a Unix socket. */
function targetHost(directive: NginxDirective): string | undefined {
  const target = directive.args[0]?.value ?? '';
  const withoutScheme = target.replace(/^[a-z]+:\/\//i, '');
  if (withoutScheme.startsWith('unix:')) return undefined;
  return withoutScheme.split(/[:/]/)[0];
}

/**
 * True when a `proxy_pass` or `uwsgi_pass` may reach the Django app: it names an upstream or
 * host that is a Django service, or a host that is no compose service at all (`127.0.0.1`,
 * a Unix socket, a variable). Targets that name another compose service, such as a Node
 * front end, are not Django.
 */
export function proxiesToDjango(directive: NginxDirective, config: NginxConfig, deployment: Deployment): boolean {
  const host = targetHost(directive);
  if (host === undefined || host.includes('$')) return true;
  const upstream = findAll(config.directives, 'upstream').find((block) => block.args[0]?.value === host);
  const hosts = upstream
    ? findAll(upstream.block ?? [], 'server').map((server) => (server.args[0]?.value ?? '').split(':')[0]!)
    : [host];
  return hosts.some((name) => {
    const service = deployment.services.find((candidate) => candidate.name === name);
    if (!service) return true;
    return service.roles.has('django') || deployment.django?.services.includes(service) === true;
  });
}

/** `proxy_pass` and `uwsgi_pass` directives that reach Django, outside development files. */
export function djangoProxies(config: NginxConfig, deployment: Deployment): NginxDirective[] {
  return [...productionDirectives(config, 'proxy_pass'), ...productionDirectives(config, 'uwsgi_pass')].filter(
    (directive) => proxiesToDjango(directive, config, deployment),
  );
}

/** True when a `listen` directive accepts TLS: the `ssl` or `quic` parameter, or port 443. */
export function listensTls(listen: NginxDirective): boolean {
  return listen.args.some(
    (argument, index) =>
      argument.value === 'ssl' || argument.value === 'quic' || (index === 0 && /(^|:)443$/.test(argument.value)),
  );
}

/** Returns the `server` block that contains a directive. */
export function enclosingServer(directive: NginxDirective): NginxDirective | undefined {
  for (let block = directive.parent; block; block = block.parent) {
    if (block.name === 'server') return block;
  }
  return undefined;
}

/** True when a block (or one nested in it) returns a redirect to an `https://` URL. */
export function redirectsToHttps(block: NginxDirective): boolean {
  let found = false;
  walk(block.block ?? [], (directive) => {
    if (directive.entry === true) return;
    const args = directive.args.map((argument) => argument.value);
    if (directive.name === 'return' && /^30[12378]$/.test(args[0] ?? '') && /^https:\/\//.test(args[1] ?? '')) {
      found = true;
    }
    if (directive.name === 'rewrite' && /^https:\/\//.test(args[1] ?? '')) found = true;
  });
  return found;
}

/** `server` blocks that accept plain HTTP: no `listen` with TLS (no `listen` means port 80). */
export function plainHttpServers(config: NginxConfig): NginxDirective[] {
  return productionDirectives(config, 'server').filter((server) => {
    if (!server.block) return false;
    const listens = server.block.filter((child) => child.name === 'listen');
    if (listens.length === 0) return true;
    return listens.some((listen) => !listensTls(listen));
  });
}
