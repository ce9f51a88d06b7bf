import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { exactCount } from './app-server.js';
import { readRedis } from './data-servers.js';
import { redisClientBudget, redisEvictionPolicy } from './limit-rules.js';
import { type RedisUse, redisUses } from './redis-uses.js';
import { describeFactors, djangoLoads, loadRelated, serviceNameLocation } from './service-load.js';

/** Redis's `maxclients` default. */
const defaultMaxClients = 10000;

/** Eviction policies on a broker or channel layer, and client pools against `maxclients`. */
export const redisCheck: Check = {
  name: 'redis-usage',
  rules: [redisEvictionPolicy, redisClientBudget],
  run(deployment, context) {
    const uses = redisUses(deployment);
    const problems: Problem[] = [];
    for (const redis of new Set(uses.map((use) => use.redis))) {
      const ofServer = uses.filter((use) => use.redis === redis);
      const eviction = evictionProblem(deployment, redis, ofServer);
      if (eviction) problems.push(eviction);
      const budget = clientProblem(deployment, context.workspace, redis, ofServer);
      if (budget) problems.push(budget);
    }
    return problems;
  },
};

function roleName(use: RedisUse): string {
  return use.kind === 'broker' ? 'the Celery broker' : 'a Channels layer';
}

function evictionProblem(
  deployment: Deployment,
  redis: ServiceModel,
  uses: RedisUse[],
): Problem | undefined {
  const policy = readRedis(redis, deployment).settings.get('maxmemory-policy');
  if (!policy || !policy.value.toLowerCase().startsWith('allkeys-')) return undefined;
  const needed = uses.filter((use) => use.kind === 'broker' || use.kind === 'channels');
  if (needed.length === 0) return undefined;
  const broker = needed.some((use) => use.kind === 'broker');
  const roles = [...new Set(needed.map(roleName))];
  const loss = broker
    ? 'queued tasks have no expiry and can be deleted before a worker takes them, silently'
    : 'group memberships and undelivered messages can be deleted under memory pressure, so ' +
      'consumers silently miss messages';
  const message =
    `maxmemory-policy ${policy.value} on ${redis.name} lets Redis evict any key when memory ` +
    `runs out, and this Redis is also ${roles.join(' and ')}: ${loss}.`;
  const related: RelatedLocation[] = needed.map((use) => ({
    location: use.location,
    message: `${use.label} uses ${redis.name} as ${roleName(use)}.`,
  }));
  // Channel-layer keys carry expiry times, so any eviction policy can drop them once memory is
  // short: for a Redis that is not a broker the finding is advice to separate it from the cache.
  const severity = broker ? undefined : 'information';
  return createProblem(redisEvictionPolicy, policy.location, message, { related, severity });
}

function clientProblem(
  deployment: Deployment,
  workspace: Workspace,
  redis: ServiceModel,
  uses: RedisUse[],
): Problem | undefined {
  const pools = uses.filter((use) => use.kind === 'cache' && use.poolSize !== undefined);
  if (pools.length === 0) return undefined;
  const server = readRedis(redis, deployment);
  const setting = server.settings.get('maxclients');
  if (!setting && server.configFile) return undefined;
  const maxClients = setting ? Number(setting.value) : defaultMaxClients;
  if (!Number.isInteger(maxClients)) return undefined;

  const loads = djangoLoads(deployment, workspace);
  let total = 0;
  let exact = true;
  const parts: string[] = [];
  for (const load of loads) {
    for (const pool of pools) {
      const poolCount = exactCount(pool.poolSize!, `pools of ${pool.poolSize}`);
      const factors = [load.replicas, load.processes, poolCount];
      const connections = factors.reduce((product, factor) => product * factor.value, 1);
      exact &&= factors.every((factor) => factor.exact);
      total += connections;
      parts.push(`${load.runtime.service.name}: ${describeFactors(factors)} = ${connections}`);
    }
  }
  if (total <= maxClients) return undefined;

  const limitText = setting
    ? `--maxclients ${maxClients}`
    : `the default maxclients of ${maxClients}`;
  const message =
    `django-redis pools can open ${exact ? 'up to' : 'at least'} ${total} connections to ` +
    `${redis.name} (${parts.join('; ')}), above ${limitText}: Redis rejects the rest with ` +
    '"max number of clients reached" and cache calls fail.';
  const related: RelatedLocation[] = [];
  for (const load of loads) related.push(...loadRelated(load, 'multiplies the pools'));
  for (const pool of pools) {
    if (!pool.poolLocation) continue;
    const message = `${pool.label} pool size is ${pool.poolSize}.`;
    related.push({ location: pool.poolLocation, message });
  }
  const location = setting?.location ?? serviceNameLocation(redis);
  return createProblem(redisClientBudget, location, message, { related });
}
