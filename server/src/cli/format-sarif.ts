import type { Problem, Severity } from '../core/problem.js';
import type { Rule } from '../core/rule.js';

const levels: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(range: Problem['location']['range']) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** SARIF 2.1.0 log for code scanning, with one rule entry per rule and paths relative to the root. */
export function formatSarif(problems: Problem[], rules: Map<string, Rule>, version: string): string {
  const usedIds = [...new Set(problems.map((problem) => problem.code))].sort();
  const ruleEntries = usedIds.map((id) => {
    const rule = rules.get(id);
    return {
      id,
      shortDescription: { text: rule?.title ?? id },
      fullDescription: { text: rule?.doc ?? id },
      ...(rule?.sources[0] ? { helpUri: rule.sources[0] } : {}),
      defaultConfiguration: { level: levels[rule?.severity ?? 'warning'] },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Shipshape', version, rules: ruleEntries } },
        originalUriBaseIds: { SRCROOT: { description: { text: 'The checked folder' } } },
        results: problems.map((problem) => ({
          ruleId: problem.code,
          ruleIndex: usedIds.indexOf(problem.code),
          level: levels[problem.severity],
          message: { text: problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(problem.location.file), uriBaseId: 'SRCROOT' },
                region: region(problem.location.range),
              },
            },
          ],
          relatedLocations: problem.related.map((related, index) => ({
            id: index + 1,
            message: { text: related.message },
            physicalLocation: {
              artifactLocation: { uri: encodeURI(related.location.file), uriBaseId: 'SRCROOT' },
              region: region(related.location.range),
            },
          })),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
