import { isMap, isNode, isSeq, type Document } from 'yaml';
import type { Range } from '../../core/range.js';
import type { ComposeFile } from './compose-model.js';
import { isNull } from './read-values.js';
import type { YamlReader } from './yaml-reader.js';

interface ParsedDocuments {
  reader: YamlReader;
  documents: Document[];
}

const parsedByFile = new WeakMap<ComposeFile, ParsedDocuments>();

/** Keeps the reader of a parsed file for later lookups; the entry goes when the file does. */
export function rememberReader(file: ComposeFile, reader: YamlReader, documents: Document[]): void {
  parsedByFile.set(file, { reader, documents });
}

/**
 * Range of the value at `path` (`['services', 'web', 'ports', 0]`), following aliases and `<<`
 * merge keys, so a merged value gives its anchor's range. A key with a null or empty value
 * gives the key's range. With several YAML documents the first one holding the path wins.
 */
export function findNodeRange(file: ComposeFile, path: (string | number)[]): Range | undefined {
  const parsed = parsedByFile.get(file);
  if (!parsed) return undefined;
  const { reader, documents } = parsed;
  for (const document of documents) {
    const range = findInDocument(reader, document.contents, path);
    if (range) return range;
  }
  return undefined;
}

function findInDocument(
  reader: YamlReader,
  root: unknown,
  path: (string | number)[],
): Range | undefined {
  let node = reader.resolve(root);
  let keyRange: Range | undefined;
  for (const segment of path) {
    keyRange = undefined;
    if (typeof segment === 'number' && isSeq(node)) {
      node = reader.items(node)[segment];
    } else if (typeof segment === 'string' && isMap(node)) {
      const entry = reader.get(node, segment);
      if (!entry) return undefined;
      keyRange = reader.range(entry.keyNode);
      node = reader.resolve(entry.value);
    } else {
      return undefined;
    }
  }
  if (keyRange && isNull(node)) return keyRange;
  return isNode(node) ? reader.range(node) : undefined;
}
