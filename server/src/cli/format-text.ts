import type { Problem, Severity } from '../core/problem.js';
import { countOf } from '../core/count-words.js';

/** One line per problem (`file:line:col severity message code`), then counts and elapsed time. */
export function formatText(problems: Problem[], elapsedMs: number, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const colors: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };
  const lines = problems.map((problem) => {
    const { line, character } = problem.location.range.start;
    const where = `${problem.location.file}:${line + 1}:${character + 1}`;
    return `${where} ${paint(colors[problem.severity], problem.severity)} ${problem.message} ${paint(90, problem.code)}`;
  });
  const count = (severity: Severity) => problems.filter((problem) => problem.severity === severity).length;
  lines.push(
    '',
    `${countOf(count('error'), 'error')}, ${countOf(count('warning'), 'warning')}, ` +
      `${count('information')} information, ${countOf(count('hint'), 'hint')} ` +
      `in ${(elapsedMs / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
