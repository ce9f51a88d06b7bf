import type { Fix, Problem } from '../../core/problem.js';
import { formatDuration, parseNginxTime, toNginxTime } from '../../core/units.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirective } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import type { AppServer } from './app-server.js';
import { type StatementTimeout, statementTimeout } from './database-settings.js';
import { type InnerLimit, innerLimits, statementLimit } from './inner-limits.js';
import { directiveLocation, headLocation, insertAfter, replaceArgument } from './limit-edits.js';
import { timeoutOrder } from './limit-rules.js';
import {
  type ProxyRoute,
  describeLocations,
  groupRoutes,
  isDjangoWeb,
  proxyRoutes,
  reachesDjango,
} from './nginx-routes.js';
import { serviceRuntime } from './service-runtime.js';
import { traefikTimeoutProblems } from './traefik-timeouts.js';
import { isWebSocketRoute } from './websocket-locations.js';

/** nginx's `proxy_read_timeout` and `uwsgi_read_timeout` when no level sets them. */
const nginxDefaultReadTimeout = 60_000;
/** Margin the nginx fix adds above the inner limit, so the inner layer gives up first. */
const fixMargin = 5000;

/**
 * Reports a layer whose time limit is shorter than a limit of a layer inside it. Traefik's
 * `writeTimeout` is compared with nginx and the app, and nginx's read timeout with the app
 * server and the query. An app server that kills or drops a request before
 * `statement_timeout` ends its query is reported too.
 * WebSocket locations are left out: their read timeout bounds idle time, not a request.
 */
export const timeoutChainCheck: Check = {
  name: 'timeout-order',
  rules: [timeoutOrder],
  run(deployment, context) {
    const django = deployment.django;
    const statement = django ? statementTimeout(django, deployment) : undefined;
    const problems: Problem[] = [];
    for (const service of deployment.services.filter(isDjangoWeb)) {
      const server = serviceRuntime(service, deployment, context.workspace).server;
      const problem = server && statement ? appServerProblem(server, statement) : undefined;
      if (problem) problems.push(problem);
    }
    const routes = proxyRoutes(deployment).filter((route) => !isWebSocketRoute(route));
    const djangoRoutes = routes.filter((route) => reachesDjango(route, deployment));
    // One finding per read-timeout directive in effect, or per location where the default applies.
    const groups = groupRoutes(
      djangoRoutes,
      (route) => readTimeoutDirective(route) ?? route.location,
    );
    for (const group of groups.values()) {
      const services = group
        .flatMap((route) => route.targets.flatMap((target) => target.service ?? []))
        .filter(isDjangoWeb);
      const inner = innerLimits(services, deployment, context.workspace, statement);
      const problem = nginxProblem(group, inner, context.workspace);
      if (problem) problems.push(problem);
    }
    problems.push(...traefikTimeoutProblems(deployment, context.workspace, statement, routes));
    return problems;
  },
};

function appServerProblem(server: AppServer, statement: StatementTimeout): Problem | undefined {
  const timeout = server.requestTimeout;
  if (!timeout || timeout.value >= statement.milliseconds) return undefined;
  const consequence = timeout.kills
    ? `${server.kind} kills the worker while the query is still allowed to run, and the client ` +
      'gets 502 Bad Gateway.'
    : `${server.kind} drops the request while the query still runs, and the client gets an error.`;
  const message =
    `${timeout.text} on ${server.service.name} ends a request after ` +
    `${formatDuration(timeout.value)}, before PostgreSQL statement_timeout ` +
    `(${formatDuration(statement.milliseconds)}, from ${statement.source}) ends its query: ` +
    consequence;
  const location = timeout.location ?? server.program.location;
  const related = statementLimit(statement).related;
  return createProblem(timeoutOrder, location, message, { related });
}

function readTimeoutName(route: ProxyRoute): string {
  return route.protocol === 'uwsgi' ? 'uwsgi_read_timeout' : 'proxy_read_timeout';
}

function readTimeoutDirective(route: ProxyRoute): NginxDirective | undefined {
  return effectiveDirective(route.pass, readTimeoutName(route), route.config.directives);
}

function nginxProblem(
  routes: ProxyRoute[],
  inner: InnerLimit[],
  workspace: Workspace,
): Problem | undefined {
  const route = routes[0]!;
  const name = readTimeoutName(route);
  const directive = readTimeoutDirective(route);
  const milliseconds = directive
    ? parseNginxTime(directive.args[0]?.value ?? '')
    : nginxDefaultReadTimeout;
  if (milliseconds === undefined || milliseconds === 0) return undefined;
  const longer = inner.filter((limit) => limit.milliseconds > milliseconds);
  if (longer.length === 0) return undefined;
  const where = describeLocations(routes);
  const nginxSide = directive
    ? `${name} ${directive.args[0]!.value} in effect at ${where}`
    : `nginx's default ${name} of 60s at ${where}`;
  const message =
    `${nginxSide} is shorter than ${longer[0]!.describe}: a request that runs longer than ` +
    `${formatDuration(milliseconds)} gets 504 Gateway Timeout from nginx while the work behind ` +
    'it goes on.';
  const target = toNginxTime(longer[0]!.milliseconds + fixMargin);
  const anchor = route.pass.parent === route.location ? route.pass : route.location.block![0]!;
  const edit = directive
    ? replaceArgument(directive, target)
    : insertAfter(workspace, anchor, [`${name} ${target};`]);
  const fixes: Fix[] = [];
  if (edit) fixes.push({ title: `Raise ${name} to ${target}`, edits: [edit], safe: true });
  const location = directive ? directiveLocation(directive) : headLocation(route.location);
  const related = longer.flatMap((limit) => limit.related);
  return createProblem(timeoutOrder, location, message, { related, fixes });
}
