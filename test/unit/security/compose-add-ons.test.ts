import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, findings } from './helpers.js';

// The base file runs the production settings behind nginx. The development add-on file switches
// to the local settings and publishes the database, and compose merges it only when run as
// `docker compose -f docker-compose.yml -f docker-compose.dev.yml`.
const base = [
  'services:',
  '  web:',
  '    image: shop:1.0',
  '    command: gunicorn shop.wsgi --bind 0.0.0.0:8000',
  '    environment:',
  '      DJANGO_SETTINGS_MODULE: shop.settings.production',
  '  proxy:',
  '    image: nginx:1.27',
  '    ports: ["443:443"]',
  '    volumes:',
  '      - ./nginx.conf:/etc/nginx/nginx.conf:ro',
  '',
].join('\n');

const devAddOn = [
  'services:',
  '  web:',
  '    command: python manage.py runserver 0.0.0.0:8000',
  '    environment:',
  '      DJANGO_SETTINGS_MODULE: shop.settings.local',
  '  db:',
  '    image: postgres:16',
  '    ports: ["5432:5432"]',
  '',
].join('\n');

const nginx = (maxAge: number) =>
  'events {}\nhttp {\n    server {\n        listen 443 ssl;\n' +
  `        add_header Strict-Transport-Security "max-age=${maxAge}" always;\n    }\n}\n`;

const settings = (production: string) => ({
  'shop/settings/base.py': 'SECRET_KEY = "Vq8-Lr2n-Zp5w-Kx7d-Hc3m-Tb9f-Ny4s-Rg6j-Wu1e-Qa0k"\nDEBUG = False\n',
  'shop/settings/local.py': 'from .base import *\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n',
  'shop/settings/production.py': `from .base import *\nALLOWED_HOSTS = ["shop.example.com"]\n${production}`,
});

describe('development add-on file', () => {
  test('base file alone still reports DEBUG', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': base,
      'docker-compose.dev.yml': devAddOn,
      'nginx.conf': nginx(31536000),
      ...settings('DEBUG = True\n'),
    });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['shop/settings/production.py:3']);
  });

  test('base file alone still reports short HSTS', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': base,
      'docker-compose.dev.yml': devAddOn,
      'nginx.conf': nginx(600),
      ...settings(''),
    });
    assert.deepEqual(findings(analysis, 'nginx-hsts-short'), ['nginx.conf:5']);
  });

  test('development values stay silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': base,
      'docker-compose.dev.yml': devAddOn,
      'nginx.conf': nginx(31536000),
      ...settings(''),
    });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), []);
    assert.deepEqual(findings(analysis, 'django-allowed-hosts-wildcard'), []);
    assert.deepEqual(findings(analysis, 'compose-port-public'), []);
  });
});

describe('production add-on file', () => {
  // Here the base file is the developers' setup and the add-on turns it into production.
  const developmentBase = base
    .replace('gunicorn shop.wsgi --bind 0.0.0.0:8000', 'python manage.py runserver 0.0.0.0:8000')
    .replace('shop.settings.production', 'shop.settings.local');
  const prodAddOn = 'services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: shop.settings.production\n';

  test('production settings report DEBUG', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': developmentBase,
      'docker-compose.prod.yml': prodAddOn,
      'nginx.conf': nginx(31536000),
      ...settings('DEBUG = True\n'),
    });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['shop/settings/production.py:3']);
    assert.deepEqual(findings(analysis, 'django-allowed-hosts-wildcard'), []);
  });

  test('clean production settings stay silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': developmentBase,
      'docker-compose.prod.yml': prodAddOn,
      'nginx.conf': nginx(31536000),
      ...settings(''),
    });
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), []);
  });
});
