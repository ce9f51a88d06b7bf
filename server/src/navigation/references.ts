import { comparePositions, type Location } from '../core/range.js';
import { nameAtCursor, type NavigationRequest } from './occurrence-at.js';
import { listOccurrences } from './occurrences.js';

/**
 * Lists every occurrence in the workspace of the variable under the cursor, in file order, each
 * at its name's characters where the name is written literally. Declarations (env file keys,
 * compose `environment` keys) are left out unless `includeDeclaration` is true. Returns an empty
 * list when the cursor is on no variable.
 */
export function findReferences(request: NavigationRequest, includeDeclaration: boolean): Location[] {
  const found = nameAtCursor(request);
  if (!found) return [];
  const occurrences = listOccurrences(request.analysis, found.name, request);
  const locations = occurrences
    .filter((occurrence) => includeDeclaration || !occurrence.declaration)
    .map((occurrence) => ({ file: occurrence.location.file, range: occurrence.nameRange ?? occurrence.location.range }));
  // Only the tokens around the cursor reveal a read inside a function body, so no list of
  // occurrences has it. Such a read is a use, never a declaration, and is always listed.
  const atCursor = occurrences.some(
    (occurrence) =>
      occurrence.location.file === request.file &&
      comparePositions(occurrence.location.range.start, found.range.start) === 0,
  );
  if (!atCursor) locations.push({ file: request.file, range: found.nameRange ?? found.range });
  return locations;
}
