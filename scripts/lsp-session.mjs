// A minimal LSP client for the benchmark. It spawns the compiled language server over stdio,
// replies to the requests the server sends (settings, watcher registration) as an editor would,
// and records the diagnostics and `shipshape/status` notifications it receives, with the time
// each status arrived, so the benchmark awaits the end of an analysis instead of guessing it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';

const serverBin = new URL('../bin/shipshape-language-server.js', import.meta.url).pathname;

/** Time the server gets to exit after `shutdown` and `exit` before it is killed, in ms. */
const exitTimeoutMs = 5000;

export class LspSession {
  constructor() {
    this.child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = once(this.child, 'exit');
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    /** Latest diagnostics per file URI. */
    this.diagnostics = new Map();
    this.statusWaiters = [];
    this.documents = new Map();
    this.listen();
  }

  get pid() {
    return this.child.pid;
  }

  /**
   * Resolves with the next `shipshape/status` of `folderUri` and `performance.now()` at its
   * arrival. The server sends it after the folder's last publishDiagnostics of that analysis.
   */
  nextStatus(folderUri) {
    return new Promise((resolve) => this.statusWaiters.push({ folderUri, resolve }));
  }

  /** Sends `initialize` and `initialized`, and returns `performance.now()` at the initialize result. */
  async initialize(folderPaths) {
    const folders = folderPaths.map((path) => ({ uri: folderUri(path), name: path }));
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0].uri,
      workspaceFolders: folders,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
    });
    const answeredAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return answeredAt;
  }

  async addFolder(path) {
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: folderUri(path), name: path }], removed: [] },
    });
  }

  /** Opens a file with its text on disk, as an editor does when the user opens it. */
  async open(path, languageId) {
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    this.documents.set(uri, { version: 1, text });
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends one incremental change: `text` replaces the range `[start, end)` of `line`. */
  async change(path, line, start, end, text) {
    const uri = pathToFileURL(path).href;
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${path} is not open in the benchmark client`);
    document.version++;
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: [
        { range: { start: { line, character: start }, end: { line, character: end } }, text },
      ],
    });
  }

  stats() {
    return this.connection.sendRequest('shipshape/stats');
  }

  /** Sends `shutdown` and `exit`, then kills the server by its PID if it has not exited. */
  async stop() {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const timer = setTimeout(() => this.child.kill(), exitTimeoutMs);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  listen() {
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
    });
    this.connection.onNotification('shipshape/status', (status) => {
      const receivedAt = performance.now();
      const waiting = this.statusWaiters;
      this.statusWaiters = waiting.filter((waiter) => waiter.folderUri !== status.folder);
      for (const waiter of waiting) {
        if (waiter.folderUri === status.folder) waiter.resolve({ status, receivedAt });
      }
    });
    // Default settings for every folder, as from an editor where the user set nothing.
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.listen();
  }
}

/** `file:` URI of a folder as the server names it in statuses and stats (no trailing slash). */
export function folderUri(path) {
  return pathToFileURL(path.replace(/\/+$/, '')).href;
}
