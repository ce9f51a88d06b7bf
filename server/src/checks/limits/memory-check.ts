import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import {
  formatBytes,
  parsePostgresMemory,
  parseRedisMemory,
  toRedisMemory,
} from '../../core/units.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { type ResourceValue, memoryLimit } from './container-limits.js';
import { readPostgres, readRedis } from './data-servers.js';
import { postgresMemory, redisMaxmemory } from './limit-rules.js';
import { commandLocation } from './service-load.js';

/** Share of the container limit the fix proposes for `maxmemory`, leaving room for forks. */
const redisShare = 0.75;
/** Base unit of `shared_buffers` and `effective_cache_size` written without a unit: 8 kB pages. */
const postgresPage = 8 * 1024;
/** PostgreSQL's docs: more than 40 % of memory for `shared_buffers` rarely helps. */
const bufferShare = 0.4;

/** Redis and PostgreSQL memory settings against the container memory limit. */
export const memoryCheck: Check = {
  name: 'container-memory',
  rules: [redisMaxmemory, postgresMemory],
  run(deployment) {
    const problems: Problem[] = [];
    for (const service of deployment.services) {
      const limit = memoryLimit(service);
      if (!limit) continue;
      if (service.roles.has('redis')) problems.push(...redisProblems(deployment, service, limit));
      if (service.roles.has('postgres')) {
        problems.push(...postgresProblems(deployment, service, limit));
      }
    }
    return problems;
  },
};

function limitRelated(limit: ResourceValue): RelatedLocation[] {
  const message = `The container memory limit is ${limit.text} (${formatBytes(limit.amount)}).`;
  return [{ location: limit.location, message }];
}

function redisProblems(
  deployment: Deployment,
  service: ServiceModel,
  limit: ResourceValue,
): Problem[] {
  const redis = readRedis(service, deployment);
  const setting = redis.settings.get('maxmemory');
  const related = limitRelated(limit);
  if (!setting) {
    if (redis.configFile) return [];
    const message =
      `Redis on ${service.name} has no --maxmemory, so it grows until the kernel kills the ` +
      `container at its ${formatBytes(limit.amount)} memory limit instead of evicting keys or ` +
      'rejecting writes.';
    const location = commandLocation(service);
    return [createProblem(redisMaxmemory, location, message, { severity: 'information', related })];
  }

  const bytes = parseRedisMemory(setting.value);
  if (bytes === undefined || (bytes > 0 && bytes < limit.amount)) return [];
  const mebibytes = Math.floor((limit.amount * redisShare) / (1024 * 1024));
  const proposed = toRedisMemory(mebibytes * 1024 * 1024);
  const fixes: Fix[] = [
    {
      title: `Set --maxmemory to ${proposed} (75 % of the container limit)`,
      edits: [{ file: setting.location.file, range: setting.location.range, newText: proposed }],
      safe: false,
    },
  ];

  const own =
    bytes === 0 ? 'maxmemory 0 (no limit)' : `--maxmemory ${setting.value} (${formatBytes(bytes)})`;
  let relation = 'is above';
  if (bytes === 0) relation = 'leaves Redis unbounded inside';
  else if (bytes === limit.amount) relation = 'equals';
  const message =
    `Redis ${own} on ${service.name} ${relation} the container memory limit ${limit.text} ` +
    `(${formatBytes(limit.amount)}): with no headroom for client buffers and the fork that ` +
    'saves snapshots or rewrites the AOF, the kernel kills the container before Redis evicts ' +
    'or rejects anything.';
  return [createProblem(redisMaxmemory, setting.location, message, { related, fixes })];
}

function postgresProblems(
  deployment: Deployment,
  service: ServiceModel,
  limit: ResourceValue,
): Problem[] {
  const postgres = readPostgres(service, deployment);
  const problems: Problem[] = [];
  const related = limitRelated(limit);
  const buffers = postgres.settings.get('shared_buffers');
  const bufferBytes = buffers ? parsePostgresMemory(buffers.value, postgresPage) : undefined;
  if (buffers && bufferBytes !== undefined && bufferBytes >= limit.amount) {
    const message =
      `shared_buffers=${buffers.value} (${formatBytes(bufferBytes)}) on ${service.name} is not ` +
      `below the container memory limit ${limit.text} (${formatBytes(limit.amount)}): once the ` +
      'buffers fill, the kernel kills PostgreSQL.';
    problems.push(createProblem(postgresMemory, buffers.location, message, { related }));
  } else if (buffers && bufferBytes !== undefined && bufferBytes > limit.amount * bufferShare) {
    const share = Math.round((bufferBytes / limit.amount) * 100);
    const message =
      `shared_buffers=${buffers.value} is ${share} % of the ${limit.text} container limit on ` +
      `${service.name}, leaving little for connections, sorts and the page cache; PostgreSQL ` +
      'advises about 25 %.';
    const options = { severity: 'information' as const, related };
    problems.push(createProblem(postgresMemory, buffers.location, message, options));
  }
  const cache = postgres.settings.get('effective_cache_size');
  const cacheBytes = cache ? parsePostgresMemory(cache.value, postgresPage) : undefined;
  if (cache && cacheBytes !== undefined && cacheBytes > limit.amount) {
    const message =
      `effective_cache_size=${cache.value} (${formatBytes(cacheBytes)}) on ${service.name} is ` +
      `above the container memory limit ${limit.text}: the planner counts on a cache the ` +
      'container cannot have and favours index scans too much.';
    const options = { severity: 'information' as const, related };
    problems.push(createProblem(postgresMemory, cache.location, message, options));
  }
  return problems;
}
