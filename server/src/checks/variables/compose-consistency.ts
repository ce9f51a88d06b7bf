import type { Problem } from '../../core/problem.js';
import { formatBytes, parseComposeBytes } from '../../core/units.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { composeDependsOnUnknown, composeMemoryConflict } from './variable-rules.js';

/** What compose itself rejects when it loads a project: unknown `depends_on`, conflicting memory limits. */
export const composeConsistencyCheck: Check = {
  name: 'compose-consistency',
  rules: [composeDependsOnUnknown, composeMemoryConflict],
  run(deployment) {
    const problems: Problem[] = [];
    const names = new Set(deployment.services.map((service) => service.name));
    for (const service of deployment.services) {
      for (const { file, service: definition } of service.definitions) {
        for (const dependency of definition.dependsOn) {
          if (names.has(dependency.value)) continue;
          problems.push(
            createProblem(
              composeDependsOnUnknown,
              { file: file.source.path, range: dependency.range },
              `Service ${service.name} depends on ${dependency.value}, which no compose file of this project defines, so compose refuses to load it.`,
            ),
          );
        }
        const memLimit = definition.memLimit;
        const deployLimit = definition.limits.memory;
        if (memLimit && deployLimit) {
          const a = parseComposeBytes(memLimit.value);
          const b = parseComposeBytes(deployLimit.value);
          if (a !== undefined && b !== undefined && a !== b) {
            problems.push(
              createProblem(
                composeMemoryConflict,
                { file: file.source.path, range: memLimit.range },
                `mem_limit ${memLimit.value} (${formatBytes(a)}) differs from deploy.resources.limits.memory ${deployLimit.value} (${formatBytes(b)}), so compose refuses to load the project.`,
                {
                  related: [
                    { location: { file: file.source.path, range: deployLimit.range }, message: 'deploy.resources.limits.memory is set here' },
                  ],
                },
              ),
            );
          }
        }
      }
    }
    return problems;
  },
};
