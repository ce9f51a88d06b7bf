import { containsPosition, type Position, type Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import { variableAt } from '../model/variable-at.js';
import type { JourneySource } from '../model/variable-journey.js';
import type { FileKind } from '../workspace/file-kinds.js';
import { nameRangeIn } from './name-range.js';
import { listAllOccurrences } from './occurrences.js';

/** Input of a navigation request: the folder's analysis and the document at the cursor. */
export interface NavigationRequest {
  analysis: JourneySource;
  /** Workspace-relative path with `/`. */
  file: string;
  kind: FileKind | undefined;
  source: SourceFile;
  position: Position;
}

/** The variable under the cursor, with the range of its name's characters when it is written literally. */
export interface NameAtCursor {
  name: string;
  /** Range the finder gives, which may include quotes or `${}`. */
  range: Range;
  nameRange: Range | undefined;
}

/**
 * Finds the variable under the cursor as hovers do (`variableAt`), then among the occurrences of
 * the file that hovers do not cover: `${NAME}` inside env file values and django-environ schema
 * keywords. Returns undefined anywhere else.
 */
export function nameAtCursor(request: NavigationRequest): NameAtCursor | undefined {
  const { analysis, file, kind, source, position } = request;
  const found = variableAt(analysis, file, kind, source, position);
  if (found) return { ...found, nameRange: nameRangeIn(source, found.range, found.name) };
  const occurrence = listAllOccurrences(analysis, { file, kind }).find(
    (candidate) => candidate.location.file === file && containsPosition(candidate.location.range, position),
  );
  if (!occurrence) return undefined;
  return { name: occurrence.name, range: occurrence.location.range, nameRange: occurrence.nameRange };
}
