/**
 * Documentation of one configuration knob: a Django setting, a Compose key, a server option or
 * flag, or an environment variable. The data lives in `schemas/knobs/*.json`, described by
 * `schemas/knobs.schema.json`.
 */

/** Groups of knobs that share one naming scheme and one lookup rule. */
export const KNOB_FAMILIES = [
  'django',
  'compose',
  'postgres',
  'redis',
  'gunicorn',
  'daphne',
  'uvicorn',
  'celery',
  'traefik',
  'variable',
] as const;

export type KnobFamily = (typeof KNOB_FAMILIES)[number];

/** Value kinds a knob accepts, as written in the data files. */
export type KnobType =
  | 'boolean'
  | 'integer'
  | 'number'
  | 'string'
  | 'list'
  | 'mapping'
  | 'duration'
  | 'size'
  | 'command';

/** One entry of a data file, exactly as `schemas/knobs.schema.json` allows it. */
export interface KnobEntry {
  /** Name as users write it: `CONN_MAX_AGE`, `--workers`, `deploy.replicas`, `maxmemory`. */
  name: string;
  /**
   * Full key path when the name sits inside a structure: `DATABASES.*.CONN_MAX_AGE`. A `*`
   * segment or a `<name>` segment is a user-chosen name, and `*` inside a segment is a glob.
   */
  path?: string;
  /** Other spellings: short flags (`-w`), config-file names (`worker_class`), legacy names. */
  aliases?: string[];
  /** Meaning in one or two sentences. */
  summary: string;
  type?: KnobType;
  /** Unit of a bare number, such as `s`, `ms`, `kB`, `8kB` or `bytes`. */
  unit?: string;
  /** Default as written in the program's own syntax. */
  default?: string;
  /** Accepted values when the knob takes one of a fixed set. */
  values?: string[];
  /** Official documentation page, with an anchor where the page has one. */
  docs: string;
  /** First version that has the knob, or that changed it in a way that matters. */
  since?: string;
  /** Deployment pitfalls. */
  notes?: string;
  /** Program or library that reads the knob when it is not the family's main program. */
  component?: string;
  /** True when the value is a credential, so hovers must not show it. */
  secret?: boolean;
}

/** A data file: knob entries grouped by family. */
export interface KnobFile {
  families: Partial<Record<KnobFamily, KnobEntry[]>>;
}

/** A knob with the family it was loaded under. */
export interface Knob extends KnobEntry {
  family: KnobFamily;
}

/** Hover label of each family, shown after the knob's name. */
export const FAMILY_LABELS: Record<KnobFamily, string> = {
  django: 'Django setting',
  compose: 'Compose key',
  postgres: 'PostgreSQL parameter',
  redis: 'Redis configuration directive',
  gunicorn: 'gunicorn option',
  daphne: 'Daphne option',
  uvicorn: 'Uvicorn option',
  celery: 'Celery worker option',
  traefik: 'Traefik option',
  variable: 'environment variable',
};
