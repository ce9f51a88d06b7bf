import { pythonNameLiterals, scriptExportedNames, scriptVariableNames } from '../checks/variables/variable-consumers.js';
import type { Deployment } from '../model/deployment.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Key of what one deployment's checks read from the whole workspace rather than from the
 * deployment's own files. A variable that any Python file quotes or any shell script mentions
 * is not unused, and one a script exports is not missing. So the key lists which of the
 * deployment's declared names are quoted or mentioned somewhere, and every exported name. It
 * also lists the discovered Python files and scripts (gunicorn loads `gunicorn.conf.py` from
 * the working folder) and the files that could not be read. Typing in another deployment's
 * settings changes the key only when it quotes or unquotes one of these names.
 */
export function sharedInputsKey(workspace: Workspace, deployment: Deployment): string {
  const literals = pythonNameLiterals(workspace);
  const scriptNames = scriptVariableNames(workspace);
  const declared = declaredNames(deployment);
  return [
    declared.filter((name) => literals.has(name)).join(','),
    declared.filter((name) => scriptNames.has(name)).join(','),
    workspaceInputsKey(workspace),
  ].join('\n');
}

const workspaceKeys = new WeakMap<Workspace, string>();

/** The part of the key that is the same for every deployment, built once per analysis. */
function workspaceInputsKey(workspace: Workspace): string {
  const known = workspaceKeys.get(workspace);
  if (known !== undefined) return known;
  const discovered = workspace.discovered;
  const key = [
    [...scriptExportedNames(workspace)].sort().join(','),
    discovered.byKind.python.join(','),
    discovered.otherPython.join(','),
    discovered.entryPoints.join(','),
    discovered.scripts.join(','),
    workspace.readProblems.map((problem) => `${problem.code}:${problem.location.file}`).join(','),
  ].join('\n');
  workspaceKeys.set(workspace, key);
  return key;
}

/** Names the deployment's env files and service environments set, sorted. */
function declaredNames(deployment: Deployment): string[] {
  const names = new Set<string>();
  for (const file of deployment.envFiles) for (const entry of file.entries) names.add(entry.key);
  for (const service of deployment.services) {
    for (const name of service.environment.keys()) names.add(name);
    for (const { service: definition } of service.definitions) {
      for (const entry of definition.environment) names.add(entry.key);
    }
  }
  return [...names].sort();
}
