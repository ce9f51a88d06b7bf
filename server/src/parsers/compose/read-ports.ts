import { isMap, isScalar, isSeq } from 'yaml';
import type { PortMapping } from './compose-model.js';
import { wrongTypeMessage } from './compose-errors.js';
import { hasInterpolation, isNull, kindOf, readString } from './read-values.js';
import { goString } from './scalar-values.js';
import { splitOutsideReferences } from './split-outside-references.js';
import type { ValueNode, YamlReader } from './yaml-reader.js';

/** Host address, published port and container port of a short-syntax `ports` entry. */
export interface ShortPort {
  hostIp?: string;
  published?: string;
  target: string;
  protocol?: string;
}

/** Reads `ports`: numbers, short-syntax strings and long-syntax mappings. */
export function readPorts(reader: YamlReader, value: unknown, path: string): PortMapping[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (!isSeq(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a list', kindOf(node)));
    return [];
  }
  const ports: PortMapping[] = [];
  reader.items(node).forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'bigint')) {
      const raw = goString(item.value) ?? '';
      const parsed = parseShortPort(raw);
      if (typeof parsed === 'string') {
        reader.invalid(item, `${itemPath} "${raw}" is not a valid port mapping: ${parsed}.`);
        return;
      }
      ports.push({ raw, range: reader.range(item), ...parsed });
    } else if (isMap(item)) {
      const port = readLongPort(reader, item, itemPath);
      if (port) ports.push(port);
    } else {
      const at = item ?? node;
      reader.invalid(
        at,
        wrongTypeMessage(itemPath, 'a number, a string or a mapping', kindOf(item)),
      );
    }
  });
  return ports;
}

/**
 * Parses `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]` as docker/go-connections `ParsePortSpec`
 * does, or returns why it is invalid. Ranges such as `8000-8010` stay as written. Parts that
 * compose interpolates are not validated.
 */
export function parseShortPort(raw: string): ShortPort | string {
  const parts = splitOutsideReferences(raw, ':');
  const count = parts.length;
  let target = parts[count - 1]!;
  let hostIp = '';
  let published = '';
  if (count === 2) published = parts[0]!;
  if (count >= 3) {
    hostIp = parts.slice(0, count - 2).join(':');
    published = parts[count - 2]!;
  }
  let protocol: string | undefined;
  const slash = target.indexOf('/');
  if (slash !== -1) {
    // go-connections reads `80/` as tcp and ignores text after a second `/`.
    protocol = target.slice(slash + 1).split('/')[0] || undefined;
    target = target.slice(0, slash);
  }
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  const port: ShortPort = { target };
  if (hostIp) port.hostIp = hostIp;
  if (published) port.published = published;
  if (protocol !== undefined) port.protocol = protocol;
  return validateShortPort(port) ?? port;
}

function validateShortPort(port: ShortPort): string | undefined {
  const { target, published, hostIp, protocol } = port;
  if (hostIp && !hasInterpolation(hostIp) && !isIpAddress(hostIp))
    return `invalid IP address "${hostIp}"`;
  if (target === '') return 'the container port is missing';
  const targetRange = hasInterpolation(target) ? undefined : parsePortRange(target);
  if (targetRange === null) return `invalid container port "${target}"`;
  const publishedRange =
    published && !hasInterpolation(published) ? parsePortRange(published) : undefined;
  if (publishedRange === null) return `invalid host port "${published}"`;
  if (targetRange && publishedRange) {
    const targetSize = targetRange[1] - targetRange[0];
    const publishedSize = publishedRange[1] - publishedRange[0];
    if (targetSize !== 0 && targetSize !== publishedSize) {
      return `the ranges ${published} and ${target} differ in size`;
    }
  }
  if (
    protocol !== undefined &&
    !hasInterpolation(protocol) &&
    !/^(tcp|udp|sctp)$/i.test(protocol)
  ) {
    return `invalid protocol "${protocol}"`;
  }
  return undefined;
}

/** `PORT` or `START-END`, each 0-65535; null when invalid. */
function parsePortRange(text: string): [number, number] | null {
  const match = /^([0-9]+)(?:-([0-9]+))?$/.exec(text);
  if (!match) return null;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535 || end < start) return null;
  return [start, end];
}

function isIpAddress(text: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text)) {
    return text.split('.').every((part) => Number(part) <= 255);
  }
  return text.includes(':') && /^[0-9A-Fa-f:.]+(%.+)?$/.test(text);
}

function readLongPort(
  reader: YamlReader,
  node: Parameters<YamlReader['entries']>[0],
  path: string,
): PortMapping | undefined {
  const field = (key: string): ValueNode | undefined => {
    const resolved = reader.resolve(reader.get(node, key)?.value);
    return isNull(resolved) ? undefined : resolved;
  };
  const targetNode = field('target');
  if (
    !isScalar(targetNode) ||
    (typeof targetNode.value !== 'bigint' && typeof targetNode.value !== 'string')
  ) {
    reader.invalid(
      targetNode ?? node,
      `${path}.target must be a container port number; compose rejects this file.`,
    );
    return undefined;
  }
  const [start, end] = reader.offsets(node);
  const port: PortMapping = {
    raw: reader.source.text.slice(start, end),
    range: reader.range(node),
    target: goString(targetNode.value) ?? '',
  };
  const published = field('published');
  if (
    isScalar(published) &&
    (typeof published.value === 'string' || typeof published.value === 'bigint')
  ) {
    port.published = goString(published.value) ?? '';
  } else if (published) {
    reader.invalid(
      published,
      wrongTypeMessage(`${path}.published`, 'a string or a number', kindOf(published)),
    );
  }
  const hostIp = readString(reader, reader.get(node, 'host_ip')?.value ?? null, `${path}.host_ip`);
  if (hostIp) port.hostIp = hostIp.value;
  const protocol = readString(
    reader,
    reader.get(node, 'protocol')?.value ?? null,
    `${path}.protocol`,
  );
  if (protocol) port.protocol = protocol.value;
  return port;
}
