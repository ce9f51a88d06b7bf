import type { Analysis } from '../analysis/analyze.js';
import type { Position, Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { FileKind } from '../workspace/file-kinds.js';

/** Input of a completion request: the document's current text, its kind and the folder's analysis. */
export interface CompletionRequest {
  analysis: Analysis;
  /** Workspace-relative path with `/`. */
  file: string;
  /** Kind the analysis read the file as, or the kind its path suggests; undefined for others. */
  kind: FileKind | undefined;
  /** Text of the document, unsaved edits included. */
  source: SourceFile;
  position: Position;
  /** Character the user typed that triggered the request, when one did. */
  triggerCharacter?: string;
}

export type CompletionCategory = 'variable' | 'directive' | 'setting';

/** One completion proposal, in editor-free form. */
export interface CompletionCandidate {
  label: string;
  category: CompletionCategory;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown when the proposal is selected. */
  documentation: string;
  /** Text the proposal replaces: the partial name typed so far, or an empty range at the cursor. */
  range: Range;
  newText: string;
  /** Key clients sort by; names the deployment provides come before other names. */
  sortText: string;
}

/** Partial name under the cursor and the range a proposal replaces. */
export interface PartialName {
  partial: string;
  range: Range;
}
