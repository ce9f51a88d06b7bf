import * as path from 'node:path';
import type { ComposeFile, Scalar } from '../parsers/compose/compose-model.js';
import type { Workspace } from '../workspace/workspace.js';

const baseNames = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * Groups compose files into projects. In each folder the base file (`compose.yaml` or
 * `docker-compose.yml`) takes its `*.override.yml` and any file whose services only adjust
 * services of the base (no `image` or `build` of their own), as `docker compose -f base -f other`
 * would, and any file whose services depend on services of the base. Every other compose file is a project of its own. Files named by `include:` join the
 * project that includes them.
 */
export function groupComposeProjects(workspace: Workspace): ComposeFile[][] {
  const files = workspace.all('compose');
  const byFolder = new Map<string, ComposeFile[]>();
  for (const file of files) {
    const folder = path.posix.dirname(file.source.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const included = new Set<string>();
  const projects: ComposeFile[][] = [];
  for (const folderFiles of byFolder.values()) {
    const base = baseNames
      .map((name) => folderFiles.find((file) => path.posix.basename(file.source.path) === name))
      .find((file) => file !== undefined);
    const baseProject: ComposeFile[] = base ? [base] : [];
    for (const file of folderFiles) {
      if (file === base) continue;
      if (base && overridesBase(file, base)) baseProject.push(file);
      else projects.push([file]);
    }
    if (base) projects.push(baseProject);
  }
  // Projects are sorted first, so when two files include each other the first by path keeps
  // both. A project that another project already included takes no includes of its own.
  projects.sort((a, b) => a[0]!.source.path.localeCompare(b[0]!.source.path));
  for (const project of projects) {
    if (!included.has(project[0]!.source.path)) addIncludes(workspace, project, included);
  }
  return projects.filter((project) => !included.has(project[0]!.source.path));
}

function overridesBase(file: ComposeFile, base: ComposeFile): boolean {
  if (/\.override\.ya?ml$/.test(file.source.path)) return true;
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
