import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../core/problem.js';
import type { Rule } from '../core/rule.js';
import { configDiagnostics, toDiagnostic } from './diagnostics.js';
import type { Folder } from './folder.js';
import { statusNotification, type FolderStatus, type StatusParams } from './protocol.js';
import { configFileName } from './settings.js';
import { uriOf } from './uris.js';

/**
 * Pushes the diagnostics of a folder's latest analysis for every file with problems, open or
 * not, and an empty list for every file that had diagnostics before and has none now.
 */
export function publishFolder(
  connection: Connection,
  folder: Folder,
  rules: ReadonlyMap<string, Rule>,
): void {
  const byUri = new Map<string, Diagnostic[]>();
  const add = (uri: string, diagnostic: Diagnostic) => {
    const list = byUri.get(uri);
    if (list) list.push(diagnostic);
    else byUri.set(uri, [diagnostic]);
  };
  folder.analysis?.problems.forEach((problem, index) => {
    const uri = uriOf(folder.root, problem.location.file);
    add(uri, toDiagnostic(problem, index, folder.root, rules.get(problem.code)));
  });
  const configFile = folder.configFile;
  if (configFile && configFile.errors.length > 0) {
    const uri = uriOf(folder.root, configFileName);
    for (const diagnostic of configDiagnostics(configFile.errors, configFile.invalidJson)) {
      add(uri, diagnostic);
    }
  }
  for (const uri of folder.published) {
    if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
  folder.published = new Set(byUri.keys());
}

/** Sends `shipshape/status` for a folder: its state and problem counts by severity. */
export function sendStatus(
  connection: Connection,
  folder: Folder,
  status: FolderStatus,
  durationMs: number,
): void {
  const problems = status === 'ready' ? (folder.analysis?.problems ?? []) : [];
  const count = (severity: Severity) =>
    problems.filter((problem) => problem.severity === severity).length;
  const params: StatusParams = {
    folder: folder.uri,
    status,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('information') + count('hint'),
    files: new Set(problems.map((problem) => problem.location.file)).size,
    durationMs,
  };
  void connection.sendNotification(statusNotification, params);
}
