import type { Location } from '../core/range.js';
import { deploymentsOf, type VariableDeclaration } from '../model/variable-declarations.js';
import { buildVariableJourney } from '../model/variable-journey.js';
import { nameRangeIn } from './name-range.js';
import { nameAtCursor, type NavigationRequest } from './occurrence-at.js';
import { listOccurrences } from './occurrences.js';
import { scopeAtCursor, type VariableScope } from './variable-scope.js';

/**
 * Finds where the variable under the cursor is declared: the env file lines and compose
 * `environment` entries of the deployments that read the request's file (every deployment when
 * none does). When those declare nothing, every declaration in the workspace is returned, so a
 * read still leads to an `env.template` that no deployment loads. Returns an empty list when the
 * cursor is on no variable or nothing declares it.
 */
export function findDefinitions(request: NavigationRequest): Location[] {
  const found = nameAtCursor(request);
  if (!found) return [];
  const { analysis, file } = request;
  const deployments = deploymentsOf(analysis.deployments, file);
  const journey = buildVariableJourney({ workspace: analysis.workspace, deployments }, found.name);
  const { scope } = scopeAtCursor(request, listOccurrences(analysis, found.name, request));
  const inScope = journey.declarations.filter((declaration) => declares(declaration, scope));
  const declarations = inScope.length > 0 ? inScope : journey.declarations;
  const locations = declarations.map((declaration) => declaration.location);
  if (locations.length === 0) {
    for (const occurrence of listOccurrences(analysis, found.name, request)) {
      if (occurrence.declaration) locations.push(occurrence.location);
    }
  }
  return locations.map((location) => {
    const source = analysis.workspace.source(location.file);
    const range = source ? nameRangeIn(source, location.range, found.name) : undefined;
    return range ? { file: location.file, range } : location;
  });
}

/**
 * True when the declaration sets the variable in `scope`: the project `.env` for `${NAME}`, an
 * `env_file` or `environment` entry for what containers read.
 */
function declares(declaration: VariableDeclaration, scope: VariableScope): boolean {
  if (scope === 'either' || scope === 'unlinked') return true;
  if (scope === 'interpolation') return declaration.interpolation;
  return declaration.source === 'environment' || declaration.services.length > 0 || !declaration.interpolation;
}
