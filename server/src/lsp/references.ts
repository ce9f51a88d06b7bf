import type { Location, ReferenceParams } from 'vscode-languageserver';
import { findReferences } from '../navigation/references.js';
import { toLocations } from './locations.js';
import type { AnalysedDocument } from './open-document.js';

/** `textDocument/references`: every occurrence of the variable, declarations only when asked. */
export function provideReferences(document: AnalysedDocument, params: ReferenceParams): Location[] {
  const request = { ...document, position: params.position };
  return toLocations(findReferences(request, params.context.includeDeclaration), document.folder.root);
}
