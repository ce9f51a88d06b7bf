import type { Problem } from '../../core/problem.js';
import type { NginxConfig } from '../../model/deployment.js';
import { findAll } from '../../parsers/nginx/walk-nginx.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { directiveLocation } from './limit-edits.js';
import { workerFileLimit } from './proxy-rules.js';

/** nginx's `worker_connections` when the events block does not set it. */
const defaultWorkerConnections = 512;

/**
 * `worker_rlimit_nofile` against `worker_connections`. Both are per worker process, so the
 * worker count does not enter: each worker needs up to two descriptors per proxied request.
 */
export const workerFilesCheck: Check = {
  name: 'nginx-worker-files',
  rules: [workerFileLimit],
  run(deployment) {
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      const problem = workerFilesProblem(config);
      if (problem) problems.push(problem);
    }
    return problems;
  },
};

function workerFilesProblem(config: NginxConfig): Problem | undefined {
  if (config.context !== 'main') return undefined;
  const rlimit = config.directives.find((directive) => directive.name === 'worker_rlimit_nofile');
  const files = Number(rlimit?.args[0]?.value);
  if (!rlimit || !Number.isInteger(files)) return undefined;
  const connectionsDirective = findAll(config.directives, 'worker_connections')[0];
  const connections = connectionsDirective
    ? Number(connectionsDirective.args[0]?.value)
    : defaultWorkerConnections;
  if (!Number.isInteger(connections) || files >= connections * 2) return undefined;

  const connectionsText = connectionsDirective
    ? `worker_connections ${connections}`
    : `the default worker_connections of ${connections}`;
  const below = files < connections;
  const message = below
    ? `worker_rlimit_nofile ${files} is below ${connectionsText}: a worker runs out of file ` +
      'descriptors ("Too many open files") before it reaches its connection limit.'
    : `worker_rlimit_nofile ${files} is below twice ${connectionsText}: each proxied request ` +
      'uses two descriptors, so a busy worker can run out of files before its connection limit.';
  const related = connectionsDirective
    ? [
        {
          location: directiveLocation(connectionsDirective),
          message: `Each worker may hold ${connections} connections.`,
        },
      ]
    : [];
  return createProblem(workerFileLimit, directiveLocation(rlimit), message, {
    severity: below ? 'warning' : 'information',
    related,
  });
}
