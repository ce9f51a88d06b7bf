import type { Problem } from '../core/problem.js';
import type { Deployment } from '../model/deployment.js';
import type { Workspace } from '../workspace/workspace.js';

/** Inputs of one deployment's checks, and the problems they returned for it. */
interface Entry {
  /** Text of every file of the deployment; undefined for a file that could not be read. */
  texts: Map<string, string | undefined>;
  /** Key of the workspace-wide inputs (see `sharedInputsKey`). */
  shared: string;
  problems: Problem[];
}

/**
 * Problems of the per-deployment checks, kept between analyses of one folder so that an edit
 * re-runs only the checks of the deployments that read the edited file. A deployment's problems
 * are reused when it reads the same files with the same texts and the workspace-wide inputs of
 * the checks are unchanged. The deployment model itself is still rebuilt every time, from the
 * parse cache. The language server keeps one cache per folder, and the CLI runs without one.
 */
export class DeploymentCheckCache {
  private entries = new Map<string, Entry>();
  /** Deployments whose checks ran, and whose problems were reused, in the latest analysis. */
  checked = 0;
  reused = 0;

  /** Starts an analysis: resets the counters. */
  begin(): void {
    this.checked = 0;
    this.reused = 0;
  }

  /** Problems stored for `deployment` when nothing it reads has changed since, else undefined. */
  lookup(deployment: Deployment, workspace: Workspace, shared: string): Problem[] | undefined {
    const entry = this.entries.get(deployment.id);
    if (!entry || entry.shared !== shared || entry.texts.size !== deployment.files.size) return undefined;
    for (const file of deployment.files) {
      if (!entry.texts.has(file) || entry.texts.get(file) !== workspace.source(file)?.text) return undefined;
    }
    this.reused++;
    return entry.problems;
  }

  store(deployment: Deployment, workspace: Workspace, shared: string, problems: Problem[]): void {
    const texts = new Map<string, string | undefined>();
    for (const file of deployment.files) texts.set(file, workspace.source(file)?.text);
    this.entries.set(deployment.id, { texts, shared, problems });
    this.checked++;
  }

  /** Forgets deployments that the latest analysis no longer built. */
  retain(deployments: Deployment[]): void {
    const ids = new Set(deployments.map((deployment) => deployment.id));
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}
