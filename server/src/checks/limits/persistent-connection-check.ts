import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { type AliasUse, aliasUses, describeAge } from './alias-uses.js';
import { settingEdit } from './limit-edits.js';
import { connMaxAgeAsgi, poolWithConnMaxAge } from './limit-rules.js';
import { type ServiceLoad, djangoLoads } from './service-load.js';
import { envRelated } from './setting-values.js';

/** `CONN_MAX_AGE` together with a connection pool, or under an ASGI server. */
export const persistentConnectionCheck: Check = {
  name: 'persistent-connections',
  rules: [poolWithConnMaxAge, connMaxAgeAsgi],
  run(deployment, context) {
    const django = deployment.django;
    if (!django) return [];
    const loads = djangoLoads(deployment, context.workspace);
    const problems: Problem[] = [];
    for (const use of aliasUses(django, deployment)) {
      if (!use.persistent || !use.connMaxAge) continue;
      if (use.pool) problems.push(poolProblem(deployment, use));
      else problems.push(...asgiProblems(deployment, use, loads));
    }
    return problems;
  },
};

function poolProblem(deployment: Deployment, use: AliasUse): Problem {
  const setting = use.connMaxAge!;
  const edit = settingEdit(deployment, setting, '0', '0');
  const message =
    `${setting.label} is ${describeAge(setting.value)} while OPTIONS["pool"] is on: Django ` +
    `raises ImproperlyConfigured("Pooling doesn't support persistent connections.") on the ` +
    'first query, so every request that uses the database fails.';
  const related: RelatedLocation[] = [
    { location: use.pool!.location, message: 'The connection pool is enabled here.' },
    ...envRelated(setting),
  ];
  return createProblem(poolWithConnMaxAge, setting.location, message, {
    related,
    fixes: edit ? [{ title: 'Set CONN_MAX_AGE to 0', edits: [edit], safe: true }] : [],
  });
}

function asgiProblems(deployment: Deployment, use: AliasUse, loads: ServiceLoad[]): Problem[] {
  const asgi = loads.flatMap((load) => (load.runtime.server?.asgi ? [load.runtime.server] : []));
  if (asgi.length === 0) return [];
  const setting = use.connMaxAge!;
  const names = asgi.map((server) => `${server.service.name} (${server.kind})`).join(', ');
  const edit = settingEdit(deployment, setting, '0', '0');
  const related: RelatedLocation[] = [
    ...asgi.map((server) => ({
      location: server.program.location,
      message: `${server.service.name} runs Django under ${server.kind}, an ASGI server.`,
    })),
    ...envRelated(setting),
  ];
  const message =
    `${setting.label} is ${describeAge(setting.value)}, but ${names} ` +
    `${asgi.length === 1 ? 'serves' : 'serve'} Django over ASGI, where Django's documentation ` +
    'says to disable persistent connections: they are kept per thread, are not closed when a ' +
    'request ends, and can pile up until PostgreSQL refuses new connections.';
  return [
    createProblem(connMaxAgeAsgi, setting.location, message, {
      related,
      fixes: edit ? [{ title: 'Set CONN_MAX_AGE to 0', edits: [edit], safe: false }] : [],
    }),
  ];
}
