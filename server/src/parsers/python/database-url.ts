import { parsePyFloat, parsePyInt } from './py-values.js';
import type { PyValue } from './settings-model.js';

/**
 * `DATABASES` entry that dj-database-url (`config`, `parse`; 2.x and 3.x) or django-environ
 * (`env.db_url`) builds from a database URL such as
 * `postgres://user:pw@db:5432/shop?sslmode=require`.
 * NOTE: PostgreSQL socket paths and multi-host URLs keep the plain host and name split.
 */

const ENGINES: Record<string, string> = {
  postgres: 'django.db.backends.postgresql',
  postgresql: 'django.db.backends.postgresql',
  pgsql: 'django.db.backends.postgresql',
  psql: 'django.db.backends.postgresql',
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  'mysql-connector': 'mysql.connector.django',
  mssql: 'mssql',
  oracle: 'django.db.backends.oracle',
  sqlite: 'django.db.backends.sqlite3',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
  redshift: 'django_redshift_backend',
  cockroach: 'django_cockroachdb',
  cockroachdb: 'django_cockroachdb',
  timescale: 'timescale.db.backends.postgresql',
};

/** Query keys django-environ moves to the top level of the entry (the rest go to `OPTIONS`). */
const ENVIRON_BASE_OPTIONS = new Set([
  'CONN_MAX_AGE',
  'ATOMIC_REQUESTS',
  'AUTOCOMMIT',
  'DISABLE_SERVER_SIDE_CURSORS',
  'CONN_HEALTH_CHECKS',
]);

export interface DatabaseUrlOptions {
  flavour: 'dj-database-url' | 'environ';
  /** `conn_max_age=` and `conn_health_checks=` of dj-database-url (defaults 0 and False). */
  connMaxAge?: PyValue;
  connHealthChecks?: PyValue;
  sslRequire?: boolean;
}

type Entry = { key: PyValue; value: PyValue };

function text(value: string): PyValue {
  return { type: 'str', value };
}

/** Builds the entry as a dict, or undefined when the library would raise on the URL. */
export function parseDatabaseUrl(url: string, options: DatabaseUrlOptions): PyValue | undefined {
  const entries: Entry[] = [];
  const set = (key: string, value: PyValue) => {
    const index = entries.findIndex((entry) => entry.key.type === 'str' && entry.key.value === key);
    if (index >= 0) entries[index] = { key: text(key), value };
    else entries.push({ key: text(key), value });
  };
  if (url === 'sqlite://:memory:') {
    set('ENGINE', text(ENGINES.sqlite!));
    set('NAME', text(':memory:'));
    return { type: 'dict', entries };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  const engine = ENGINES[scheme];
  if (!engine && options.flavour === 'dj-database-url') return undefined;
  const path = decodeURIComponent(parsed.pathname.slice(1));
  const port = parsed.port ? parsePyInt(parsed.port) : undefined;
  set('NAME', text(scheme === 'sqlite' && path === '' ? ':memory:' : path));
  set('USER', text(decodeURIComponent(parsed.username)));
  set('PASSWORD', text(decodeURIComponent(parsed.password)));
  set('HOST', text(decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1')));
  set('PORT', port !== undefined ? { type: 'int', value: port } : text(''));
  const queryOptions: Entry[] = [];
  for (const [key, value] of parsed.searchParams) {
    if (options.flavour === 'environ' && ENVIRON_BASE_OPTIONS.has(key.toUpperCase())) {
      set(key.toUpperCase(), literalCast(value));
    } else {
      queryOptions.push({
        key: text(key),
        value: /^\d+$/.test(value) ? { type: 'int', value: Number(value) } : text(value),
      });
    }
  }
  if (options.flavour === 'dj-database-url') {
    set('CONN_MAX_AGE', options.connMaxAge ?? { type: 'int', value: 0 });
    set('CONN_HEALTH_CHECKS', options.connHealthChecks ?? { type: 'bool', value: false });
    if (options.sslRequire) queryOptions.push({ key: text('sslmode'), value: text('require') });
  }
  if (queryOptions.length > 0) set('OPTIONS', { type: 'dict', entries: queryOptions });
  set('ENGINE', text(engine ?? scheme));
  return { type: 'dict', entries };
}

/** django-environ reads top-level query values with `ast.literal_eval`, else keeps the string. */
function literalCast(value: string): PyValue {
  if (value === 'True' || value === 'False') return { type: 'bool', value: value === 'True' };
  if (value === 'None') return { type: 'none' };
  const integer = /^\s*[+-]?\d+\s*$/.test(value) ? parsePyInt(value) : undefined;
  if (integer !== undefined) return { type: 'int', value: integer };
  const float = /^\s*[+-]?[\d.]+(e[+-]?\d+)?\s*$/i.test(value) ? parsePyFloat(value) : undefined;
  if (float !== undefined) return { type: 'float', value: float };
  return text(value);
}
