// Minimal language-server session over stdio that records every byte the server writes to
// stdout and stderr, so a test can search all of it (diagnostics, logs, hovers, code actions).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const serverEntry = join(repository, 'server', 'src', 'lsp-main.ts');

export class LspSession {
  /** Raw stdout of the server: every JSON-RPC message it sent. */
  stdout = '';
  stderr = '';
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly exited: Promise<unknown>;
  private readonly waiters: { uri: string; accept: (list: Diagnostic[]) => boolean; resolve: () => void }[] = [];

  /** @param options.nodeArgs extra `node` arguments before the entry file, such as `--import`. */
  constructor(
    readonly root: string,
    options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
  ) {
    const args = ['--import', 'tsx', ...(options.nodeArgs ?? []), serverEntry, '--stdio'];
    this.child = spawn(process.execPath, args, {
      cwd: repository,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = once(this.child, 'exit');
    this.child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
    // Requests the server may send; each gets the reply of a client without those features.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  uri(file: string): string {
    return pathToFileURL(join(this.root, ...file.split('/'))).href;
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'robustness' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(file: string): Promise<void> {
    const text = readFileSync(join(this.root, ...file.split('/')), 'utf8');
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri(file), languageId: 'plaintext', version: 1, text },
    });
  }

  /** Resolves when diagnostics of `file` that `accept` takes have arrived (already or later). */
  diagnosticsOf(file: string, accept: (list: Diagnostic[]) => boolean): Promise<void> {
    const uri = this.uri(file);
    const known = this.diagnostics.get(uri);
    if (known && accept(known)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: this.uri(file) },
      position: { line, character },
    });
  }

  codeActions(file: string, diagnostics: Diagnostic[]): Promise<CodeAction[] | null> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: this.uri(file) },
      range,
      context: { diagnostics },
    });
  }

  /** Shuts the server down, then ends it by its PID if it is still running. */
  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The connection is already closed; the process is ended below.
    }
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(this.child.pid!);
      } catch {
        // The process exited between the check and the kill.
      }
    }
    await this.exited;
  }
}
