import type { NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirective, effectiveDirectives } from '../../parsers/nginx/walk-nginx.js';
import type { ProxyRoute } from './nginx-routes.js';

/** Location paths of WebSocket endpoints by convention: `/ws/`, `/websocket`, `/socket.io`. */
const webSocketPath = /(^|[/^~\s])(ws|wss|websockets?|socket\.io)(\/|$|\\|\.|\s)/i;

/** True when a location path looks like a WebSocket endpoint. */
export function isWebSocketPath(location: NginxDirective): boolean {
  const path = location.args.map((argument) => argument.value).join(' ');
  return webSocketPath.test(path);
}

/** `proxy_set_header` lines in effect at the route's `proxy_pass`, by lower-cased header name. */
export function proxyHeaders(route: ProxyRoute): Map<string, NginxDirective> {
  const headers = new Map<string, NginxDirective>();
  const root = route.config.directives;
  for (const directive of effectiveDirectives(route.pass, 'proxy_set_header', root)) {
    const name = directive.args[0]?.value.toLowerCase();
    if (name !== undefined) headers.set(name, directive);
  }
  return headers;
}

/** True when the route forwards the client's `Upgrade` header, so it can carry WebSockets. */
export function forwardsUpgrade(route: ProxyRoute): boolean {
  return proxyHeaders(route).has('upgrade');
}

/** True for a route that serves WebSockets: a WebSocket path, or one that forwards `Upgrade`. */
export function isWebSocketRoute(route: ProxyRoute): boolean {
  return route.protocol === 'http' && (isWebSocketPath(route.location) || forwardsUpgrade(route));
}

/** True when the nginx image tag is 1.29.7 or newer, where `proxy_http_version` defaults to 1.1. */
export function defaultsToHttp11(config: NginxConfig): boolean {
  const images = config.service?.definitions.map((definition) => definition.service.image?.value);
  const image = images?.filter((value) => value !== undefined).pop();
  const match = /:(\d+)\.(\d+)(?:\.(\d+))?/.exec(image ?? '');
  if (!match) return false;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return major > 1 || (major === 1 && (minor > 29 || (minor === 29 && patch >= 7)));
}

/** True when the HTTP version in effect at the route is 1.1 or later. */
export function usesHttp11(route: ProxyRoute): boolean {
  const version = effectiveDirective(route.pass, 'proxy_http_version', route.config.directives);
  if (!version) return defaultsToHttp11(route.config);
  return version.args[0]?.value !== '1.0';
}
