import * as path from 'node:path';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { Workspace } from '../workspace/workspace.js';

const templateWords = ['example', 'template', 'sample', 'dist', 'tmpl', 'defaults'];
/** `.env.example`, `.env-example` and `.env_example` are all common spellings. */
const templateSuffixes = templateWords.flatMap((word) => [`.${word}`, `-${word}`, `_${word}`]);

/**
 * Finds the committed template that stands in for a missing env file, usually a git-ignored
 * `.env` whose documented shape lives in `.env.example` or `env.template` beside it.
 */
export function findStandIn(workspace: Workspace, missingPath: string): EnvFile | undefined {
  const folder = path.posix.dirname(missingPath);
  const name = path.posix.basename(missingPath);
  const candidates = templateSuffixes.map((suffix) => `${name}${suffix}`);
  if (name === '.env' || name.startsWith('.env.')) {
    candidates.push('env.template', 'env.example', 'env.sample', '.env.template', '.env.example');
  }
  for (const candidate of candidates) {
    const candidatePath = folder === '.' ? candidate : `${folder}/${candidate}`;
    if (!workspace.exists(candidatePath)) continue;
    const file = workspace.load('env', candidatePath);
    if (file) return file;
  }
  return undefined;
}

/** True for env files that document variables rather than set them (`.env.example`, `env.template`). */
export function isTemplateEnvFile(filePath: string): boolean {
  const name = path.posix.basename(filePath);
  return /(^|[._-])(example|template|sample|dist|tmpl|defaults)$/.test(name) || /^env\.(template|example|sample)$/.test(name);
}
