import type { Problem } from '../../core/problem.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { traefikHstsShort } from './compose-rules.js';
import { oneYear } from './hsts-check.js';
import { traefikLabels } from './transport-facts.js';

/** Traefik headers middlewares whose `stsSeconds` is below one year. */
export const traefikCheck: Check = {
  name: 'security-traefik',
  rules: [traefikHstsShort],
  run(deployment) {
    if (deployment.stage === 'development') return [];
    const problems: Problem[] = [];
    for (const label of traefikLabels(deployment)) {
      const name = /^traefik\.http\.middlewares\.([^.]+)\.headers\.stsseconds$/i.exec(label.key)?.[1];
      if (!name || !/^\s*\d+\s*$/.test(label.value)) continue;
      const seconds = Number(label.value);
      if (seconds <= 0 || seconds >= oneYear) continue;
      problems.push(
        createProblem(
          traefikHstsShort,
          { file: label.file, range: label.range },
          `Traefik middleware ${name} sends Strict-Transport-Security with max-age=${seconds}, below one year (${oneYear} seconds), so the protection lapses between visits and hstspreload.org rejects the site.`,
          { fixes: [{ title: `Raise stsSeconds to ${oneYear}`, edits: [{ file: label.file, range: label.valueRange, newText: String(oneYear) }], safe: false }] },
        ),
      );
    }
    return problems;
  },
};
