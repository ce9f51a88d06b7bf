import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { ComposeFile } from '../../parsers/compose/compose-model.js';

/** Plain JavaScript value of a path in a compose file's YAML, or undefined. */
function yamlValue(file: ComposeFile, path: string[]): unknown {
  const node = file.document?.getIn(path, true) as { toJSON?: () => unknown } | string | undefined;
  if (node === undefined || node === null) return undefined;
  return typeof node === 'object' && typeof node.toJSON === 'function' ? node.toJSON() : node;
}

function strings(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

/** Names other containers reach a service by: its name, `container_name`, `hostname`, aliases. */
export function serviceHostNames(service: ServiceModel): string[] {
  const names = [service.name];
  for (const { file } of service.definitions) {
    for (const key of ['container_name', 'hostname']) {
      const value = yamlValue(file, ['services', service.name, key]);
      if (typeof value === 'string') names.push(value);
    }
    const networks = yamlValue(file, ['services', service.name, 'networks']);
    if (networks && typeof networks === 'object' && !Array.isArray(networks)) {
      for (const network of Object.values(networks as Record<string, unknown>)) {
        const aliases = (network as { aliases?: unknown } | null)?.aliases;
        if (Array.isArray(aliases)) names.push(...strings(aliases));
      }
    }
  }
  return names;
}

/** Host names a service adds for itself: `extra_hosts` entries and `links` aliases (`web:api`). */
export function extraHosts(service: ServiceModel): string[] {
  const names: string[] = [];
  for (const { file } of service.definitions) {
    const links = yamlValue(file, ['services', service.name, 'links']);
    if (Array.isArray(links)) {
      names.push(...strings(links).map((link) => link.split(':').pop()!.trim()));
    }
    const hosts = yamlValue(file, ['services', service.name, 'extra_hosts']);
    if (Array.isArray(hosts)) {
      names.push(...strings(hosts).map((entry) => entry.split(/[:=]/)[0]!.trim()));
    } else if (hosts && typeof hosts === 'object') {
      names.push(...Object.keys(hosts));
    }
  }
  return names;
}

/** True when a compose file joins an external network, where other projects' names resolve. */
export function joinsExternalNetwork(deployment: Deployment): boolean {
  for (const file of deployment.composeFiles) {
    const networks = yamlValue(file, ['networks']);
    if (!networks || typeof networks !== 'object') continue;
    for (const network of Object.values(networks as Record<string, unknown>)) {
      const external = (network as { external?: unknown } | null)?.external;
      if (external === true || (typeof external === 'object' && external !== null)) return true;
    }
  }
  return false;
}

/** `network_mode: host` or `service:x`: loopback addresses and ports are shared. */
export function sharesNetworkNamespace(service: ServiceModel): boolean {
  return service.definitions.some((definition) => definition.service.networkMode !== undefined);
}
