import type { Rule } from '../../core/rule.js';

const nginxCore = 'https://nginx.org/en/docs/http/ngx_http_core_module.html';
const nginxProxy = 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html';
const djangoSettings = 'https://docs.djangoproject.com/en/stable/ref/settings/';
const djangoDatabases = 'https://docs.djangoproject.com/en/stable/ref/databases/';
const gunicornSettings = 'https://docs.gunicorn.org/en/stable/settings.html';
const postgresConnection = 'https://www.postgresql.org/docs/current/runtime-config-connection.html';
const composeDeploy = 'https://docs.docker.com/reference/compose-file/deploy/';
const redisEviction = 'https://redis.io/docs/latest/develop/reference/eviction/';

export const requestBodyLimit: Rule = {
  id: 'request-body-limit',
  family: 'limits',
  severity: 'warning',
  title: 'Proxy body-size limit below the upload size Django accepts',
  doc:
    'nginx rejects a request whose body is larger than the `client_max_body_size` in effect at ' +
    'the location (1m when no level sets it) with 413 Request Entity Too Large, before Django ' +
    'sees it; a Traefik buffering middleware does the same above `maxRequestBodyBytes`. When ' +
    "Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` (or the `FILE_UPLOAD_MAX_MEMORY_SIZE` an app raised " +
    'for uploads) is larger, uploads between the two sizes fail at the proxy with a bare error ' +
    "page. Raise the proxy's limit to Django's, or lower Django's setting to the proxy's.",
  sources: [
    `${nginxCore}#client_max_body_size`,
    `${djangoSettings}#data-upload-max-memory-size`,
    `${djangoSettings}#file-upload-max-memory-size`,
    'https://doc.traefik.io/traefik/middlewares/http/buffering/',
  ],
};

export const timeoutOrder: Rule = {
  id: 'timeout-order',
  family: 'limits',
  severity: 'warning',
  title: 'Outer layer gives up before an inner one',
  doc:
    'Each layer a request crosses has its own time limit. Those are Traefik `writeTimeout` and ' +
    '`serversTransport.forwardingTimeouts.responseHeaderTimeout`, nginx ' +
    '`proxy_read_timeout` or `uwsgi_read_timeout` (60 s by default), the application server ' +
    '(gunicorn kills a sync worker after `--timeout`, 30 s by default; Daphne gives up after ' +
    "`--http-timeout`; " +
    "uWSGI's `--harakiri`) and PostgreSQL `statement_timeout`. When an outer layer's limit is " +
    'shorter than an inner one, the client gets 504 Gateway Timeout (or a killed worker gives ' +
    '502) while the inner layer keeps working, and a killed worker drops its query mid-way. ' +
    'Order the limits from the inside out: the query timeout shortest, each outer layer longer.',
  sources: [
    `${nginxProxy}#proxy_read_timeout`,
    'https://nginx.org/en/docs/http/ngx_http_uwsgi_module.html#uwsgi_read_timeout',
    `${gunicornSettings}#timeout`,
    'https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT',
    'https://doc.traefik.io/traefik/routing/entrypoints/#respondingtimeouts',
    'https://uwsgi-docs.readthedocs.io/en/latest/Options.html#harakiri',
  ],
};

export const upstreamKeepaliveTimeout: Rule = {
  id: 'upstream-keepalive-timeout',
  family: 'limits',
  severity: 'warning',
  title: 'nginx keeps upstream connections longer than the app server',
  doc:
    'With `keepalive` in an upstream, nginx reuses idle connections to the application server ' +
    'for `keepalive_timeout` (60 s by default). uvicorn closes an idle connection after ' +
    '`--timeout-keep-alive` (5 s by default) and gunicorn after `--keep-alive` (2 s). A request ' +
    'nginx sends on a connection the server is closing fails, and the client sees a sporadic ' +
    "502. Set the upstream's `keepalive_timeout` below the server's keep-alive timeout, or raise " +
    "the server's.",
  sources: [
    'https://nginx.org/en/docs/http/ngx_http_upstream_module.html#keepalive_timeout',
    'https://www.uvicorn.org/settings/#timeouts',
    `${gunicornSettings}#keepalive`,
  ],
};

export const websocketReadTimeout: Rule = {
  id: 'websocket-read-timeout',
  family: 'limits',
  severity: 'information',
  title: 'WebSocket location closes idle sockets early',
  doc:
    'For a WebSocket, nginx `proxy_read_timeout` is the longest time the socket may stay silent ' +
    'before nginx closes it. Daphne and uvicorn send a ping every 20 seconds by default, so a ' +
    'read timeout at or below the ping interval drops idle connections and clients reconnect ' +
    'over and over. Give WebSocket locations a read timeout well above the ping interval, such ' +
    'as `proxy_read_timeout 1h;`.',
  sources: ['https://nginx.org/en/docs/http/websocket.html', `${nginxProxy}#proxy_read_timeout`],
};

export const connectionBudget: Rule = {
  id: 'db-connection-budget',
  family: 'limits',
  severity: 'warning',
  title: 'Persistent database connections exceed max_connections',
  doc:
    'With `CONN_MAX_AGE` above 0 (or None), every thread of every worker process keeps its own ' +
    'PostgreSQL connection open between requests, and a Django 5.1 connection pool keeps up to ' +
    '`max_size` per process. Summed over replicas, gunicorn workers and threads and Celery ' +
    'processes, they must stay below `max_connections` (100 by default) minus ' +
    '`superuser_reserved_connections` (3). Past that, new connections fail with "sorry, too ' +
    'many clients already" and requests error out under load. Raise `max_connections`, lower ' +
    'the process counts, or put PgBouncer in front of PostgreSQL.',
  sources: [
    `${postgresConnection}#GUC-MAX-CONNECTIONS`,
    `${djangoDatabases}#persistent-connections`,
    `${djangoDatabases}#connection-pool`,
    `${gunicornSettings}#workers`,
    'https://docs.celeryq.dev/en/stable/userguide/workers.html#concurrency',
  ],
};

export const connMaxAgeAsgi: Rule = {
  id: 'conn-max-age-asgi',
  family: 'limits',
  severity: 'warning',
  title: 'Persistent database connections under an ASGI server',
  doc:
    "Django's documentation says that persistent connections should be disabled when using " +
    'ASGI, and that connection pooling should be used instead. Django keeps one connection per ' +
    'thread, and under Daphne or uvicorn synchronous code runs in worker threads that do not ' +
    'follow requests, so connections kept open by a positive `CONN_MAX_AGE` are not closed when ' +
    'a request ends and can pile up until PostgreSQL refuses new ones. Set `CONN_MAX_AGE` to 0 ' +
    "and use the backend's connection pool (Django 5.1+ `OPTIONS[\"pool\"]`) or PgBouncer.",
  sources: [`${djangoDatabases}#persistent-connections`, `${djangoDatabases}#connection-pool`],
};

export const poolWithConnMaxAge: Rule = {
  id: 'db-pool-persistent',
  family: 'limits',
  severity: 'error',
  title: 'Connection pool together with persistent connections',
  doc:
    'Django 5.1 raises `ImproperlyConfigured("Pooling doesn\'t support persistent ' +
    'connections.")` ' +
    'on the first query of a database whose `OPTIONS["pool"]` is enabled while `CONN_MAX_AGE` ' +
    'is not 0, so every request that touches the database fails. Set `CONN_MAX_AGE` to 0; the ' +
    'pool keeps connections open itself.',
  sources: [`${djangoDatabases}#connection-pool`],
};

export const redisClientBudget: Rule = {
  id: 'redis-client-budget',
  family: 'limits',
  severity: 'warning',
  title: 'Redis connection pools exceed maxclients',
  doc:
    'django-redis opens a connection pool per process, bounded by ' +
    '`CONNECTION_POOL_KWARGS["max_connections"]` (unbounded when unset). Summed over replicas ' +
    'and worker processes, the pools must fit under Redis `maxclients` (10000 by default); past ' +
    'it Redis answers new connections with "max number of clients reached" and cache reads ' +
    'fail. Lower the pool size or the process count, or raise `--maxclients`.',
  sources: [
    'https://redis.io/docs/latest/develop/reference/clients/#maximum-concurrent-connected-clients',
    'https://github.com/jazzband/django-redis#configure-as-cache-backend',
  ],
};

export const redisMaxmemory: Rule = {
  id: 'redis-maxmemory',
  family: 'limits',
  severity: 'warning',
  title: 'Redis maxmemory missing or not below the container memory limit',
  doc:
    'A Redis container with a memory limit is killed by the kernel when it grows past that ' +
    "limit. Redis's own `maxmemory` makes it evict keys or reject writes first, but only if it " +
    'is set below the limit with room to spare: Redis also needs memory for client buffers, and ' +
    'the fork that writes RDB snapshots and rewrites the AOF copies pages that change meanwhile. ' +
    'Set `--maxmemory` well below the container limit (for example 75 % of it).',
  sources: [
    redisEviction,
    'https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/',
    `${composeDeploy}#resources`,
  ],
};

export const redisEvictionPolicy: Rule = {
  id: 'redis-eviction-policy',
  family: 'limits',
  severity: 'warning',
  title: 'Eviction policy may drop broker or channel-layer keys',
  doc:
    'With an `allkeys-*` `maxmemory-policy`, Redis deletes any key when memory runs out, not ' +
    "only cache entries. On a Redis that is also the Celery broker, queued tasks (which have no " +
    'expiry) disappear without an error; on a Channels layer, group memberships and undelivered ' +
    'messages do. Use `noeviction` for the broker (a `volatile-*` policy also spares its keys), ' +
    'and give the cache and the channel layer Redis instances of their own.',
  sources: [
    redisEviction,
    'https://docs.celeryq.dev/en/stable/getting-started/backends-and-brokers/redis.html',
    'https://github.com/django/channels_redis',
  ],
};

export const postgresMemory: Rule = {
  id: 'postgres-memory',
  family: 'limits',
  severity: 'warning',
  title: 'PostgreSQL memory settings against the container limit',
  doc:
    '`shared_buffers` is allocated as shared memory that counts against the container memory ' +
    'limit, and the PostgreSQL docs advise about 25 % of the memory available and rarely more ' +
    'than 40 %. At or above the limit the server is killed once the buffers fill. ' +
    '`effective_cache_size` allocates nothing, but a value above the limit makes the planner ' +
    'count on a cache the container cannot have.',
  sources: [
    'https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-SHARED-BUFFERS',
    'https://www.postgresql.org/docs/current/runtime-config-query.html#GUC-EFFECTIVE-CACHE-SIZE',
    `${composeDeploy}#resources`,
  ],
};

export const reservationAboveLimit: Rule = {
  id: 'reservation-above-limit',
  family: 'limits',
  severity: 'error',
  title: 'Resource reservation above the limit',
  doc:
    'A service reserves more memory than its memory limit allows: Docker refuses to create the ' +
    'container ("Minimum memory limit can not be less than memory reservation limit"), so the ' +
    'service never starts. A CPU reservation above the CPU limit is reported as a warning, ' +
    'since the reserved capacity can never be used. Lower the reservation to at most the ' +
    'limit, or raise the limit.',
  sources: [
    `${composeDeploy}#resources`,
    'https://docs.docker.com/engine/containers/resource_constraints/',
  ],
};
