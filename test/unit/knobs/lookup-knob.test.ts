import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KNOB_FAMILIES,
  listKnobs,
  lookupKnob,
  type KnobFamily,
} from '../../../server/src/knobs/index.js';

/** Asserts that a name resolves to the knob with this name and, when given, this path. */
function assertFound(family: KnobFamily, query: string, name: string, path?: string): void {
  const knob = lookupKnob(family, query);
  assert.ok(knob, `${family} ${query} not found`);
  assert.equal(knob.name, name, `${family} ${query}`);
  assert.equal(knob.family, family);
  if (path !== undefined) assert.equal(knob.path, path, `${family} ${query}`);
}

test('django top-level setting', () => {
  assertFound('django', 'DEBUG', 'DEBUG');
  assertFound('django', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_SECONDS');
});

test('django nested database key', () => {
  const path = 'DATABASES.*.CONN_MAX_AGE';
  assertFound('django', 'DATABASES.default.CONN_MAX_AGE', 'CONN_MAX_AGE', path);
  assertFound('django', 'DATABASES.replica.CONN_HEALTH_CHECKS', 'CONN_HEALTH_CHECKS');
});

test('django bare nested key', () => {
  assertFound('django', 'CONN_MAX_AGE', 'CONN_MAX_AGE', 'DATABASES.*.CONN_MAX_AGE');
});

test('django subscript syntax', () => {
  assertFound('django', `DATABASES['default']["CONN_MAX_AGE"]`, 'CONN_MAX_AGE');
  assertFound('django', 'settings.DEBUG', 'DEBUG');
  assertFound('django', '"ALLOWED_HOSTS"', 'ALLOWED_HOSTS');
});

test('django key below a mapping', () => {
  assertFound('django', 'DATABASES.default.OPTIONS.sslmode', 'OPTIONS', 'DATABASES.*.OPTIONS');
  assertFound('django', 'DATABASES.default.OPTIONS.pool', 'pool', 'DATABASES.*.OPTIONS.pool');
});

test('django same name in caches', () => {
  assertFound('django', 'CACHES.default.OPTIONS', 'OPTIONS', 'CACHES.*.OPTIONS');
  assertFound('django', 'CACHES.default.TIMEOUT', 'TIMEOUT');
  assertFound('django', 'CACHES.default.BACKEND', 'BACKEND', 'CACHES.*.BACKEND');
  assertFound('django', 'CHANNEL_LAYERS.default.BACKEND', 'BACKEND', 'CHANNEL_LAYERS.*.BACKEND');
});

test('django bare shared name takes first', () => {
  assertFound('django', 'OPTIONS', 'OPTIONS', 'DATABASES.*.OPTIONS');
  assertFound('django', 'PASSWORD', 'PASSWORD', 'DATABASES.*.PASSWORD');
});

test('django rest framework keys', () => {
  assertFound('django', 'REST_FRAMEWORK.PAGE_SIZE', 'PAGE_SIZE');
  assertFound('django', 'PAGE_SIZE', 'PAGE_SIZE', 'REST_FRAMEWORK.PAGE_SIZE');
  assertFound('django', 'REST_FRAMEWORK.DEFAULT_THROTTLE_RATES.anon', 'DEFAULT_THROTTLE_RATES');
  assertFound('django', "REST_FRAMEWORK['NUM_PROXIES']", 'NUM_PROXIES');
});

test('django library settings', () => {
  assertFound('django', 'CORS_ALLOW_ALL_ORIGINS', 'CORS_ALLOW_ALL_ORIGINS');
  assertFound('django', 'CORS_ORIGIN_ALLOW_ALL', 'CORS_ALLOW_ALL_ORIGINS');
  assertFound('django', 'CHANNEL_LAYERS.default.CONFIG.capacity', 'capacity');
  assertFound('django', 'CHANNEL_LAYERS.default.CONFIG.group_expiry', 'group_expiry');
  const poolKey = 'CACHES.default.OPTIONS.CONNECTION_POOL_KWARGS.max_connections';
  assertFound('django', poolKey, 'CONNECTION_POOL_KWARGS');
  assertFound('django', 'CACHES.default.OPTIONS.SOCKET_TIMEOUT', 'SOCKET_TIMEOUT');
});

test('django names are case-sensitive', () => {
  assert.equal(lookupKnob('django', 'debug'), undefined);
});

test('django unknown setting', () => {
  assert.equal(lookupKnob('django', 'MY_APP_SETTING'), undefined);
  assert.equal(lookupKnob('django', 'FOO.BAR.BAZ'), undefined);
});

test('compose full service path', () => {
  const memory = 'deploy.resources.limits.memory';
  assertFound('compose', `services.web.${memory}`, memory);
  assertFound('compose', 'services.worker.healthcheck.interval', 'healthcheck.interval');
  assertFound('compose', 'services.web.image', 'image', 'services.*.image');
});

test('compose key without service', () => {
  assertFound('compose', 'deploy.replicas', 'deploy.replicas');
  assertFound('compose', 'mem_limit', 'mem_limit');
});

test('compose user-chosen middle segment', () => {
  assertFound('compose', 'services.web.depends_on.db.condition', 'depends_on.condition');
  assertFound('compose', 'depends_on.db.condition', 'depends_on.condition');
});

test('compose value inside a key', () => {
  assertFound('compose', 'services.web.environment.DEBUG', 'environment');
  assertFound('compose', 'services.web.ports.0', 'ports');
  assertFound('compose', 'services.web.ports[1]', 'ports');
});

test('compose top-level against service key', () => {
  assertFound('compose', 'volumes', 'volumes', 'volumes');
  assertFound('compose', 'services.db.volumes', 'volumes', 'services.*.volumes');
  assertFound('compose', 'networks.backend', 'networks', 'networks');
});

test('compose extension fields', () => {
  assertFound('compose', 'x-common-env', 'x-*', 'x-*');
  assertFound('compose', 'services.web.x-notes', 'x-*', 'services.*.x-*');
  assertFound('compose', 'include', 'include', 'include');
});

test('compose unknown key', () => {
  assert.equal(lookupKnob('compose', 'services.web.unknown_key'), undefined);
  assert.equal(lookupKnob('compose', 'services'), undefined);
});

test('postgres parameter forms', () => {
  assertFound('postgres', 'max_connections', 'max_connections');
  assertFound('postgres', '-c work_mem=64MB', 'work_mem');
  assertFound('postgres', '-cshared_buffers=1GB', 'shared_buffers');
  assertFound('postgres', '--statement-timeout=5s', 'statement_timeout');
  assertFound('postgres', 'MAX_CONNECTIONS', 'max_connections');
  const idle = 'idle_in_transaction_session_timeout';
  assertFound('postgres', `${idle} = '60s'`, idle);
});

test('postgres unknown parameter', () => {
  assert.equal(lookupKnob('postgres', 'max_connection'), undefined);
});

test('redis directive forms', () => {
  assertFound('redis', 'maxmemory', 'maxmemory');
  assertFound('redis', '--maxmemory-policy', 'maxmemory-policy');
  assertFound('redis', 'maxclients 20000', 'maxclients');
  assertFound('redis', 'AppendOnly', 'appendonly');
});

test('gunicorn long and short flags', () => {
  assertFound('gunicorn', '--workers', '--workers');
  assertFound('gunicorn', '-w', '--workers');
  assertFound('gunicorn', '--workers=4', '--workers');
  assertFound('gunicorn', '-w4', '--workers');
  assertFound('gunicorn', '-t', '--timeout');
  assertFound('gunicorn', '-b0.0.0.0:8000', '--bind');
  assertFound('gunicorn', '--bind=0.0.0.0:8000', '--bind');
  assertFound('gunicorn', '-k', '--worker-class');
});

test('gunicorn config file names', () => {
  assertFound('gunicorn', 'worker_class', '--worker-class');
  assertFound('gunicorn', 'keepalive', '--keep-alive');
  assertFound('gunicorn', 'GUNICORN_CMD_ARGS', 'GUNICORN_CMD_ARGS');
});

test('gunicorn unknown flag', () => {
  assert.equal(lookupKnob('gunicorn', '--no-such-flag'), undefined);
  assert.equal(lookupKnob('gunicorn', '-'), undefined);
  assert.equal(lookupKnob('gunicorn', '='), undefined);
});

test('daphne flags', () => {
  assertFound('daphne', '-b', '--bind');
  assertFound('daphne', '-p8001', '--port');
  assertFound('daphne', '--websocket_timeout=3600', '--websocket_timeout');
  assertFound('daphne', '--proxy-headers', '--proxy-headers');
  assert.equal(lookupKnob('daphne', '--websocket-timeout'), undefined);
});

test('uvicorn flags', () => {
  assertFound('uvicorn', '--timeout-keep-alive=75', '--timeout-keep-alive');
  assertFound('uvicorn', '--no-proxy-headers', '--proxy-headers');
  assertFound('uvicorn', '--workers', '--workers');
});

test('celery short flags keep case', () => {
  assertFound('celery', '-c', '--concurrency');
  assertFound('celery', '-c4', '--concurrency');
  assertFound('celery', '--concurrency=8', '--concurrency');
  assertFound('celery', '-P', '--pool');
  assertFound('celery', '-A', '--app');
  assertFound('celery', '-Q', '--queues');
  assertFound('celery', '--max-tasks-per-child=100', '--max-tasks-per-child');
  assert.equal(lookupKnob('celery', '-p'), undefined);
});

test('same flag in two families', () => {
  assertFound('gunicorn', '-c', '--config');
  assertFound('celery', '-c', '--concurrency');
  assertFound('daphne', '-b', '--bind');
  assertFound('celery', '-b', '--broker');
});

test('traefik label with chosen names', () => {
  const headers = 'traefik.http.middlewares.<name>.headers.stsSeconds';
  assertFound('traefik', 'traefik.http.middlewares.security.headers.stsSeconds', headers);
  assertFound('traefik', 'traefik.http.middlewares.security.headers.stsseconds', headers);
  const resolver = 'traefik.http.routers.<name>.tls.certresolver';
  assertFound('traefik', 'traefik.http.routers.app.tls.certresolver', resolver);
  const port = 'traefik.http.services.<name>.loadbalancer.server.port';
  assertFound('traefik', 'traefik.http.services.app.loadbalancer.server.port', port);
});

test('traefik label value inside a mapping', () => {
  const query = 'traefik.http.middlewares.sec.headers.customResponseHeaders.X-Frame-Options';
  assertFound('traefik', query, 'traefik.http.middlewares.<name>.headers.customResponseHeaders');
});

test('traefik static flags', () => {
  const readTimeout = 'entrypoints.<name>.transport.respondingTimeouts.readTimeout';
  const flag = '--entrypoints.websecure.transport.respondingTimeouts.readTimeout=600s';
  assertFound('traefik', flag, readTimeout);
  assertFound('traefik', '--entryPoints.web.address=:80', 'entrypoints.<name>.address');
  const exposed = 'providers.docker.exposedByDefault';
  assertFound('traefik', `--${exposed}=false`, exposed);
  const storage = '--certificatesresolvers.le.acme.storage=/letsencrypt/acme.json';
  assertFound('traefik', storage, 'certificatesResolvers.<name>.acme.storage');
});

test('traefik label without prefix', () => {
  assertFound('traefik', 'http.routers.app.rule', 'traefik.http.routers.<name>.rule');
});

test('traefik unknown option', () => {
  assert.equal(lookupKnob('traefik', 'traefik.http.routers.app'), undefined);
  assert.equal(lookupKnob('traefik', 'traefik.http.middlewares.sec.unknown.option'), undefined);
  assert.equal(lookupKnob('traefik', 'entrypoints..address'), undefined);
});

test('variable names and references', () => {
  assertFound('variable', 'DJANGO_SETTINGS_MODULE', 'DJANGO_SETTINGS_MODULE');
  assertFound('variable', '$POSTGRES_PASSWORD', 'POSTGRES_PASSWORD');
  assertFound('variable', '${PGHOST}', 'PGHOST');
  assertFound('variable', '${WEB_CONCURRENCY:-4}', 'WEB_CONCURRENCY');
  assertFound('variable', 'PYTHONUNBUFFERED=1', 'PYTHONUNBUFFERED');
  assertFound('variable', 'export GUNICORN_CMD_ARGS=--workers=2', 'GUNICORN_CMD_ARGS');
});

test('variable prefix patterns', () => {
  assertFound('variable', 'DJANGO_SUPERUSER_EMAIL', 'DJANGO_SUPERUSER_*');
  assertFound('variable', 'DJANGO_SUPERUSER_PASSWORD', 'DJANGO_SUPERUSER_PASSWORD');
  assertFound('variable', 'UVICORN_PORT', 'UVICORN_*');
});

test('variable unknown or wrong case', () => {
  assert.equal(lookupKnob('variable', 'MY_APP_TOKEN'), undefined);
  assert.equal(lookupKnob('variable', 'pghost'), undefined);
});

test('empty and odd input', () => {
  for (const family of KNOB_FAMILIES) {
    assert.equal(lookupKnob(family, ''), undefined, family);
    assert.equal(lookupKnob(family, '   '), undefined, family);
    assert.equal(lookupKnob(family, '....'), undefined, family);
    assert.equal(lookupKnob(family, '\u0000\uffff'), undefined, family);
  }
  assert.equal(lookupKnob('nginx' as KnobFamily, 'listen'), undefined);
});

test('huge input returns quickly', () => {
  const inputs = ['a.'.repeat(50_000), "['".repeat(500), '["a'.repeat(300), '-x '.repeat(300)];
  const started = Date.now();
  for (const family of KNOB_FAMILIES) {
    for (const input of inputs) assert.equal(lookupKnob(family, input), undefined, family);
  }
  assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
});

test('name over length limit', () => {
  const padded = `DEBUG${' '.repeat(2_000)}`;
  assert.equal(lookupKnob('django', padded), undefined);
  assert.equal(lookupKnob('django', `DEBUG${' '.repeat(100)}`)?.name, 'DEBUG');
});

test('non-string name', () => {
  assert.equal(lookupKnob('django', undefined as unknown as string), undefined);
  assert.equal(lookupKnob('gunicorn', 42 as unknown as string), undefined);
});

/** Replaces placeholders with sample names: `DATABASES.*.NAME` → `DATABASES.sample.NAME`. */
function sampleKey(key: string): string {
  return key
    .split('.')
    .map((segment) => (/^<.+>$/.test(segment) ? 'sample' : segment.replace('*', 'sample')))
    .join('.');
}

test('every knob found by its key', () => {
  for (const family of KNOB_FAMILIES) {
    for (const knob of listKnobs(family)) {
      const query = sampleKey(knob.path ?? knob.name);
      const found = lookupKnob(family, query);
      assert.equal(found?.name, knob.name, `${family} ${query}`);
      assert.equal(found?.path, knob.path, `${family} ${query}`);
    }
  }
});

test('every alias finds its knob', () => {
  for (const family of KNOB_FAMILIES) {
    for (const knob of listKnobs(family)) {
      for (const alias of knob.aliases ?? []) {
        assert.equal(lookupKnob(family, alias)?.name, knob.name, `${family} ${alias}`);
      }
    }
  }
});

test('documented keys fit lookup depth', () => {
  for (const family of KNOB_FAMILIES) {
    for (const knob of listKnobs(family)) {
      const depth = (knob.path ?? knob.name).split('.').length;
      assert.ok(depth <= 16, `${family} ${knob.name} has ${depth} segments`);
    }
  }
});
