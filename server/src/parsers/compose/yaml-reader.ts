import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { ParseError, Severity } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import { INVALID_VALUE_CODE, parseError, YAML_SYNTAX_CODE } from './compose-errors.js';
import { readScalarText, textSpan, type ScalarText } from './scalar-text.js';
import { goString } from './scalar-values.js';
import { countOf } from '../../core/count-words.js';

/** A node after alias resolution. */
export type ValueNode = Scalar | YAMLMap | YAMLSeq;

/** One key of a mapping, after `<<` merge keys are applied. */
export interface MapEntry {
  key: string;
  keyNode: Scalar;
  /** The value node as written (possibly an alias), or null when the pair has none. */
  value: unknown;
}

// NOTE: a guessed bound on the pairs and items read through aliases and merge keys. Real
// compose files stay far below it; an alias bomb reaches it quickly and stops being read.
export const MAX_ALIAS_VISITS = 100_000;

// NOTE: a guessed cap. A file with more problems than this is not a compose file, and listing
// every one would only cost memory.
const MAX_REPORTED_ERRORS = 1000;

/**
 * Reads the parsed YAML documents of one compose file: resolves aliases to their anchored node
 * (so ranges point at the anchor), applies `<<` merge keys, and gives every node its range.
 * Work done through aliases is bounded by MAX_ALIAS_VISITS.
 */
export class YamlReader {
  readonly errors: ParseError[] = [];
  private readonly anchors = new Map<string, { start: number; node: ValueNode }[]>();
  private readonly entryCache = new WeakMap<YAMLMap, MapEntry[]>();
  private readonly resolving = new Set<YAMLMap>();
  private readonly textCache = new WeakMap<Scalar, ScalarText>();
  private visits = 0;
  private dropped = 0;
  private exhausted = false;

  constructor(
    readonly source: SourceFile,
    documents: Document[],
  ) {
    for (const document of documents) this.indexAnchors(document.contents);
  }

  /** Node behind an alias, or undefined for a missing value and for `!reset`. */
  resolve(node: unknown): ValueNode | undefined {
    let target: unknown = node;
    if (isAlias(target)) {
      const start = target.range?.[0] ?? 0;
      const candidates = this.anchors.get(target.source) ?? [];
      let found: ValueNode | undefined;
      for (const candidate of candidates) if (candidate.start < start) found = candidate.node;
      target = found;
    }
    if (!isScalar(target) && !isMap(target) && !isSeq(target)) return undefined;
    if (target.tag === '!reset') return undefined;
    return target;
  }

  /** Pairs of a mapping with merged keys added after its own; explicit keys win. */
  entries(map: YAMLMap): MapEntry[] {
    const cached = this.entryCache.get(map);
    if (cached) return cached;
    if (this.resolving.has(map) || !this.charge(map.items.length)) return [];
    this.resolving.add(map);

    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    const merged: ValueNode[] = [];
    let mergeKeys = 0;
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (isMergeKey(pair.key)) {
        mergeKeys++;
        if (mergeKeys === 2) this.reportDuplicateMerge(pair.key);
        for (const source of this.mergeSources(pair.value)) merged.push(source);
        continue;
      }

      const key = goString(pair.key.value) ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ key, keyNode: pair.key, value: pair.value });
    }

    for (const source of merged) {
      if (!isMap(source)) continue;
      for (const entry of this.entries(source)) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        entries.push(entry);
      }
      if (!this.charge(1)) break;
    }

    this.resolving.delete(map);
    this.entryCache.set(map, entries);
    return entries;
  }

  /** Value of `key` in a mapping, merged keys included. */
  get(map: YAMLMap, key: string): MapEntry | undefined {
    return this.entries(map).find((entry) => entry.key === key);
  }

  /** Items of a sequence with aliases resolved; missing items are undefined. */
  items(seq: YAMLSeq): (ValueNode | undefined)[] {
    if (!this.charge(seq.items.length)) return [];
    return seq.items.map((item) => this.resolve(item));
  }

  /**
   * Offsets of a node. The end stops at the last character of the value: block scalars and
   * block collections would otherwise run on to the next line.
   */
  offsets(node: Node): [number, number] {
    const [start, end] = node.range ?? [0, 0];
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    let trimmed = end;
    if (!quoted) while (trimmed > start && /\s/.test(this.source.text[trimmed - 1]!)) trimmed--;
    return [start, trimmed];
  }

  range(node: Node): Range {
    const [start, end] = this.offsets(node);
    return this.source.rangeAt(start, end);
  }

  /** Decoded text of a scalar with the file offset of each character. */
  text(node: Scalar): ScalarText {
    let text = this.textCache.get(node);
    if (!text) {
      const value = goString(node.value) ?? '';
      text = readScalarText(this.source.text, node, value);
      this.textCache.set(node, text);
    }
    return text;
  }

  /** Range of the characters `[from, to)` of a scalar's decoded text. */
  textRange(node: Scalar, from: number, to: number): Range {
    const [start, end] = textSpan(this.text(node), from, to);
    return this.source.rangeAt(start, end);
  }

  /** Records an error; past MAX_REPORTED_ERRORS only a count is kept, in one last error. */
  report(code: string, at: Node | Range, message: string, severity: Severity = 'error'): void {
    const range = isNode(at) ? this.range(at) : at;
    if (this.errors.length < MAX_REPORTED_ERRORS) {
      this.errors.push(parseError(code, message, range, severity));
      return;
    }
    this.dropped++;
    const verb = this.dropped === 1 ? 'is' : 'are';
    const summary = `${countOf(this.dropped, 'more problem')} in this file ${verb} not listed.`;
    if (this.dropped === 1) this.errors.push(parseError(code, summary, range, 'warning'));
    else this.errors[this.errors.length - 1]!.message = summary;
  }

  invalid(at: Node | Range, message: string): void {
    this.report(INVALID_VALUE_CODE, at, message);
  }

  private mergeSources(value: unknown): ValueNode[] {
    const node = this.resolve(value);
    if (isMap(node)) return [node];
    if (isSeq(node)) {
      const maps = this.items(node).filter((item): item is YAMLMap => isMap(item));
      if (maps.length === node.items.length) return maps;
    }
    const at = isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
    if (at)
      this.invalid(
        at,
        'A "<<" merge key needs a mapping or a list of mappings; compose rejects this file.',
      );
    return [];
  }

  private reportDuplicateMerge(key: Scalar): void {
    this.report(
      YAML_SYNTAX_CODE,
      key,
      'A mapping with two "<<" merge keys is rejected since Compose 2.17. Merge both in one key: ' +
        '"<<: [*first, *second]".',
    );
  }

  /** Counts work done through aliases; false once the bound is reached. */
  private charge(count: number): boolean {
    if (this.exhausted) return false;
    this.visits += count;
    if (this.visits <= MAX_ALIAS_VISITS) return true;
    this.exhausted = true;
    this.report(
      YAML_SYNTAX_CODE,
      this.source.rangeAt(0, 0),
      `Aliases and merge keys in this file expand to more than ${MAX_ALIAS_VISITS} values, so ` +
        'the rest was not read. Compose rejects such files as excessive aliasing.',
    );
    return false;
  }

  /** Records every anchor in document order, walking without recursion. */
  private indexAnchors(root: unknown): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isPair(node)) {
        stack.push(node.value, node.key);
        continue;
      }
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
      if (node.anchor) {
        const list = this.anchors.get(node.anchor) ?? [];
        list.push({ start: node.range?.[0] ?? 0, node });
        this.anchors.set(node.anchor, list);
      }
      if (isMap(node) || isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
      }
    }
  }
}

/** `<<` written plainly; with merge keys on, the `yaml` package stores it as a symbol. */
export function isMergeKey(key: Scalar): boolean {
  const value: unknown = key.value;
  if (typeof value === 'symbol') return value.description === '<<';
  return value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}
