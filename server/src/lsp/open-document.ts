import type { Analysis } from '../analysis/analyze.js';
import type { SourceFile } from '../core/source-file.js';
import type { FileKind } from '../workspace/file-kinds.js';
import type { AnalysisScheduler } from './analysis-scheduler.js';
import type { Folder } from './folder.js';
import type { FolderSet } from './folder-set.js';
import { fileKindOf } from './hover/hover.js';

/** A document of a request, read from its folder's up-to-date analysis. */
export interface AnalysedDocument {
  folder: Folder;
  analysis: Analysis;
  /** Workspace-relative path with `/`. */
  file: string;
  kind: FileKind | undefined;
  source: SourceFile;
}

/**
 * Finds the folder of `uri`, runs its pending analysis first so ranges match the text the client
 * has, and returns the document with that analysis. Returns undefined outside every folder, while
 * the folder is disabled, or when the file cannot be read.
 */
export function analysedDocument(
  folders: FolderSet,
  scheduler: AnalysisScheduler<Folder>,
  uri: string,
): AnalysedDocument | undefined {
  const found = folders.findUri(uri);
  if (!found) return undefined;
  scheduler.flush(found.folder);
  const analysis = found.folder.analysis;
  const source = analysis?.workspace.source(found.file);
  if (!analysis || !source) return undefined;
  return { folder: found.folder, analysis, file: found.file, kind: fileKindOf(analysis, found.file), source };
}
