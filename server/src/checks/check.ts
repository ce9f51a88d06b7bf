import type { Problem } from '../core/problem.js';
import type { Rule } from '../core/rule.js';
import type { Deployment } from '../model/deployment.js';
import type { Workspace } from '../workspace/workspace.js';

export interface CheckContext {
  workspace: Workspace;
  deployments: Deployment[];
}

/**
 * A check reads the workspace model and returns problems for the rules it owns. Checks should not
 * throw on odd input; the runner still guards each one and reports a failure as a problem.
 */
export interface Check {
  /** Name used in logs and internal-error problems. */
  name: string;
  rules: Rule[];
  /** Runs over one deployment; the runner calls it once per deployment. */
  run?(deployment: Deployment, context: CheckContext): Problem[];
  /** Runs once over the whole workspace, for rules about single files. */
  runWorkspace?(context: CheckContext): Problem[];
}
