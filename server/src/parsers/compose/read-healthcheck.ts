import { isScalar, isSeq } from 'yaml';
import type { Healthcheck } from './compose-model.js';
import { wrongTypeMessage } from './compose-errors.js';
import {
  isNull,
  kindOf,
  mapping,
  readBoolean,
  readInteger,
  readString,
  readStringList,
} from './read-values.js';
import type { YamlReader } from './yaml-reader.js';

/**
 * Reads `healthcheck`. A string `test` is run by the container's shell (compose stores it as
 * `CMD-SHELL`), so unlike `command` it is not split into words here.
 */
export function readHealthcheck(
  reader: YamlReader,
  value: unknown,
  path: string,
): Healthcheck | undefined {
  const node = mapping(reader, value, path);
  if (!node) return undefined;
  const field = (key: string): unknown => reader.get(node, key)?.value ?? null;
  const healthcheck: Healthcheck = { range: reader.range(node) };
  const testNode = reader.resolve(field('test'));
  if (isScalar(testNode) && typeof testNode.value === 'string') {
    healthcheck.test = { value: testNode.value, range: reader.range(testNode) };
  } else if (isSeq(testNode)) {
    const parts = readStringList(reader, testNode, `${path}.test`).map((part) => part.value);
    healthcheck.test = { value: parts, range: reader.range(testNode) };
  } else if (!isNull(testNode)) {
    reader.invalid(
      testNode!,
      wrongTypeMessage(`${path}.test`, 'a string or a list of strings', kindOf(testNode)),
    );
  }
  const interval = readString(reader, field('interval'), `${path}.interval`);
  const timeout = readString(reader, field('timeout'), `${path}.timeout`);
  const startPeriod = readString(reader, field('start_period'), `${path}.start_period`);
  const retries = readInteger(reader, field('retries'), `${path}.retries`);
  const disable = readBoolean(reader, field('disable'), `${path}.disable`);
  if (interval) healthcheck.interval = interval;
  if (timeout) healthcheck.timeout = timeout;
  if (startPeriod) healthcheck.startPeriod = startPeriod;
  if (retries) healthcheck.retries = retries;
  if (disable) healthcheck.disable = disable.value;
  return healthcheck;
}
