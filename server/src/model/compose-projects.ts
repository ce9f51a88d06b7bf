import * as path from 'node:path';
import type { ComposeFile, Scalar } from '../parsers/compose/compose-model.js';
import type { Workspace } from '../workspace/workspace.js';

const baseNames = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * One way of running a compose project, with the files it merges in order (includes last):
 * - `default`: `docker compose up`, the base file and its `*.override.yml` files;
 * - `without-overrides`: the base file alone, as a server runs it, when override files exist;
 * - `add-on`: `docker compose -f base -f addOn` for an add-on file such as
 *   `docker-compose.dev.yml`, which compose merges only when `-f` names it.
 */
export interface ComposeVariant {
  kind: 'default' | 'without-overrides' | 'add-on';
  files: ComposeFile[];
}

/** Compose files of one folder's base file, before includes are resolved. */
interface ComposeProject {
  base: ComposeFile;
  overrides: ComposeFile[];
  addOns: ComposeFile[];
}

/**
 * Groups compose files into projects and returns the variants each project runs as. In each
 * folder the base file (`compose.yaml` or `docker-compose.yml`) takes its `*.override.yml`
 * files, which `docker compose up` merges automatically. It also takes its add-on files, whose
 * services only adjust services of the base (no `image` or `build` of their own) or depend on
 * them. Every other compose file is a project of its own. Files named by `include:` join the
 * variant that includes them.
 */
export function groupComposeProjects(workspace: Workspace): ComposeVariant[][] {
  const projects = folderProjects(workspace.all('compose'));
  // Projects are sorted first, so when two files include each other the first by path keeps
  // both. A project that another project already included takes no includes of its own.
  projects.sort((a, b) => a.base.source.path.localeCompare(b.base.source.path));
  const included = new Set<string>();
  const grouped: { base: string; variants: ComposeVariant[] }[] = [];
  for (const project of projects) {
    const variants = projectVariants(project);
    if (!included.has(project.base.source.path)) {
      for (const variant of variants) addIncludes(workspace, variant.files, included);
    }
    grouped.push({ base: project.base.source.path, variants });
  }
  return grouped.filter((project) => !included.has(project.base)).map((project) => project.variants);
}

/** True for the files docker compose merges into the base without `-f`: `*.override.yml`. */
export function isOverrideFile(file: string): boolean {
  return /\.override\.ya?ml$/.test(file);
}

function folderProjects(files: ComposeFile[]): ComposeProject[] {
  const byFolder = new Map<string, ComposeFile[]>();
  for (const file of files) {
    const folder = path.posix.dirname(file.source.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const projects: ComposeProject[] = [];
  for (const folderFiles of byFolder.values()) {
    const base = baseNames
      .map((name) => folderFiles.find((file) => path.posix.basename(file.source.path) === name))
      .find((file) => file !== undefined);
    const project: ComposeProject | undefined = base ? { base, overrides: [], addOns: [] } : undefined;
    for (const file of folderFiles) {
      if (file === base) continue;
      if (project && isOverrideFile(file.source.path)) project.overrides.push(file);
      else if (project && addsToBase(file, project.base)) project.addOns.push(file);
      else projects.push({ base: file, overrides: [], addOns: [] });
    }
    if (project) projects.push(project);
  }
  return projects;
}

function projectVariants(project: ComposeProject): ComposeVariant[] {
  const variants: ComposeVariant[] = [{ kind: 'default', files: [project.base, ...project.overrides] }];
  if (project.overrides.length > 0) variants.push({ kind: 'without-overrides', files: [project.base] });
  for (const addOn of project.addOns) variants.push({ kind: 'add-on', files: [project.base, addOn] });
  return variants;
}

/** True when `file` is meant to run with `base` through `docker compose -f base -f file`. */
function addsToBase(file: ComposeFile, base: ComposeFile): boolean {
  const baseNamesSet = new Set(base.services.map((service) => service.name));
  const shared = file.services.filter((service) => baseNamesSet.has(service.name));
  if (shared.some((service) => !service.image && !service.build)) return true;
  // A file whose services depend on services only the base defines is meant to run with it,
  // as in `docker compose -f docker-compose.yml -f docker-compose-inits.yml`.
  const own = new Set(file.services.map((service) => service.name));
  return file.services.some((service) =>
    service.dependsOn.some((dependency) => !own.has(dependency.value) && baseNamesSet.has(dependency.value)),
  );
}

function addIncludes(workspace: Workspace, project: ComposeFile[], included: Set<string>): void {
  // File that included each file, to name the chain when an include leads back to an ancestor.
  const includedBy = new Map<string, string>();
  for (let i = 0; i < project.length; i++) {
    const file = project[i]!;
    for (const include of file.includes) {
      const target = path.posix.normalize(
        path.posix.join(path.posix.dirname(file.source.path), include.value),
      );
      const chain = ancestry(file.source.path, includedBy);
      if (chain.includes(target)) {
        reportCycle(workspace, file, include, [...chain.reverse(), target]);
        continue;
      }
      if (project.some((member) => member.source.path === target)) continue;
      const loaded = workspace.load('compose', target);
      if (!loaded) continue;
      included.add(target);
      includedBy.set(target, file.source.path);
      project.push(loaded);
    }
  }
}

/** `file` and the files that included it, innermost first. */
function ancestry(file: string, includedBy: Map<string, string>): string[] {
  const chain = [file];
  for (let parent = includedBy.get(file); parent !== undefined && !chain.includes(parent); parent = includedBy.get(parent)) {
    chain.push(parent);
  }
  return chain;
}

function reportCycle(workspace: Workspace, file: ComposeFile, include: Scalar<string>, chain: string[]): void {
  workspace.readProblems.push({
    code: 'compose-include-cycle',
    severity: 'error',
    message:
      `Include cycle: ${chain.join(' > ')}. docker compose stops with "include cycle detected", ` +
      'so remove this include.',
    location: { file: file.source.path, range: include.range },
    related: [],
    fixes: [],
  });
}
