import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import type {
  CodeAction,
  CodeActionParams,
  ConfigurationParams,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  InitializeResult,
  Location,
  PrepareRenameResult,
  PublishDiagnosticsParams,
  Registration,
  RegistrationParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { comparePositions } from '../../server/src/core/range.js';
import type { StatsResult, StatusParams } from '../../server/src/lsp/protocol.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Fixture workspace under `test/fixtures/lsp/`. */
export function fixture(name: string): string {
  return join(repository, 'test', 'fixtures', 'lsp', name);
}

/** How the test client starts the server. */
export interface ServerCommand {
  /** Arguments of `node`; the default runs the TypeScript sources through tsx. */
  args: string[];
  transport: 'stdio' | 'ipc';
}

export const sourceServer: ServerCommand = {
  args: ['--import', 'tsx', join(repository, 'server', 'src', 'lsp-main.ts'), '--stdio'],
  transport: 'stdio',
};

export interface ClientOptions {
  server?: ServerCommand;
  /** `shipshape` settings section returned by `workspace/configuration`, per scope URI. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Leaves out the client capabilities for dynamic registration and pulled settings. */
  minimalCapabilities?: boolean;
}

/** Time a server gets to reply to `shutdown` before `stop` ends it by its PID, in milliseconds. */
const shutdownGraceMs = 5000;

/** Resolves after `ms` milliseconds without keeping the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * A real LSP client for tests. It spawns the server, records what the server sends
 * (diagnostics, statuses, registrations, log lines), and lets a test await the first message
 * that meets a condition, without timers. Open documents are tracked so workspace edits can be
 * applied as the editor would.
 */
export class TestClient {
  readonly connection: MessageConnection;
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  readonly statuses: StatusParams[] = [];
  /** The server's `initialize` result, set once `start` resolves. */
  initializeResult: InitializeResult | undefined;
  settings: (scopeUri: string | undefined) => unknown;
  private readonly child: ChildProcess;
  private readonly exited: Promise<unknown>;
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters = new Map<string, Waiter<Diagnostic[]>[]>();
  private readonly statusWaiters: Waiter<StatusParams>[] = [];
  private readonly logWaiters: Waiter<string>[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private stopping = false;
  private failure: Error | undefined;

  constructor(
    readonly root: string,
    private readonly options: ClientOptions = {},
  ) {
    const server = options.server ?? sourceServer;
    this.settings = options.settings ?? (() => null);
    const ipc = server.transport === 'ipc';
    this.child = spawn(process.execPath, server.args, {
      stdio: ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    });
    this.exited = once(this.child, 'exit');
    // A server that dies would leave every waiter pending until the runner's timeout. Reject them
    // now with the server's last stderr output, so the failing test names the crash.
    this.child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const stderr = this.logs.join('').slice(-2000);
      this.failure = new Error(`language server exited (code ${code}, signal ${signal}) during the test:\n${stderr}`);
      this.rejectAll(this.failure);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.child), new IPCMessageWriter(this.child))
      : createMessageConnection(
          new StreamMessageReader(this.child.stdout!),
          new StreamMessageWriter(this.child.stdin!),
        );
    this.listen();
  }

  /** Spawns the server and completes the `initialize` handshake. */
  static async start(root: string, options: ClientOptions = {}): Promise<TestClient> {
    const client = new TestClient(root, options);
    await client.initialize();
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  uri(file: string): string {
    return pathToFileURL(join(this.root, ...file.split('/'))).href;
  }

  /** Resolves with the first diagnostics of `file` (latest known, or next) that `accept` takes. */
  diagnostics(
    file: string,
    accept: (list: Diagnostic[]) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    return this.diagnosticsOf(this.uri(file), accept);
  }

  /** `diagnostics` for a URI, which may lie outside the client's root. */
  diagnosticsOf(uri: string, accept: (list: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const known = this.latest.get(uri);
    if (known && accept(known)) return Promise.resolve(known);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiters = this.diagnosticWaiters.get(uri) ?? [];
      waiters.push({ accept, resolve, reject });
      this.diagnosticWaiters.set(uri, waiters);
    });
  }

  /** Resolves with the latest `shipshape/status` if `accept` takes it, else with the next one. */
  status(accept: (status: StatusParams) => boolean = () => true): Promise<StatusParams> {
    const known = this.statuses.at(-1);
    return known && accept(known) ? Promise.resolve(known) : this.nextStatus(accept);
  }

  /** Resolves with the next `shipshape/status` notification that `accept` takes. */
  nextStatus(accept: (status: StatusParams) => boolean = () => true): Promise<StatusParams> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.statusWaiters.push({ accept, resolve, reject }));
  }

  /** Resolves with the first log line (written already, or next) that `accept` takes. */
  logLine(accept: (line: string) => boolean): Promise<string> {
    const known = this.logs.find(accept);
    if (known !== undefined) return Promise.resolve(known);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.logWaiters.push({ accept, resolve, reject }));
  }

  /** Opens `file` with `text`, or with its text on disk. */
  async open(file: string, text?: string): Promise<void> {
    const uri = this.uri(file);
    const content = text ?? readFileSync(fileURLToPath(uri), 'utf8');
    const document = TextDocument.create(uri, 'plaintext', 1, content);
    this.documents.set(uri, document);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: content },
    });
  }

  /** Sends incremental edits to an open document, as an editor does when the user types. */
  async edit(file: string, edits: TextEdit[]): Promise<void> {
    const uri = this.uri(file);
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${file} is not open in the test client`);
    const version = document.version + 1;
    const text = TextDocument.applyEdits(document, edits);
    this.documents.set(uri, TextDocument.create(uri, 'plaintext', version, text));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      // The server applies changes in order, so the last edit in the text goes first and
      // the ranges of the others stay valid.
      contentChanges: [...edits]
        .sort((a, b) => comparePositions(b.range.start, a.range.start))
        .map((edit) => ({ range: edit.range, text: edit.newText })),
    });
  }

  /** Replaces the whole text of an open document. */
  async replace(file: string, text: string): Promise<void> {
    const uri = this.uri(file);
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${file} is not open in the test client`);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.create(uri, 'plaintext', version, text));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async close(file: string): Promise<void> {
    const uri = this.uri(file);
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Text of an open document in the client, edits included. */
  text(file: string): string | undefined {
    return this.documents.get(this.uri(file))?.getText();
  }

  /** Applies a workspace edit as VS Code does: each file is opened (if needed) and edited. */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const file = fileURLToPath(uri).slice(this.root.length + 1).split(/[\\/]/).join('/');
      if (!this.documents.has(uri)) await this.open(file);
      await this.edit(file, edits);
    }
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
    });
  }

  /** Markdown of a hover, or an empty string when there is none. */
  async hoverText(file: string, line: number, character: number): Promise<string> {
    const hover = await this.hover(file, line, character);
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
  }

  codeActions(
    file: string,
    range: CodeActionParams['range'],
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    const context = only ? { diagnostics, only } : { diagnostics };
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: this.uri(file) },
      range,
      context,
    });
  }

  definition(file: string, line: number, character: number): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
    });
  }

  references(
    file: string,
    line: number,
    character: number,
    includeDeclaration: boolean,
  ): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/references', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
      context: { includeDeclaration },
    });
  }

  prepareRename(file: string, line: number, character: number): Promise<PrepareRenameResult | null> {
    return this.connection.sendRequest('textDocument/prepareRename', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
    });
  }

  rename(file: string, line: number, character: number, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
      newName,
    });
  }

  documentLinks(file: string): Promise<DocumentLink[] | null> {
    return this.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: this.uri(file) } });
  }

  documentSymbols(file: string): Promise<DocumentSymbol[] | null> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: this.uri(file) } });
  }

  stats(): Promise<StatsResult> {
    return this.connection.sendRequest('shipshape/stats');
  }

  /** Sends `workspace/didChangeConfiguration`, after which the server pulls the settings again. */
  async changeSettings(settings: (scopeUri: string | undefined) => unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Shuts the server down, then ends the process by its PID if it has not exited by itself. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        // A server that never replies to `shutdown` is ended below instead of holding the test.
        await Promise.race([this.connection.sendRequest('shutdown'), delay(shutdownGraceMs)]);
        await this.connection.sendNotification('exit');
      } catch {
        // The connection is already closed; the process is ended below.
      }
    }
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(this.pid);
      } catch {
        // The process exited between the check and the kill.
      }
    }
    await this.exited;
  }

  private rejectAll(error: Error): void {
    for (const waiters of this.diagnosticWaiters.values()) for (const waiter of waiters) waiter.reject(error);
    this.diagnosticWaiters.clear();
    for (const list of [this.statusWaiters, this.logWaiters] as Waiter<unknown>[][]) {
      for (const waiter of list.splice(0)) waiter.reject(error);
    }
  }

  private async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    const capabilities = this.options.minimalCapabilities
      ? {}
      : {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true },
          },
        };
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
  }

  private listen(): void {
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (params: PublishDiagnosticsParams) => {
        this.latest.set(params.uri, params.diagnostics);
        const waiters = this.diagnosticWaiters.get(params.uri) ?? [];
        this.diagnosticWaiters.set(params.uri, settle(waiters, params.diagnostics));
      },
    );
    this.connection.onNotification('shipshape/status', (status: StatusParams) => {
      this.statuses.push(status);
      const remaining = settle(this.statusWaiters, status);
      this.statusWaiters.splice(0, this.statusWaiters.length, ...remaining);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      const remaining = settle(this.logWaiters, params.message);
      this.logWaiters.splice(0, this.logWaiters.length, ...remaining);
    });
    this.connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
      params.items.map((item) => this.settings(item.scopeUri)),
    );
    this.connection.listen();
  }
}

/** Resolves the waiters that accept `value` and returns the others. */
function settle<T>(waiters: Waiter<T>[], value: T): Waiter<T>[] {
  const remaining: Waiter<T>[] = [];
  for (const waiter of waiters) {
    if (waiter.accept(value)) waiter.resolve(value);
    else remaining.push(waiter);
  }
  return remaining;
}

/** Codes of a diagnostic list, for short assertions. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}
