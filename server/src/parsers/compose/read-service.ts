import { isMap, isScalar, isSeq, type Scalar as YamlScalar, type YAMLMap } from 'yaml';
import type {
  ComposeEnvironmentEntry,
  ComposeService,
  EnvFileReference,
  Label,
  ResourceSpec,
  Scalar,
} from './compose-model.js';
import { missingFieldMessage, wrongTypeMessage } from './compose-errors.js';
import { readCommand } from './read-command.js';
import { readHealthcheck } from './read-healthcheck.js';
import { readKeyValues } from './read-key-values.js';
import { readPorts } from './read-ports.js';
import {
  checkFloatText,
  isNull,
  kindOf,
  mapping,
  readBoolean,
  readInteger,
  readString,
  readStringList,
  readStringOrNumber,
} from './read-values.js';
import { readVolumes } from './read-volumes.js';
import type { YamlReader } from './yaml-reader.js';

/** Reads one entry of `services`; undefined when its value is not a mapping. */
export function readService(
  reader: YamlReader,
  nameNode: YamlScalar,
  name: string,
  value: unknown,
): ComposeService | undefined {
  const path = `services.${name}`;
  const node = reader.resolve(value);
  if (!isMap(node)) {
    reader.invalid(node ?? nameNode, wrongTypeMessage(path, 'a mapping', kindOf(node)));
    return undefined;
  }
  const field = (key: string): unknown => reader.get(node, key)?.value ?? null;
  const service: ComposeService = {
    name,
    nameRange: reader.range(nameNode),
    range: reader.range(node),
    environment: readKeyValues(reader, field('environment'), `${path}.environment`, 'environment'),
    envFiles: readEnvFiles(reader, field('env_file'), `${path}.env_file`),
    ports: readPorts(reader, field('ports'), `${path}.ports`),
    volumes: readVolumes(reader, field('volumes'), `${path}.volumes`),
    limits: {},
    reservations: {},
    labels: readKeyValues(reader, field('labels'), `${path}.labels`, 'labels').map(toLabel),
    dependsOn: readDependsOn(reader, field('depends_on'), `${path}.depends_on`),
    profiles: readStringList(reader, field('profiles'), `${path}.profiles`).map(
      (profile) => profile.value,
    ),
  };
  const optional: Partial<ComposeService> = {
    image: readString(reader, field('image'), `${path}.image`),
    build: readBuild(reader, field('build'), `${path}.build`),
    command: readCommand(reader, field('command'), `${path}.command`),
    entrypoint: readCommand(reader, field('entrypoint'), `${path}.entrypoint`),
    memLimit: readStringOrNumber(reader, field('mem_limit'), `${path}.mem_limit`),
    memReservation: readStringOrNumber(reader, field('mem_reservation'), `${path}.mem_reservation`),
    cpus: readStringOrNumber(reader, field('cpus'), `${path}.cpus`),
    privileged: readBoolean(reader, field('privileged'), `${path}.privileged`),
    healthcheck: readHealthcheck(reader, field('healthcheck'), `${path}.healthcheck`),
    extends: readExtends(reader, field('extends'), `${path}.extends`),
    networkMode: readString(reader, field('network_mode'), `${path}.network_mode`),
  };
  checkFloatText(reader, optional.cpus, field('cpus'), `${path}.cpus`);
  // Fields the file does not set stay absent rather than present as undefined.
  for (const [key, fieldValue] of Object.entries(optional)) {
    if (fieldValue !== undefined) Object.assign(service, { [key]: fieldValue });
  }
  readDeploy(reader, field('deploy'), `${path}.deploy`, service);
  return service;
}

function toLabel(entry: ComposeEnvironmentEntry): Label {
  return {
    key: entry.key,
    value: entry.value ?? '',
    keyRange: entry.keyRange,
    valueRange: entry.valueRange,
    range: entry.range,
  };
}

/** `env_file`: a path, or a list of paths and `{path, required, format}` mappings. */
function readEnvFiles(reader: YamlReader, value: unknown, path: string): EnvFileReference[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (isScalar(node) && typeof node.value === 'string') {
    return [{ path: node.value, required: true, range: reader.range(node) }];
  }
  if (!isSeq(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a string or a list', kindOf(node)));
    return [];
  }
  const files: EnvFileReference[] = [];
  reader.items(node).forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (isScalar(item) && typeof item.value === 'string') {
      files.push({ path: item.value, required: true, range: reader.range(item) });
    } else if (isMap(item)) {
      const filePath = readString(
        reader,
        reader.get(item, 'path')?.value ?? null,
        `${itemPath}.path`,
      );
      const required = readBoolean(
        reader,
        reader.get(item, 'required')?.value ?? null,
        `${itemPath}.required`,
      );
      if (!filePath) {
        reader.invalid(item, missingFieldMessage(itemPath, 'path'));
        return;
      }
      files.push({
        path: filePath.value,
        required: required?.value ?? true,
        range: filePath.range,
      });
    } else {
      reader.invalid(
        item ?? node,
        wrongTypeMessage(itemPath, 'a string or a mapping', kindOf(item)),
      );
    }
  });
  return files;
}

function readBuild(reader: YamlReader, value: unknown, path: string): ComposeService['build'] {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    return { context: { value: node.value, range: reader.range(node) }, range: reader.range(node) };
  }
  if (!isMap(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a string or a mapping', kindOf(node)));
    return undefined;
  }
  const build: NonNullable<ComposeService['build']> = { range: reader.range(node) };
  const context = readString(reader, reader.get(node, 'context')?.value ?? null, `${path}.context`);
  const dockerfile = readString(
    reader,
    reader.get(node, 'dockerfile')?.value ?? null,
    `${path}.dockerfile`,
  );
  if (context) build.context = context;
  if (dockerfile) build.dockerfile = dockerfile;
  return build;
}

/** `depends_on` as a list of names or a mapping of names to conditions. */
function readDependsOn(reader: YamlReader, value: unknown, path: string): Scalar<string>[] {
  const node = reader.resolve(value);
  if (isMap(node)) {
    return reader
      .entries(node)
      .map((entry) => ({ value: entry.key, range: reader.range(entry.keyNode) }));
  }
  if (isNull(node) || isSeq(node)) return readStringList(reader, node ?? null, path);
  reader.invalid(node!, wrongTypeMessage(path, 'a list or a mapping', kindOf(node)));
  return [];
}

function readExtends(reader: YamlReader, value: unknown, path: string): ComposeService['extends'] {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    return { service: { value: node.value, range: reader.range(node) }, range: reader.range(node) };
  }
  if (!isMap(node)) {
    reader.invalid(node!, wrongTypeMessage(path, 'a string or a mapping', kindOf(node)));
    return undefined;
  }
  const service = readString(reader, reader.get(node, 'service')?.value ?? null, `${path}.service`);
  if (!service) {
    reader.invalid(node, missingFieldMessage(path, 'service'));
    return undefined;
  }
  const result: NonNullable<ComposeService['extends']> = { service, range: reader.range(node) };
  const file = readString(reader, reader.get(node, 'file')?.value ?? null, `${path}.file`);
  if (file) result.file = file;
  return result;
}

/** `deploy.replicas` and `deploy.resources.limits`/`reservations`, written into `service`. */
function readDeploy(
  reader: YamlReader,
  value: unknown,
  path: string,
  service: ComposeService,
): void {
  const deploy = mapping(reader, value, path);
  if (!deploy) return;
  const replicas = readInteger(
    reader,
    reader.get(deploy, 'replicas')?.value ?? null,
    `${path}.replicas`,
  );
  if (replicas) service.replicas = replicas;
  const resources = mapping(
    reader,
    reader.get(deploy, 'resources')?.value ?? null,
    `${path}.resources`,
  );
  if (!resources) return;
  service.limits = readResources(reader, resources, 'limits', `${path}.resources`);
  service.reservations = readResources(reader, resources, 'reservations', `${path}.resources`);
}

function readResources(
  reader: YamlReader,
  resources: YAMLMap,
  key: string,
  parent: string,
): ResourceSpec {
  const path = `${parent}.${key}`;
  const node = mapping(reader, reader.get(resources, key)?.value ?? null, path);
  const spec: ResourceSpec = {};
  if (!node) return spec;
  const field = (name: string): unknown => reader.get(node, name)?.value ?? null;
  const memory = readString(reader, field('memory'), `${path}.memory`);
  const cpus = readStringOrNumber(reader, field('cpus'), `${path}.cpus`);
  const pids = readInteger(reader, field('pids'), `${path}.pids`);
  checkFloatText(reader, cpus, field('cpus'), `${path}.cpus`);
  if (memory) spec.memory = memory;
  if (cpus) spec.cpus = cpus;
  if (pids) spec.pids = pids;
  return spec;
}
