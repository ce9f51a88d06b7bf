import type { Position } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze.js';
import type { Rule } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import type { FileKind } from '../../workspace/file-kinds.js';

/** What a hover provider may read: the position, its file and the folder's current analysis. */
export interface HoverContext {
  analysis: Analysis;
  /** Workspace-relative path with `/`. */
  file: string;
  /** Kind the analysis read the file as, or the kind its path suggests; undefined for others. */
  kind: FileKind | undefined;
  source: SourceFile;
  position: Position;
  rules: ReadonlyMap<string, Rule>;
}

/**
 * One source of hover text. The hover handler asks every provider whose `kinds` include the
 * file's kind and joins their Markdown sections, so a new file kind or knob family plugs in
 * by adding a provider to the list in `hover.ts`.
 */
export interface HoverProvider {
  /** Stable name, used when logging a failure. */
  name: string;
  /** File kinds the provider reads; undefined for every file. */
  kinds?: readonly FileKind[];
  /** Markdown for the position, or undefined when the provider has nothing to say there. */
  provideHover(context: HoverContext): string | undefined;
}
