import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeWorkspace, type Analysis } from '../../../server/src/analysis/analyze.js';
import { DeploymentCheckCache } from '../../../server/src/analysis/check-cache.js';
import { ParseCache } from '../../../server/src/workspace/parse-cache.js';
import { createWorkspace } from '../../helpers/temp-workspace.js';

/** Files of one compose project in `folder`, whose settings read `TIMEOUT` and `SECRET_KEY`. */
function project(folder: string): Record<string, string> {
  return {
    [`${folder}/docker-compose.yml`]: 'services:\n  web:\n    image: shop\n    command: gunicorn shop.wsgi -b 0.0.0.0:8000\n    env_file: .env\n',
    [`${folder}/.env`]: 'SECRET_KEY=short\nTIMEOUT=20\nLEFTOVER=1\n',
    [`${folder}/settings.py`]: 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nTIMEOUT = int(os.environ["TIMEOUT"])\nDEBUG = True\n',
  };
}

/** Problems without fix edits, which differ between runs where a fix writes a new random key. */
function comparable(analysis: Analysis) {
  return analysis.problems.map(({ fixes, ...problem }) => ({ ...problem, fixes: fixes.map((fix) => fix.title) }));
}

/** Creates a folder analysed repeatedly with one parse cache and one check cache, as the server does. */
function incrementalFolder(files: Record<string, string>) {
  const root = createWorkspace(files);
  const parses = new ParseCache();
  const checks = new DeploymentCheckCache();
  return {
    root,
    checks,
    write(file: string, text: string) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    },
    analyze() {
      return analyzeWorkspace(root, { cache: parses, checkCache: checks });
    },
  };
}

describe('deployment check cache', () => {
  test('first analysis checks all', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    assert.equal(folder.checks.checked, 2);
    assert.equal(folder.checks.reused, 0);
  });

  test('unchanged folder reuses all', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    folder.analyze();
    assert.equal(folder.checks.checked, 0);
    assert.equal(folder.checks.reused, 2);
  });

  test('edit checks its deployment only', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    folder.write('a/.env', 'SECRET_KEY=short\nTIMEOUT=twenty\nLEFTOVER=1\n');
    folder.analyze();
    assert.equal(folder.checks.checked, 1);
    assert.equal(folder.checks.reused, 1);
  });

  test('edit gives fresh problems', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    folder.write('a/.env', 'SECRET_KEY=short\nTIMEOUT=twenty\nLEFTOVER=1\n');
    assert.deepEqual(comparable(folder.analyze()), comparable(analyzeWorkspace(folder.root)));
  });

  test('quoted name elsewhere rechecks all', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    const before = folder.analyze().problems.filter((problem) => problem.code === 'variable-unused');
    assert.equal(before.length, 2);
    // A management command quoting LEFTOVER may read it, so no deployment reports it as unused.
    folder.write('tools/cleanup.py', 'import os\nos.environ.get("LEFTOVER")\n');
    const after = folder.analyze();
    assert.equal(folder.checks.checked, 2);
    assert.deepEqual(after.problems.filter((problem) => problem.code === 'variable-unused'), []);
  });

  test('quoted name in other settings', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    const settings = project('a')['a/settings.py']!;
    folder.write('a/settings.py', `${settings}CLEANUP = os.environ.get("LEFTOVER")\n`);
    const after = folder.analyze();
    assert.equal(folder.checks.checked, 2);
    assert.deepEqual(after.problems.filter((problem) => problem.code === 'variable-unused'), []);
  });

  test('removed deployment is forgotten', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    folder.write('b/docker-compose.yml', 'not: [valid');
    const after = folder.analyze();
    assert.deepEqual(comparable(after), comparable(analyzeWorkspace(folder.root)));
  });
});

describe('incremental analysis equals a fresh one', () => {
  const edits: [string, string][] = [
    ['a/settings.py', 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nTIMEOUT = int(os.environ.get("TIMEOUT", "5"))\nDEBUG = False\n'],
    ['b/.env', 'SECRET_KEY=short\n'],
    ['a/.env', 'TIMEOUT=30\n'],
    ['b/settings.py', 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["*"]\n'],
    ['b/docker-compose.yml', 'services:\n  web:\n    image: shop\n    command: gunicorn shop.wsgi --timeout 10\n    env_file: .env\n    ports:\n      - "5432:5432"\n'],
    ['a/.env', 'SECRET_KEY=short\nTIMEOUT=20\nLEFTOVER=1\n'],
    ['b/.env', ''],
    ['a/settings.py', 'import os\nSECRET_KEY = os.environ["SECRET_KEY"\n'],
  ];

  test('after each of a series of edits', () => {
    const folder = incrementalFolder({ ...project('a'), ...project('b') });
    folder.analyze();
    for (const [file, text] of edits) {
      folder.write(file, text);
      const incremental = comparable(folder.analyze());
      assert.deepEqual(incremental, comparable(analyzeWorkspace(folder.root)), `after editing ${file}`);
    }
  });
});
