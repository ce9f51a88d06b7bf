import type { Rule } from '../../core/rule.js';

const settingsReference = 'https://docs.djangoproject.com/en/stable/ref/settings/';
const deployChecklist = 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/';
const securityChecks = 'https://docs.djangoproject.com/en/stable/ref/checks/#security';
const hstsMiddleware = 'https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security';

export const djangoDebugEnabled: Rule = {
  id: 'django-debug-enabled',
  family: 'security',
  severity: 'warning',
  title: 'DEBUG on in production',
  doc:
    'With `DEBUG` on, Django answers every error with a page that shows the settings, local ' +
    'variables and the SQL of the request, keeps every query in memory and serves requests for ' +
    'any host on the debug list. Django reports this as `security.W018`. Shipshape also finds the ' +
    'fail-open form: a read such as `config("DEBUG", default=True, cast=bool)` turns debugging on ' +
    'whenever the variable is missing. Set `DEBUG=False` where production reads it and make the ' +
    'default `False`.',
  sources: [`${settingsReference}#debug`, deployChecklist],
};

export const djangoSecretKeyHardcoded: Rule = {
  id: 'django-secret-key-hardcoded',
  family: 'security',
  severity: 'warning',
  title: 'SECRET_KEY written in the settings',
  doc:
    'A `SECRET_KEY` written in a settings module, or used as the fallback when the environment ' +
    'lacks it, is known to everyone who can read the repository. With it they can forge session ' +
    'cookies, password-reset links and anything signed with `django.core.signing`. Read the key ' +
    'from the environment without a default, so that a missing key stops start-up, and rotate ' +
    'the key that was committed.',
  sources: [`${settingsReference}#secret-key`, deployChecklist],
};

export const djangoSecretKeyWeak: Rule = {
  id: 'django-secret-key-weak',
  family: 'security',
  severity: 'warning',
  title: 'SECRET_KEY too short, too simple or a placeholder',
  doc:
    'Django reports `security.W009` when `SECRET_KEY` is shorter than 50 characters, has fewer ' +
    'than 5 distinct characters or starts with `django-insecure-` (the prefix `startproject` ' +
    'gives keys meant for development); `security.W025` applies the same test to ' +
    '`SECRET_KEY_FALLBACKS`. Shipshape also flags placeholders such as `changeme` in a real env ' +
    'file. Generate a key with `python -c "from django.core.management.utils import ' +
    'get_random_secret_key; print(get_random_secret_key())"` and keep it out of the repository.',
  sources: [`${settingsReference}#secret-key`, securityChecks],
};

export const djangoAllowedHostsWildcard: Rule = {
  id: 'django-allowed-hosts-wildcard',
  family: 'security',
  severity: 'warning',
  title: 'ALLOWED_HOSTS accepts any host',
  doc:
    '`ALLOWED_HOSTS` containing `"*"` turns off Django\'s Host header validation, so an attacker ' +
    'can make Django build absolute URLs, such as password-reset links in emails, that point to ' +
    'a host of their choice. `check --deploy` does not report it. The same happens when a read ' +
    'such as `os.environ.get("ALLOWED_HOSTS", "*")` falls back to `"*"` because the variable is ' +
    'missing. List the real host names, and make the fallback empty.',
  sources: [`${settingsReference}#allowed-hosts`, 'https://docs.djangoproject.com/en/stable/topics/security/#host-header-validation'],
};

export const djangoAllowedHostsEmpty: Rule = {
  id: 'django-allowed-hosts-empty',
  family: 'security',
  severity: 'warning',
  title: 'ALLOWED_HOSTS empty while DEBUG is off',
  doc:
    'With `DEBUG` off and an empty `ALLOWED_HOSTS`, Django rejects every request with 400 Bad ' +
    'Request (`security.W020`). List the host names the site is served under.',
  sources: [`${settingsReference}#allowed-hosts`, securityChecks],
};

export const djangoHstsShort: Rule = {
  id: 'django-hsts-short',
  family: 'security',
  severity: 'warning',
  title: 'HSTS off or shorter than one year while HTTPS is on',
  doc:
    'When the site serves HTTPS, `SECURE_HSTS_SECONDS` tells browsers to refuse plain HTTP for ' +
    'that many seconds. Unset or 0 sends no header (`security.W004`); a string `"0"` from the ' +
    'environment passes Django\'s check but sends `max-age=0`, which makes browsers forget the ' +
    'policy. Below 31536000 seconds (one year) the protection lapses between visits and the ' +
    'preload list rejects the site. Behind nginx or Traefik that terminates TLS, a proxy that ' +
    'adds no Strict-Transport-Security header and an unset setting leave every layer silent. ' +
    'Raise it to 31536000 once every page works over HTTPS.',
  sources: [`${settingsReference}#secure-hsts-seconds`, hstsMiddleware, 'https://hstspreload.org/'],
};

export const djangoHstsIncomplete: Rule = {
  id: 'django-hsts-incomplete',
  family: 'security',
  severity: 'information',
  title: 'HSTS without includeSubDomains or preload',
  doc:
    'Django reports `security.W005` when HSTS is on without `SECURE_HSTS_INCLUDE_SUBDOMAINS` and ' +
    '`security.W021` without `SECURE_HSTS_PRELOAD`. Without subdomains, a man in the middle can ' +
    'still set cookies for the domain through a plain-HTTP subdomain. Both are commitments for ' +
    'every subdomain, so turn them on only when all of them serve HTTPS.',
  sources: [hstsMiddleware, securityChecks],
};

export const djangoHstsPreloadInvalid: Rule = {
  id: 'django-hsts-preload-invalid',
  family: 'security',
  severity: 'warning',
  title: 'HSTS preload without the values the preload list requires',
  doc:
    '`SECURE_HSTS_PRELOAD` adds `preload` to the header, but hstspreload.org accepts a site only ' +
    'with `max-age` of at least 31536000 seconds and `includeSubDomains`. With less the request ' +
    'to be preloaded fails, and a site already on the list is removed. Raise ' +
    '`SECURE_HSTS_SECONDS` to 31536000 and turn `SECURE_HSTS_INCLUDE_SUBDOMAINS` on, or drop ' +
    'preload.',
  sources: ['https://hstspreload.org/', `${settingsReference}#secure-hsts-preload`],
};

export const djangoSslRedirectOff: Rule = {
  id: 'django-ssl-redirect-off',
  family: 'security',
  severity: 'warning',
  title: 'Plain HTTP not redirected to HTTPS',
  doc:
    'The deployment serves HTTPS, but neither Django (`SECURE_SSL_REDIRECT`, `security.W008`) ' +
    'nor the proxy in front of it redirects plain-HTTP requests, so users who type the address ' +
    'stay on an unencrypted connection. Redirect in nginx (`return 301 https://$host$request_uri;` ' +
    'in the port 80 server) or set `SECURE_SSL_REDIRECT = True` together with ' +
    '`SECURE_PROXY_SSL_HEADER` when TLS ends at a proxy.',
  sources: [`${settingsReference}#secure-ssl-redirect`, deployChecklist],
};

export const djangoCookieNotSecure: Rule = {
  id: 'django-cookie-not-secure',
  family: 'security',
  severity: 'warning',
  title: 'Session or CSRF cookie without Secure while HTTPS is on',
  doc:
    'Without `SESSION_COOKIE_SECURE` (`security.W010`–`W012`) or `CSRF_COOKIE_SECURE` ' +
    '(`security.W016`), browsers also send the cookie over plain HTTP, where anyone on the ' +
    'network can read it and take over the session. Set both to `True` when the site serves ' +
    'HTTPS.',
  sources: [`${settingsReference}#session-cookie-secure`, `${settingsReference}#csrf-cookie-secure`],
};

export const djangoCsrfOriginNoScheme: Rule = {
  id: 'django-csrf-origin-no-scheme',
  family: 'security',
  severity: 'error',
  title: 'CSRF_TRUSTED_ORIGINS entry without a scheme',
  doc:
    'Since Django 4.0 every `CSRF_TRUSTED_ORIGINS` entry must start with a scheme ' +
    '(`https://example.com`, `https://*.example.com`), because Django compares it with the ' +
    'browser\'s `Origin` header. An entry without one never matches, so form posts from that ' +
    'origin fail with 403 "Origin checking failed", and `manage.py check` reports `4_0.E001`. A ' +
    'plain string instead of a list is read one character at a time. Prefix each entry with ' +
    '`https://`.',
  sources: [`${settingsReference}#csrf-trusted-origins`, 'https://docs.djangoproject.com/en/stable/releases/4.0/'],
};

export const djangoMiddlewareMissing: Rule = {
  id: 'django-middleware-missing',
  family: 'security',
  severity: 'warning',
  title: 'Security middleware missing from MIDDLEWARE',
  doc:
    'Without `SecurityMiddleware` (`security.W001`) none of the `SECURE_*` settings take effect: ' +
    'no HSTS, no HTTPS redirect, no nosniff or referrer policy. Without ' +
    '`XFrameOptionsMiddleware` (`W002`) pages can be framed for clickjacking, and without ' +
    '`CsrfViewMiddleware` (`W003`) forms lose CSRF protection. Add the middleware to ' +
    '`MIDDLEWARE`.',
  sources: ['https://docs.djangoproject.com/en/stable/ref/middleware/', securityChecks],
};

export const djangoSecuritySettingOff: Rule = {
  id: 'django-security-setting-off',
  family: 'security',
  severity: 'warning',
  title: 'Security setting turned off',
  doc:
    'The settings turn off a protection that Django enables by default: ' +
    '`SECURE_CONTENT_TYPE_NOSNIFF = False` (`security.W006`), `SESSION_COOKIE_HTTPONLY = False` ' +
    '(`W013`–`W015`), `SECURE_REFERRER_POLICY = None` (`W022`), or an `X_FRAME_OPTIONS` other ' +
    'than `DENY` (`W019`, reported as information because `SAMEORIGIN` is often intended). ' +
    'Remove the line to get Django\'s default back.',
  sources: [securityChecks, settingsReference],
};

export const djangoRules: Rule[] = [
  djangoDebugEnabled,
  djangoSecretKeyHardcoded,
  djangoSecretKeyWeak,
  djangoAllowedHostsWildcard,
  djangoAllowedHostsEmpty,
  djangoHstsShort,
  djangoHstsIncomplete,
  djangoHstsPreloadInvalid,
  djangoSslRedirectOff,
  djangoCookieNotSecure,
  djangoCsrfOriginNoScheme,
  djangoMiddlewareMissing,
  djangoSecuritySettingOff,
];
