import * as path from 'node:path';
import type { PythonModule } from './python-ast.js';
import type { ModuleResolver } from './settings-model.js';

/**
 * Dotted module name of a workspace file (`shop/settings/base.py` is `shop.settings.base`, a
 * package's `__init__.py` is the package). The import root is not known, so the name covers
 * the whole path from the workspace root.
 */
export function moduleNameForFile(file: string): string {
  const parts = file
    .replace(/\\/g, '/')
    .replace(/\.py$/, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

/**
 * Builds a resolver over parsed workspace modules keyed by workspace path. A relative import
 * (`from .base import *`) resolves against the importing file's package. An absolute one
 * (`from shop.settings.base import *`) matches a path suffix, because the import root may sit
 * in a subfolder, and prefers the candidate sharing the longest path prefix with the importer.
 */
export function resolverFor(modules: Map<string, PythonModule>): ModuleResolver {
  return (module, level, fromFile) => {
    const relative = module === '' ? '' : module.split('.').join('/');
    if (level > 0) {
      let directory = path.posix.dirname(fromFile.replace(/\\/g, '/'));
      for (let i = 1; i < level; i++) {
        if (directory === '.' || directory === '/' || directory === '') return undefined;
        directory = path.posix.dirname(directory);
      }
      const prefix = directory === '.' ? '' : `${directory}/`;
      const candidates = relative
        ? [`${prefix}${relative}.py`, `${prefix}${relative}/__init__.py`]
        : [`${prefix}__init__.py`];
      for (const candidate of candidates) {
        const found = modules.get(candidate);
        if (found) return found;
      }
      return undefined;
    }
    if (!relative) return undefined;
    const suffixes = [`${relative}.py`, `${relative}/__init__.py`];
    const matches = [...modules.keys()].filter((file) =>
      suffixes.some((suffix) => file === suffix || file.endsWith(`/${suffix}`)),
    );
    if (matches.length === 0) return undefined;
    matches.sort(
      (a, b) => sharedPrefix(b, fromFile) - sharedPrefix(a, fromFile) || a.length - b.length,
    );
    return modules.get(matches[0]!);
  };
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
