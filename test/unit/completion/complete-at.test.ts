import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../../server/src/analysis/analyze.js';
import { completeAt } from '../../../server/src/completion/complete-at.js';
import type { CompletionCandidate } from '../../../server/src/completion/completion-types.js';
import type { Position } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import { fileKindOf } from '../../../server/src/lsp/hover/hover.js';
import { analyzeFiles } from '../../helpers/temp-workspace.js';

/** Marks the cursor in a test text; it is removed before completing. */
const cursor = '|';

const compose = `services:
  web:
    image: shop:\${TAG}
    command: gunicorn shop.wsgi -b 0.0.0.0:8000
    env_file: app.env
    environment:
      WEB_CONCURRENCY: "3"
  nginx:
    image: nginx:1.27
    environment:
      NGINX_HOST: shop.example.com
    volumes:
      - ./nginx/default.conf.template:/etc/nginx/templates/default.conf.template:ro
`;

const files: Record<string, string> = {
  'docker-compose.yml': compose,
  '.env': 'TAG=1.4\n',
  'app.env': 'SECRET_KEY=abcdefghijklmnopqrstuvwxyz0123456789abcdefghijkl\nDATABASE_URL=postgres://shop:hunter2@db/shop\nALLOWED_HOSTS=shop.example.com\n',
  'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n',
  'nginx/default.conf.template': 'server {\n    listen 80;\n    server_name ${NGINX_HOST};\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n',
};

/** Completes `file` with `text` in place of its content, at the `|` in that text. */
function complete(
  analysis: Analysis,
  file: string,
  text: string,
  triggerCharacter?: string,
): CompletionCandidate[] {
  const offset = text.indexOf(cursor);
  assert.notEqual(offset, -1, 'test text has no cursor mark');
  const source = new SourceFile(file, text.slice(0, offset) + text.slice(offset + 1));
  const position: Position = source.positionAt(offset);
  return completeAt({ analysis, file, kind: fileKindOf(analysis, file), source, position, triggerCharacter });
}

function labels(candidates: CompletionCandidate[]): string[] {
  return candidates.map((candidate) => candidate.label).sort();
}

function candidate(candidates: CompletionCandidate[], label: string): CompletionCandidate {
  const found = candidates.find((entry) => entry.label === label);
  assert.ok(found, `no candidate ${label} among ${labels(candidates).join(', ')}`);
  return found;
}

describe('variable names in settings reads', () => {
  const analysis = analyzeFiles(files);

  test('environ get proposes names', () => {
    const found = labels(complete(analysis, 'settings.py', 'import os\nX = os.environ.get("|'));
    assert.ok(found.includes('SECRET_KEY'));
    assert.ok(found.includes('WEB_CONCURRENCY'));
    assert.ok(found.includes('TAG'));
  });

  test('partial name sets the range', () => {
    const found = candidate(complete(analysis, 'settings.py', 'import os\nX = os.getenv("ALLO|WED")'), 'ALLOWED_HOSTS');
    assert.deepEqual(found.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 22 } });
  });

  test('subscript read proposes names', () => {
    assert.ok(labels(complete(analysis, 'settings.py', "import os\nX = os.environ['|")).includes('ALLOWED_HOSTS'));
  });

  test('decouple config proposes names', () => {
    const text = 'from decouple import config\nX = config("|';
    assert.ok(labels(complete(analysis, 'settings.py', text)).includes('DATABASE_URL'));
  });

  test('environ method proposes names', () => {
    const text = 'import environ\nenv = environ.Env()\nX = env.bool("|';
    assert.ok(labels(complete(analysis, 'settings.py', text)).includes('SECRET_KEY'));
  });

  test('names reaching django first', () => {
    const found = complete(analysis, 'settings.py', 'import os\nX = os.environ.get("|');
    assert.ok(candidate(found, 'SECRET_KEY').sortText.startsWith('0'));
    assert.ok(candidate(found, 'TAG').sortText.startsWith('1'));
  });

  test('unreached name explains why', () => {
    const found = complete(analysis, 'settings.py', 'import os\nX = os.environ.get("|');
    assert.match(candidate(found, 'TAG').documentation, /Not passed to the services that run Django/);
  });

  test('secret value is hidden', () => {
    const found = candidate(complete(analysis, 'settings.py', 'import os\nX = os.getenv("|'), 'SECRET_KEY');
    assert.ok(!found.detail.includes('abcdefghij'));
    assert.ok(!found.documentation.includes('abcdefghij'));
    assert.match(found.detail, /\*\*\*/);
  });

  test('url password is hidden', () => {
    const found = candidate(complete(analysis, 'settings.py', 'import os\nX = os.getenv("|'), 'DATABASE_URL');
    assert.ok(!found.detail.includes('hunter2'));
    assert.ok(!found.documentation.includes('hunter2'));
  });

  test('plain string proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'X = "|', '"'), []);
  });

  test('comment proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', '# os.environ.get("|'), []);
  });

  test('f-string proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'import os\nX = os.environ.get(f"|'), []);
  });
});

describe('setting names', () => {
  const analysis = analyzeFiles(files);

  test('module level proposes settings', () => {
    const found = complete(analysis, 'settings.py', 'import os\nSECURE_HS|');
    const hsts = candidate(found, 'SECURE_HSTS_SECONDS');
    assert.equal(hsts.category, 'setting');
    assert.deepEqual(hsts.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  });

  test('module level if body counts', () => {
    const found = complete(analysis, 'settings.py', 'import os\nif os.environ.get("PROD"):\n    DEB|');
    assert.ok(labels(found).includes('DEBUG'));
  });

  test('function body proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'def f():\n    DEB|'), []);
  });

  test('right-hand side proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'X = DEB|'), []);
  });

  test('trigger character proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'DEB|', '$'), []);
  });

  test('lowercase name proposes nothing', () => {
    assert.deepEqual(complete(analysis, 'settings.py', 'deb|'), []);
  });
});

describe('compose interpolation names', () => {
  const analysis = analyzeFiles(files);
  const before = compose.replace('${TAG}', '${|');

  test('braced reference proposes names', () => {
    assert.ok(labels(complete(analysis, 'docker-compose.yml', before, '{')).includes('TAG'));
  });

  test('project env names first', () => {
    const found = complete(analysis, 'docker-compose.yml', before, '{');
    assert.ok(candidate(found, 'TAG').sortText.startsWith('0'));
    assert.ok(candidate(found, 'SECRET_KEY').sortText.startsWith('1'));
  });

  test('environment keys not proposed', () => {
    const found = labels(complete(analysis, 'docker-compose.yml', before, '{'));
    assert.ok(!found.includes('WEB_CONCURRENCY'));
    assert.ok(!found.includes('NGINX_HOST'));
  });

  test('env_file name explains interpolation', () => {
    const found = complete(analysis, 'docker-compose.yml', before, '{');
    assert.match(candidate(found, 'SECRET_KEY').documentation, /does not interpolate it/);
  });

  test('unbraced reference proposes names', () => {
    const text = compose.replace('${TAG}', '$T|');
    assert.ok(labels(complete(analysis, 'docker-compose.yml', text)).includes('TAG'));
  });

  test('escaped dollar proposes nothing', () => {
    const text = compose.replace('${TAG}', () => '$${|');
    assert.deepEqual(complete(analysis, 'docker-compose.yml', text, '{'), []);
  });

  test('yaml comment proposes nothing', () => {
    const text = compose.replace('image: shop:${TAG}', 'image: shop # ${|');
    assert.deepEqual(complete(analysis, 'docker-compose.yml', text, '{'), []);
  });
});

describe('nginx completion', () => {
  const analysis = analyzeFiles(files);
  const template = files['nginx/default.conf.template']!;

  test('template reference proposes names', () => {
    const text = template.replace('${NGINX_HOST}', '${|');
    const found = complete(analysis, 'nginx/default.conf.template', text, '{');
    assert.ok(candidate(found, 'NGINX_HOST').sortText.startsWith('0'));
  });

  test('unbraced dollar is nginx variable', () => {
    const text = template.replace('${NGINX_HOST}', '$ho|');
    const found = complete(analysis, 'nginx/default.conf.template', text);
    assert.ok(!labels(found).includes('NGINX_HOST'));
  });

  test('location proposes its directives', () => {
    const text = template.replace('proxy_pass', 'proxy_re|');
    const found = labels(complete(analysis, 'nginx/default.conf.template', text));
    assert.ok(found.includes('proxy_read_timeout'));
  });

  test('plus directive marked and last', () => {
    const text = template.replace('proxy_pass', 'health_ch|');
    const found = candidate(complete(analysis, 'nginx/default.conf.template', text), 'health_check');
    assert.match(found.detail, /NGINX Plus only/);
    assert.ok(found.sortText.startsWith('1'));
  });

  test('open source directive first', () => {
    const text = template.replace('proxy_pass', 'proxy_re|');
    const found = candidate(complete(analysis, 'nginx/default.conf.template', text), 'proxy_read_timeout');
    assert.ok(found.sortText.startsWith('0'));
  });

  test('server-only directive not in location', () => {
    const text = template.replace('proxy_pass', 'liste|');
    assert.ok(!labels(complete(analysis, 'nginx/default.conf.template', text)).includes('listen'));
  });

  test('server block proposes listen', () => {
    const text = template.replace('listen 80;', 'liste|');
    assert.ok(labels(complete(analysis, 'nginx/default.conf.template', text)).includes('listen'));
  });

  test('argument proposes nothing', () => {
    const text = template.replace('listen 80;', 'listen |');
    assert.deepEqual(complete(analysis, 'nginx/default.conf.template', text), []);
  });

  test('brace trigger proposes nothing', () => {
    const text = template.replace('location / {', 'location / {|');
    assert.deepEqual(complete(analysis, 'nginx/default.conf.template', text, '{'), []);
  });
});
