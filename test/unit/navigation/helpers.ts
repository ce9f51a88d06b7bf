import type { Analysis } from '../../../server/src/analysis/analyze.js';
import type { TextEdit } from '../../../server/src/core/problem.js';
import type { Location, Position } from '../../../server/src/core/range.js';
import { fileKindOf } from '../../../server/src/lsp/hover/hover.js';
import type { NavigationRequest } from '../../../server/src/navigation/occurrence-at.js';

/** A deployment with every kind of variable occurrence, shared by the navigation tests. */
export const deploymentFiles: Record<string, string> = {
  'docker-compose.yml': [
    'include:',
    '  - db.yaml',
    'services:',
    '  web:',
    '    build: .',
    '    command: gunicorn app.wsgi -b 0.0.0.0:8000',
    '    env_file: .env',
    '    environment:',
    '      DATABASE_URL: postgres://${DB_USER:-app}@db/app',
    '      "DEBUG": "0"',
    '    volumes:',
    '      - ./settings.py:/app/settings.py:ro',
    '      - ./static:/app/static',
    '      - type: bind',
    '        source: "./nginx/nginx.conf"',
    '        target: /srv/nginx.conf',
    '  nginx:',
    '    image: nginx:1.27',
    '    env_file:',
    '      - missing.env',
    '      - ../outside.env',
    '    volumes:',
    '      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro',
    '      - ./nginx/conf.d:/etc/nginx/conf.d:ro',
    '      - ./nginx/templates:/etc/nginx/templates:ro',
    '',
  ].join('\n'),
  'db.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: $DB_USER\n',
  'env.template': 'SECRET_KEY=change-me\nDB_USER=app\nLOG_URL=https://${DB_USER}@logs\nDEBUG=1\n',
  'settings.py': [
    'import os',
    'import environ',
    'from decouple import config',
    '',
    'env = environ.Env(DEBUG=(bool, False))',
    'SECRET_KEY = os.environ.get("SECRET_KEY")',
    "DB_NAME = config('DB_USER', default='app')",
    'DEBUG = env.bool("DEBUG")',
    'DATABASES = {"default": env.db()}',
    '',
  ].join('\n'),
  'static/site.css': 'body {}\n',
  'nginx/nginx.conf': [
    'events {}',
    'http {',
    '    include conf.d/*.conf;',
    '    include mime.types;',
    '    upstream app { server web:8000; }',
    '    server {',
    '        listen 80;',
    '        server_name example.com www.example.com;',
    '        location /static/ { alias /app/static/; }',
    '    }',
    '}',
    '',
  ].join('\n'),
  'nginx/conf.d/a.conf': 'server { listen 8081; }\n',
  'nginx/conf.d/b.conf': 'server { listen 8082; }\n',
  'nginx/templates/default.conf.template':
    'server {\n    listen 8080;\n    location / { proxy_set_header X-User "${DB_USER}"; }\n}\n',
};

/** Position of the first `needle` in `file`, moved `shift` characters into it. */
export function positionOf(analysis: Analysis, file: string, needle: string, shift = 0): Position {
  const source = analysis.workspace.source(file);
  if (!source) throw new Error(`${file} is not in the workspace`);
  const offset = source.text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in ${file}`);
  return source.positionAt(offset + shift);
}

/** Request at the first `needle` of `file`, one character into it. */
export function requestAt(analysis: Analysis, file: string, needle: string, shift = 1): NavigationRequest {
  const source = analysis.workspace.source(file);
  if (!source) throw new Error(`${file} is not in the workspace`);
  const position = positionOf(analysis, file, needle, shift);
  return { analysis, file, kind: fileKindOf(analysis, file), source, position };
}

/** Text of a location, for assertions that read like the file. */
export function textAt(analysis: Analysis, location: Location): string {
  const source = analysis.workspace.source(location.file)!;
  return source.text.slice(source.offsetAt(location.range.start), source.offsetAt(location.range.end));
}

/** `file:line` (1-based) of a location. */
export function lineOf(location: Location): string {
  return `${location.file}:${location.range.start.line + 1}`;
}

/** Text of `file` after applying the edits that target it. */
export function applyEdits(analysis: Analysis, file: string, edits: TextEdit[]): string {
  const source = analysis.workspace.source(file)!;
  const own = edits
    .filter((edit) => edit.file === file)
    .sort((a, b) => source.offsetAt(b.range.start) - source.offsetAt(a.range.start));
  let text = source.text;
  for (const edit of own) {
    text = text.slice(0, source.offsetAt(edit.range.start)) + edit.newText + text.slice(source.offsetAt(edit.range.end));
  }
  return text;
}
