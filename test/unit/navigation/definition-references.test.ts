import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles } from '../../helpers/temp-workspace.js';
import { findDefinitions } from '../../../server/src/navigation/definition.js';
import { findReferences } from '../../../server/src/navigation/references.js';
import { deploymentFiles, lineOf, requestAt, textAt } from './helpers.js';

describe('definition', () => {
  const analysis = analyzeFiles(deploymentFiles);

  test('settings read to template', () => {
    const found = findDefinitions(requestAt(analysis, 'settings.py', '"SECRET_KEY"', 2));
    assert.deepEqual(found.map(lineOf), ['env.template:1']);
    assert.equal(textAt(analysis, found[0]!), 'SECRET_KEY');
  });

  test('decouple read to template', () => {
    const found = findDefinitions(requestAt(analysis, 'settings.py', "'DB_USER'", 1));
    assert.deepEqual(found.map(lineOf), ['env.template:2']);
  });

  test('several declarations listed', () => {
    const found = findDefinitions(requestAt(analysis, 'settings.py', 'env.bool("DEBUG', 11));
    assert.deepEqual(found.map(lineOf).sort(), ['docker-compose.yml:10', 'env.template:4']);
  });

  test('quoted compose key narrowed', () => {
    const found = findDefinitions(requestAt(analysis, 'settings.py', 'env.bool("DEBUG', 11));
    const compose = found.find((location) => location.file === 'docker-compose.yml')!;
    assert.equal(textAt(analysis, compose), 'DEBUG');
  });

  test('compose interpolation to template', () => {
    const found = findDefinitions(requestAt(analysis, 'docker-compose.yml', '${DB_USER', 3));
    assert.deepEqual(found.map(lineOf), ['env.template:2']);
  });

  test('included compose file', () => {
    const found = findDefinitions(requestAt(analysis, 'db.yaml', '$DB_USER', 2));
    assert.deepEqual(found.map(lineOf), ['env.template:2']);
  });

  test('nginx template reference', () => {
    const file = 'nginx/templates/default.conf.template';
    const found = findDefinitions(requestAt(analysis, file, '${DB_USER}', 3));
    assert.deepEqual(found.map(lineOf), ['env.template:2']);
  });

  test('environment key to itself', () => {
    const found = findDefinitions(requestAt(analysis, 'docker-compose.yml', 'DATABASE_URL'));
    assert.deepEqual(found.map(lineOf), ['docker-compose.yml:9']);
  });

  test('non-variable position gives none', () => {
    assert.deepEqual(findDefinitions(requestAt(analysis, 'settings.py', 'import os')), []);
    assert.deepEqual(findDefinitions(requestAt(analysis, 'docker-compose.yml', 'gunicorn')), []);
    assert.deepEqual(findDefinitions(requestAt(analysis, 'env.template', 'change-me')), []);
  });

  test('undeclared variable gives none', () => {
    const local = analyzeFiles({ 'settings.py': 'import os\nA = os.environ.get("NOWHERE")\n' });
    assert.deepEqual(findDefinitions(requestAt(local, 'settings.py', '"NOWHERE"', 2)), []);
  });

  test('unread template still found', () => {
    const local = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: app.env\n',
      'app.env': 'OTHER=1\n',
      'env.template': 'ORPHAN=1\n',
      'tools/settings.py': 'import os\nA = os.environ["ORPHAN"]\n',
    });
    const found = findDefinitions(requestAt(local, 'tools/settings.py', '"ORPHAN"', 2));
    assert.deepEqual(found.map(lineOf), ['env.template:1']);
  });
});

describe('references', () => {
  const analysis = analyzeFiles(deploymentFiles);
  const everyUse = [
    'db.yaml:5',
    'docker-compose.yml:9',
    'env.template:2',
    'env.template:3',
    'nginx/templates/default.conf.template:3',
    'settings.py:7',
  ];

  test('every file kind listed', () => {
    const found = findReferences(requestAt(analysis, 'env.template', 'DB_USER'), true);
    assert.deepEqual(found.map(lineOf), everyUse);
  });

  test('each range is the name', () => {
    const found = findReferences(requestAt(analysis, 'env.template', 'DB_USER'), true);
    for (const location of found) assert.equal(textAt(analysis, location), 'DB_USER', lineOf(location));
  });

  test('declarations left out', () => {
    const found = findReferences(requestAt(analysis, 'settings.py', "'DB_USER'"), false);
    assert.deepEqual(found.map(lineOf), everyUse.filter((line) => line !== 'env.template:2'));
  });

  test('environ schema keyword counted', () => {
    const found = findReferences(requestAt(analysis, 'settings.py', 'DEBUG=('), true);
    assert.deepEqual(found.map(lineOf), ['docker-compose.yml:10', 'env.template:4', 'settings.py:5', 'settings.py:8']);
  });

  test('env value reference at cursor', () => {
    const found = findReferences(requestAt(analysis, 'env.template', '${DB_USER}', 3), false);
    assert.equal(found.length, 5);
  });

  test('single-quoted env value ignored', () => {
    const local = analyzeFiles({ '.env': "A=1\nB='${A}'\nC=\"${A}\"\n" });
    const found = findReferences(requestAt(local, '.env', 'A=1', 0), true);
    assert.deepEqual(found.map(lineOf), ['.env:1', '.env:3']);
  });

  test('read in function body', () => {
    const local = analyzeFiles({
      'settings.py': 'import os\n\ndef read():\n    return os.environ.get("INNER")\n',
      '.env': 'INNER=1\n',
    });
    const found = findReferences(requestAt(local, 'settings.py', '"INNER"', 2), true);
    assert.deepEqual(found.map(lineOf).sort(), ['.env:1', 'settings.py:4']);
  });

  test('non-variable position gives none', () => {
    assert.deepEqual(findReferences(requestAt(analysis, 'settings.py', 'import os'), true), []);
    assert.deepEqual(findReferences(requestAt(analysis, 'nginx/nginx.conf', 'listen'), true), []);
  });
});
