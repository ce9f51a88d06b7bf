import { isSettingsPath } from '../workspace/file-kinds.js';
import type { CompletionCandidate, CompletionRequest } from './completion-types.js';
import { findInterpolationName } from './interpolation-context.js';
import { contextAt, directiveCandidates, findDirectivePosition, startContext } from './nginx-directives.js';
import { findReadName } from './python-read-context.js';
import { findSettingName, settingCandidates } from './setting-names.js';
import { variableCandidates } from './variable-candidates.js';

/**
 * Lists the proposals at the request's position. Those are variable names inside an environment
 * read in Python and inside `${...}` in compose files and nginx templates, Django setting names
 * at the start of a module-level statement in settings files, and the nginx directives the
 * enclosing block allows at the start of a statement. A trigger character (`"`, `'`, `{`, `$`)
 * only opens variable names, so typing `{` at the end of an nginx block header does not pop up
 * a list that Enter would accept.
 */
export function completeAt(request: CompletionRequest): CompletionCandidate[] {
  const { analysis, file, kind, source, position, triggerCharacter } = request;
  const deployments = analysis.deployments;
  if (kind === 'python' || file.endsWith('.py')) {
    const read = findReadName(source, position);
    if (read) return variableCandidates(deployments, file, 'settings', read);
    if (triggerCharacter !== undefined || !isSettingsModule(request)) return [];
    const setting = findSettingName(source, position);
    return setting ? settingCandidates(setting) : [];
  }
  if (kind === 'compose') {
    const name = findInterpolationName(source, position, 'compose');
    return name ? variableCandidates(deployments, file, 'compose', name) : [];
  }
  if (kind !== 'nginx') return [];
  if (file.endsWith('.template')) {
    const name = findInterpolationName(source, position, 'nginx-template');
    if (name) return variableCandidates(deployments, file, 'nginx-template', name);
  }
  if (triggerCharacter !== undefined) return [];
  const statement = findDirectivePosition(source, position);
  if (!statement) return [];
  const context = contextAt(startContext(deployments, file, source), statement.blocks);
  return context ? directiveCandidates(context, statement) : [];
}

/** True for a settings module: named like one, or evaluated as part of a deployment's settings. */
function isSettingsModule({ analysis, file }: CompletionRequest): boolean {
  if (isSettingsPath(file)) return true;
  return analysis.deployments.some((deployment) => deployment.django?.evaluation.files.includes(file));
}
