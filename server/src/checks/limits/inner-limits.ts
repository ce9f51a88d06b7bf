import type { RelatedLocation } from '../../core/problem.js';
import { formatDuration } from '../../core/units.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { AppServer } from './app-server.js';
import type { StatementTimeout } from './database-settings.js';
import { serviceRuntime } from './service-runtime.js';

/** A time limit of a layer behind a proxy: the app server's or the query's. */
export interface InnerLimit {
  milliseconds: number;
  /** Names the limit in a message: `PostgreSQL statement_timeout (1 min, from ...)`. */
  describe: string;
  related: RelatedLocation[];
}

export function statementLimit(statement: StatementTimeout): InnerLimit {
  const duration = formatDuration(statement.milliseconds);
  return {
    milliseconds: statement.milliseconds,
    describe: `PostgreSQL statement_timeout (${duration}, from ${statement.source})`,
    related: [
      { location: statement.location, message: `statement_timeout is ${duration} here.` },
      ...statement.related,
    ],
  };
}

function serverLimit(server: AppServer): InnerLimit | undefined {
  const timeout = server.requestTimeout;
  if (!timeout) return undefined;
  const location = timeout.location ?? server.program.location;
  const after = formatDuration(timeout.value);
  const message = `${server.kind} gives up on a request after ${after} here.`;
  return {
    milliseconds: timeout.value,
    describe: `${timeout.text} on ${server.service.name}`,
    related: [{ location, message }],
  };
}

/** Collects the app-server and query limits behind a proxy, longest first. */
export function innerLimits(
  services: ServiceModel[],
  deployment: Deployment,
  workspace: Workspace,
  statement: StatementTimeout | undefined,
): InnerLimit[] {
  const limits: InnerLimit[] = [];
  for (const service of new Set(services)) {
    const server = serviceRuntime(service, deployment, workspace).server;
    const limit = server ? serverLimit(server) : undefined;
    if (limit) limits.push(limit);
  }
  if (statement) limits.push(statementLimit(statement));
  return limits.sort((a, b) => b.milliseconds - a.milliseconds);
}
