import { pathToFileURL } from 'node:url';
import { analyzeWorkspace, type Analysis } from '../analysis/analyze.js';
import { DeploymentCheckCache } from '../analysis/check-cache.js';
import type { Problem } from '../core/problem.js';
import type { FileSystem } from '../workspace/file-system.js';
import { ParseCache } from '../workspace/parse-cache.js';
import {
  maxAnalysisRecords,
  type AnalysisRecord,
  type AnalysisTrigger,
  type FolderStats,
} from './protocol.js';
import {
  defaultEditorSettings,
  mergeConfig,
  readConfigFile,
  type ConfigFile,
  type EditorSettings,
} from './settings.js';
import { relativeTo } from './uris.js';

/**
 * One workspace folder: its parse cache, kept for the server's lifetime so an edit re-parses
 * only the changed file, its settings, and its latest analysis.
 */
export class Folder {
  readonly uri: string;
  readonly cache = new ParseCache();
  /** Problems per deployment, so an edit re-runs only the checks of the deployments it touches. */
  readonly checkCache = new DeploymentCheckCache();
  settings: EditorSettings = defaultEditorSettings;
  analysis: Analysis | undefined;
  configFile: ConfigFile | undefined;
  /** URIs that received diagnostics last time, so files whose problems vanished are cleared. */
  published = new Set<string>();
  private analyses = 0;
  private dropped = 0;
  private readonly recent: AnalysisRecord[] = [];

  constructor(
    readonly root: string,
    private readonly fs: FileSystem,
  ) {
    this.uri = pathToFileURL(root).href;
  }

  /** Workspace-relative path of `absolutePath`, or undefined when it lies outside this folder. */
  relative(absolutePath: string): string | undefined {
    return relativeTo(this.root, absolutePath);
  }

  /** Runs every check on the folder's current text, through the parse cache. */
  analyze(
    trigger: AnalysisTrigger,
    onCheckError: (check: string, error: unknown) => void,
  ): AnalysisRecord {
    const started = performance.now();
    const parsesBefore = this.cache.parses;
    this.configFile = readConfigFile(this.fs, this.root);
    const config = mergeConfig(this.configFile.config, this.settings.config);
    this.analysis = analyzeWorkspace(this.root, {
      fs: this.fs,
      cache: this.cache,
      config,
      onCheckError,
      checkCache: this.checkCache,
    });
    const record: AnalysisRecord = {
      trigger,
      parses: this.cache.parses - parsesBefore,
      deployments: this.analysis.deployments.length,
      deploymentsChecked: this.checkCache.checked,
      durationMs: Math.round(performance.now() - started),
    };
    this.analyses++;
    this.recent.push(record);
    if (this.recent.length > maxAnalysisRecords) this.recent.shift();
    return record;
  }

  /** Forgets the analysis, as when the user disables Shipshape for this folder. */
  clear(): void {
    this.analysis = undefined;
    this.configFile = undefined;
  }

  /** Counts an edit-triggered analysis that a newer edit superseded before it ran. */
  countDropped(): void {
    this.dropped++;
  }

  /** Problems located in `file`, with their index in the analysis. */
  problemsOf(file: string): { problem: Problem; index: number }[] {
    const found: { problem: Problem; index: number }[] = [];
    this.analysis?.problems.forEach((problem, index) => {
      if (problem.location.file === file) found.push({ problem, index });
    });
    return found;
  }

  stats(): FolderStats {
    return {
      folder: this.uri,
      analyses: this.analyses,
      parses: this.cache.parses,
      dropped: this.dropped,
      recent: [...this.recent],
    };
  }
}
