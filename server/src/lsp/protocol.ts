/**
 * Custom messages between the Shipshape language server and its clients, beyond the Language
 * Server Protocol. The VS Code client imports these names and types, so both sides agree.
 */

/** `shipshape/status`, server to client: the state of one folder after each analysis. */
export const statusNotification = 'shipshape/status';

export type FolderStatus = 'ready' | 'disabled' | 'failed';

export interface StatusParams {
  /** Workspace folder URI. */
  folder: string;
  /**
   * `ready` after an analysis, `disabled` when `shipshape.enable` is false, `failed` when the
   * analysis threw.
   */
  status: FolderStatus;
  errors: number;
  warnings: number;
  /** Problems of severity information or hint. */
  notes: number;
  /** Files with at least one problem. */
  files: number;
  /** Wall-clock duration of the analysis, in milliseconds. */
  durationMs: number;
}

/** `shipshape/checkWorkspace`, client to server: analyses every folder now, without debounce. */
export const checkWorkspaceRequest = 'shipshape/checkWorkspace';

export interface CheckWorkspaceResult {
  folders: number;
  problems: number;
}

/** Cause of an analysis. */
export type AnalysisTrigger = 'initial' | 'edit' | 'files' | 'settings' | 'command' | 'request';

/** One analysis of a folder, for `shipshape/stats`. */
export interface AnalysisRecord {
  trigger: AnalysisTrigger;
  /** Parser runs during this analysis (the parse cache's counter before and after). */
  parses: number;
  /** Deployments the analysis built. */
  deployments: number;
  /** Deployments whose checks ran; the others reused their problems because none of their files changed. */
  deploymentsChecked: number;
  durationMs: number;
}

/** `shipshape/stats`, client to server: analysis counters per folder, for the benchmark. */
export const statsRequest = 'shipshape/stats';

export interface FolderStats {
  /** Workspace folder URI. */
  folder: string;
  /** Analyses since the server started. */
  analyses: number;
  /** Parser runs since the server started. */
  parses: number;
  /** Analyses scheduled by an edit but superseded by a newer edit before they ran. */
  dropped: number;
  /** The latest analyses, oldest first; at most `maxAnalysisRecords` are kept. */
  recent: AnalysisRecord[];
}

export interface StatsResult {
  folders: FolderStats[];
}

/** Number of analysis records each folder keeps for `shipshape/stats`. */
export const maxAnalysisRecords = 100;
