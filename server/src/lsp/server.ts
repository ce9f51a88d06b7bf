import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ShipshapeConfig } from '../analysis/config.js';
import { allRules } from '../checks/all-checks.js';
import { nodeFileSystem } from '../workspace/file-system.js';
import { pathOf, toCodeAction, toDiagnostic, toWorkspaceEdit, uriOf } from './convert.js';
import { FolderState } from './folder-state.js';
import { hoverAt } from './hover.js';
import { Logger, type LogLevel } from './logger.js';
import { OverlayFileSystem } from './overlay-file-system.js';
import { applyFixes } from '../analysis/apply-fixes.js';

/** Delay after the last keystroke before a folder is analysed again, in milliseconds. */
const debounceMs = 250;

export const fixAllKind = `${CodeActionKind.SourceFixAll}.shipshape`;

/** Starts the language server on a connection: diagnostics for every file, hovers, quick fixes. */
export function startServer(connection: Connection): void {
  const logger = new Logger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const overlay = new OverlayFileSystem(nodeFileSystem);
  const rules = allRules();
  let folders: FolderState[] = [];
  let editorConfig: Partial<ShipshapeConfig> = {};
  let enabled = true;
  let canReadConfiguration = false;
  const timers = new Map<FolderState, NodeJS.Timeout>();

  /** Runs a handler, logging an exception once and returning `fallback`, so the client always gets a response. */
  function guard<T>(name: string, fallback: T, handler: () => T): T {
    try {
      return handler();
    } catch (error) {
      logger.error(`${name} failed`, error);
      return fallback;
    }
  }

  function folderOf(uri: string): { state: FolderState; file: string } | undefined {
    const absolute = pathOf(uri);
    if (!absolute) return undefined;
    const state = folders.find((folder) => folder.contains(absolute));
    const file = state?.analysis?.workspace.relative(absolute);
    return state && file !== undefined ? { state, file } : undefined;
  }

  function publish(state: FolderState): void {
    const byUri = new Map<string, ReturnType<typeof toDiagnostic>[]>();
    if (enabled) {
      state.analysis?.problems.forEach((problem, index) => {
        const uri = uriOf(state.root, problem.location.file);
        const list = byUri.get(uri) ?? [];
        list.push(toDiagnostic(problem, state.root, rules.get(problem.code), index));
        byUri.set(uri, list);
      });
    }
    for (const uri of state.published) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    state.published = new Set(byUri.keys());
    const problems = state.analysis?.problems ?? [];
    void connection.sendNotification('shipshape/status', {
      folder: state.root,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      parses: state.lastParses,
    });
  }

  function analyze(state: FolderState): void {
    guard('analysis', undefined, () => {
      const started = performance.now();
      state.analyze(editorConfig, (check, error) => logger.error(`check ${check} failed`, error));
      logger.debug(`analysed ${state.root} in ${(performance.now() - started).toFixed(0)} ms, ${state.lastParses} parses`);
      publish(state);
    });
  }

  /** Schedules a debounced analysis; a newer edit makes the pending one obsolete. */
  function schedule(state: FolderState): void {
    const generation = ++state.generation;
    clearTimeout(timers.get(state));
    timers.set(
      state,
      setTimeout(() => {
        timers.delete(state);
        if (generation === state.generation) analyze(state);
      }, debounceMs),
    );
  }

  async function readEditorConfig(): Promise<void> {
    if (!canReadConfiguration) return;
    try {
      const settings = (await connection.workspace.getConfiguration('shipshape')) as Record<string, unknown> | null;
      if (!settings) return;
      enabled = settings['enable'] !== false;
      const config: Partial<ShipshapeConfig> = {};
      if (Array.isArray(settings['disabledRules'])) config.disabledRules = settings['disabledRules'] as string[];
      if (settings['severity'] && typeof settings['severity'] === 'object') {
        config.severity = settings['severity'] as ShipshapeConfig['severity'];
      }
      if (Array.isArray(settings['productionPatterns'])) config.productionPatterns = settings['productionPatterns'] as string[];
      editorConfig = config;
      const level = settings['logLevel'];
      if (level === 'error' || level === 'warn' || level === 'info' || level === 'debug') logger.level = level as LogLevel;
    } catch (error) {
      logger.error('reading the shipshape settings failed', error);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    const roots = params.workspaceFolders?.map((folder) => pathOf(folder.uri)) ?? [params.rootUri ? pathOf(params.rootUri) : undefined];
    folders = roots.filter((root): root is string => root !== undefined).map((root) => new FolderState(root, overlay));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'shipshape-language-server' },
    };
  });

  connection.onInitialized(async () => {
    if (canReadConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    await readEditorConfig();
    for (const state of folders) analyze(state);
  });

  connection.onDidChangeConfiguration(async () => {
    await readEditorConfig();
    for (const state of folders) analyze(state);
  });

  documents.onDidChangeContent(({ document }) =>
    guard('document change', undefined, () => {
      const absolute = pathOf(document.uri);
      if (!absolute) return;
      overlay.setDocument(absolute, document.getText());
      const state = folders.find((folder) => folder.contains(absolute));
      if (state) schedule(state);
    }),
  );

  documents.onDidClose(({ document }) =>
    guard('document close', undefined, () => {
      const absolute = pathOf(document.uri);
      if (!absolute) return;
      overlay.deleteDocument(absolute);
      const state = folders.find((folder) => folder.contains(absolute));
      if (state) schedule(state);
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    guard('watched files', undefined, () => {
      const touched = new Set<FolderState>();
      for (const change of changes) {
        const absolute = pathOf(change.uri);
        const state = absolute ? folders.find((folder) => folder.contains(absolute)) : undefined;
        if (state) touched.add(state);
      }
      for (const state of touched) schedule(state);
    }),
  );

  connection.onHover(({ textDocument, position }) =>
    guard('hover', null, () => {
      const found = folderOf(textDocument.uri);
      return found ? hoverAt(found.state, found.file, position, rules) : null;
    }),
  );

  connection.onCodeAction(({ textDocument, range, context }) =>
    guard<CodeAction[]>('code action', [], () => {
      const found = folderOf(textDocument.uri);
      if (!found) return [];
      const { state, file } = found;
      const entries = state.problemsOf(file);
      const actions: CodeAction[] = [];
      const wantsFixAll = context.only?.some((kind) => kind === fixAllKind || kind === CodeActionKind.SourceFixAll || kind === CodeActionKind.Source);
      if (!context.only || context.only.includes(CodeActionKind.QuickFix)) {
        for (const { problem, index } of entries) {
          const { start, end } = problem.location.range;
          if (end.line < range.start.line || start.line > range.end.line) continue;
          const diagnostic = toDiagnostic(problem, state.root, rules.get(problem.code), index);
          problem.fixes.forEach((fix, i) => {
            const preferred = fix.safe && problem.fixes.findIndex((candidate) => candidate.safe) === i;
            actions.push(toCodeAction(fix, problem, diagnostic, state.root, preferred));
          });
        }
      }
      if (wantsFixAll || !context.only) {
        const result = applyFixes(entries.map(({ problem }) => problem), () => '');
        const edits = result.applied.flatMap(({ fix }) => fix.edits);
        if (edits.length > 0) {
          actions.push({
            title: 'Fix all safe Shipshape problems',
            kind: fixAllKind,
            edit: toWorkspaceEdit({ title: 'fix all', edits, safe: true }, state.root),
          });
        }
      }
      return actions;
    }),
  );

  connection.onRequest('shipshape/checkWorkspace', () =>
    guard('check workspace', null, () => {
      for (const state of folders) analyze(state);
      return null;
    }),
  );

  connection.onRequest('shipshape/stats', () =>
    guard('stats', [], () =>
      folders.map((state) => ({ folder: state.root, parses: state.cache.parses, lastParses: state.lastParses })),
    ),
  );

  documents.listen(connection);
  connection.listen();
}
