import {
  ErrorCodes,
  ResponseError,
  type Position,
  type PrepareRenameResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { planRename, prepareRename } from '../navigation/rename.js';
import { toWorkspaceEdit } from './diagnostics.js';
import type { AnalysedDocument } from './open-document.js';

/**
 * `textDocument/prepareRename`: the range of the name under the cursor and the name as the
 * placeholder, or an error the client shows when the position is on no variable.
 */
export function providePrepareRename(
  document: AnalysedDocument,
  position: Position,
): PrepareRenameResult | ResponseError {
  const target = prepareRename({ ...document, position });
  if ('rejected' in target) return new ResponseError(ErrorCodes.InvalidRequest, target.rejected);
  return { range: target.range, placeholder: target.name };
}

/** `textDocument/rename`: one edit per occurrence in every file, keyed by file URI. */
export function provideRename(
  document: AnalysedDocument,
  position: Position,
  newName: string,
): WorkspaceEdit | ResponseError {
  const edits = planRename({ ...document, position }, newName);
  if ('rejected' in edits) return new ResponseError(ErrorCodes.InvalidRequest, edits.rejected);
  return toWorkspaceEdit([{ title: 'Rename', edits, safe: false }], document.folder.root);
}
