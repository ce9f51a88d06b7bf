import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverMain = fileURLToPath(new URL('../../server/src/lsp-main.ts', import.meta.url));

/**
 * A real LSP client over stdio for tests: it spawns the server from sources, records every
 * published diagnostic and lets a test await the next diagnostics of a file that satisfy a
 * condition, without sleeping.
 */
export class TestClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly waiters: { uri: string; accept: (diagnostics: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  readonly logs: string[] = [];

  /** Starts the server from sources, or from `bundle` (such as `dist/server.cjs`) when given. */
  constructor(
    readonly root: string,
    bundle?: string,
  ) {
    const args = bundle ? [bundle, '--stdio'] : ['--import', 'tsx', serverMain, '--stdio'];
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, params.diagnostics);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params.diagnostics);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.listen();
  }

  uri(file: string): string {
    return pathToFileURL(join(this.root, ...file.split('/'))).href;
  }

  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).href,
      workspaceFolders: [{ uri: pathToFileURL(this.root).href, name: 'fixture' }],
      capabilities: { workspace: { configuration: true } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the first diagnostics of `file` (already received or next) that `accept` takes. */
  diagnostics(file: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = this.uri(file);
    const known = this.latest.get(uri);
    if (known && accept(known)) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}
