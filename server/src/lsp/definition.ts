import type { Location, Position } from 'vscode-languageserver';
import { findDefinitions } from '../navigation/definition.js';
import { toLocations } from './locations.js';
import type { AnalysedDocument } from './open-document.js';

/** `textDocument/definition`: every declaration of the variable at `position`, or none. */
export function provideDefinition(document: AnalysedDocument, position: Position): Location[] {
  return toLocations(findDefinitions({ ...document, position }), document.folder.root);
}
