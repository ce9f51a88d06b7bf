// Starts code-server 4.100.3 (VS Code 1.100.3 served over HTTP) with all of its state in one
// run folder, so a test run reads no user settings and leaves nothing under $HOME.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerEntry } from './e2e-install.js';

/** Port on 127.0.0.1 that nothing listens on; the extension gallery points there. */
const unusedLoopbackPort = 9;

/** User settings that stop outbound requests and start-up pages a test does not need. */
const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
};

export interface CodeServer {
  /** Base URL, such as http://127.0.0.1:41234/. */
  url: string;
  /** `host:port` part of the URL, the remote authority of `vscode-remote:` URIs. */
  authority: string;
  /** Folder of the extension that `--install-extension` unpacked from the .vsix. */
  installedExtension: string;
  child: ChildProcess;
  /** Output lines of code-server, for the report when something fails. */
  log: string[];
}

interface Folders {
  config: string;
  userData: string;
  extensions: string;
}

function createFolders(runFolder: string): Folders {
  const folders = {
    config: join(runFolder, 'code-server.yaml'),
    userData: join(runFolder, 'user-data'),
    extensions: join(runFolder, 'extensions'),
  };
  for (const name of ['user-data/User', 'extensions', 'home', 'xdg-config', 'xdg-data', 'tmp']) {
    mkdirSync(join(runFolder, name), { recursive: true });
  }
  writeFileSync(join(folders.userData, 'User', 'settings.json'), JSON.stringify(userSettings));
  // Port 0 lets the kernel choose a free port; code-server logs the address it bound.
  writeFileSync(folders.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return folders;
}

/** Environment of code-server and of the extension host it starts. */
export function isolatedEnvironment(runFolder: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: join(runFolder, 'home'),
    XDG_CONFIG_HOME: join(runFolder, 'xdg-config'),
    XDG_DATA_HOME: join(runFolder, 'xdg-data'),
    TMPDIR: join(runFolder, 'tmp'),
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `http://127.0.0.1:${unusedLoopbackPort}/gallery`,
      itemUrl: `http://127.0.0.1:${unusedLoopbackPort}/items`,
    }),
  };
}

function folderFlags(folders: Folders): string[] {
  return [
    '--config', folders.config,
    '--user-data-dir', folders.userData,
    '--extensions-dir', folders.extensions,
  ];
}

/** Installs `vsix` with `code-server --install-extension` and returns the unpacked folder. */
function installExtension(folders: Folders, env: NodeJS.ProcessEnv, vsix: string): string {
  const result = spawnSync(
    process.execPath,
    [codeServerEntry, ...folderFlags(folders), '--install-extension', vsix],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`;
    throw new Error(`code-server --install-extension ${vsix} failed: ${output}`);
  }
  const installed = readdirSync(folders.extensions).find((name) => name.startsWith('shipshape.'));
  if (!installed) {
    throw new Error(`--install-extension left no shipshape.* folder: ${result.stdout}`);
  }
  return join(folders.extensions, installed);
}

/**
 * Installs `vsix`, then starts code-server in its own process group and resolves once it logs
 * the address it listens on. `stopCodeServer` ends the whole group.
 */
export async function startCodeServer(runFolder: string, vsix: string): Promise<CodeServer> {
  const folders = createFolders(runFolder);
  const env = isolatedEnvironment(runFolder);
  const installedExtension = installExtension(folders, env, vsix);

  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      ...folderFlags(folders),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      log.push(text);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`code-server exited (${code ?? signal}) before listening: ${log.join('')}`)),
    );
  });
  const url = await listening;
  return { url, authority: new URL(url).host, installedExtension, child, log };
}

/** Ends code-server and every process it started (extension host, pty host, watchers). */
export async function stopCodeServer(server: CodeServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // A negative PID signals the process group that `detached: true` created for code-server.
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // ESRCH: every process of the group has already exited.
  }
}
