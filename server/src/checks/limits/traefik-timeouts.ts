import type { Problem } from '../../core/problem.js';
import { formatDuration } from '../../core/units.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Workspace } from '../../workspace/workspace.js';
import { createProblem } from '../problem-builder.js';
import type { StatementTimeout } from './database-settings.js';
import { innerLimits } from './inner-limits.js';
import { timeoutOrder } from './limit-rules.js';
import { type ProxyRoute, isDjangoWeb } from './nginx-routes.js';
import { servicesRoutedFrom, traefikTimeouts } from './traefik-config.js';

/**
 * Reports Traefik timeouts shorter than a limit of the Django services behind them, reached
 * directly or through an nginx service. Two timeouts count: an entry point's `writeTimeout`
 * (from the end of the request headers to the end of the response), and the servers transport's
 * `responseHeaderTimeout` (from sending the request to the backend's response headers, for every
 * service). `readTimeout` bounds only reading the request, so it is not part of this chain.
 */
export function traefikTimeoutProblems(
  deployment: Deployment,
  workspace: Workspace,
  statement: StatementTimeout | undefined,
  routes: ProxyRoute[],
): Problem[] {
  const problems: Problem[] = [];
  for (const timeout of traefikTimeouts(deployment)) {
    const chained = timeout.name === 'writeTimeout' || timeout.name === 'responseHeaderTimeout';
    if (!chained || timeout.milliseconds === 0) continue;
    const reached = djangoServicesBehind(deployment, timeout.entrypoint, routes);
    if (reached.length === 0) continue;
    const inner = innerLimits(reached, deployment, workspace, statement);
    const longer = inner.find((limit) => limit.milliseconds > timeout.milliseconds);
    if (!longer) continue;
    const message =
      timeout.entrypoint === undefined
        ? `Traefik ${timeout.name} ${formatDuration(timeout.milliseconds)} is shorter than ` +
          `${longer.describe}: a response whose headers take longer gets 504 Gateway Timeout ` +
          'from Traefik while the work behind it goes on.'
        : `Traefik ${timeout.name} ${formatDuration(timeout.milliseconds)} on entry point ` +
          `${timeout.entrypoint} is shorter than ${longer.describe}: Traefik cuts off responses ` +
          'that take longer while the work behind it goes on.';
    const options = { related: longer.related };
    problems.push(createProblem(timeoutOrder, timeout.location, message, options));
  }
  return problems;
}

function djangoServicesBehind(
  deployment: Deployment,
  entrypoint: string | undefined,
  routes: ProxyRoute[],
): ServiceModel[] {
  const reached = new Set<ServiceModel>();
  for (const service of servicesRoutedFrom(deployment, entrypoint)) {
    if (isDjangoWeb(service)) reached.add(service);
    for (const route of routes) {
      if (route.config.service !== service) continue;
      for (const target of route.targets) {
        if (target.service && isDjangoWeb(target.service)) reached.add(target.service);
      }
    }
  }
  return [...reached];
}
