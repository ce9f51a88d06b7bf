import type { Fix, Problem } from '../../core/problem.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { blockPath, effectiveDirectives } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { directiveLocation, headLocation, insertAfter } from './limit-edits.js';
import { type ProxyRoute, proxyRoutes } from './nginx-routes.js';
import { websocketUpgradeMissing } from './proxy-rules.js';
import { isWebSocketPath, proxyHeaders, usesHttp11 } from './websocket-locations.js';

/** WebSocket locations that do not forward the upgrade handshake. */
export const websocketCheck: Check = {
  name: 'websocket-upgrade',
  rules: [websocketUpgradeMissing],
  run(deployment, context) {
    const problems: Problem[] = [];
    const seen = new Set<NginxDirective>();
    for (const route of proxyRoutes(deployment)) {
      if (route.protocol !== 'http' || !isWebSocketPath(route.location)) continue;
      if (seen.has(route.location)) continue;
      seen.add(route.location);
      const problem = upgradeProblem(route, context.workspace);
      if (problem) problems.push(problem);
    }
    return problems;
  },
};

/** A directive the location lacks: how a message names it and the line the fix inserts. */
interface Missing {
  name: string;
  line: string;
}

function missingDirectives(route: ProxyRoute): Missing[] {
  const headers = proxyHeaders(route);
  const connection = headers.get('connection')?.args[1]?.value ?? '';
  const missing: Missing[] = [];
  if (!usesHttp11(route)) {
    missing.push({ name: 'proxy_http_version 1.1', line: 'proxy_http_version 1.1;' });
  }
  if (!headers.has('upgrade')) {
    missing.push({ name: 'the Upgrade header', line: 'proxy_set_header Upgrade $http_upgrade;' });
  }
  // A variable (`$connection_upgrade` from a `map`) may carry "upgrade"; trust it.
  if (!/upgrade/i.test(connection) && !connection.includes('$')) {
    missing.push({ name: 'Connection "upgrade"', line: 'proxy_set_header Connection "upgrade";' });
  }
  return missing;
}

function upgradeProblem(route: ProxyRoute, workspace: Workspace): Problem | undefined {
  const missing = missingDirectives(route);
  if (missing.length === 0) return undefined;
  const lines = missing.map((item) => item.line);
  const services = route.targets.map((item) => item.service?.name ?? item.host);
  const target = services.join(', ') || route.pass.args[0]!.value;
  const message =
    `${blockPath(route.location)} proxies WebSockets to ${target} without ` +
    `${joinAnd(missing.map((item) => item.name))}: nginx does not forward the Upgrade and ` +
    'Connection headers on its own, so the handshake reaches the server as a plain HTTP request ' +
    'and the browser cannot open the socket.';
  const fixes: Fix[] = [];
  const inserted = [...inheritedHeaderLines(route, lines), ...lines];
  const edit = insertAfter(workspace, anchor(route), inserted);
  if (edit) fixes.push({ title: 'Add the WebSocket upgrade headers', edits: [edit], safe: true });
  return createProblem(websocketUpgradeMissing, headLocation(route.location), message, {
    related: [{ location: directiveLocation(route.pass), message: 'Requests are proxied here.' }],
    fixes,
  });
}

function joinAnd(items: string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * `proxy_set_header` lines the location inherits from an outer level. Adding the first
 * `proxy_set_header` to a location stops that inheritance, so the fix repeats them.
 */
function inheritedHeaderLines(route: ProxyRoute, added: string[]): string[] {
  if (!added.some((line) => line.startsWith('proxy_set_header'))) return [];
  const own = (route.location.block ?? []).some((child) => child.name === 'proxy_set_header');
  if (own) return [];
  const replaced = new Set(added.map((line) => line.split(' ')[1]!.toLowerCase()));
  return effectiveDirectives(route.pass, 'proxy_set_header', route.config.directives)
    .filter((directive) => !replaced.has(directive.args[0]?.value.toLowerCase() ?? ''))
    .map((directive) => `proxy_set_header ${directive.args.map((item) => item.raw).join(' ')};`);
}

/** Directive of the location to insert after; `proxy_set_header` is not allowed in `if`. */
function anchor(route: ProxyRoute): NginxDirective {
  if (route.pass.parent === route.location) return route.pass;
  return route.location.block?.[0] ?? route.pass;
}
