import type { DeploymentStage } from './deployment.js';

/**
 * Stage a file name suggests: `docker-compose.production.yml`, `.envs/.production/.django` and
 * `settings/prod.py` are production; `dev`, `local`, `test` and `ci` names are development.
 */
export function stageOfPath(filePath: string): DeploymentStage {
  const lower = filePath.toLowerCase();
  if (/(^|[^a-z])(prod|production|live|release)([^a-z]|$)/.test(lower)) return 'production';
  if (/(^|[^a-z])(dev|develop|development|local|test|tests|testing|ci|debug|override)([^a-z]|$)/.test(lower)) {
    return 'development';
  }
  return 'unknown';
}

/** Combined stage of several files: production wins, then development, then unknown. */
export function combineStages(paths: string[]): DeploymentStage {
  const stages = paths.map(stageOfPath);
  if (stages.includes('production')) return 'production';
  if (stages.includes('development')) return 'development';
  return 'unknown';
}
