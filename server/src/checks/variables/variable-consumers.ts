import type { Deployment } from '../../model/deployment.js';
import { tokenizePython } from '../../parsers/python/tokenize-python.js';
import type { Workspace } from '../../workspace/workspace.js';
import wellKnown from '../../../../schemas/well-known-variables.json' with { type: 'json' };

/** Python files indexed for string literals at most; a larger tree keeps the first ones. */
const maxIndexedPythonFiles = 3000;

const literalIndexes = new WeakMap<Workspace, Set<string>>();

/**
 * String literals that look like variable names in every Python file of the workspace, read
 * with the Python tokenizer. A variable whose name appears here may be read by code outside the
 * settings (a management command, `celery.py`), so it is never reported as unused.
 */
export function pythonNameLiterals(workspace: Workspace): Set<string> {
  const known = literalIndexes.get(workspace);
  if (known) return known;
  const names = new Set<string>();
  const files = [
    ...workspace.discovered.byKind.python,
    ...workspace.discovered.entryPoints,
    ...workspace.discovered.otherPython,
  ].slice(0, maxIndexedPythonFiles);
  for (const file of files) {
    const source = workspace.source(file);
    if (!source) continue;
    const quoted = workspace.cache.derive('quoted-names', file, source.text, () => quotedNames(source.text));
    for (const name of quoted) names.add(name);
  }
  literalIndexes.set(workspace, names);
  return names;
}

/** String literals of one Python file that look like variable names. */
function quotedNames(text: string): string[] {
  const names = new Set<string>();
  for (const token of tokenizePython(text).tokens) {
    if (token.type !== 'string') continue;
    const value = token.value;
    if (value !== undefined && /^[A-Za-z_][A-Za-z0-9_]{1,80}$/.test(value)) names.add(value);
  }
  return [...names];
}

const scriptIndexes = new WeakMap<Workspace, Set<string>>();

/** Shell scripts and Dockerfiles indexed for variable references at most. */
const maxIndexedScripts = 500;

/**
 * Names referenced as `$NAME` or `${NAME...}` in shell scripts and Dockerfiles of the workspace,
 * such as an entrypoint that waits for `$DATABASE`. This is an index of mentions, not a parse:
 * it only keeps those variables from being reported as unused.
 */
export function scriptVariableNames(workspace: Workspace): Set<string> {
  const known = scriptIndexes.get(workspace);
  if (known) return known;
  const names = new Set<string>();
  for (const file of workspace.discovered.scripts.slice(0, maxIndexedScripts)) {
    const text = workspace.source(file)?.text ?? '';
    for (const match of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]!);
  }
  scriptIndexes.set(workspace, names);
  return names;
}

const exportIndexes = new WeakMap<Workspace, Set<string>>();

/**
 * Names that shell scripts of the workspace export (`export DATABASE_URL="postgres://..."`), as
 * cookiecutter-django's entrypoint does before it starts Django. Their values exist only at run
 * time, so a read of one is not reported as provided by nothing. Like `scriptVariableNames`, an
 * index of mentions rather than a parse.
 */
export function scriptExportedNames(workspace: Workspace): Set<string> {
  const known = exportIndexes.get(workspace);
  if (known) return known;
  const names = new Set<string>();
  for (const file of workspace.discovered.scripts.slice(0, maxIndexedScripts)) {
    const text = workspace.source(file)?.text ?? '';
    for (const match of text.matchAll(/^[ \t]*export[ \t]+([A-Za-z_][A-Za-z0-9_]*)/gm)) names.add(match[1]!);
  }
  exportIndexes.set(workspace, names);
  return names;
}

const containerNames = new Set<string>(wellKnown.setByContainer.names);

/** True for a variable Docker sets in every container, such as `HOME`. */
export function setByContainer(name: string): boolean {
  return containerNames.has(name);
}

/** Consumer of a variable outside the app's code (an image, a server, Python), or undefined. */
export function wellKnownConsumer(name: string): string | undefined {
  const exact = (wellKnown.exact as Record<string, string>)[name];
  if (exact) return exact;
  for (const [prefix, consumer] of Object.entries(wellKnown.prefixes as Record<string, string>)) {
    if (name.startsWith(prefix)) return consumer;
  }
  return undefined;
}

/** Names compose interpolates anywhere in the deployment's compose files, nested ones included. */
export function interpolatedNames(deployment: Deployment): Set<string> {
  const names = new Set<string>();
  const visit = (list: { name: string; nested: { name: string; nested: unknown[] }[] }[]) => {
    for (const interpolation of list) {
      names.add(interpolation.name);
      visit(interpolation.nested as typeof list);
    }
  };
  for (const file of deployment.composeFiles) visit(file.interpolations);
  return names;
}

/** Names nginx templates of the deployment take from the environment through envsubst. */
export function nginxTemplateNames(deployment: Deployment): Set<string> {
  const names = new Set<string>();
  for (const config of deployment.nginx) {
    for (const variable of config.entry.templateVariables) names.add(variable.name);
  }
  return names;
}
