import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../../server/src/analysis/analyze.js';
import type { Position } from '../../../server/src/core/range.js';
import { renderVariableJourney } from '../../../server/src/lsp/hover/variable-hover.js';
import { fileKindOf } from '../../../server/src/lsp/hover/hover.js';
import { variableAt } from '../../../server/src/model/variable-at.js';
import { buildVariableJourney } from '../../../server/src/model/variable-journey.js';
import { analyzeFiles } from '../../helpers/temp-workspace.js';

const files: Record<string, string> = {
  'docker-compose.yml': `services:
  web:
    image: shop:\${TAG:-latest}
    command: gunicorn shop.wsgi -b 0.0.0.0:8000
    env_file: .env
    environment:
      LOG_LEVEL: warning
  nginx:
    image: nginx:1.27
    environment:
      NGINX_HOST: shop.example.com
    volumes:
      - ./default.conf.template:/etc/nginx/templates/default.conf.template:ro
`,
  '.env': 'SECRET_KEY=k3yv4lu3-never-shown-anywhere-0123456789abcdef\nREDIS_URL=redis://:p4ssw0rd@redis:6379/0\nWORKERS=4\nLOG_LEVEL=debug\n',
  'settings.py': `import os
SECRET_KEY = os.environ["SECRET_KEY"]
WORKERS = int(os.environ.get("WORKERS", "2"))
TIMEOUT = int(os.getenv("TIMEOUT", "30"))
CACHE_URL = os.environ.get("REDIS_URL")
LOGGING_LEVEL = os.environ.get("LOG_LEVEL", "info")
PAYMENT_KEYS = os.environ.get("PAYMENT_SECRET_KEYS", "plural-default-value")
PAYMENT_TOKEN = os.environ.get("CHARGE_SETTING", "setting-default-value")
`,
  'default.conf.template': 'server {\n    listen 80;\n    server_name ${NGINX_HOST};\n}\n',
};

function nameAt(analysis: Analysis, file: string, position: Position): string | undefined {
  const source = analysis.workspace.source(file);
  assert.ok(source, `${file} was not read`);
  return variableAt(analysis, file, fileKindOf(analysis, file), source, position)?.name;
}

describe('variable under the cursor', () => {
  const analysis = analyzeFiles(files);

  test('env file key', () => {
    assert.equal(nameAt(analysis, '.env', { line: 2, character: 3 }), 'WORKERS');
  });

  test('env file value is none', () => {
    assert.equal(nameAt(analysis, '.env', { line: 2, character: 9 }), undefined);
  });

  test('compose interpolation', () => {
    assert.equal(nameAt(analysis, 'docker-compose.yml', { line: 2, character: 18 }), 'TAG');
  });

  test('compose environment key', () => {
    assert.equal(nameAt(analysis, 'docker-compose.yml', { line: 6, character: 8 }), 'LOG_LEVEL');
  });

  test('settings read name', () => {
    assert.equal(nameAt(analysis, 'settings.py', { line: 2, character: 33 }), 'WORKERS');
  });

  test('settings name outside read', () => {
    assert.equal(nameAt(analysis, 'settings.py', { line: 2, character: 2 }), undefined);
  });

  test('nginx template reference', () => {
    assert.equal(nameAt(analysis, 'default.conf.template', { line: 2, character: 20 }), 'NGINX_HOST');
  });
});

describe('variable journey', () => {
  const analysis = analyzeFiles(files);

  test('declared in the env file', () => {
    const journey = buildVariableJourney(analysis, 'WORKERS');
    assert.deepEqual(journey.declarations.map((declaration) => declaration.location.file), ['.env']);
  });

  test('passed through env_file', () => {
    const passages = buildVariableJourney(analysis, 'WORKERS').passages;
    assert.deepEqual(passages.map((passage) => `${passage.service} ${passage.via} ${passage.value}`), ['web env_file 4']);
  });

  test('read with default and cast', () => {
    const [read] = buildVariableJourney(analysis, 'WORKERS').reads;
    assert.equal(read?.setting, 'WORKERS');
    assert.equal(read?.read.cast, 'int');
    assert.equal(read?.read.hasDefault, true);
  });

  test('provided value in effect', () => {
    const [value] = buildVariableJourney(analysis, 'WORKERS').djangoValues;
    assert.equal(value?.source, 'provided');
    assert.equal(value?.value, '4');
  });

  test('environment beats env_file', () => {
    const [value] = buildVariableJourney(analysis, 'LOG_LEVEL').djangoValues;
    assert.equal(value?.value, 'warning');
    assert.equal(value?.location?.file, 'docker-compose.yml');
  });

  test('unset variable uses default', () => {
    const journey = buildVariableJourney(analysis, 'TIMEOUT');
    assert.deepEqual(journey.declarations, []);
    assert.equal(journey.djangoValues[0]?.source, 'default');
  });

  test('interpolation is listed', () => {
    const journey = buildVariableJourney(analysis, 'TAG');
    assert.deepEqual(journey.interpolations.map((location) => location.file), ['docker-compose.yml']);
  });

  test('template reference is listed', () => {
    const journey = buildVariableJourney(analysis, 'NGINX_HOST');
    assert.deepEqual(journey.templateReferences.map((location) => location.file), ['default.conf.template']);
  });
});

describe('variable journey hover', () => {
  const analysis = analyzeFiles(files);
  const render = (name: string) => renderVariableJourney(buildVariableJourney(analysis, name));

  test('names every stage', () => {
    const text = render('WORKERS');
    assert.match(text, /\*\*Declared\*\*\n- `\.env` line 3: `4`/);
    assert.match(text, /`web` through `env_file` `\.env`/);
    assert.match(text, /`settings\.py` line 3: `os\.environ\.get`, default `"2"`, cast int → `WORKERS`/);
    assert.match(text, /\*\*In effect for Django\*\* \(`settings\.py`, services `web`\)\n`4`, from `\.env` line 3/);
  });

  test('unset variable says default', () => {
    assert.match(render('TIMEOUT'), /not set, so the default `"30"` is used/);
  });

  test('undeclared variable says nowhere', () => {
    assert.match(render('TIMEOUT'), /\*\*Declared\*\*: nowhere in this deployment/);
  });

  test('unread variable says so', () => {
    assert.match(render('TAG'), /\*\*Read in settings\*\*: by no settings module/);
  });

  test('secret value is masked', () => {
    const text = render('SECRET_KEY');
    assert.ok(!text.includes('k3yv4lu3'));
    assert.match(text, /\*\*\*/);
  });

  test('url password is masked', () => {
    const text = render('REDIS_URL');
    assert.ok(!text.includes('p4ssw0rd'));
    assert.match(text, /redis:6379/);
  });

  test('plural secret name is masked', () => {
    assert.ok(!render('PAYMENT_SECRET_KEYS').includes('plural-default-value'));
  });

  test('secret setting masks its variable', () => {
    assert.ok(!render('CHARGE_SETTING').includes('setting-default-value'));
  });

  test('plain default is shown', () => {
    assert.match(render('LOG_LEVEL'), /`"info"`|`warning`/);
  });
});
