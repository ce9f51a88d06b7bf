import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Fix, Problem, Severity } from '../core/problem.js';
import type { Rule } from '../core/rule.js';
import { uriOf } from './uris.js';

/** `source` of every Shipshape diagnostic, which editors show next to the message. */
export const diagnosticSource = 'shipshape';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose range marks text that does nothing, which editors render faded. */
const unnecessaryRules = new Set(['variable-unused']);

/**
 * `data` of a diagnostic: the index of its problem in the analysis that produced it, so a
 * code action request finds the problem without comparing ranges. Fixes are not copied into
 * `data`, because code actions read them from the analysis of the current text.
 */
export interface DiagnosticData {
  index: number;
}

/** LSP diagnostic of a problem found in the folder at `root`. */
export function toDiagnostic(
  problem: Problem,
  index: number,
  root: string,
  rule: Rule | undefined,
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: problem.location.range,
    severity: severities[problem.severity],
    code: problem.code,
    source: diagnosticSource,
    message: problem.message,
    relatedInformation: problem.related.map((related) => ({
      location: { uri: uriOf(root, related.location.file), range: related.location.range },
      message: related.message,
    })),
    data: { index } satisfies DiagnosticData,
  };
  const href = rule?.sources[0];
  if (href) diagnostic.codeDescription = { href };
  if (unnecessaryRules.has(problem.code)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Workspace edit of one or more fixes; edits are grouped by file URI and may span files. */
export function toWorkspaceEdit(fixes: readonly Fix[], root: string): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const fix of fixes) {
    for (const edit of fix.edits) {
      const uri = uriOf(root, edit.file);
      (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
    }
  }
  return { changes };
}

/**
 * Diagnostics for errors in `shipshape.json`. `parseConfig` reports messages without ranges, so
 * they sit at the start of the file. Invalid JSON is an error because the whole file is then
 * ignored; a bad entry is a warning because the rest of the file still applies.
 */
export function configDiagnostics(errors: readonly string[], invalidJson: boolean): Diagnostic[] {
  const start = { line: 0, character: 0 };
  return errors.map((message) => ({
    range: { start, end: start },
    severity: invalidJson ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'config-invalid',
    source: diagnosticSource,
    message,
  }));
}
