import { isMap, isScalar, isSeq, type Scalar as YamlScalar, type YAMLMap } from 'yaml';
import type { Scalar } from './compose-model.js';
import { wrongTypeMessage, wrongValueMessage, type ValueKind } from './compose-errors.js';
import { castBoolean, castInteger, goString, isFloatText } from './scalar-values.js';
import { scanTemplate } from './scan-template.js';
import type { ValueNode, YamlReader } from './yaml-reader.js';

// Typed readers for compose fields. Each returns undefined for a missing or null value and
// reports a value compose would reject, in the types of compose-go's JSON schema
// (`schema/compose-spec.json`) and the casts of `loader/interpolate.go`.

export function kindOf(node: ValueNode | undefined): ValueKind {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node) || node.value === null || node.value === undefined) return 'null';
  switch (typeof node.value) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    default:
      return 'a number';
  }
}

export function isNull(node: ValueNode | undefined): boolean {
  return (
    node === undefined || (isScalar(node) && (node.value === null || node.value === undefined))
  );
}

/** True when compose would interpolate something in `text`, so its final value is unknown. */
export function hasInterpolation(text: string): boolean {
  return scanTemplate(text, 0, text.length).some((token) => token.kind !== 'escape');
}

/** Reads a string field (`image`, `network_mode`). */
export function readString(
  reader: YamlReader,
  value: unknown,
  path: string,
): Scalar<string> | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    return { value: node.value, range: reader.range(node) };
  }
  reader.invalid(node!, wrongTypeMessage(path, 'a string', kindOf(node)));
  return undefined;
}

/** Reads a field typed `["number", "string"]` (`cpus`, `mem_limit`) as its text. */
export function readStringOrNumber(
  reader: YamlReader,
  value: unknown,
  path: string,
): Scalar<string> | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && (typeof node.value === 'string' || isNumber(node))) {
    return { value: goString(node.value) ?? '', range: reader.range(node) };
  }
  reader.invalid(node!, wrongTypeMessage(path, 'a number or a string', kindOf(node)));
  return undefined;
}

/**
 * Reads an integer field (`deploy.replicas`, `healthcheck.retries`). Strings are cast like
 * `strconv.Atoi` after interpolation; an interpolated string gives undefined without error.
 */
export function readInteger(
  reader: YamlReader,
  value: unknown,
  path: string,
): Scalar<number> | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'bigint') {
    return { value: Number(node.value), range: reader.range(node) };
  }
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) {
    return { value: node.value, range: reader.range(node) };
  }
  if (isScalar(node) && typeof node.value === 'string') {
    if (hasInterpolation(node.value)) return undefined;
    const parsed = castInteger(node.value);
    if (parsed !== undefined) return { value: parsed, range: reader.range(node) };
    reader.invalid(node, wrongValueMessage(path, node.value, 'an integer'));
    return undefined;
  }
  reader.invalid(node!, wrongTypeMessage(path, 'an integer', kindOf(node)));
  return undefined;
}

/** Reads a boolean field (`privileged`), casting strings like compose-go's `toBoolean`. */
export function readBoolean(
  reader: YamlReader,
  value: unknown,
  path: string,
): Scalar<boolean> | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'boolean') {
    return { value: node.value, range: reader.range(node) };
  }
  if (isScalar(node) && typeof node.value === 'string') {
    if (hasInterpolation(node.value)) return undefined;
    const parsed = castBoolean(node.value);
    if (parsed !== undefined) return { value: parsed, range: reader.range(node) };
    reader.invalid(node, wrongValueMessage(path, node.value, 'true or false'));
    return undefined;
  }
  reader.invalid(node!, wrongTypeMessage(path, 'a boolean', kindOf(node)));
  return undefined;
}

/** A float field given as a string (`cpus: "0.5"`) must parse as a float after interpolation. */
export function checkFloatText(
  reader: YamlReader,
  scalar: Scalar<string> | undefined,
  node: unknown,
  path: string,
): void {
  if (!scalar) return;
  const resolved = reader.resolve(node);
  if (!isScalar(resolved) || typeof resolved.value !== 'string') return;
  if (hasInterpolation(scalar.value) || isFloatText(scalar.value)) return;
  reader.invalid(resolved, wrongValueMessage(path, scalar.value, 'a number'));
}

/** Reads a list of strings (`profiles`). A single string is reported, not wrapped. */
export function readStringList(reader: YamlReader, value: unknown, path: string): Scalar<string>[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (!isSeq(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a list of strings', kindOf(node)));
    return [];
  }
  const values: Scalar<string>[] = [];
  reader.items(node).forEach((item, index) => {
    const scalar = readString(reader, item ?? null, `${path}[${index}]`);
    if (scalar) values.push(scalar);
  });
  return values;
}

function isNumber(node: YamlScalar): boolean {
  return typeof node.value === 'number' || typeof node.value === 'bigint';
}

/** Reads a mapping field: undefined when null or missing, and other types are reported. */
export function mapping(reader: YamlReader, value: unknown, path: string): YAMLMap | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isMap(node)) return node;
  reader.invalid(node!, wrongTypeMessage(path, 'a mapping', kindOf(node)));
  return undefined;
}
