import * as path from 'node:path';
import type { Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { Deployment } from '../model/deployment.js';
import type { ComposeFile } from '../parsers/compose/compose-model.js';
import type { Workspace } from '../workspace/workspace.js';
import { scalarTextRange } from './name-range.js';

/** A path written in a file that names another workspace file. */
export interface FileLink {
  /** Range of the path's characters, without quotes where it can be narrowed. */
  range: Range;
  /** Workspace-relative path of the file it opens. */
  target: string;
  tooltip: string;
}

/**
 * Links of a compose file: each `env_file` entry, each top-level `include`, the `file` of an
 * `extends`, and the source of each bind mount in `volumes`. Paths resolve against the compose
 * file's folder, as docker compose resolves them, and a link is made only when the path names a
 * file inside the workspace: a missing file, a folder, a path that leaves the workspace or one
 * that still contains a `${VAR}` gets none.
 */
export function composeLinks(workspace: Workspace, file: ComposeFile): FileLink[] {
  const links: FileLink[] = [];
  const folder = path.posix.dirname(file.source.path);
  const add = (written: string, range: Range, description: string) => {
    const target = path.posix.normalize(path.posix.join(folder, written)).replace(/\/$/, '');
    if (target.startsWith('../') || target === '..' || !workspace.containsFile(target)) return;
    const narrowed = scalarTextRange(file.source, range, written) ?? range;
    links.push({ range: narrowed, target, tooltip: `Open ${description} ${target}` });
  };
  for (const include of file.includes) add(include.value, include.range, 'included compose file');
  for (const service of file.services) {
    for (const reference of service.envFiles) add(reference.path, reference.range, 'env file');
    const extended = service.extends?.file;
    if (extended) add(extended.value, extended.range, 'extended compose file');
    for (const volume of service.volumes) {
      if (volume.type !== 'bind' || volume.source === undefined || !volume.sourceRange) continue;
      add(volume.source, volume.sourceRange, 'mounted file');
    }
  }
  return links;
}

/**
 * Links of an nginx file: each `include` goes to the files the deployment model loaded for it,
 * through the service's bind mounts or beside the including file, exactly as the checks read
 * them. A glob gets one link per matching file, all on the same range, and an include that
 * loaded nothing (a file of the image, a missing file) gets none.
 */
export function nginxLinks(deployments: Deployment[], source: SourceFile): FileLink[] {
  const links: FileLink[] = [];
  const seen = new Set<string>();
  for (const deployment of deployments) {
    for (const config of deployment.nginx) {
      for (const include of config.includes) {
        const { directive } = include;
        if (directive.file !== source.path) continue;
        const argument = directive.args[0]!;
        const range = scalarTextRange(source, argument.range, argument.value) ?? argument.range;
        for (const target of include.files) {
          const key = `${range.start.line}:${range.start.character}:${target}`;
          if (seen.has(key)) continue;
          seen.add(key);
          links.push({ range, target, tooltip: `Open included file ${target}` });
        }
      }
    }
  }
  return links;
}
