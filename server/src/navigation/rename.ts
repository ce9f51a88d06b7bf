import type { TextEdit } from '../core/problem.js';
import type { Location, Range } from '../core/range.js';
import { variableNamePattern } from './name-range.js';
import { nameAtCursor, type NavigationRequest } from './occurrence-at.js';
import { listOccurrences } from './occurrences.js';
import { sameVariable, scopeAtCursor } from './variable-scope.js';

/** Reason a rename cannot go ahead, as a message for the user. */
export interface RenameRejection {
  rejected: string;
}

/** The name under the cursor, which a rename replaces. */
export interface RenameTarget {
  name: string;
  /** Range of the name's characters, without quotes or `${}`. */
  range: Range;
}

const notAVariable =
  'No variable at this position. Rename works on env file keys, compose environment keys and ' +
  '${NAME} references, ${NAME} in nginx templates, and the name string of an environment read ' +
  'in Django settings.';

/** Checks that the cursor is on a variable name written literally, for `prepareRename`. */
export function prepareRename(request: NavigationRequest): RenameTarget | RenameRejection {
  const found = nameAtCursor(request);
  if (!found) return { rejected: notAVariable };
  if (!found.nameRange) {
    return {
      rejected:
        `${found.name} is not written as a plain name here (it is computed, implied by the ` +
        'method, or spelt with escapes), so it cannot be renamed from this position.',
    };
  }
  return { name: found.name, range: found.nameRange };
}

/**
 * Plans the edits that rename the variable under the cursor to `newName` in every file of the
 * workspace. Only the name's characters change, so `${NAME:-default}` keeps its default,
 * `NAME=value` its value and `config('NAME', ...)` its quotes. Rejects an invalid name, a name
 * already in use (the rename would merge two variables), and a variable that some occurrence
 * writes in a way an edit cannot follow (`env.db()` reading `DATABASE_URL`, a computed name).
 */
export function planRename(request: NavigationRequest, newName: string): TextEdit[] | RenameRejection {
  const target = prepareRename(request);
  if ('rejected' in target) return target;
  if (!variableNamePattern.test(newName)) {
    return {
      rejected:
        `"${newName}" is not a valid variable name: use letters, digits and underscores, and ` +
        'do not start with a digit.',
    };
  }
  if (newName === target.name) return [];
  const existing = listOccurrences(request.analysis, newName, request)[0];
  if (existing) {
    return {
      rejected:
        `${newName} is already used at ${where(existing.location)}, so renaming ${target.name} ` +
        'would merge two variables. Choose another name.',
    };
  }
  // `${POSTGRES_DB}` in compose and the container's `POSTGRES_DB` key are two variables of one
  // name, so a rename follows only the namespace of the name under the cursor.
  const named = listOccurrences(request.analysis, target.name, request);
  const occurrences = sameVariable(named, scopeAtCursor(request, named));
  const unwritten = occurrences.find((occurrence) => !occurrence.nameRange);
  if (unwritten) {
    return {
      rejected:
        `${target.name} is also used at ${where(unwritten.location)}, where the name is not ` +
        'written as a plain name (computed, implied by the method, or spelt with escapes), so ' +
        'a rename would miss it. Change that use by hand first.',
    };
  }
  const edits = new Map<string, TextEdit>();
  const addEdit = (file: string, range: Range) => {
    const key = `${file}:${range.start.line}:${range.start.character}`;
    if (!edits.has(key)) edits.set(key, { file, range, newText: newName });
  };
  for (const occurrence of occurrences) addEdit(occurrence.location.file, occurrence.nameRange!);
  // Only the tokens around the cursor reveal a read inside a function body, so no list of
  // occurrences has it, but the user asked to rename it.
  addEdit(request.file, target.range);
  return [...edits.values()];
}

function where(location: Location): string {
  return `${location.file} line ${location.range.start.line + 1}`;
}
