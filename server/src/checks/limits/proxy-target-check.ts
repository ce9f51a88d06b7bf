import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { type AppServer, type ListenAddress, isLoopback } from './app-server.js';
import { extraHosts, joinsExternalNetwork, sharesNetworkNamespace } from './compose-names.js';
import { proxyRoutes } from './nginx-routes.js';
import { proxyHostUnknown, proxyPortMismatch } from './proxy-rules.js';
import { serviceRuntime } from './service-runtime.js';
import { traefikServicePorts } from './traefik-config.js';

/**
 * Proxy targets that cannot work: a host that is no compose service (nginx then refuses to
 * start), or a port the target's application server does not listen on, or listens on only
 * inside its own container.
 */
export const proxyTargetCheck: Check = {
  name: 'proxy-target',
  rules: [proxyHostUnknown, proxyPortMismatch],
  run(deployment, context) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const hostsOpen = joinsExternalNetwork(deployment);
    for (const route of proxyRoutes(deployment)) {
      const proxy = route.config.service;
      if (!proxy || sharesNetworkNamespace(proxy)) continue;
      for (const target of route.targets) {
        const { file, range } = target.location;
        const key = `${file}:${range.start.line}:${range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!target.service) {
          const known = hostsOpen || !isServiceLikeHost(target.host);
          if (!known && !extraHosts(proxy).includes(target.host)) {
            problems.push(unknownHostProblem(deployment, target.host, target.location));
          }
          continue;
        }
        if (sharesNetworkNamespace(target.service)) continue;
        const server = serviceRuntime(target.service, deployment, context.workspace).server;
        const problem = server && portProblem(server, target.port, target.location, 'nginx');
        if (problem) problems.push(problem);
      }
    }
    problems.push(...traefikPortProblems(deployment, context.workspace));
    return problems;
  },
};

/** True for a single-label name (`web`, `backend_1`) that only a compose network resolves. */
function isServiceLikeHost(host: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(host) && host !== 'localhost';
}

function unknownHostProblem(deployment: Deployment, host: string, location: Location): Problem {
  const names = deployment.services.map((service) => service.name).join(', ');
  const message =
    `nginx proxies to ${host}, which is no service of this compose project (services: ` +
    `${names}): nginx refuses to start with "host not found in upstream \\"${host}\\"".`;
  return createProblem(proxyHostUnknown, location, message);
}

function describeAddress(address: ListenAddress): string {
  return `${address.host ?? '0.0.0.0'}:${address.port ?? '?'}`;
}

/** Returns ` by default`, or the note that names the defaulted part of the address. */
function describeOrigin(addresses: ListenAddress[]): string {
  if (addresses.every((address) => !address.explicit)) return ' by default';
  const notes = addresses.flatMap((address) => address.note ?? []);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

function portProblem(
  server: AppServer,
  port: number,
  location: Location,
  proxyName: string,
): Problem | undefined {
  const tcp = server.listen.filter((address) => !address.unix);
  if (tcp.length === 0 || tcp.length !== server.listen.length) return undefined;
  const service = server.service.name;
  const matching = tcp.filter((address) => address.port === port);
  const listening = `${tcp.map(describeAddress).join(', ')}${describeOrigin(tcp)}`;
  const related: RelatedLocation[] = tcp.flatMap((address) => {
    if (!address.location) return [];
    const message = `${server.kind} on ${service} listens on ${describeAddress(address)} here.`;
    return [{ location: address.location, message }];
  });
  const options = { related, severity: listenSeverity(server, tcp) };
  const start =
    `${proxyName} sends requests to ${service}:${port}, but ${server.kind} on ${service} ` +
    `listens on ${listening}`;
  if (matching.length === 0) {
    if (tcp.some((address) => address.port === undefined)) return undefined;
    const message = `${start}: every proxied request fails with 502 Bad Gateway.`;
    return createProblem(proxyPortMismatch, location, message, options);
  }
  if (matching.every((address) => isLoopback(address.host))) {
    const message =
      `${start}, which only the container itself can reach: every ` +
      'proxied request fails with 502 Bad Gateway. Bind to 0.0.0.0.';
    return createProblem(proxyPortMismatch, location, message, options);
  }
  return undefined;
}

/**
 * Returns the severity by how certain the address is. The command line's own addresses give an
 * error, and Daphne's and runserver's fixed defaults a warning. gunicorn's and uvicorn's
 * defaults give information, because an image's `PORT`, `GUNICORN_CMD_ARGS` or `UVICORN_HOST`
 * can change them without compose showing it.
 */
function listenSeverity(
  server: AppServer,
  addresses: ListenAddress[],
): 'warning' | 'information' | undefined {
  if (addresses.every((address) => address.explicit)) return undefined;
  return server.kind === 'daphne' || server.kind === 'runserver' ? 'warning' : 'information';
}

function traefikPortProblems(deployment: Deployment, workspace: Workspace): Problem[] {
  const problems: Problem[] = [];
  for (const label of traefikServicePorts(deployment)) {
    if (sharesNetworkNamespace(label.service)) continue;
    const server = serviceRuntime(label.service, deployment, workspace).server;
    const problem = server && portProblem(server, label.port, label.location, 'Traefik');
    if (problem) problems.push(problem);
  }
  return problems;
}
