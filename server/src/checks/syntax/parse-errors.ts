import type { Problem } from '../../core/problem.js';
import type { Rule } from '../../core/rule.js';
import type { Check } from '../check.js';

export const parseErrorRule: Rule = {
  id: 'parse-error',
  family: 'syntax',
  severity: 'error',
  title: 'File that its own tool would reject or misread',
  doc:
    'A file could not be read the way its consumer reads it: an env line that is no assignment, ' +
    'invalid YAML or compose structure, an nginx syntax error or unknown directive, or a Python ' +
    'syntax error in settings. The rest of the file and the workspace are still checked. Each ' +
    'finding carries the parser\'s own code (such as `env-invalid-line` or `nginx-syntax`).',
  sources: [],
};

/** Turns every parser error of every file read into a problem with the parser's code. */
export const parseErrorsCheck: Check = {
  name: 'parse-errors',
  rules: [parseErrorRule],
  runWorkspace({ workspace }) {
    const problems: Problem[] = [...workspace.readProblems];
    for (const file of workspace.loaded()) {
      for (const error of file.errors) {
        problems.push({
          code: error.code,
          severity: error.severity,
          message: error.message,
          location: { file: file.path, range: error.range },
          related: [],
          fixes: [],
        });
      }
    }
    return problems;
  },
};
