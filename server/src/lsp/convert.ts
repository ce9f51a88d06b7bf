import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Fix, Problem, Severity } from '../core/problem.js';
import type { Rule } from '../core/rule.js';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function uriOf(root: string, file: string): string {
  return pathToFileURL(path.join(root, ...file.split('/'))).href;
}

export function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** LSP diagnostic of a problem; `data` keeps the problem's index for code actions. */
export function toDiagnostic(problem: Problem, root: string, rule: Rule | undefined, index: number): Diagnostic {
  return {
    range: problem.location.range,
    severity: severities[problem.severity],
    code: problem.code,
    source: 'shipshape',
    message: problem.message,
    ...(rule?.sources[0] ? { codeDescription: { href: rule.sources[0] } } : {}),
    relatedInformation: problem.related.map((related) => ({
      location: { uri: uriOf(root, related.location.file), range: related.location.range },
      message: related.message,
    })),
    data: { index },
  };
}

export function toWorkspaceEdit(fix: Fix, root: string): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const edit of fix.edits) {
    const uri = uriOf(root, edit.file);
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}

export function toCodeAction(fix: Fix, problem: Problem, diagnostic: Diagnostic, root: string, preferred: boolean): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(fix, root), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  void problem;
  return action;
}
