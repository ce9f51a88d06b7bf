import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, type Analysis } from '../analysis/analyze.js';
import { defaultConfig, parseConfig, type ShipshapeConfig } from '../analysis/config.js';
import type { Problem } from '../core/problem.js';
import { nodeFileSystem } from '../workspace/file-system.js';
import { ParseCache } from '../workspace/parse-cache.js';
import { OverlayFileSystem } from './overlay-file-system.js';

/**
 * One workspace folder: its parse cache, kept for the server's lifetime so an edit re-parses only
 * the changed file, and the latest analysis.
 */
export class FolderState {
  readonly cache = new ParseCache();
  analysis: Analysis | undefined;
  /** URIs that received diagnostics last time, so files whose problems vanished are cleared. */
  published = new Set<string>();
  /** Incremented by every edit; an analysis started under an older generation is dropped. */
  generation = 0;
  /** Parser runs of the latest analysis, for the benchmark's counter. */
  lastParses = 0;

  constructor(
    readonly root: string,
    readonly overlay: OverlayFileSystem,
  ) {}

  contains(absolutePath: string): boolean {
    const relative = path.relative(this.root, absolutePath);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  analyze(editorConfig: Partial<ShipshapeConfig>, onCheckError: (check: string, error: unknown) => void): Analysis {
    const before = this.cache.parses;
    const config = { ...this.fileConfig(), ...editorConfig };
    this.analysis = analyzeWorkspace(this.root, { fs: this.overlay, cache: this.cache, config, onCheckError });
    this.lastParses = this.cache.parses - before;
    return this.analysis;
  }

  problemsOf(file: string): { problem: Problem; index: number }[] {
    const problems = this.analysis?.problems ?? [];
    return problems
      .map((problem, index) => ({ problem, index }))
      .filter(({ problem }) => problem.location.file === file);
  }

  private fileConfig(): ShipshapeConfig {
    const file = path.join(this.root, 'shipshape.json');
    const text = this.overlay.readFile(file) ?? (fs.existsSync(file) ? nodeFileSystem.readFile(file) : undefined);
    return text === undefined ? defaultConfig : parseConfig(text).config;
  }
}
