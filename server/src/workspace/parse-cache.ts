import type { FileKind } from './file-kinds.js';

/**
 * Parse results kept between analyses, keyed by kind, path and exact text. The language server
 * keeps one cache for its lifetime, so an edit re-parses only the file whose text changed.
 */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; result: unknown }>();
  /** Number of parser runs since the cache was created, for the benchmark. */
  parses = 0;

  get<T>(kind: FileKind, path: string, text: string, parse: () => T): T {
    const key = `${kind}:${path}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === text) return hit.result as T;
    this.parses++;
    const result = parse();
    this.entries.set(key, { text, result });
    return result;
  }

  /**
   * Returns a value computed from one file's text (its line index, the names it quotes), kept
   * like a parse result while the text is unchanged. `purpose` separates such values.
   * Not counted in `parses`.
   */
  derive<T>(purpose: string, path: string, text: string, compute: () => T): T {
    const key = `${purpose}#${path}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === text) return hit.result as T;
    const result = compute();
    this.entries.set(key, { text, result });
    return result;
  }

  delete(path: string): void {
    for (const key of this.entries.keys()) {
      if (key.endsWith(`:${path}`) || key.endsWith(`#${path}`)) this.entries.delete(key);
    }
  }
}
