import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextEdit } from '../../../server/src/core/problem.js';
import { findDefinitions } from '../../../server/src/navigation/definition.js';
import { planRename, prepareRename } from '../../../server/src/navigation/rename.js';
import { analyzeFiles } from '../../helpers/temp-workspace.js';
import { applyEdits, deploymentFiles, requestAt, textAt } from './helpers.js';

function editsOf(result: ReturnType<typeof planRename>): TextEdit[] {
  if ('rejected' in result) assert.fail(result.rejected);
  return result;
}

function rejectionOf(result: ReturnType<typeof planRename> | ReturnType<typeof prepareRename>): string {
  assert.ok('rejected' in result, 'expected a rejection');
  return result.rejected;
}

describe('prepare rename', () => {
  const analysis = analyzeFiles(deploymentFiles);

  test('python literal without quotes', () => {
    const target = prepareRename(requestAt(analysis, 'settings.py', "'DB_USER'"));
    assert.ok(!('rejected' in target));
    assert.equal(target.name, 'DB_USER');
    assert.equal(textAt(analysis, { file: 'settings.py', range: target.range }), 'DB_USER');
  });

  test('nginx template without braces', () => {
    const file = 'nginx/templates/default.conf.template';
    const target = prepareRename(requestAt(analysis, file, '${DB_USER}', 0));
    assert.ok(!('rejected' in target));
    assert.equal(textAt(analysis, { file, range: target.range }), 'DB_USER');
  });

  test('non-variable position rejected', () => {
    const message = rejectionOf(prepareRename(requestAt(analysis, 'docker-compose.yml', 'gunicorn')));
    assert.match(message, /^No variable at this position/);
  });

  test('implicit name rejected', () => {
    const message = rejectionOf(prepareRename(requestAt(analysis, 'settings.py', 'env.db()', 5)));
    assert.match(message, /DATABASE_URL is not written as a plain name/);
  });
});

describe('rename', () => {
  const analysis = analyzeFiles(deploymentFiles);

  test('every file edited', () => {
    const edits = editsOf(planRename(requestAt(analysis, 'env.template', 'DB_USER'), 'DATABASE_USER'));
    const files = [...new Set(edits.map((edit) => edit.file))].sort();
    assert.deepEqual(files, [
      'db.yaml',
      'docker-compose.yml',
      'env.template',
      'nginx/templates/default.conf.template',
      'settings.py',
    ]);
  });

  test('defaults values and quotes kept', () => {
    const edits = editsOf(planRename(requestAt(analysis, 'settings.py', "'DB_USER'"), 'DATABASE_USER'));
    assert.match(applyEdits(analysis, 'docker-compose.yml', edits), /postgres:\/\/\$\{DATABASE_USER:-app\}@db\/app/);
    assert.match(applyEdits(analysis, 'db.yaml', edits), /POSTGRES_USER: \$DATABASE_USER\n/);
    assert.match(applyEdits(analysis, 'env.template', edits), /^DATABASE_USER=app$/m);
    assert.match(applyEdits(analysis, 'env.template', edits), /^LOG_URL=https:\/\/\$\{DATABASE_USER\}@logs$/m);
    assert.match(applyEdits(analysis, 'settings.py', edits), /config\('DATABASE_USER', default='app'\)/);
    const template = applyEdits(analysis, 'nginx/templates/default.conf.template', edits);
    assert.match(template, /X-User "\$\{DATABASE_USER\}"/);
  });

  test('schema keyword renamed', () => {
    const edits = editsOf(planRename(requestAt(analysis, 'settings.py', 'env.bool("DEBUG', 11), 'APP_DEBUG'));
    const settings = applyEdits(analysis, 'settings.py', edits);
    assert.match(settings, /environ\.Env\(APP_DEBUG=\(bool, False\)\)/);
    assert.match(settings, /env\.bool\("APP_DEBUG"\)/);
    assert.match(applyEdits(analysis, 'docker-compose.yml', edits), /"APP_DEBUG": "0"/);
  });

  test('same name gives no edits', () => {
    assert.deepEqual(editsOf(planRename(requestAt(analysis, 'env.template', 'DB_USER'), 'DB_USER')), []);
  });

  test('invalid names rejected', () => {
    for (const name of ['1USER', 'DB-USER', 'DB USER', '', 'ÜSER']) {
      const message = rejectionOf(planRename(requestAt(analysis, 'env.template', 'DB_USER'), name));
      assert.match(message, /is not a valid variable name/, name);
    }
  });

  test('taken name rejected', () => {
    const message = rejectionOf(planRename(requestAt(analysis, 'env.template', 'DB_USER'), 'SECRET_KEY'));
    assert.match(message, /SECRET_KEY is already used at env\.template line 1/);
  });

  test('implicit use elsewhere rejected', () => {
    const request = requestAt(analysis, 'docker-compose.yml', 'DATABASE_URL');
    const message = rejectionOf(planRename(request, 'DB_URL'));
    assert.match(message, /DATABASE_URL is also used at settings\.py line 9/);
  });

  test('non-variable position rejected', () => {
    const message = rejectionOf(planRename(requestAt(analysis, 'settings.py', 'import os'), 'X'));
    assert.match(message, /^No variable at this position/);
  });
});

describe('rename across namespaces', () => {
  const files = {
    'docker-compose.yml': `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_DB: \${POSTGRES_DB:-app}
  web:
    build: .
    command: gunicorn shop.wsgi
    env_file: app.env
`,
    '.env': 'POSTGRES_DB=shop\n',
    'app.env': 'POSTGRES_DB=shop\n',
    'settings.py': 'import os\nNAME = os.environ["POSTGRES_DB"]\n',
  };
  const analysis = analyzeFiles(files);

  test('interpolation keeps container key', () => {
    const edits = editsOf(planRename(requestAt(analysis, 'docker-compose.yml', '${POSTGRES_DB', 3), 'PROJECT_DB'));
    assert.equal(applyEdits(analysis, 'docker-compose.yml', edits).split('\n')[4], '      POSTGRES_DB: ${PROJECT_DB:-app}');
    assert.equal(applyEdits(analysis, '.env', edits), 'PROJECT_DB=shop\n');
    assert.equal(applyEdits(analysis, 'app.env', edits), 'POSTGRES_DB=shop\n');
    assert.equal(applyEdits(analysis, 'settings.py', edits), files['settings.py']);
  });

  test('container read keeps interpolation', () => {
    const edits = editsOf(planRename(requestAt(analysis, 'settings.py', '"POSTGRES_DB"'), 'DATABASE_NAME'));
    assert.equal(applyEdits(analysis, 'app.env', edits), 'DATABASE_NAME=shop\n');
    assert.equal(applyEdits(analysis, '.env', edits), 'POSTGRES_DB=shop\n');
    assert.equal(applyEdits(analysis, 'docker-compose.yml', edits), files['docker-compose.yml']);
  });

  test('interpolation defined in project env', () => {
    const found = findDefinitions(requestAt(analysis, 'docker-compose.yml', '${POSTGRES_DB', 3));
    assert.deepEqual(found.map((location) => location.file), ['.env']);
  });

  test('shared env file renames both', () => {
    const shared = analyzeFiles({ ...files, 'docker-compose.yml': files['docker-compose.yml'].replace('env_file: app.env', 'env_file: .env') });
    const edits = editsOf(planRename(requestAt(shared, 'settings.py', '"POSTGRES_DB"'), 'DATABASE_NAME'));
    assert.equal(applyEdits(shared, '.env', edits), 'DATABASE_NAME=shop\n');
    assert.match(applyEdits(shared, 'docker-compose.yml', edits), /POSTGRES_DB: \$\{DATABASE_NAME:-app\}/);
  });
});
