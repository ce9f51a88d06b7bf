import * as path from 'node:path';
import { commands, StatusBarAlignment, window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';

let client: LanguageClient | undefined;

interface Status {
  folder: string;
  errors: number;
  warnings: number;
}

function showStatus(item: StatusBarItem, statuses: Map<string, Status>): void {
  let errors = 0;
  let warnings = 0;
  for (const status of statuses.values()) {
    errors += status.errors;
    warnings += status.warnings;
  }
  item.text = `$(shield) Shipshape: ${errors} $(error) ${warnings} $(warning)`;
  item.tooltip = 'Deployment problems found by Shipshape; click to check the workspace again';
  item.show();
}

/** Starts the Shipshape language server over IPC and wires the status bar and command. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
  };
  const output = window.createOutputChannel('Shipshape', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dotenv' },
      { scheme: 'file', language: 'nginx' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'python' },
    ],
    outputChannel: output,
    synchronize: {
      configurationSection: 'shipshape',
      fileEvents: workspace.createFileSystemWatcher(
        '**/{.env*,*.env,env.*,*compose*.y*ml,*.conf,*.conf.template,*.py,shipshape.json}',
      ),
    },
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);

  const statusItem = window.createStatusBarItem(StatusBarAlignment.Left, 10);
  statusItem.command = 'shipshape.checkWorkspace';
  statusItem.text = '$(sync~spin) Shipshape';
  statusItem.show();
  const statuses = new Map<string, Status>();
  context.subscriptions.push(
    statusItem,
    output,
    commands.registerCommand('shipshape.checkWorkspace', async () => {
      await client?.sendRequest('shipshape/checkWorkspace');
    }),
  );
  await client.start();
  context.subscriptions.push(
    client.onNotification('shipshape/status', (status: Status) => {
      statuses.set(status.folder, status);
      showStatus(statusItem, statuses);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
