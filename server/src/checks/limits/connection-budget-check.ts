import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { type AliasUse, aliasUses } from './alias-uses.js';
import { type Count, exactCount } from './app-server.js';
import { readPostgres } from './data-servers.js';
import { connectionBudget } from './limit-rules.js';
import {
  type ServiceLoad,
  describeFactors,
  djangoLoads,
  loadRelated,
  serviceNameLocation,
} from './service-load.js';
import { envRelated } from './setting-values.js';

/** PostgreSQL defaults: `max_connections` 100, `superuser_reserved_connections` 3. */
const defaultMaxConnections = 100;
const defaultSuperuserReserved = 3;

/** Contribution of one service and alias to the connection count. */
interface Term {
  connections: number;
  exact: boolean;
  text: string;
}

/**
 * Adds up the PostgreSQL connections Django keeps open (one per thread with persistent
 * connections, the pool size per process with a pool) over every service, replica and worker,
 * and compares the sum with the connections the server allows ordinary users.
 */
export const connectionBudgetCheck: Check = {
  name: 'db-connection-budget',
  rules: [connectionBudget],
  run(deployment, context) {
    const django = deployment.django;
    if (!django) return [];
    const uses = aliasUses(django, deployment).filter(
      (use) => use.poolSize !== undefined || use.persistent,
    );
    const loads = djangoLoads(deployment, context.workspace);
    if (uses.length === 0 || loads.length === 0) return [];
    const problems: Problem[] = [];
    const servers = new Set(uses.flatMap((use) => (use.server ? [use.server] : [])));
    for (const server of servers) {
      const ofServer = uses.filter((use) => use.server === server);
      const problem = budgetProblem(deployment, server, ofServer, loads);
      if (problem) problems.push(problem);
    }
    return problems;
  },
};

/** Returns the connections PostgreSQL allows ordinary users, with the limit's wording. */
function allowedConnections(deployment: Deployment, server: ServiceModel) {
  const postgres = readPostgres(server, deployment);
  const maxSetting = postgres.settings.get('max_connections');
  if (!maxSetting && postgres.configFile) return undefined;
  const max = maxSetting ? wholeNumber(maxSetting.value) : defaultMaxConnections;
  const superuser = wholeNumber(
    postgres.settings.get('superuser_reserved_connections')?.value ?? `${defaultSuperuserReserved}`,
  );
  const reserved = wholeNumber(postgres.settings.get('reserved_connections')?.value ?? '0');
  if (max === undefined || superuser === undefined || reserved === undefined) return undefined;
  return {
    available: max - superuser - reserved,
    location: maxSetting?.location ?? serviceNameLocation(server),
    limitText: maxSetting ? `max_connections=${max}` : `the default max_connections of ${max}`,
    reservedText:
      reserved > 0
        ? `${superuser} superuser and ${reserved} reserved connections`
        : `${superuser} superuser_reserved_connections`,
  };
}

function budgetProblem(
  deployment: Deployment,
  server: ServiceModel,
  uses: AliasUse[],
  loads: ServiceLoad[],
): Problem | undefined {
  const allowed = allowedConnections(deployment, server);
  if (!allowed) return undefined;
  const terms = loads.flatMap((load) => uses.map((use) => term(load, use)));
  const total = terms.reduce((sum, item) => sum + item.connections, 0);
  if (total <= allowed.available) return undefined;
  const exact = terms.every((item) => item.exact);
  const breakdown = terms
    .filter((item) => item.connections > 0)
    .map((item) => item.text)
    .join('; ');
  const message =
    `Django can hold ${exact ? 'up to' : 'at least'} ${total} connections to ${server.name} ` +
    `(${breakdown}), but ${allowed.limitText} leaves ${allowed.available} after ` +
    `${allowed.reservedText}: under load, new connections fail with "sorry, too many clients ` +
    'already" and requests error out.';
  const related: RelatedLocation[] = [];
  for (const load of loads) related.push(...loadRelated(load, 'multiplies the connections'));
  for (const use of uses) {
    const setting = use.poolSize !== undefined ? use.pool : use.connMaxAge;
    if (!setting) continue;
    const what =
      use.poolSize !== undefined
        ? `a pool of ${use.poolSize} connections per process`
        : 'a connection per thread kept open';
    related.push({ location: setting.location, message: `${setting.label} gives ${what}.` });
    related.push(...envRelated(setting));
  }
  return createProblem(connectionBudget, allowed.location, message, { related });
}

function term(load: ServiceLoad, use: AliasUse): Term {
  const name = load.runtime.service.name;
  const perProcess =
    use.poolSize !== undefined
      ? exactCount(use.poolSize, `pool of ${use.poolSize}`)
      : load.concurrency;
  const factors: Count[] = [load.replicas, load.processes, perProcess];
  const connections = factors.reduce((product, factor) => product * factor.value, 1);
  const exact = factors.every((factor) => factor.exact);
  const alias = use.alias === 'default' ? '' : ` (${use.alias})`;
  const text = `${name}${alias}: ${describeFactors(factors)} = ${connections}`;
  return { connections, exact, text };
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}
