import { pythonNameLiterals, scriptVariableNames } from '../checks/variables/variable-consumers.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Key of what the per-deployment checks read from the whole workspace rather than from the
 * deployment's own files: the names quoted in any Python file and mentioned in any shell script
 * (a variable they name is not unused), the lists of discovered Python files and scripts
 * (gunicorn loads `gunicorn.conf.py` from the working folder), and the files that could not be
 * read. Typing inside a value of another deployment's settings leaves this key unchanged.
 */
export function sharedInputsKey(workspace: Workspace): string {
  const discovered = workspace.discovered;
  return [
    [...pythonNameLiterals(workspace)].sort().join(','),
    [...scriptVariableNames(workspace)].sort().join(','),
    discovered.byKind.python.join(','),
    discovered.otherPython.join(','),
    discovered.entryPoints.join(','),
    discovered.scripts.join(','),
    workspace.readProblems.map((problem) => `${problem.code}:${problem.location.file}`).join(','),
  ].join('\n');
}
