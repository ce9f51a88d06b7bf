import type { Problem, RelatedLocation } from '../../core/problem.js';
import { formatDuration, parseNginxTime } from '../../core/units.js';
import type { Deployment } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { blockPath } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import type { AppServer, Setting } from './app-server.js';
import { directiveLocation } from './limit-edits.js';
import { upstreamKeepaliveTimeout } from './limit-rules.js';
import { type ProxyRoute, proxyRoutes } from './nginx-routes.js';
import { upstreamKeepaliveIneffective } from './proxy-rules.js';
import { serviceRuntime } from './service-runtime.js';
import { isWebSocketRoute, proxyHeaders, usesHttp11 } from './websocket-locations.js';

/** nginx's upstream `keepalive_timeout` when the upstream block does not set it (1.15.3+). */
const upstreamDefaultKeepaliveTimeout = 60_000;

/**
 * Upstream `keepalive` that a location cannot use (no HTTP/1.1 or a `Connection: close`
 * header), and idle upstream connections kept longer than the app server keeps them.
 */
export const keepaliveCheck: Check = {
  name: 'upstream-keepalive',
  rules: [upstreamKeepaliveIneffective, upstreamKeepaliveTimeout],
  run(deployment, context) {
    const problems: Problem[] = [];
    const raced = new Set<NginxDirective>();
    for (const route of proxyRoutes(deployment)) {
      const keepalive = route.upstream?.block?.find((child) => child.name === 'keepalive');
      if (!keepalive || route.protocol !== 'http' || isWebSocketRoute(route)) continue;
      if (!keepsAlive(route)) {
        problems.push(unusedProblem(route, keepalive));
        continue;
      }
      if (raced.has(route.upstream!)) continue;
      const problem = raceProblem(route, keepalive, deployment, context.workspace);
      if (problem) {
        raced.add(route.upstream!);
        problems.push(problem);
      }
    }
    return problems;
  },
};

/** Returns the `Connection` header the route sends, or undefined for nginx's default `close`. */
function connectionHeader(route: ProxyRoute): string | undefined {
  return proxyHeaders(route).get('connection')?.args[1]?.value;
}

/** True when nginx may reuse upstream connections: HTTP/1.1 and no `Connection: close`. */
function keepsAlive(route: ProxyRoute): boolean {
  return usesHttp11(route) && reusesConnection(connectionHeader(route));
}

/** True for an empty `Connection` header, or one from a variable (a `map` of `$http_upgrade`). */
function reusesConnection(connection: string | undefined): boolean {
  return connection !== undefined && (connection === '' || connection.includes('$'));
}

function unusedProblem(route: ProxyRoute, keepalive: NginxDirective): Problem {
  const missing: string[] = [];
  if (!usesHttp11(route)) missing.push('proxy_http_version 1.1');
  if (!reusesConnection(connectionHeader(route))) missing.push('proxy_set_header Connection ""');
  const message =
    `upstream ${route.upstream!.args[0]!.value} keeps idle connections (keepalive ` +
    `${keepalive.args[0]?.value ?? ''}), but ${blockPath(route.location)} proxies to it without ` +
    `${missing.join(' and ')}, so nginx closes the connection after every request and the ` +
    'keepalive has no effect.';
  const keepaliveNote = 'The upstream keeps idle connections here.';
  const related = [{ location: directiveLocation(keepalive), message: keepaliveNote }];
  const location = directiveLocation(route.pass);
  return createProblem(upstreamKeepaliveIneffective, location, message, { related });
}

function raceProblem(
  route: ProxyRoute,
  keepalive: NginxDirective,
  deployment: Deployment,
  workspace: Workspace,
): Problem | undefined {
  const upstream = route.upstream!;
  const timeoutDirective = upstream.block!.find((child) => child.name === 'keepalive_timeout');
  const milliseconds = timeoutDirective
    ? parseNginxTime(timeoutDirective.args[0]?.value ?? '')
    : upstreamDefaultKeepaliveTimeout;
  if (milliseconds === undefined) return undefined;
  for (const target of route.targets) {
    if (!target.service) continue;
    const server = serviceRuntime(target.service, deployment, workspace).server;
    const serverKeepAlive = server?.keepAlive;
    if (!server || !serverKeepAlive || milliseconds < serverKeepAlive.value) continue;
    const nginxSide = timeoutDirective
      ? `keepalive_timeout ${timeoutDirective.args[0]!.value}`
      : 'the default keepalive_timeout of 60s';
    const message =
      `upstream ${upstream.args[0]!.value} keeps idle connections to ${server.service.name} ` +
      `for ${formatDuration(milliseconds)} (${nginxSide}), but ${serverKeepAlive.text} closes ` +
      `them after ${formatDuration(serverKeepAlive.value)}: a request nginx sends on a ` +
      'connection the server is closing fails with 502 Bad Gateway now and then.';
    const location = directiveLocation(timeoutDirective ?? keepalive);
    return createProblem(upstreamKeepaliveTimeout, location, message, {
      related: serverRelated(server, serverKeepAlive),
    });
  }
  return undefined;
}

function serverRelated(server: AppServer, keepAlive: Setting<number>): RelatedLocation[] {
  if (!keepAlive.location) return [];
  const after = formatDuration(keepAlive.value);
  const message = `${server.service.name} closes idle connections after ${after}.`;
  return [{ location: keepAlive.location, message }];
}
