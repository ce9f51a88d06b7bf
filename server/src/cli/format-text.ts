import type { Problem, Severity } from '../core/problem.js';

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
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    '',
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ` +
      `${count('information')} information, ${plural(count('hint'), 'hint')} ` +
      `in ${(elapsedMs / 1000).toFixed(2)} s`,
  );
  return `${lines.join('\n')}\n`;
}
