import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../checks/all-checks.js';
import { nodeFileSystem } from '../workspace/file-system.js';
import { AnalysisScheduler } from './analysis-scheduler.js';
import { codeActionKinds, provideCodeActions } from './code-actions.js';
import {
  completionTriggerCharacters,
  emptyCompletionList,
  provideCompletion,
} from './completion.js';
import { SettingsReader, settingsSection } from './configuration.js';
import type { Folder } from './folder.js';
import { FolderSet } from './folder-set.js';
import { guard, guardAsync } from './guard.js';
import { fileKindOf, provideHover } from './hover/hover.js';
import { Logger } from './logger.js';
import { navigationCapabilities, registerNavigation } from './navigation.js';
import { OverlayFileSystem } from './overlay-file-system.js';
import {
  checkWorkspaceRequest,
  statsRequest,
  type AnalysisTrigger,
  type CheckWorkspaceResult,
  type StatsResult,
} from './protocol.js';
import { publishFolder, sendStatus } from './publish.js';
import { pathOf } from './uris.js';
import { registerFileWatchers } from './watched-files.js';

/**
 * Starts the language server on a connection: diagnostics pushed for every file of every
 * workspace folder, quick fixes, a fix-all action, hovers, completion and navigation. Handlers only translate between
 * the protocol and the analysis core.
 */
export function startServer(connection: Connection): void {
  const logger = new Logger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const overlay = new OverlayFileSystem(nodeFileSystem);
  const folders = new FolderSet(overlay);
  const rules = allRules();
  const scheduler = new AnalysisScheduler<Folder>(analyze, (folder) => folder.countDropped());
  let settings = new SettingsReader(connection, logger, false);
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let hasFolderEvents = false;

  /** Analyses one folder and publishes its diagnostics and status. */
  function analyze(folder: Folder, trigger: AnalysisTrigger): void {
    guard(logger, 'analysis', undefined, () => {
      if (!folder.settings.enable) {
        folder.clear();
        publishFolder(connection, folder, rules);
        sendStatus(connection, folder, 'disabled', 0);
        return;
      }
      try {
        const onCheckError = (check: string, error: unknown) =>
          logger.error(`Check ${check} failed in ${folder.root}`, error);
        const record = folder.analyze(trigger, onCheckError);
        logger.debug(
          `Analysed ${folder.root} (${trigger}): ${record.durationMs} ms, ${record.parses} parses`,
        );
        publishFolder(connection, folder, rules);
        sendStatus(connection, folder, 'ready', record.durationMs);
      } catch (error) {
        sendStatus(connection, folder, 'failed', 0);
        throw error;
      }
    });
  }

  function analyzeAll(trigger: AnalysisTrigger): void {
    for (const folder of folders.all()) scheduler.runNow(folder, trigger);
  }

  /** Schedules the folder of a changed file, if the file lies in one. */
  function scheduleFileOf(uri: string, trigger: AnalysisTrigger): void {
    const found = folders.findUri(uri);
    if (found) scheduler.schedule(found.folder, trigger);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    settings = new SettingsReader(connection, logger, workspace?.configuration === true);
    canRegisterWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    hasFolderEvents = workspace?.workspaceFolders === true;
    const roots = params.workspaceFolders?.map((folder) => folder.uri) ?? [params.rootUri];
    for (const root of roots) if (root) folders.add(root);
    logger.info(`Shipshape language server started for ${folders.all().length} folder(s)`);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        codeActionProvider: { codeActionKinds },
        ...navigationCapabilities,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'shipshape-language-server' },
    };
  });

  connection.onInitialized(() =>
    guardAsync(logger, 'initialized', undefined, async () => {
      if (canRegisterConfiguration) {
        await connection.client.register(DidChangeConfigurationNotification.type, {
          section: settingsSection,
        });
      }
      if (canRegisterWatchers) await registerFileWatchers(connection);
      if (hasFolderEvents) connection.workspace.onDidChangeWorkspaceFolders(changeFolders);
      await settings.refresh(folders.all());
      analyzeAll('initial');
    }),
  );

  function changeFolders(event: { added: { uri: string }[]; removed: { uri: string }[] }): void {
    void guardAsync(logger, 'workspace folders', undefined, async () => {
      for (const removed of event.removed) {
        const folder = folders.remove(removed.uri);
        if (!folder) continue;
        scheduler.cancel(folder);
        folder.clear();
        publishFolder(connection, folder, rules);
      }
      const added = event.added.map((folder) => folders.add(folder.uri));
      const created = added.filter((folder): folder is Folder => folder !== undefined);
      await settings.refresh(created);
      for (const folder of created) scheduler.runNow(folder, 'initial');
    });
  }

  connection.onDidChangeConfiguration((params) =>
    guardAsync(logger, 'configuration change', undefined, async () => {
      const pushed = (params.settings as Record<string, unknown> | null)?.[settingsSection];
      if (pushed !== undefined) settings.pushed = pushed;
      await settings.refresh(folders.all());
      analyzeAll('settings');
    }),
  );

  documents.onDidChangeContent(({ document }) =>
    guard(logger, 'document change', undefined, () => {
      const absolute = pathOf(document.uri);
      if (absolute && overlay.setDocument(absolute, document.getText())) {
        scheduleFileOf(document.uri, 'edit');
      }
    }),
  );

  documents.onDidClose(({ document }) =>
    guard(logger, 'document close', undefined, () => {
      const absolute = pathOf(document.uri);
      if (absolute && overlay.deleteDocument(absolute)) scheduleFileOf(document.uri, 'edit');
    }),
  );

  connection.onDidChangeWatchedFiles(({ changes }) =>
    guard(logger, 'watched files', undefined, () => {
      for (const change of changes) {
        const found = folders.findUri(change.uri);
        if (!found) continue;
        if (change.type === FileChangeType.Deleted) found.folder.cache.delete(found.file);
        scheduler.schedule(found.folder, 'files');
      }
    }),
  );

  connection.onHover((params) =>
    guard(logger, 'hover', null, () => {
      const found = folders.findUri(params.textDocument.uri);
      if (!found) return null;
      scheduler.flush(found.folder);
      const analysis = found.folder.analysis;
      const source = analysis?.workspace.source(found.file);
      if (!analysis || !source) return null;
      const context = {
        analysis,
        file: found.file,
        kind: fileKindOf(analysis, found.file),
        source,
        position: params.position,
        rules,
      };
      return provideHover(context, (provider, call) =>
        guard(logger, `hover (${provider.name})`, undefined, call),
      );
    }),
  );

  connection.onCompletion((params) =>
    guard(logger, 'completion', emptyCompletionList, () => {
      const found = folders.findUri(params.textDocument.uri);
      if (!found) return emptyCompletionList;
      scheduler.flush(found.folder);
      return provideCompletion(found.folder, found.file, params);
    }),
  );

  connection.onCodeAction((params) =>
    guard<CodeAction[]>(logger, 'code action', [], () => {
      const found = folders.findUri(params.textDocument.uri);
      if (!found) return [];
      scheduler.flush(found.folder);
      return provideCodeActions(found.folder, found.file, params, rules);
    }),
  );

  registerNavigation(connection, folders, scheduler, logger);

  connection.onRequest(checkWorkspaceRequest, () =>
    guard<CheckWorkspaceResult>(logger, 'check workspace', { folders: 0, problems: 0 }, () => {
      analyzeAll('command');
      const problems = folders
        .all()
        .reduce((total, folder) => total + (folder.analysis?.problems.length ?? 0), 0);
      return { folders: folders.all().length, problems };
    }),
  );

  connection.onRequest(statsRequest, () =>
    guard<StatsResult>(logger, 'stats', { folders: [] }, () => ({
      folders: folders.all().map((folder) => folder.stats()),
    })),
  );

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
