import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type FileSystemWatcher,
} from 'vscode-languageserver';

/**
 * Files whose change on disk can change a finding: env files, compose files, nginx files,
 * Python (settings and the code that reads variables), `shipshape.json`, the env files that
 * cookiecutter-django keeps under `.envs/`, and shell scripts and Dockerfiles, which may read
 * container variables.
 * NOTE: an nginx include without a `.conf` suffix and a deleted folder are not watched, so
 * such changes show after the next edit or `shipshape/checkWorkspace`.
 */
export const watchedFilePatterns: readonly string[] = [
  '**/{.env*,*.env,env.*,*compose*.y*ml,*.conf,*.conf.template,*.py,shipshape.json}',
  '**/.envs/**',
  '**/{Dockerfile*,*.sh}',
];

/** Asks the client to watch `watchedFilePatterns` and send `workspace/didChangeWatchedFiles`. */
export async function registerFileWatchers(connection: Connection): Promise<void> {
  const watchers: FileSystemWatcher[] = watchedFilePatterns.map((globPattern) => ({ globPattern }));
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}
