import { containsPosition } from '../../core/range.js';
import type { HoverProvider } from './hover-provider.js';

/** Title and documentation of the rule of every problem whose range covers the position. */
export const problemHover: HoverProvider = {
  name: 'problem',
  provideHover({ analysis, file, position, rules }) {
    const sections = new Set<string>();
    for (const problem of analysis.problems) {
      if (problem.location.file !== file) continue;
      if (!containsPosition(problem.location.range, position)) continue;
      const rule = rules.get(problem.code);
      if (!rule) continue;
      const link = rule.sources[0] ? `\n\n[Documentation](${rule.sources[0]})` : '';
      sections.add(`**${rule.title}** (\`${rule.id}\`)\n\n${rule.doc}${link}`);
    }
    return sections.size > 0 ? [...sections].join('\n\n---\n\n') : undefined;
  },
};
