import type { KnobFamily } from './knob.js';

/**
 * Name rules per family: how a name found in a file is turned into the keys that the data
 * files use, and how keys with placeholders match.
 */

/** Families whose programs read names without regard to case. */
const CASE_INSENSITIVE: ReadonlySet<KnobFamily> = new Set(['postgres', 'redis', 'traefik']);

/** Maximum length of a name that is looked up, in characters. Documented keys are far shorter. */
const MAX_NAME_LENGTH = 1024;

/** Families whose names are command-line flags of one program. */
const FLAG_FAMILIES: ReadonlySet<KnobFamily> = new Set(['gunicorn', 'daphne', 'uvicorn', 'celery']);

export function isCaseInsensitive(family: KnobFamily): boolean {
  return CASE_INSENSITIVE.has(family);
}

/** Lower-cases a key for families that ignore case, so map look-ups and patterns agree. */
export function foldCase(family: KnobFamily, key: string): string {
  return isCaseInsensitive(family) ? key.toLowerCase() : key;
}

/** Splits a dotted key into segments. An empty key gives no segments. */
export function splitKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** True when a key has a `*` or `<name>` placeholder and so must be matched as a pattern. */
export function isPatternKey(key: string): boolean {
  return key.includes('*') || /<[^<>]+>/.test(key);
}

/**
 * Matches one segment: `*` and `<name>` match any non-empty segment, a segment containing `*`
 * is a glob (`x-*`), and any other segment must be equal.
 */
function matchSegment(pattern: string, segment: string): boolean {
  if (segment === '') return false;
  if (pattern === '*' || /^<[^<>]+>$/.test(pattern)) return true;
  if (!pattern.includes('*')) return pattern === segment;
  const parts = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(segment);
}

/** Matches a query split into segments against a pattern split the same way. */
export function matchesPattern(pattern: string[], query: string[]): boolean {
  if (pattern.length !== query.length) return false;
  return pattern.every((segment, index) => matchSegment(segment, query[index]!));
}

/**
 * Returns the keys to try for a name, best first. Each family accepts the forms its files
 * use: `DATABASES['default']['CONN_MAX_AGE']`, `--workers=4`, `-c work_mem=64MB`,
 * `${POSTGRES_PASSWORD:-x}`. Returns an empty list when nothing name-like is left.
 */
export function queryKeys(family: KnobFamily, rawName: string): string[] {
  if (typeof rawName !== 'string' || rawName.length > MAX_NAME_LENGTH) return [];
  const name = rawName.trim();
  if (name === '') return [];
  if (FLAG_FAMILIES.has(family)) return flagKeys(name);
  switch (family) {
    case 'django':
      return nonEmpty([djangoKey(name)]);
    case 'compose':
      return nonEmpty([composeKey(name)]);
    case 'postgres':
      return nonEmpty([postgresKey(name)]);
    case 'redis':
      return nonEmpty([redisKey(name)]);
    case 'traefik':
      return traefikKeys(name);
    case 'variable':
      return nonEmpty([variableKey(name)]);
    default:
      return nonEmpty([name]);
  }
}

function nonEmpty(keys: string[]): string[] {
  return keys.filter((key) => key !== '');
}

/** Strips surrounding quotes from a name such as `"CONN_MAX_AGE"`. */
function unquote(name: string): string {
  const match = /^(['"])(.*)\1$/.exec(name);
  return match ? match[2]! : name;
}

/** `settings.DATABASES["default"]['CONN_MAX_AGE']` → `DATABASES.default.CONN_MAX_AGE`. */
function djangoKey(name: string): string {
  const dotted = unquote(name)
    .replace(/\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/g, (_match, single, double) => {
      return `.${single ?? double}`;
    })
    .replace(/\[\s*\d+\s*\]/g, '')
    .replace(/^settings\./, '');
  return dotted.replace(/^\.+|\.+$/g, '');
}

/** Drops list indexes (`ports.0`, `ports[0]`) and quotes from a Compose key path. */
function composeKey(name: string): string {
  return unquote(name)
    .replace(/\[\s*\d+\s*\]/g, '')
    .split('.')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .join('.');
}

/**
 * `-c work_mem=64MB`, `--work-mem=64MB` and `work_mem = '64MB'` → `work_mem`. The server
 * reads long options with dashes as underscores (`ParseLongOption` in PostgreSQL's guc.c).
 */
function postgresKey(name: string): string {
  let key = name.replace(/^-c\s*/, '').replace(/^--/, '');
  key = key.split(/[=\s]/)[0]!;
  return key.replace(/-/g, '_').toLowerCase();
}

/** `--maxmemory 256mb` (command line) and `maxmemory 256mb` (redis.conf) → `maxmemory`. */
function redisKey(name: string): string {
  return name.replace(/^--/, '').split(/[=\s]/)[0]!.toLowerCase();
}

/**
 * Traefik reads flags (`--entrypoints.web.address=:80`), labels (`traefik.http.routers.a.rule`)
 * and file keys (`http.routers.a.rule`) with the same names, without regard to case.
 * NOTE: the environment form (`TRAEFIK_ENTRYPOINTS_WEB_ADDRESS`) is not mapped to these names.
 */
function traefikKeys(name: string): string[] {
  const key = unquote(name).replace(/^--/, '').split('=')[0]!.trim().toLowerCase();
  if (key === '') return [];
  if (key.startsWith('traefik.')) return [key];
  return [key, `traefik.${key}`];
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` and `NAME=value` → `NAME`. */
function variableKey(name: string): string {
  const reference = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  if (reference) return reference[1]!;
  return name.replace(/^export\s+/, '').split('=')[0]!.trim();
}

/**
 * `--workers=4` → `--workers`, and `-w4` → `-w4` then `-w`, because argparse and click read a
 * short option's value when it is attached to the option.
 */
function flagKeys(name: string): string[] {
  const key = name.split('=')[0]!.trim();
  if (key === '') return [];
  if (/^-[A-Za-z]./.test(key)) return [key, key.slice(0, 2)];
  return [key];
}
