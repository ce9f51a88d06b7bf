import type { Rule } from '../../core/rule.js';

const corsHeaders = 'https://github.com/adamchainz/django-cors-headers#configuration';
const mdnCredentials = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSNotSupportingCredentials';
const mdnMaxAge = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Access-Control-Max-Age';

export const corsAllowAllWithCredentials: Rule = {
  id: 'cors-allow-all-with-credentials',
  family: 'security',
  severity: 'error',
  title: 'CORS allows every origin together with credentials',
  doc:
    'With `CORS_ALLOW_ALL_ORIGINS` (or the old `CORS_ORIGIN_ALLOW_ALL`) and ' +
    '`CORS_ALLOW_CREDENTIALS` both true, django-cors-headers echoes the request\'s `Origin` and ' +
    'sends `Access-Control-Allow-Credentials: true`, so any website a logged-in user visits can ' +
    'send requests with the user\'s cookies and read the answers. Neither Django nor ' +
    'django-cors-headers warns about it. List the trusted origins in `CORS_ALLOWED_ORIGINS` and ' +
    'keep allow-all off.',
  sources: [corsHeaders, mdnCredentials],
};

export const corsOriginRegexUnanchored: Rule = {
  id: 'cors-origin-regex-unanchored',
  family: 'security',
  severity: 'warning',
  title: 'CORS origin regex without an end anchor',
  doc:
    'django-cors-headers tests `CORS_ALLOWED_ORIGIN_REGEXES` with `re.match`, which anchors only ' +
    'the start. Without `$` or `\\Z` at the end, `^https://app\\.example\\.com` also matches ' +
    '`https://app.example.com.attacker.net`. End every pattern with `$`.',
  sources: [corsHeaders, 'https://docs.python.org/3/library/re.html#re.match'],
};

export const corsMaxAgeCapped: Rule = {
  id: 'cors-preflight-max-age-capped',
  family: 'security',
  severity: 'information',
  title: 'Preflight max-age above what browsers honour',
  doc:
    'Browsers cap how long they cache a preflight answer: Chromium at 7200 seconds and Firefox ' +
    'at 86400 seconds, whatever `Access-Control-Max-Age` (or `CORS_PREFLIGHT_MAX_AGE`) says. A ' +
    'larger value does not reduce preflights further and suggests a cache time that no browser ' +
    'uses. Use 7200 or less.',
  sources: [mdnMaxAge, corsHeaders],
};

export const nginxCorsWildcardCredentials: Rule = {
  id: 'nginx-cors-wildcard-credentials',
  family: 'security',
  severity: 'warning',
  title: 'nginx sends Access-Control-Allow-Origin * with credentials',
  doc:
    'Browsers reject a credentialed CORS response whose `Access-Control-Allow-Origin` is `*`, ' +
    'so the cross-origin requests this block is written for fail. The usual "fix" of echoing ' +
    '`$http_origin` opens the API to every site. Send a specific origin chosen by a `map` of ' +
    'trusted origins, with `Vary: Origin`.',
  sources: [mdnCredentials, 'https://nginx.org/en/docs/http/ngx_http_map_module.html'],
};

export const nginxCorsOriginReflected: Rule = {
  id: 'nginx-cors-origin-reflected',
  family: 'security',
  severity: 'warning',
  title: 'nginx echoes any Origin together with credentials',
  doc:
    '`add_header Access-Control-Allow-Origin $http_origin` together with ' +
    '`Access-Control-Allow-Credentials true` trusts every website: any page a logged-in user ' +
    'opens can call the API with the user\'s cookies and read the answers. Choose the value with ' +
    'a `map $http_origin $cors_origin { default ""; "~^https://app\\.example\\.com$" ' +
    '$http_origin; }` of anchored patterns (an empty value leaves the header out) and add ' +
    '`Vary: Origin`.',
  sources: [mdnCredentials, 'https://nginx.org/en/docs/http/ngx_http_map_module.html'],
};

export const nginxDjangoDuplicateHeader: Rule = {
  id: 'nginx-django-duplicate-header',
  family: 'security',
  severity: 'warning',
  title: 'nginx and Django both add the same header',
  doc:
    'nginx `add_header` does not replace a header the upstream already sent, so a location that ' +
    'proxies to Django and adds CORS or HSTS headers while Django adds them too sends each ' +
    'header twice. Browsers reject a response with two `Access-Control-Allow-Origin` values, and ' +
    'for `Strict-Transport-Security` they use the first one, which is Django\'s. Set the headers ' +
    'in one layer, or hide Django\'s copy with `proxy_hide_header`.',
  sources: ['https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header', 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_hide_header'],
};

export const corsRules: Rule[] = [
  corsAllowAllWithCredentials,
  corsOriginRegexUnanchored,
  corsMaxAgeCapped,
  nginxCorsWildcardCredentials,
  nginxCorsOriginReflected,
  nginxDjangoDuplicateHeader,
];
