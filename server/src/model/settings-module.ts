import * as path from 'node:path';
import type { PythonModule } from '../parsers/python/python-ast.js';
import type { Workspace } from '../workspace/workspace.js';
import { findSettingsModuleDefault } from './entry-points.js';
import type { DeploymentStage } from './deployment.js';

/** All Python files a settings module may import, parsed, by workspace path. */
export function loadPythonModules(workspace: Workspace): Map<string, PythonModule> {
  const modules = new Map<string, PythonModule>();
  for (const file of workspace.discovered.byKind.python) {
    const module = workspace.load('python', file);
    if (module) modules.set(file, module);
  }
  return modules;
}

/**
 * Workspace path of a dotted module name (`shop.settings.production`), matched by path suffix
 * because the import root may sit in a subfolder (`backend/shop/settings/production.py`).
 */
export function fileForModule(workspace: Workspace, moduleName: string, near?: string): string | undefined {
  const suffixes = [
    `${moduleName.split('.').join('/')}.py`,
    `${moduleName.split('.').join('/')}/__init__.py`,
  ];
  const candidates = [
    ...workspace.discovered.byKind.python,
    ...workspace.discovered.entryPoints,
    ...workspace.discovered.otherPython,
  ].filter((file) => suffixes.some((suffix) => file === suffix || file.endsWith(`/${suffix}`)));
  if (candidates.length <= 1 || !near) return candidates[0];
  return candidates.sort((a, b) => sharedPrefix(b, near) - sharedPrefix(a, near))[0];
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Chooses the settings module a deployment runs: the one `DJANGO_SETTINGS_MODULE` names, else the
 * default in `manage.py`, `wsgi.py` or `asgi.py`, else the production-named module of a production
 * deployment, else `settings.py`, else any settings module that no other one imports.
 */
export function chooseSettingsFile(
  workspace: Workspace,
  moduleName: string | undefined,
  stage: DeploymentStage,
  near?: string,
): { file: string; moduleName?: string } | undefined {
  if (moduleName) {
    const file = fileForModule(workspace, moduleName, near);
    if (file) return { file, moduleName };
  }
  const settingsFiles = workspace.discovered.byKind.python;
  if (settingsFiles.length === 0) return undefined;
  if (stage !== 'development') {
    const production = settingsFiles.find((file) => /(^|\/)(production|prod)\.py$/.test(file));
    if (production) return { file: production };
  }
  for (const entryPoint of workspace.discovered.entryPoints) {
    const source = workspace.source(entryPoint);
    const name = source ? findSettingsModuleDefault(source) : undefined;
    const file = name ? fileForModule(workspace, name, entryPoint) : undefined;
    if (file) return { file, moduleName: name };
  }
  const plain = settingsFiles.find((file) => path.posix.basename(file) === 'settings.py');
  if (plain) return { file: plain };
  const leaves = settingsFiles.filter((file) => !/(^|\/)(base|common|__init__|defaults)\.py$/.test(file));
  return { file: leaves[0] ?? settingsFiles[0]! };
}
