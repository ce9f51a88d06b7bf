import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import { stageOfPath } from '../../model/stage.js';

/**
 * True when the deployment's Django settings should be held to production standards. That is
 * every deployment except one whose files or settings module are named for development. An
 * `unknown` stage counts as production, because a settings file gives no sign of where it runs.
 */
export function checksProductionSettings(deployment: Deployment): boolean {
  if (deployment.stage === 'development') return false;
  const settingsFile = deployment.django?.settingsFile;
  return settingsFile === undefined || stageOfPath(settingsFile) !== 'development';
}

/** True when a file is named for development (`.envs/.local/.django`, `compose.dev.yml`). */
export function isDevelopmentFile(file: string): boolean {
  return stageOfPath(file) === 'development';
}

/**
 * Evidence an env value needs before a finding points at it. `convenience` values (DEBUG on, a
 * wildcard host) are normal in a template meant for development, so a template counts only in a
 * deployment whose file names mark it as production. `correctness` values (a malformed origin)
 * are wrong in any file that is not development-only.
 */
export type EnvEvidence = 'convenience' | 'correctness';

/** True when a finding may point at the env value at `location`. */
export function reportsEnvValue(deployment: Deployment, location: Location, evidence: EnvEvidence): boolean {
  if (isDevelopmentFile(location.file)) return false;
  const isEnvFile = deployment.envFiles.some((file) => file.source.path === location.file);
  if (!isEnvFile) return true;
  if (evidence === 'convenience' && isTemplateEnvFile(location.file)) return deployment.stage === 'production';
  return true;
}

/** Describes where a value comes from, for messages: `env.template (standing in for .env)`. */
export function describeEnvSource(deployment: Deployment, location: Location): string {
  for (const service of deployment.services) {
    for (const link of service.envFiles) {
      if (!link.file && link.standIn?.source.path === location.file) {
        return `${location.file} (read in place of the missing ${link.path})`;
      }
    }
  }
  if (deployment.projectEnvFile?.standIn && deployment.projectEnvFile.file.source.path === location.file) {
    return `${location.file} (read in place of the missing .env)`;
  }
  if (deployment.composeFiles.some((file) => file.source.path === location.file)) {
    return `the environment of ${location.file}`;
  }
  return location.file;
}

/** Names the deployment in messages: `this production deployment` when its file names mark it so. */
export function deploymentPhrase(deployment: Deployment): string {
  return deployment.stage === 'production' ? 'this production deployment' : 'this deployment';
}
