// A small deployment with one known finding per file, so a test can replace one file with
// hostile input and still check that the other files were analysed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import type { Problem } from '../../server/src/core/problem.js';

export const baseFiles: Record<string, string> = {
  'docker-compose.yml': [
    'services:',
    '  web:',
    '    image: shop/web:1.4',
    '    command: gunicorn config.wsgi -b 0.0.0.0:8000',
    '    env_file: .env',
    '    environment:',
    '      DJANGO_SETTINGS_MODULE: config.settings',
    '      API_TOKEN: "q7Lm2Xv9Rt4Kp8Zw3Nc6Bd1F"',
    '  nginx:',
    '    image: nginx:1.27',
    '    volumes:',
    '      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro',
    '',
  ].join('\n'),
  '.env': [
    'DEBUG=False',
    'SECRET_KEY=Vh3#kq9!Lw2@zX7$Rm5%Tb8^Nc4&Pd6*Jf1(Gs0)Ya-Ue_Io+Kl=Mn',
    'LEGACY_FLAG=1',
    '',
  ].join('\n'),
  'config/settings.py': [
    'import os',
    '',
    'SECRET_KEY = os.environ["SECRET_KEY"]',
    'DEBUG = os.environ.get("DEBUG", "False") == "True"',
    'ALLOWED_HOSTS = ["*"]',
    '',
  ].join('\n'),
  'nginx/default.conf': [
    'server {',
    '    listen 80;',
    '    server_tokens on;',
    '    location / {',
    '        proxy_pass http://web:8000;',
    '    }',
    '}',
    '',
  ].join('\n'),
};

/** Finding each base file produces, as `code file:line` (1-based line). */
export const markers: Record<string, string> = {
  'docker-compose.yml': 'compose-secret-literal docker-compose.yml:8',
  '.env': 'variable-unused .env:3',
  'config/settings.py': 'django-allowed-hosts-wildcard config/settings.py:5',
  'nginx/default.conf': 'nginx-server-tokens-on nginx/default.conf:3',
};

/** Findings as `code file:line` strings (1-based line), for readable asserts. */
export function describeProblems(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.code} ${problem.location.file}:${problem.location.range.start.line + 1}`);
}

/** Markers of every base file except those in `replaced`. */
export function markersExcept(...replaced: string[]): string[] {
  return Object.entries(markers)
    .filter(([file]) => !replaced.includes(file))
    .map(([, marker]) => marker);
}

/** Writes the base deployment with `files` added or replacing base files; removed after the tests. */
export function writeWorkspace(files: Record<string, string | Buffer> = {}): string {
  return writeFiles({ ...baseFiles, ...files });
}

/** Writes exactly `files` into a fresh temporary folder, removed after the tests. */
export function writeFiles(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-robustness-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}
