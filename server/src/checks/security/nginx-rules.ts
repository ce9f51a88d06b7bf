import type { Rule } from '../../core/rule.js';

const headersModule = 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header';
const proxyModule = 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html';
const gixyPlugins = 'https://github.com/yandex/gixy/blob/master/docs/en/plugins';

export const nginxAddHeaderDropped: Rule = {
  id: 'nginx-add-header-dropped',
  family: 'security',
  severity: 'warning',
  title: 'add_header in a block drops the security headers of the outer block',
  doc:
    'nginx inherits `add_header` directives from the outer level only when a level has none of ' +
    'its own. One `add_header Cache-Control ...` in a `location` therefore removes every ' +
    'security header set in `server` or `http` (HSTS, `X-Frame-Options`, CSP...) from the ' +
    'responses of that location. Repeat the outer headers in the block (an `include` of a shared ' +
    'snippet keeps them in one place), or use `add_header_inherit merge;` on nginx 1.29.3 or ' +
    'later. gixy reports this as `add_header_redefinition`.',
  sources: [headersModule, `${gixyPlugins}/addheaderredefinition.md`],
};

export const nginxPreflightDropsHeaders: Rule = {
  id: 'nginx-preflight-drops-headers',
  family: 'security',
  severity: 'warning',
  title: 'Preflight if block drops the headers of its location',
  doc:
    'An `if ($request_method = OPTIONS) { add_header ...; return 204; }` block has headers of ' +
    'its own, so the answers it returns lose every header of the enclosing location and server. ' +
    'Put the CORS headers at location level with `always` and keep only `return 204;` in the ' +
    '`if`, or repeat the missing headers inside it.',
  sources: [headersModule, 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#if'],
};

export const nginxAliasTraversal: Rule = {
  id: 'nginx-alias-traversal',
  family: 'security',
  severity: 'error',
  title: 'alias path traversal through a location without trailing slash',
  doc:
    'In `location /static { alias /app/static/; }` a request for `/static../settings.py` ' +
    'matches the prefix and maps to `/app/static/../settings.py`, so anyone can read files next ' +
    'to the aliased folder, such as source code and `.env`. End the location with a slash ' +
    '(`location /static/`) whenever the alias ends with one. gixy reports this as ' +
    '`alias_traversal`.',
  sources: ['https://nginx.org/en/docs/http/ngx_http_core_module.html#alias', `${gixyPlugins}/aliastraversal.md`],
};

export const nginxHostFromHttpHost: Rule = {
  id: 'nginx-host-from-http-host',
  family: 'security',
  severity: 'information',
  title: 'proxy_set_header Host $http_host',
  doc:
    '`$http_host` is the client\'s Host header as sent, while `$host` is normalised and falls ' +
    'back to the server name. Django then sees whatever host the client chose; with ' +
    '`ALLOWED_HOSTS` containing `*` (reported as a warning here) it builds links to that host. ' +
    'Use `proxy_set_header Host $host;`. gixy reports this as `host_spoofing`.',
  sources: [`${proxyModule}#proxy_set_header`, `${gixyPlugins}/hostspoofing.md`],
};

export const nginxHeaderMissingAlways: Rule = {
  id: 'nginx-header-missing-always',
  family: 'security',
  severity: 'information',
  title: 'Security or CORS header without always',
  doc:
    'Without the `always` parameter nginx adds a header only to 200, 201, 204, 206, 301, 302, ' +
    '303, 304, 307 and 308 responses. Error pages then lack HSTS and frame protection, and ' +
    'browsers report a CORS error instead of the real 401, 413 or 500. Append `always`.',
  sources: [headersModule],
};

export const nginxHstsShort: Rule = {
  id: 'nginx-hsts-short',
  family: 'security',
  severity: 'warning',
  title: 'Strict-Transport-Security max-age below one year',
  doc:
    'A `Strict-Transport-Security` header with `max-age` below 31536000 seconds (one year) lets ' +
    'the protection lapse between visits, and hstspreload.org rejects it. `max-age=0` tells ' +
    'browsers to forget HSTS. Raise it to `max-age=31536000` once every page works over HTTPS.',
  sources: ['https://hstspreload.org/', 'https://www.rfc-editor.org/rfc/rfc6797#section-6.1.1'],
};

export const nginxTlsLegacyProtocols: Rule = {
  id: 'nginx-tls-legacy-protocols',
  family: 'security',
  severity: 'warning',
  title: 'ssl_protocols enables SSL or TLS 1.0/1.1',
  doc:
    'SSLv2, SSLv3, TLS 1.0 and TLS 1.1 have known weaknesses; RFC 8996 deprecates TLS 1.0 and ' +
    '1.1 and current browsers refuse them. Keep `ssl_protocols TLSv1.2 TLSv1.3;`, which is the ' +
    'default since nginx 1.23.4.',
  sources: ['https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols', 'https://www.rfc-editor.org/rfc/rfc8996'],
};

export const nginxServerTokensOn: Rule = {
  id: 'nginx-server-tokens-on',
  family: 'security',
  severity: 'information',
  title: 'server_tokens on',
  doc:
    '`server_tokens on` puts the nginx version in the `Server` header and on error pages, which ' +
    'tells attackers which known vulnerabilities apply. Set `server_tokens off;`.',
  sources: ['https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens'],
};

export const nginxForwardedProtoMissing: Rule = {
  id: 'nginx-forwarded-proto-missing',
  family: 'security',
  severity: 'warning',
  title: 'Proxy to Django without the header SECURE_PROXY_SSL_HEADER trusts',
  doc:
    'Django trusts `SECURE_PROXY_SSL_HEADER` (usually `X-Forwarded-Proto`) to decide whether a ' +
    'request came over HTTPS, which is safe only when the proxy always sets that header. A ' +
    'location that proxies to Django without it passes the client\'s own header through, so a ' +
    'client can claim HTTPS, and real HTTPS requests look like HTTP, which with ' +
    '`SECURE_SSL_REDIRECT` loops. Remember that a `proxy_set_header` in the location drops all ' +
    'of the server\'s. Add `proxy_set_header X-Forwarded-Proto $scheme;` to the location.',
  sources: ['https://docs.djangoproject.com/en/stable/ref/settings/#secure-proxy-ssl-header', `${proxyModule}#proxy_set_header`],
};

export const nginxAddHeaderForwarded: Rule = {
  id: 'nginx-add-header-forwarded',
  family: 'security',
  severity: 'warning',
  title: 'add_header used for a request header meant for the upstream',
  doc:
    '`add_header X-Forwarded-Proto ...` (or `X-Forwarded-For`, `X-Real-IP`, ' +
    '`X-Forwarded-Host`) adds the header to the response sent to the browser, not to the request ' +
    'sent to Django, so Django never receives it. Use `proxy_set_header` for headers the upstream ' +
    'should read.',
  sources: [headersModule, `${proxyModule}#proxy_set_header`],
};

export const nginxRules: Rule[] = [
  nginxAddHeaderDropped,
  nginxPreflightDropsHeaders,
  nginxAliasTraversal,
  nginxHostFromHttpHost,
  nginxHeaderMissingAlways,
  nginxHstsShort,
  nginxTlsLegacyProtocols,
  nginxServerTokensOn,
  nginxForwardedProtoMissing,
  nginxAddHeaderForwarded,
];
