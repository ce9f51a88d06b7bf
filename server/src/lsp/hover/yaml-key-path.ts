import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Pair } from 'yaml';
import type { Position } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

/**
 * Dotted path of the mapping key under the cursor, such as
 * `services.db.deploy.resources.limits.memory`, or undefined when the cursor is not on a key.
 * Sequence items count as `*`. The text is parsed again here, which a hover can afford on a
 * compose file of configuration size.
 */
export function yamlKeyPathAt(source: SourceFile, position: Position): string | undefined {
  const offset = source.offsetAt(position);
  const document = parseDocument(source.text, { uniqueKeys: false, merge: true });
  let found: string | undefined;
  visit(document, {
    Pair(_, pair, path) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) return undefined;
      const [start, end] = key.range;
      if (offset < start || offset > end) return undefined;
      found = [...ancestorKeys(path), String(key.value)].join('.');
      return visit.BREAK;
    },
  });
  return found;
}

/** Keys of the pairs that enclose a node, with `*` for each sequence on the way. */
function ancestorKeys(path: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const node of path) {
    if (isPair(node)) {
      const key = (node as Pair).key;
      keys.push(isScalar(key) ? String(key.value) : '*');
    } else if (isSeq(node)) {
      keys.push('*');
    } else if (!isMap(node)) {
      continue;
    }
  }
  return keys;
}
