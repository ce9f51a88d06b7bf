import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { VolumeMount } from './compose-model.js';
import { missingFieldMessage, wrongTypeMessage, wrongValueMessage } from './compose-errors.js';
import { isNull, kindOf, readBoolean, readString } from './read-values.js';
import { substitute } from './substitute.js';
import type { YamlReader } from './yaml-reader.js';

const MOUNT_TYPES: ReadonlyArray<VolumeMount['type']> = [
  'bind',
  'volume',
  'tmpfs',
  'npipe',
  'cluster',
  'image',
];

/** Source, target and mode of a short-syntax volume, `SOURCE:TARGET[:MODE]`. */
export type ShortVolume = Pick<VolumeMount, 'type' | 'source' | 'target' | 'readOnly'>;

/** Reads `volumes` of a service: short-syntax strings and long-syntax mappings. */
export function readVolumes(reader: YamlReader, value: unknown, path: string): VolumeMount[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (!isSeq(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a list', kindOf(node)));
    return [];
  }
  const mounts: VolumeMount[] = [];
  reader.items(node).forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (isScalar(item) && typeof item.value === 'string') {
      const parsed = parseShortVolume(item.value);
      if (typeof parsed === 'string') {
        reader.invalid(item, `${itemPath} "${item.value}" is not a valid volume: ${parsed}.`);
        return;
      }
      const mount: VolumeMount = { raw: item.value, range: reader.range(item), ...parsed };
      if (parsed.source !== undefined) mount.sourceRange = reader.textRange(item, 0, parsed.source.length);
      mounts.push(mount);
    } else if (isMap(item)) {
      const mount = readLongVolume(reader, item, itemPath);
      if (mount) mounts.push(mount);
    } else {
      reader.invalid(
        item ?? node,
        wrongTypeMessage(itemPath, 'a string or a mapping', kindOf(item)),
      );
    }
  });
  return mounts;
}

/**
 * Parses a short-syntax volume as compose-go's `format.ParseVolume` does (compose-go e70e961):
 * colons inside `${...}` and after a one-letter Windows drive do not split, one part is an
 * anonymous volume's target, and the mode list may hold `ro`/`rw`. A source that starts with
 * `.`, `/`, `~`, `\\` or a drive letter is a bind mount, anything else a named volume.
 */
export function parseShortVolume(spec: string): ShortVolume | string {
  if (spec.length === 0) return 'the volume is empty';
  if (spec.length <= 2) return { type: 'volume', target: spec, readOnly: false };

  const fields: string[] = [];
  let buffer = '';
  let depth = 0;
  for (let i = 0; i <= spec.length; i++) {
    const char = i < spec.length ? spec[i]! : '';
    if (char === '$' && spec[i + 1] === '{') {
      depth++;
      buffer += char;
    } else if (char === '}' && depth > 0) {
      depth--;
      buffer += char;
    } else if (char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) {
      buffer += char;
    } else if ((char === ':' || char === '') && depth === 0) {
      if (buffer.length === 0) return 'it has an empty part between colons';
      if (fields.length === 3 || (fields.length === 2 && char === ':'))
        return 'it has too many colons';
      fields.push(buffer);
      buffer = '';
    } else {
      buffer += char;
    }
  }
  if (depth > 0) fields.push(buffer);

  if (fields.length === 1) return { type: 'volume', target: fields[0]!, readOnly: false };
  const [source, target, mode] = fields as [string, string, string | undefined];
  const readOnly = mode !== undefined && mode.split(',').includes('ro') && !lastIsRw(mode);
  const volume: ShortVolume = {
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    target,
    readOnly,
  };
  return volume;
}

/** `rw` after `ro` makes the mount writable again: compose-go reads the modes in order. */
function lastIsRw(mode: string): boolean {
  const options = mode.split(',');
  return options.lastIndexOf('rw') > options.lastIndexOf('ro');
}

/**
 * compose-go's `isFilePath`. A source with variables is judged by its text with every variable
 * unset, so `${DATA_DIR:-./data}` counts as a bind mount.
 */
function isHostPath(source: string): boolean {
  // NOTE: a source that is only a variable without a default (`${DATA}`) reads as a named
  // volume here, whatever the variable holds when compose runs.
  const text = source.includes('$') ? substitute(source, () => undefined).value : source;
  if (text === '') return false;
  if ('./~'.includes(text[0]!)) return true;
  if (text.startsWith('\\\\')) return true;
  return /^\p{L}:/u.test(text);
}

function readLongVolume(reader: YamlReader, node: YAMLMap, path: string): VolumeMount | undefined {
  const type = readString(reader, reader.get(node, 'type')?.value ?? null, `${path}.type`);
  const target = readString(reader, reader.get(node, 'target')?.value ?? null, `${path}.target`);
  const source = readString(reader, reader.get(node, 'source')?.value ?? null, `${path}.source`);
  const readOnly = readBoolean(
    reader,
    reader.get(node, 'read_only')?.value ?? null,
    `${path}.read_only`,
  );
  if (!type) {
    const types = ` (${MOUNT_TYPES.join(', ')})`;
    reader.invalid(node, missingFieldMessage(path, 'type', types));
    return undefined;
  }
  if (!MOUNT_TYPES.includes(type.value as VolumeMount['type'])) {
    const expected = `one of ${MOUNT_TYPES.join(', ')}`;
    reader.invalid(type.range, wrongValueMessage(`${path}.type`, type.value, expected));
    return undefined;
  }
  const [start, end] = reader.offsets(node);
  const mount: VolumeMount = {
    raw: reader.source.text.slice(start, end),
    range: reader.range(node),
    type: type.value as VolumeMount['type'],
    target: target?.value ?? '',
    readOnly: readOnly?.value ?? false,
  };
  if (source) {
    mount.source = source.value;
    mount.sourceRange = source.range;
  }
  return mount;
}
