import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Range } from '../../core/range.js';
import { keySpaceMessage, wrongTypeMessage } from './compose-errors.js';
import { isNull, kindOf } from './read-values.js';
import { goString } from './scalar-values.js';
import type { YamlReader } from './yaml-reader.js';

/** One `KEY=value` of `environment` or `labels`, in list or mapping form. */
export interface KeyValue {
  key: string;
  keyRange: Range;
  /** Value before interpolation; null for a bare `KEY` or `KEY:` with no value. */
  value: string | null;
  valueRange: Range;
  range: Range;
}

/**
 * Reads a `list_or_dict` field as compose-go's `MappingWithEquals` does (`types/mapping.go`): a
 * mapping whose values are strings, numbers, booleans or null (printed with Go's `fmt.Sprint`),
 * or a list of `KEY=value` strings cut at the first `=`. Only `environment` rejects a key that
 * ends in a space; `labels` keeps it.
 */
export function readKeyValues(
  reader: YamlReader,
  value: unknown,
  path: string,
  kind: 'environment' | 'labels',
): KeyValue[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (isMap(node)) return readMapping(reader, node, path);
  if (isSeq(node)) return readList(reader, node, path, kind === 'environment');
  reader.invalid(node!, wrongTypeMessage(path, 'a mapping or a list', kindOf(node)));
  return [];
}

function readMapping(
  reader: YamlReader,
  node: Parameters<YamlReader['entries']>[0],
  path: string,
): KeyValue[] {
  const values: KeyValue[] = [];
  for (const entry of reader.entries(node)) {
    const keyRange = reader.range(entry.keyNode);
    const valueNode = reader.resolve(entry.value);
    const written = isNode(entry.value) ? reader.range(entry.value) : keyRange;
    const range: Range = { start: keyRange.start, end: written.end };
    if (isNull(valueNode)) {
      const at = valueNode ? reader.range(valueNode) : { start: keyRange.end, end: keyRange.end };
      values.push({ key: entry.key, keyRange, value: null, valueRange: at, range });
      continue;
    }
    if (!isScalar(valueNode)) {
      const expected = 'a string, a number, a boolean or null';
      reader.invalid(
        valueNode!,
        wrongTypeMessage(`${path}.${entry.key}`, expected, kindOf(valueNode)),
      );
      continue;
    }
    const text = goString(valueNode.value) ?? '';
    values.push({
      key: entry.key,
      keyRange,
      value: text,
      valueRange: reader.range(valueNode),
      range,
    });
  }
  return values;
}

function readList(
  reader: YamlReader,
  node: Parameters<YamlReader['items']>[0],
  path: string,
  rejectKeySpace: boolean,
): KeyValue[] {
  const values: KeyValue[] = [];
  reader.items(node).forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isScalar(item) || isNull(item)) {
      const at = item ?? reader.range(node);
      reader.invalid(at, wrongTypeMessage(itemPath, 'a "KEY=value" string', kindOf(item)));
      return;
    }
    if (typeof item.value !== 'string') {
      reader.invalid(item, wrongTypeMessage(itemPath, 'a "KEY=value" string', kindOf(item)));
    }
    const text = reader.text(item).value;
    const equals = text.indexOf('=');
    const keyEnd = equals === -1 ? text.length : equals;
    const key = text.slice(0, keyEnd);
    const keyRange = reader.textRange(item, 0, keyEnd);
    if (rejectKeySpace && /\s$/.test(key)) {
      reader.invalid(keyRange, keySpaceMessage(itemPath, key));
    }
    const valueRange =
      equals === -1
        ? { start: keyRange.end, end: keyRange.end }
        : reader.textRange(item, equals + 1, text.length);
    const entryValue = equals === -1 ? null : text.slice(equals + 1);
    values.push({ key, keyRange, value: entryValue, valueRange, range: reader.range(item) });
  });
  return values;
}
