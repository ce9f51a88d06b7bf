import type { Problem, RelatedLocation } from '../../core/problem.js';
import { formatDuration, parseNginxTime } from '../../core/units.js';
import type { Deployment } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { blockPath, effectiveDirective } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { directiveLocation, headLocation } from './limit-edits.js';
import { websocketReadTimeout } from './limit-rules.js';
import { type ProxyRoute, proxyRoutes } from './nginx-routes.js';
import { serviceRuntime } from './service-runtime.js';
import { isWebSocketRoute } from './websocket-locations.js';

/** nginx's `proxy_read_timeout` when no level sets it. */
const nginxDefaultReadTimeout = 60_000;

/**
 * WebSocket locations whose read timeout (the longest silence nginx allows) is not above the
 * interval at which the app server pings idle sockets.
 */
export const websocketTimeoutCheck: Check = {
  name: 'websocket-read-timeout',
  rules: [websocketReadTimeout],
  run(deployment, context) {
    const problems: Problem[] = [];
    const seen = new Set<NginxDirective>();
    for (const route of proxyRoutes(deployment)) {
      if (!isWebSocketRoute(route) || seen.has(route.location)) continue;
      seen.add(route.location);
      const problem = readTimeoutProblem(route, deployment, context.workspace);
      if (problem) problems.push(problem);
    }
    return problems;
  },
};

function readTimeoutProblem(
  route: ProxyRoute,
  deployment: Deployment,
  workspace: Workspace,
): Problem | undefined {
  const directive = effectiveDirective(route.pass, 'proxy_read_timeout', route.config.directives);
  const milliseconds = directive
    ? parseNginxTime(directive.args[0]?.value ?? '')
    : nginxDefaultReadTimeout;
  if (milliseconds === undefined) return undefined;
  for (const target of route.targets) {
    if (!target.service) continue;
    const ping = serviceRuntime(target.service, deployment, workspace).server?.webSocketPing;
    if (!ping || ping.value <= 0 || milliseconds > ping.value) continue;
    const nginxSide = directive
      ? `proxy_read_timeout ${directive.args[0]!.value}`
      : "nginx's default proxy_read_timeout of 60s";
    const message =
      `${nginxSide} at ${blockPath(route.location)} closes a WebSocket after ` +
      `${formatDuration(milliseconds)} without traffic, no longer than the ` +
      `${formatDuration(ping.value)} between pings (${ping.text}): idle sockets are dropped and ` +
      'clients keep reconnecting.';
    const location = directive ? directiveLocation(directive) : headLocation(route.location);
    const note = `The server pings every ${formatDuration(ping.value)}.`;
    const related: RelatedLocation[] = [];
    if (ping.location) related.push({ location: ping.location, message: note });
    return createProblem(websocketReadTimeout, location, message, { related });
  }
  return undefined;
}
