import {
  commands,
  ProgressLocation,
  window,
  type ExtensionContext,
  type LogOutputChannel,
} from 'vscode';
import {
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  checkWorkspaceRequest,
  statusNotification,
  type CheckWorkspaceResult,
  type StatusParams,
} from '../../server/src/lsp/protocol.js';
import { ShipshapeClient } from './shipshape-client.js';
import { StatusBar } from './status-bar.js';

const checkWorkspaceCommand = 'shipshape.checkWorkspace';

/**
 * Documents the server receives: the languages of the files it checks, and file patterns for
 * files VS Code does not give one of those languages (an env file shown as plain text).
 * `scheme: 'file'` keeps out diff views and untitled buffers, which have no place on disk.
 */
const documentSelector: DocumentSelector = [
  ...['dotenv', 'nginx', 'yaml', 'dockercompose', 'python'].map((language) => ({
    scheme: 'file',
    language,
  })),
  ...[
    '**/{.env,.env.*,*.env,env.template,env.example,env.sample,env.dist}',
    '**/.envs/**',
    '**/*compose*.{yml,yaml}',
    '**/{*.conf,*.conf.template}',
    '**/shipshape.json',
  ].map((pattern) => ({ scheme: 'file', pattern })),
];

let client: ShipshapeClient | undefined;

/** Starts the bundled Shipshape language server over IPC and wires the status bar and command. */
export async function activate(context: ExtensionContext): Promise<void> {
  const log: LogOutputChannel = window.createOutputChannel('Shipshape', { log: true });
  const statusBar = new StatusBar(checkWorkspaceCommand);
  context.subscriptions.push(log, statusBar);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  // The server registers its own file watchers and settings section once initialized.
  const clientOptions: LanguageClientOptions = { documentSelector };
  const languageClient = new ShipshapeClient(serverOptions, clientOptions, log);
  client = languageClient;

  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Running) statusBar.setClientState('running');
      else if (newState === State.Starting) statusBar.setClientState('starting');
      else statusBar.setClientState('stopped');
    }),
    languageClient.onNotification(statusNotification, (status: StatusParams) =>
      statusBar.update(status),
    ),
    commands.registerCommand(checkWorkspaceCommand, () => checkWorkspace(languageClient, log)),
  );

  try {
    await languageClient.start();
  } catch (error) {
    log.error(`The Shipshape language server did not start: ${String(error)}`);
    statusBar.setClientState('stopped');
  }
}

async function checkWorkspace(
  languageClient: ShipshapeClient,
  log: LogOutputChannel,
): Promise<void> {
  if (!languageClient.isRunning()) {
    void window.showWarningMessage('Shipshape: the language server is not running.');
    return;
  }
  await window.withProgress(
    { location: ProgressLocation.Window, title: 'Shipshape: checking the workspace' },
    async () => {
      const result: CheckWorkspaceResult = await languageClient.sendRequest(checkWorkspaceRequest);
      log.info(`Checked ${result.folders} folder(s): ${result.problems} problem(s)`);
    },
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
