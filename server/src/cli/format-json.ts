import type { Problem } from '../core/problem.js';

/** The CLI's JSON contract: 1-based lines and columns, `file` relative to the checked folder. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Problem['severity'];
  code: string;
  message: string;
  related: { file: string; line: number; message: string }[];
  fixes: { title: string; safe: boolean }[];
}

export function toJsonDiagnostic(problem: Problem): JsonDiagnostic {
  const { start, end } = problem.location.range;
  return {
    file: problem.location.file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    related: problem.related.map((related) => ({
      file: related.location.file,
      line: related.location.range.start.line + 1,
      message: related.message,
    })),
    fixes: problem.fixes.map((fix) => ({ title: fix.title, safe: fix.safe })),
  };
}

export function formatJson(problems: Problem[]): string {
  return `${JSON.stringify({ diagnostics: problems.map(toJsonDiagnostic) }, null, 2)}\n`;
}
