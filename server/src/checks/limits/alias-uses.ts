import type { Deployment, DjangoApp, ServiceModel } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import { postgresAliases } from './database-settings.js';
import { type SettingValue, numberOf, settingValue, walkValue } from './setting-values.js';

/** psycopg_pool's `min_size` default, which is also `max_size` when that is unset. */
const defaultPoolSize = 4;

/** Connection use of one PostgreSQL alias of `DATABASES`. */
export interface AliasUse {
  alias: string;
  server?: ServiceModel;
  connMaxAge?: SettingValue;
  /** True for `CONN_MAX_AGE` above 0 or None: each thread keeps its connection open. */
  persistent: boolean;
  /** Connections per process of a Django 5.1 pool, when `OPTIONS["pool"]` is on. */
  poolSize?: number;
  pool?: SettingValue;
}

export function aliasUses(django: DjangoApp, deployment: Deployment): AliasUse[] {
  const databases = django.evaluation.settings.get('DATABASES')?.value;
  return postgresAliases(django, deployment).map(({ alias, server }) => {
    const connMaxAge = settingValue(django, 'DATABASES', [alias, 'CONN_MAX_AGE']);
    const age = connMaxAge?.value;
    const persistent = age?.type === 'none' || (numberOf(age) ?? 0) > 0;
    const poolSetting = settingValue(django, 'DATABASES', [alias, 'OPTIONS', 'pool']);
    const poolValue = walkValue(databases, [alias, 'OPTIONS', 'pool']);
    const poolSize = poolSetting ? poolSizeOf(poolValue) : undefined;
    const pool = poolSize !== undefined ? poolSetting : undefined;
    return { alias, server, connMaxAge, persistent, poolSize, pool };
  });
}

/** Connections one process's pool may open: `max_size`, else `min_size`, else 4. */
function poolSizeOf(value: PyValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value.type === 'bool') return value.value ? defaultPoolSize : undefined;
  if (value.type !== 'dict') return undefined;
  const maxSize = numberOf(walkValue(value, ['max_size']));
  return maxSize ?? numberOf(walkValue(value, ['min_size'])) ?? defaultPoolSize;
}

export function describeAge(value: PyValue): string {
  return value.type === 'none' ? 'None (connections never expire)' : `${numberOf(value)} seconds`;
}
