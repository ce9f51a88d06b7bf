import * as path from 'node:path';
import type { NginxFile } from '../parsers/nginx/nginx-model.js';
import { matchGlob, resolveIncludes } from '../parsers/nginx/resolve-includes.js';
import type { Workspace } from '../workspace/workspace.js';
import type { NginxConfig, ServiceModel } from './deployment.js';

/** nginx's configuration prefix in the official image, against which relative includes resolve. */
const nginxPrefix = '/etc/nginx';

interface Mount {
  /** Workspace path of the mounted file or folder. */
  source: string;
  /** Absolute path inside the container. */
  target: string;
  isFolder: boolean;
}

/** Bind mounts of a service whose source is inside the workspace. */
function bindMounts(workspace: Workspace, service: ServiceModel): Mount[] {
  const mounts: Mount[] = [];
  for (const { file, service: definition } of service.definitions) {
    const folder = path.posix.dirname(file.source.path);
    for (const volume of definition.volumes) {
      if (volume.type !== 'bind' || !volume.source) continue;
      const source = path.posix.normalize(path.posix.join(folder, volume.source)).replace(/\/$/, '');
      if (source.startsWith('..')) continue;
      const isFolder = workspace.fs.isDirectory(workspace.absolute(source));
      mounts.push({ source, target: volume.target.replace(/\/$/, ''), isFolder });
    }
  }
  return mounts;
}

/** Files of a mounted folder at most; nginx folders hold a handful. */
const maxFilesPerMount = 500;

/**
 * Lists every file under a mounted folder, whatever its name. Includes such as `proxy_params` or
 * `*.inc` are not `*.conf` files, so discovery alone would miss them.
 */
function filesUnder(workspace: Workspace, folder: string): string[] {
  const files: string[] = [];
  const pending = [{ folder, depth: 0 }];
  while (pending.length > 0 && files.length < maxFilesPerMount) {
    const { folder: current, depth } = pending.pop()!;
    for (const entry of workspace.fs.readDirectory(workspace.absolute(current))) {
      const path = `${current}/${entry.name}`;
      if (entry.isFile) files.push(path);
      else if (entry.isDirectory && depth < 4) pending.push({ folder: path, depth: depth + 1 });
    }
  }
  return files.sort();
}

/** Workspace files visible at a container path through the mounts, glob patterns included. */
function filesAtContainerPath(workspace: Workspace, mounts: Mount[], containerPath: string): string[] {
  const found: string[] = [];
  for (const mount of mounts) {
    if (!mount.isFolder) {
      if (matchGlob(containerPath, mount.target)) found.push(mount.source);
      continue;
    }
    for (const file of filesUnder(workspace, mount.source)) {
      const inContainer = `${mount.target}/${file.slice(mount.source.length + 1)}`;
      if (matchGlob(containerPath, inContainer)) found.push(file);
    }
  }
  return found;
}

function allNginxCandidates(workspace: Workspace): string[] {
  return workspace.discovered.byKind.nginx;
}

/** Context a mounted file starts in, from where the image's stock configuration includes it. */
function contextOfTarget(target: string): NginxConfig['context'] {
  if (target === `${nginxPrefix}/nginx.conf`) return 'main';
  return 'http';
}

function loadNginx(workspace: Workspace, file: string): NginxFile | undefined {
  return workspace.load('nginx', file);
}

/**
 * nginx configurations loaded by an nginx service: its mounted `nginx.conf` with includes
 * resolved through the mounts, or, without one, each mounted `conf.d`, `sites-enabled` or
 * `templates` file in the `http` context where the stock configuration includes it.
 */
export function serviceNginxConfigs(workspace: Workspace, service: ServiceModel): NginxConfig[] {
  const mounts = bindMounts(workspace, service);
  const mainFile = filesAtContainerPath(workspace, mounts, `${nginxPrefix}/nginx.conf`)[0];
  const entries: { file: string; context: NginxConfig['context'] }[] = [];
  if (mainFile) {
    entries.push({ file: mainFile, context: 'main' });
  } else {
    for (const mount of mounts) {
      const files = mount.isFolder
        ? allNginxCandidates(workspace).filter((file) => file.startsWith(`${mount.source}/`))
        : [mount.source];
      for (const file of files) {
        if (!/\.conf(\.template)?$/.test(file) && !mount.target.includes('sites-')) continue;
        const target = mount.isFolder ? `${mount.target}/${file.slice(mount.source.length + 1)}` : mount.target;
        if (!target.startsWith(`${nginxPrefix}/`)) continue;
        entries.push({ file, context: contextOfTarget(target) });
      }
    }
  }
  const configs: NginxConfig[] = [];
  for (const entry of entries) {
    const parsed = loadNginx(workspace, entry.file);
    if (!parsed) continue;
    const resolved = resolveIncludes(parsed, (includePath, fromFile) => {
      const containerPath = includePath.startsWith('/') ? includePath : `${nginxPrefix}/${includePath}`;
      let files = filesAtContainerPath(workspace, mounts, containerPath);
      if (files.length === 0 && !includePath.startsWith('/')) {
        const local = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), includePath));
        files = filesUnder(workspace, path.posix.dirname(fromFile)).filter((file) => matchGlob(local, file));
      }
      return files.map((file) => loadNginx(workspace, file)).filter((file) => file !== undefined);
    });
    configs.push({
      entry: parsed,
      directives: resolved.directives,
      files: resolved.files,
      includes: resolved.includes,
      context: entry.context,
      service,
      includeErrors: resolved.errors,
    });
  }
  return configs;
}

/**
 * nginx files that no service mounts, each as a configuration of its own. The starting context
 * is read from the top-level directives: `http` or `events` means `main`, `location` means
 * `server`, anything else `http`. Files another loaded file includes are left out, unless they
 * only include each other.
 */
export function standaloneNginxConfigs(workspace: Workspace, taken: Set<string>): NginxConfig[] {
  const configs: NginxConfig[] = [];
  const candidates = allNginxCandidates(workspace).filter((file) => !taken.has(file));
  const includedByOthers = new Set<string>();
  const resolvedByFile = new Map<string, ReturnType<typeof resolveIncludes>>();
  for (const file of candidates) {
    const parsed = loadNginx(workspace, file);
    if (!parsed) continue;
    const resolved = resolveIncludes(parsed, (includePath, fromFile) => {
      const local = includePath.startsWith('/')
        ? includePath.replace(/^\/etc\/nginx\//, '')
        : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), includePath));
      return allNginxCandidates(workspace)
        .filter((candidate) => matchGlob(local, candidate) || matchGlob(`*/${local}`, candidate))
        .map((candidate) => loadNginx(workspace, candidate))
        .filter((loaded) => loaded !== undefined);
    });
    resolvedByFile.set(file, resolved);
    for (const included of resolved.files) if (included !== file) includedByOthers.add(included);
  }
  // Files that include each other are all included by others. The first of them by path that no
  // kept file covers starts a configuration, so a cycle is still checked and reported.
  const entries = [...resolvedByFile.keys()].filter((file) => !includedByOthers.has(file));
  const covered = new Set(entries.flatMap((file) => resolvedByFile.get(file)!.files));
  for (const file of [...resolvedByFile.keys()].sort()) {
    if (covered.has(file)) continue;
    entries.push(file);
    for (const included of resolvedByFile.get(file)!.files) covered.add(included);
  }
  for (const file of entries) {
    const resolved = resolvedByFile.get(file)!;
    const parsed = loadNginx(workspace, file)!;
    const names = new Set(parsed.directives.map((directive) => directive.name));
    const context: NginxConfig['context'] =
      names.has('http') || names.has('events') ? 'main' : names.has('location') && !names.has('server') ? 'server' : 'http';
    configs.push({
      entry: parsed,
      directives: resolved.directives,
      files: resolved.files,
      includes: resolved.includes,
      context,
      includeErrors: resolved.errors,
    });
  }
  return configs;
}
