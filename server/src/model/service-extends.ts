import * as path from 'node:path';
import type { Workspace } from '../workspace/workspace.js';
import type { ServiceDefinition } from './deployment.js';

/** `extends` chains longer than this are cut, so a cycle of services cannot loop. */
const maxExtendsDepth = 10;

/**
 * Definitions a service inherits through `extends`, base first: `extends: { service, file }`
 * loads the other compose file (relative to the extending file), `extends: service` looks in the
 * same project. The extending definitions come after, so their values win as in compose.
 */
export function withExtends(
  workspace: Workspace,
  definitions: ServiceDefinition[],
  project: Map<string, ServiceDefinition[]>,
  depth = 0,
): ServiceDefinition[] {
  if (depth >= maxExtendsDepth) return definitions;
  const inherited: ServiceDefinition[] = [];
  for (const definition of definitions) {
    const reference = definition.service.extends;
    if (!reference) continue;
    let base: ServiceDefinition[] = [];
    if (reference.file) {
      const target = path.posix.normalize(
        path.posix.join(path.posix.dirname(definition.file.source.path), reference.file.value),
      );
      const file = workspace.load('compose', target);
      const service = file?.services.find((candidate) => candidate.name === reference.service.value);
      if (file && service) base = [{ file, service }];
    } else {
      base = (project.get(reference.service.value) ?? []).filter((candidate) => candidate !== definition);
    }
    inherited.push(...withExtends(workspace, base, project, depth + 1));
  }
  return [...inherited, ...definitions];
}
