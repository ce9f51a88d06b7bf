import type { Location } from 'vscode-languageserver';
import type { Location as WorkspaceLocation } from '../core/range.js';
import { uriOf } from './uris.js';

/** LSP locations of workspace locations, with file URIs under `root`. */
export function toLocations(locations: readonly WorkspaceLocation[], root: string): Location[] {
  return locations.map((location) => ({ uri: uriOf(root, location.file), range: location.range }));
}
