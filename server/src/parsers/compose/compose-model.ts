import type { Document } from 'yaml';
import type { ParseError } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

/** A value from the file with the range of its YAML node (the anchor's node for merged values). */
export interface Scalar<T> {
  value: T;
  range: Range;
}

export type InterpolationOperator = '' | ':-' | '-' | ':?' | '?' | ':+' | '+';

/** One `$VAR` or `${VAR...}` reference in a string value of the compose file. */
export interface Interpolation {
  name: string;
  /** Range of the whole `${...}` or `$VAR` in the file. */
  range: Range;
  nameRange: Range;
  operator: InterpolationOperator;
  /** Text after the operator (a default, an error message, or an alternative), uninterpolated. */
  argument?: string;
  /** References inside `argument`, such as `${A:-${B}}`. */
  nested: Interpolation[];
  braced: boolean;
  /** YAML path of the value holding it, such as `services.web.environment.PORT`. */
  path: string;
}

export interface ComposeEnvironmentEntry {
  key: string;
  keyRange: Range;
  /** Literal value before interpolation; `null` for a bare `KEY` passed through from the shell. */
  value: string | null;
  valueRange: Range;
  range: Range;
}

export interface EnvFileReference {
  path: string;
  required: boolean;
  range: Range;
}

/** `command` or `entrypoint`, split into arguments like a POSIX shell would. */
export interface ComposeCommand {
  form: 'string' | 'list';
  args: Scalar<string>[];
  range: Range;
}

export interface PortMapping {
  raw: string;
  range: Range;
  hostIp?: string;
  published?: string;
  target: string;
  protocol?: string;
}

export interface VolumeMount {
  raw: string;
  range: Range;
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  /** Host path (as written, relative to the compose file's folder) or volume name. */
  source?: string;
  /**
   * Range of the source: its characters in a short-syntax string, the `source:` value node
   * (quotes included) in the long syntax.
   */
  sourceRange?: Range;
  target: string;
  readOnly: boolean;
}

export interface ResourceSpec {
  memory?: Scalar<string>;
  cpus?: Scalar<string>;
  pids?: Scalar<number>;
}

export interface Label {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
  range: Range;
}

export interface Healthcheck {
  test?: Scalar<string[] | string>;
  interval?: Scalar<string>;
  timeout?: Scalar<string>;
  retries?: Scalar<number>;
  startPeriod?: Scalar<string>;
  disable?: boolean;
  range: Range;
}

export interface ComposeService {
  name: string;
  nameRange: Range;
  /** Range of the service's whole mapping. */
  range: Range;
  image?: Scalar<string>;
  build?: { context?: Scalar<string>; dockerfile?: Scalar<string>; range: Range };
  command?: ComposeCommand;
  entrypoint?: ComposeCommand;
  environment: ComposeEnvironmentEntry[];
  envFiles: EnvFileReference[];
  ports: PortMapping[];
  volumes: VolumeMount[];
  replicas?: Scalar<number>;
  limits: ResourceSpec;
  reservations: ResourceSpec;
  memLimit?: Scalar<string>;
  memReservation?: Scalar<string>;
  cpus?: Scalar<string>;
  labels: Label[];
  dependsOn: Scalar<string>[];
  profiles: string[];
  privileged?: Scalar<boolean>;
  healthcheck?: Healthcheck;
  extends?: { service: Scalar<string>; file?: Scalar<string>; range: Range };
  networkMode?: Scalar<string>;
}

export interface ComposeFile {
  source: SourceFile;
  services: ComposeService[];
  /** Every interpolation in the file, in text order. */
  interpolations: Interpolation[];
  /** Files named by the top-level `include:`. */
  includes: Scalar<string>[];
  /** Project name from the top-level `name:`. */
  name?: Scalar<string>;
  /** Top-level `x-` extension fields by name. */
  extensions: string[];
  /** First YAML document, kept even when it has errors, for lookups of any key's range (hover). */
  document?: Document;
  errors: ParseError[];
}
