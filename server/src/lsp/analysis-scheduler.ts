import type { AnalysisTrigger } from './protocol.js';

/** Delay after the last keystroke before a folder is analysed again, in milliseconds. */
export const debounceMs = 250;

interface Pending {
  generation: number;
  trigger: AnalysisTrigger;
  timer: NodeJS.Timeout;
}

/**
 * Debounces analyses per folder with a generation counter. Every request increments the
 * folder's generation, and a callback that fires under an older generation does nothing, so
 * the newest edit always wins. The analysis itself is synchronous, so after the delay it runs
 * in a `setImmediate`: messages already waiting (a newer `didChange`) are handled first and
 * supersede it, rather than queueing behind a stale analysis.
 */
export class AnalysisScheduler<K> {
  private readonly generations = new Map<K, number>();
  private readonly pending = new Map<K, Pending>();

  constructor(
    private readonly run: (key: K, trigger: AnalysisTrigger) => void,
    private readonly onSuperseded: (key: K) => void,
    private readonly delayMs: number = debounceMs,
    /** Runs a callback after pending I/O; tests pass a queue they drain by hand. */
    private readonly defer: (callback: () => void) => void = setImmediate,
  ) {}

  /** Analyses `key` after the delay unless a newer request for `key` comes first. */
  schedule(key: K, trigger: AnalysisTrigger): void {
    if (this.pending.has(key)) this.onSuperseded(key);
    const generation = this.advance(key);
    const timer = setTimeout(() => {
      this.defer(() => this.fire(key, generation));
    }, this.delayMs);
    this.pending.set(key, { generation, trigger, timer });
  }

  /** Runs a pending analysis of `key` now, so code actions and hovers read the latest text. */
  flush(key: K): void {
    const pending = this.pending.get(key);
    if (pending) this.runNow(key, pending.trigger);
  }

  /** Drops whatever is pending for `key` and analyses it now. */
  runNow(key: K, trigger: AnalysisTrigger): void {
    this.cancel(key);
    this.run(key, trigger);
  }

  /** Drops whatever is pending for `key`. */
  cancel(key: K): void {
    this.advance(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  /** Starts a new generation of `key`, making every earlier callback stale. */
  private advance(key: K): number {
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous.timer);
    this.pending.delete(key);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return generation;
  }

  private fire(key: K, generation: number): void {
    const pending = this.pending.get(key);
    if (!pending || pending.generation !== generation) return;
    this.pending.delete(key);
    this.run(key, pending.trigger);
  }
}
