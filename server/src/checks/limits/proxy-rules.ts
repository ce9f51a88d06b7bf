import type { Rule } from '../../core/rule.js';

const nginxUpstream = 'https://nginx.org/en/docs/http/ngx_http_upstream_module.html';
const nginxCoreModule = 'https://nginx.org/en/docs/ngx_core_module.html';

export const websocketUpgradeMissing: Rule = {
  id: 'websocket-upgrade-missing',
  family: 'limits',
  severity: 'warning',
  title: 'WebSocket location without the Upgrade and Connection headers',
  doc:
    'nginx does not pass the hop-by-hop `Upgrade` and `Connection` headers to the upstream, so a ' +
    'WebSocket handshake reaches Daphne or uvicorn as a plain HTTP request and the browser gets ' +
    'an error instead of a socket. A location that serves WebSockets (a `/ws/` path of a ' +
    'Channels app) needs `proxy_set_header Upgrade $http_upgrade;`, ' +
    '`proxy_set_header Connection "upgrade";` and, before nginx 1.29.7, ' +
    '`proxy_http_version 1.1;`. The quick fix inserts the missing lines, and repeats the ' +
    'server-level `proxy_set_header` lines the location would otherwise stop inheriting.',
  sources: [
    'https://nginx.org/en/docs/http/websocket.html',
    'https://channels.readthedocs.io/en/latest/deploying.html',
  ],
};

export const upstreamKeepaliveIneffective: Rule = {
  id: 'upstream-keepalive-unused',
  family: 'limits',
  severity: 'information',
  title: 'Upstream keepalive without HTTP/1.1 and an empty Connection header',
  doc:
    '`keepalive` in an `upstream` block keeps idle connections to the servers for reuse, but ' +
    'only for requests proxied with `proxy_http_version 1.1;` (the default only from nginx ' +
    '1.29.7) and `proxy_set_header Connection "";`. Otherwise nginx sends `Connection: close` ' +
    'and opens a new connection for every request, so the setting has no effect.',
  sources: [`${nginxUpstream}#keepalive`],
};

export const workerFileLimit: Rule = {
  id: 'nginx-worker-file-limit',
  family: 'limits',
  severity: 'warning',
  title: 'worker_connections above the open-file limit',
  doc:
    'Each nginx worker may hold `worker_connections` connections, and a proxied request uses two ' +
    'of them (client and upstream), each an open file. `worker_rlimit_nofile` sets the ' +
    "per-worker open-file limit; below `worker_connections` the worker fails with \"Too many " +
    'open files" long before the connection limit, and below twice `worker_connections` a busy ' +
    'proxy can still run out. Set `worker_rlimit_nofile` to at least twice `worker_connections`.',
  sources: [`${nginxCoreModule}#worker_rlimit_nofile`, `${nginxCoreModule}#worker_connections`],
};

export const proxyHostUnknown: Rule = {
  id: 'proxy-host-unknown',
  family: 'limits',
  severity: 'error',
  title: 'Proxy target is no compose service',
  doc:
    'nginx resolves the host of a `proxy_pass` or of an upstream `server` once, when it starts, ' +
    'and refuses to start with "host not found in upstream" when the name is unknown. Inside a ' +
    'compose network the names are the service names (plus `container_name`, `hostname` and ' +
    'network aliases). Use the name of the service that runs the application.',
  sources: [
    'https://docs.docker.com/compose/how-tos/networking/',
    `${nginxUpstream}#server`,
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_pass',
  ],
};

export const proxyPortMismatch: Rule = {
  id: 'proxy-port-mismatch',
  family: 'limits',
  severity: 'error',
  title: 'Proxy target port or address the service does not listen on',
  doc:
    "A proxy sends requests to a port the application server does not listen on, or the server " +
    'listens only on 127.0.0.1 inside its container, which other containers cannot reach. Every ' +
    'request then fails with 502 Bad Gateway. gunicorn binds 127.0.0.1:8000 unless `--bind` (or ' +
    '`PORT`) says otherwise, Daphne and uvicorn bind 127.0.0.1:8000 without `-b`/`--host`. Bind ' +
    'the server to 0.0.0.0 on the port the proxy uses, or change the proxy to that port.',
  sources: [
    'https://docs.gunicorn.org/en/stable/settings.html#bind',
    'https://github.com/django/daphne#running',
    'https://www.uvicorn.org/settings/#socket-binding',
    'https://doc.traefik.io/traefik/routing/providers/docker/#port',
  ],
};

export const throttleRateInvalid: Rule = {
  id: 'throttle-rate-invalid',
  family: 'limits',
  severity: 'error',
  title: 'REST framework throttle rate in a form it cannot read',
  doc:
    'Django REST framework reads a throttle rate as `NUMBER/PERIOD` and looks only at the ' +
    "period's first letter: `s`, `m`, `h` or `d`. Any other form (`10/5m`, `100 per hour`, " +
    '`50/Hour`) raises an exception when a throttled view runs, so those requests fail with ' +
    '500. A period like `month` reads as per minute. Write rates such as `100/hour` or `10/min`.',
  sources: ['https://www.django-rest-framework.org/api-guide/throttling/'],
};
