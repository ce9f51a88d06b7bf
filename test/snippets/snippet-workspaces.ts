// Workspaces assembled from the shipped snippets: each file is a small hand-written baseline with
// `<<prefix>>` lines where a snippet is inserted, as a user would type its prefix on that line.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandSnippet } from './expand-snippet.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SnippetEntry {
  prefix: string;
  body: string[];
  description: string;
}

/** Snippet files by name (`compose`, `nginx`, `dotenv`, `django-settings`). */
export const snippetFiles = ['compose', 'nginx', 'dotenv', 'django-settings'] as const;

export function loadSnippets(): Map<string, SnippetEntry & { file: string }> {
  const byPrefix = new Map<string, SnippetEntry & { file: string }>();
  for (const file of snippetFiles) {
    const text = readFileSync(join(root, 'snippets', `${file}.json`), 'utf8');
    const entries = JSON.parse(text) as Record<string, SnippetEntry>;
    for (const entry of Object.values(entries)) byPrefix.set(entry.prefix, { ...entry, file });
  }
  return byPrefix;
}

/** Lines of one inserted snippet (0-based, inclusive) in a workspace file. */
export interface SnippetRange {
  prefix: string;
  file: string;
  startLine: number;
  endLine: number;
}

export interface Scenario {
  name: string;
  files: Record<string, string>;
  ranges: SnippetRange[];
}

interface ScenarioTemplate {
  name: string;
  /** Workspace path to text with `<<prefix>>` lines. */
  files: Record<string, string>;
  /** Text for `$0` (and tabstops without defaults) per snippet prefix, possibly with markers. */
  tabstopText?: Record<string, Record<number, string>>;
}

const markerLine = /^(\s*)<<([a-z0-9-]+)>>\s*$/;

/** Indentation VS Code uses for leading tabs: 4 spaces for nginx and Python, 2 for YAML. */
function indentUnitFor(file: string): string {
  return /\.ya?ml$/.test(file) ? '  ' : '    ';
}

function fillFile(
  path: string,
  template: string,
  snippets: Map<string, SnippetEntry>,
  tabstopText: Record<string, Record<number, string>>,
  ranges: SnippetRange[],
): string {
  const out: string[] = [];
  const emit = (lines: string[]) => {
    for (const line of lines) {
      const marker = markerLine.exec(line);
      if (!marker) {
        out.push(line);
        continue;
      }
      const [, indent = '', prefix = ''] = marker;
      const snippet = snippets.get(prefix);
      if (!snippet) throw new Error(`${path}: no snippet with prefix ${prefix}`);
      const text = expandSnippet(snippet.body, {
        baseIndent: indent,
        indentUnit: indentUnitFor(path),
        tabstopText: tabstopText[prefix] ?? {},
      });
      const startLine = out.length;
      emit((indent + text).split('\n'));
      ranges.push({ prefix, file: path, startLine, endLine: out.length - 1 });
    }
  };
  emit(template.split('\n'));
  return out.join('\n');
}

function buildScenario(template: ScenarioTemplate, snippets: Map<string, SnippetEntry>): Scenario {
  const ranges: SnippetRange[] = [];
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(template.files)) {
    files[path] = fillFile(path, text, snippets, template.tabstopText ?? {}, ranges);
  }
  return { name: template.name, files, ranges };
}

const entryPoints = (server: 'wsgi' | 'asgi'): Record<string, string> => ({
  'manage.py': [
    'import os',
    'import sys',
    '',
    'if __name__ == "__main__":',
    '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")',
    '    from django.core.management import execute_from_command_line',
    '',
    '    execute_from_command_line(sys.argv)',
    '',
  ].join('\n'),
  'config/__init__.py': '',
  [`config/${server}.py`]: [
    'import os',
    '',
    `from django.core.${server} import get_${server}_application`,
    '',
    'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")',
    `application = get_${server}_application()`,
    '',
  ].join('\n'),
  'config/celery.py': [
    'import os',
    '',
    'from celery import Celery',
    '',
    'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")',
    'app = Celery("config")',
    'app.config_from_object("django.conf:settings", namespace="CELERY")',
    'app.autodiscover_tasks()',
    '',
  ].join('\n'),
});

/** Settings module around the settings snippets. Channels apps add daphne and a channel layer. */
function settingsTemplate(options: { channels: boolean; cors: boolean }): string {
  const apps = [
    ...(options.channels ? ['    "daphne",'] : []),
    '    "django.contrib.admin",',
    '    "django.contrib.auth",',
    '    "django.contrib.contenttypes",',
    '    "django.contrib.sessions",',
    '    "django.contrib.messages",',
    '    "django.contrib.staticfiles",',
    ...(options.channels ? ['    "channels",'] : []),
    '    "shop",',
  ];
  const server = options.channels
    ? [
        'ASGI_APPLICATION = "config.asgi.application"',
        'CHANNEL_LAYERS = {',
        '    "default": {',
        '        "BACKEND": "channels_redis.core.RedisChannelLayer",',
        '        "CONFIG": {"hosts": [os.environ["REDIS_URL"]]},',
        '    }',
        '}',
      ]
    : ['WSGI_APPLICATION = "config.wsgi.application"'];
  return [
    '"""Production settings; values that differ between deployments come from the environment."""',
    'import os',
    'from pathlib import Path',
    '',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    '',
    '<<django-production-security>>',
    '',
    'INSTALLED_APPS = [',
    ...apps,
    ']',
    '',
    'MIDDLEWARE = [',
    '    "django.middleware.security.SecurityMiddleware",',
    '    "django.contrib.sessions.middleware.SessionMiddleware",',
    '    "django.middleware.common.CommonMiddleware",',
    '    "django.middleware.csrf.CsrfViewMiddleware",',
    '    "django.contrib.auth.middleware.AuthenticationMiddleware",',
    '    "django.contrib.messages.middleware.MessageMiddleware",',
    '    "django.middleware.clickjacking.XFrameOptionsMiddleware",',
    ']',
    ...(options.cors ? ['', '<<django-cors>>'] : []),
    '',
    'ROOT_URLCONF = "config.urls"',
    ...server,
    '',
    '<<django-databases>>',
    '',
    'CACHES = {',
    '    "default": {',
    '        "BACKEND": "django.core.cache.backends.redis.RedisCache",',
    '        "LOCATION": os.environ["REDIS_URL"],',
    '    }',
    '}',
    'CELERY_BROKER_URL = os.environ["REDIS_URL"]',
    '',
    'STATIC_URL = "/static/"',
    'STATIC_ROOT = BASE_DIR / "static"',
    'MEDIA_URL = "/media/"',
    'MEDIA_ROOT = BASE_DIR / "media"',
    '',
    '<<django-logging>>',
    '',
  ].join('\n');
}

function composeTemplate(services: string[], volumes: string[]): string {
  const volumeLines = volumes.map((volume) => `  ${volume}:`);
  const lines = ['name: shop', '', 'services:', ...services, '', 'volumes:', ...volumeLines, ''];
  return lines.join('\n');
}

function envTemplate(sections: string[]): string {
  return [
    '# Copy to .env and fill in the empty values before the first start.',
    ...sections.flatMap((section) => ['', `<<${section}>>`]),
    '',
  ].join('\n');
}

/** Server-level snippets inserted at the `$0` of the reverse proxy snippet. */
function proxyBody(prefixes: string[]): string {
  return prefixes.map((prefix, index) => `${index === 0 ? '' : '\t'}<<${prefix}>>`).join('\n\n');
}

const scenarioTemplates: ScenarioTemplate[] = [
  {
    name: 'gunicorn behind nginx with django-cors-headers',
    files: {
      'docker-compose.yml': composeTemplate(
        [
          '  <<compose-postgres>>',
          '',
          '  <<compose-redis>>',
          '',
          '  <<compose-django-gunicorn>>',
          '',
          '  <<compose-celery>>',
          '',
          '  <<compose-nginx>>',
        ],
        ['pgdata', 'redisdata', 'static', 'media'],
      ),
      'env.template': envTemplate(['env-django', 'env-postgres', 'env-redis', 'env-cors']),
      'config/settings.py': settingsTemplate({ channels: false, cors: true }),
      'nginx/conf.d/default.conf': '<<nginx-django-proxy>>\n',
      ...entryPoints('wsgi'),
    },
    tabstopText: {
      'nginx-django-proxy': { 0: proxyBody(['nginx-security-headers', 'nginx-static-media']) },
    },
  },
  {
    name: 'Channels on Daphne behind nginx with nginx CORS',
    files: {
      'docker-compose.yml': composeTemplate(
        [
          '  <<compose-postgres>>',
          '',
          '  <<compose-redis>>',
          '',
          '  <<compose-django-daphne>>',
          '',
          '  <<compose-nginx>>',
        ],
        ['pgdata', 'redisdata', 'static', 'media'],
      ),
      'env.template': envTemplate(['env-django', 'env-postgres', 'env-redis']),
      'config/settings.py': settingsTemplate({ channels: true, cors: false }),
      'nginx/conf.d/default.conf': '<<nginx-cors-map>>\n\n<<nginx-django-proxy>>\n',
      ...entryPoints('asgi'),
    },
    tabstopText: {
      'nginx-django-proxy': {
        0: proxyBody([
          'nginx-security-headers',
          'nginx-static-media',
          'nginx-websocket',
          'nginx-cors-location',
        ]),
      },
    },
  },
  {
    name: 'Channels on Daphne behind Traefik',
    files: {
      'docker-compose.yml': composeTemplate(
        [
          '  <<compose-postgres>>',
          '',
          '  <<compose-redis>>',
          '',
          '  <<compose-django-daphne>>',
          '    <<compose-traefik-labels>>',
          '',
          '  <<compose-celery>>',
          '',
          '  <<compose-traefik>>',
        ],
        ['pgdata', 'redisdata', 'static', 'media', 'letsencrypt'],
      ),
      'env.template': envTemplate([
        'env-django',
        'env-postgres',
        'env-redis',
        'env-cors',
        'env-traefik',
        'env-section',
      ]),
      'config/settings.py': settingsTemplate({ channels: true, cors: true }),
      ...entryPoints('asgi'),
    },
  },
];

export function buildScenarios(): Scenario[] {
  const snippets = loadSnippets();
  return scenarioTemplates.map((template) => buildScenario(template, snippets));
}
