import type { Location } from '../../core/range.js';
import type { Deployment, DjangoApp, ServiceModel } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import { serviceForHost } from './nginx-routes.js';
import { dictKeys, numberOf, settingValue, stringOf, walkValue } from './setting-values.js';

/** One use of a Redis service by the Django app, with the setting that configures it. */
export interface RedisUse {
  kind: 'broker' | 'channels' | 'cache';
  redis: ServiceModel;
  label: string;
  location: Location;
  /** django-redis `CONNECTION_POOL_KWARGS["max_connections"]`: the pool size per process. */
  poolSize?: number;
  poolLocation?: Location;
}

const brokerSettings = ['CELERY_BROKER_URL', 'BROKER_URL', 'CELERY_BROKER'];

/** Redis services the settings (or the Celery services' environment) point at, by use. */
export function redisUses(deployment: Deployment): RedisUse[] {
  const django = deployment.django;
  const uses: RedisUse[] = [];
  if (django) {
    uses.push(...brokerUses(django, deployment));
    uses.push(...channelUses(django, deployment));
    uses.push(...cacheUses(django, deployment));
  }
  if (!uses.some((use) => use.kind === 'broker')) {
    for (const service of deployment.services) {
      if (!service.roles.has('celery')) continue;
      const variable = service.environment.get('CELERY_BROKER_URL');
      const redis = variable?.value ? redisForUrl(deployment, variable.value) : undefined;
      if (!redis || !variable) continue;
      uses.push({ kind: 'broker', redis, label: 'CELERY_BROKER_URL', location: variable.location });
    }
  }
  return uses;
}

function brokerUses(django: DjangoApp, deployment: Deployment): RedisUse[] {
  for (const name of brokerSettings) {
    const setting = settingValue(django, name);
    const redis = redisForUrl(deployment, stringOf(setting?.value));
    if (setting && redis) {
      return [{ kind: 'broker', redis, label: name, location: setting.location }];
    }
  }
  return [];
}

function channelUses(django: DjangoApp, deployment: Deployment): RedisUse[] {
  const layers = django.evaluation.settings.get('CHANNEL_LAYERS')?.value;
  const uses: RedisUse[] = [];
  for (const alias of dictKeys(layers)) {
    const backend = stringOf(walkValue(layers, [alias, 'BACKEND'])) ?? '';
    if (!backend.includes('channels_redis')) continue;
    const hosts = walkValue(layers, [alias, 'CONFIG', 'hosts']);
    const items = hosts?.type === 'list' || hosts?.type === 'tuple' ? hosts.items : [];
    const setting = settingValue(django, 'CHANNEL_LAYERS', [alias, 'CONFIG', 'hosts']);
    for (const item of items) {
      const redis = redisForHostItem(deployment, item);
      if (!redis || !setting) continue;
      const label = `CHANNEL_LAYERS["${alias}"]`;
      uses.push({ kind: 'channels', redis, label, location: setting.location });
    }
  }
  return uses;
}

function cacheUses(django: DjangoApp, deployment: Deployment): RedisUse[] {
  const caches = django.evaluation.settings.get('CACHES')?.value;
  const uses: RedisUse[] = [];
  for (const alias of dictKeys(caches)) {
    const backend = stringOf(walkValue(caches, [alias, 'BACKEND'])) ?? '';
    if (!/redis/i.test(backend)) continue;
    const location = walkValue(caches, [alias, 'LOCATION']);
    const urls = location?.type === 'list' ? location.items.map(stringOf) : [stringOf(location)];
    const setting = settingValue(django, 'CACHES', [alias, 'LOCATION']);
    const poolPath = [alias, 'OPTIONS', 'CONNECTION_POOL_KWARGS', 'max_connections'];
    const pool = backend.includes('django_redis')
      ? settingValue(django, 'CACHES', poolPath)
      : undefined;
    const poolSize = numberOf(pool?.value);
    for (const url of urls) {
      const redis = redisForUrl(deployment, url);
      if (!redis || !setting) continue;
      uses.push({
        kind: 'cache',
        redis,
        label: `CACHES["${alias}"]`,
        location: setting.location,
        poolSize,
        poolLocation: pool?.location,
      });
    }
  }
  return uses;
}

/** Finds the Redis of a channels_redis host: a URL, a `(host, port)` pair or an `address` dict. */
function redisForHostItem(deployment: Deployment, item: PyValue): ServiceModel | undefined {
  if (item.type === 'str') return redisForUrl(deployment, item.value);
  if ((item.type === 'tuple' || item.type === 'list') && item.items[0]?.type === 'str') {
    return redisService(deployment, item.items[0].value);
  }
  if (item.type === 'dict') return redisForUrl(deployment, stringOf(walkValue(item, ['address'])));
  return undefined;
}

function redisForUrl(deployment: Deployment, url: string | undefined): ServiceModel | undefined {
  const host = url === undefined ? undefined : urlHost(url);
  return host === undefined ? undefined : redisService(deployment, host);
}

function redisService(deployment: Deployment, host: string): ServiceModel | undefined {
  const service = serviceForHost(deployment, host);
  return service?.roles.has('redis') ? service : undefined;
}

const redisUrl = /^(?:redis|rediss|valkey|valkeys):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i;

/** Host of `redis://[user:password@]host[:port]/db`; undefined for Unix sockets and other forms. */
export function urlHost(url: string): string | undefined {
  const match = redisUrl.exec(url.trim());
  return match?.[1];
}
