import type { Problem } from '../../core/problem.js';
import type { NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { validateNginx } from '../../parsers/nginx/validate-nginx.js';
import { walk } from '../../parsers/nginx/walk-nginx.js';
import type { Check } from '../check.js';
import { parseErrorRule } from './parse-errors.js';

/**
 * Validates every nginx file in the context where it is loaded: the entry of a configuration in
 * the context its mount gives it, each included file in the block that includes it. Also reports
 * include cycles.
 */
export const nginxValidationCheck: Check = {
  name: 'nginx-validation',
  rules: [parseErrorRule],
  run(deployment, { workspace }) {
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      for (const error of config.includeErrors) {
        problems.push({
          code: error.code,
          severity: error.severity,
          message: error.message,
          location: { file: error.file, range: error.range },
          related: [],
          fixes: [],
        });
      }
      for (const [file, context] of startContexts(config)) {
        const parsed = workspace.load('nginx', file);
        if (!parsed) continue;
        const errors = validateNginx(parsed, { isIncluded: context !== 'main', includedContext: context });
        for (const error of errors) {
          problems.push({
            code: error.code,
            severity: error.severity,
            message: error.message,
            location: { file, range: error.range },
            related: [],
            fixes: [],
          });
        }
      }
    }
    return problems;
  },
};

/** Block path (`http > server`) in which each file of a configuration starts. */
function startContexts(config: NginxConfig): Map<string, string> {
  const contexts = new Map<string, string>([[config.entry.source.path, config.context]]);
  walk(config.directives, (directive) => {
    if (contexts.has(directive.file)) return undefined;
    contexts.set(directive.file, enclosingPath(directive, config.context));
    return undefined;
  });
  return contexts;
}

function enclosingPath(directive: NginxDirective, start: string): string {
  const names: string[] = [];
  for (let parent = directive.parent; parent; parent = parent.parent) names.unshift(parent.name);
  if (start !== 'main') names.unshift(start);
  return names.length === 0 ? 'main' : names.join(' > ');
}
