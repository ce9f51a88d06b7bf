import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeWorkspace, type Analysis } from '../../../server/src/analysis/analyze.js';
import { applyFixes } from '../../../server/src/analysis/apply-fixes.js';
import type { Fix, Problem } from '../../../server/src/core/problem.js';
import { createWorkspace, findings, problemsOf } from '../../helpers/temp-workspace.js';

const compose = `services:
  web:
    image: shop
    command: gunicorn shop.wsgi -b 0.0.0.0:8000
    env_file: .env
`;

/** Applies `fix` of `problem` in `root` on disk and analyses the folder again. */
function applyAndReanalyse(root: string, problem: Problem, fix: Fix): { texts: Map<string, string>; after: Analysis } {
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const result = applyFixes([problem], read, (candidate) => candidate === fix);
  for (const [file, text] of result.texts) writeFileSync(join(root, file), text);
  return { texts: result.texts, after: analyzeWorkspace(root) };
}

function onlyFix(problem: Problem | undefined): Fix {
  assert.ok(problem, 'no problem');
  assert.equal(problem.fixes.length, 1, `fixes: ${problem.fixes.map((fix) => fix.title).join('; ')}`);
  return problem.fixes[0]!;
}

describe('declare missing variable fix', () => {
  test('adds required name to template', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      'env.template': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-missing')[0];
    const fix = onlyFix(problem);
    assert.equal(fix.title, 'Add API_KEY to env.template');
    assert.equal(fix.safe, false);
    const { texts, after } = applyAndReanalyse(root, problem!, fix);
    assert.equal(texts.get('env.template'), 'SECRET_KEY=\nAPI_KEY=\n');
    assert.deepEqual(findings(after, 'variable-missing'), []);
  });

  test('writes the default as value', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nWORKERS = int(os.environ.get("WORKERS", 4))\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-default-used')[0];
    const fix = onlyFix(problem);
    assert.equal(fix.title, 'Add WORKERS=4 to .env');
    const { texts, after } = applyAndReanalyse(root, problem!, fix);
    assert.equal(texts.get('.env'), 'SECRET_KEY=x\nWORKERS=4\n');
    assert.deepEqual(findings(after, 'variable-default-used'), []);
    assert.deepEqual(findings(after, 'variable-invalid-value'), []);
  });

  test('quotes a default with spaces', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nSITE_NAME = os.environ.get("SITE_NAME", "My shop #1")\n',
    });
    const fix = onlyFix(problemsOf(analyzeWorkspace(root), 'variable-default-used')[0]);
    assert.equal(fix.edits[0]!.newText, "SITE_NAME='My shop #1'\n");
  });

  test('secret default stays empty', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose.replace('env_file: .env', 'env_file: env.template'),
      'env.template': 'DEBUG=False\n',
      'settings.py': 'import os\nDEBUG = os.environ.get("DEBUG") == "True"\nSTRIPE_API_KEY = os.environ.get("STRIPE_API_KEY", "sk-dev-only-placeholder")\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-default-used').find((candidate) => candidate.message.startsWith('STRIPE_API_KEY'));
    const fix = onlyFix(problem);
    assert.equal(fix.edits[0]!.newText, 'STRIPE_API_KEY=\n');
    assert.ok(!fix.title.includes('sk-dev'));
  });

  test('bool default without cast stays empty', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose.replace('env_file: .env', 'env_file: env.template'),
      'env.template': 'SECRET_KEY=x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nUSE_S3 = os.environ.get("USE_S3", False)\n',
    });
    const fix = onlyFix(problemsOf(analyzeWorkspace(root), 'variable-default-used')[0]);
    assert.equal(fix.edits[0]!.newText, 'USE_S3=\n');
  });

  test('real env file gets no placeholder', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nUSE_S3 = os.environ.get("USE_S3", False)\n',
    });
    assert.deepEqual(problemsOf(analyzeWorkspace(root), 'variable-default-used')[0]?.fixes, []);
  });

  test('string default under int is written', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nPORT = int(os.environ.get("DATABASE_PORT", "5432"))\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-default-used')[0];
    const { texts, after } = applyAndReanalyse(root, problem!, onlyFix(problem));
    assert.equal(texts.get('.env'), 'SECRET_KEY=x\nDATABASE_PORT=5432\n');
    assert.deepEqual(findings(after, 'variable-invalid-value'), []);
  });

  test('int read without default gets none', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose.replace('env_file: .env', 'env_file: env.template'),
      'env.template': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nWORKERS = int(os.environ["WORKERS"])\n',
    });
    assert.deepEqual(problemsOf(analyzeWorkspace(root), 'variable-missing')[0]?.fixes, []);
  });

  test('decouple bool default is written', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\n',
      'settings.py': 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\nUSE_S3 = config("USE_S3", default=False, cast=bool)\n',
    });
    const fix = onlyFix(problemsOf(analyzeWorkspace(root), 'variable-default-used')[0]);
    assert.equal(fix.edits[0]!.newText, 'USE_S3=False\n');
  });

  test('missing final newline is added', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose.replace('env_file: .env', 'env_file: env.template'),
      'env.template': 'SECRET_KEY=x',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    const fix = onlyFix(problemsOf(analyzeWorkspace(root), 'variable-missing')[0]);
    assert.equal(fix.edits[0]!.newText, '\nAPI_KEY=\n');
  });

  test('environment-only service gets none', () => {
    const root = createWorkspace({
      'docker-compose.yml': 'services:\n  web:\n    image: shop\n    command: gunicorn shop.wsgi\n    environment:\n      SECRET_KEY: x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    assert.deepEqual(problemsOf(analyzeWorkspace(root), 'variable-missing')[0]?.fixes, []);
  });

  test('settings alone use the template', () => {
    const root = createWorkspace({
      '.env': 'SECRET_KEY=x\n',
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    const fix = onlyFix(problemsOf(analyzeWorkspace(root), 'variable-missing')[0]);
    assert.equal(fix.edits[0]!.file, '.env.example');
  });
});

describe('remove unused variable fix', () => {
  test('deletes the whole line', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\nLEFTOVER=1\nDEBUG=False\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = os.environ["DEBUG"] == "True"\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-unused')[0];
    const fix = onlyFix(problem);
    assert.equal(fix.title, 'Remove LEFTOVER from .env');
    assert.equal(fix.safe, false);
    const { texts, after } = applyAndReanalyse(root, problem!, fix);
    assert.equal(texts.get('.env'), 'SECRET_KEY=x\nDEBUG=False\n');
    assert.deepEqual(findings(after, 'variable-unused'), []);
  });

  test('deletes a multi-line value', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\nCERT="-----BEGIN-----\nabc\n-----END-----"\nDEBUG=False',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = os.environ["DEBUG"] == "True"\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-unused')[0];
    const { texts } = applyAndReanalyse(root, problem!, onlyFix(problem));
    assert.equal(texts.get('.env'), 'SECRET_KEY=x\nDEBUG=False');
  });

  test('last line without newline', () => {
    const root = createWorkspace({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=x\nLEFTOVER=1',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    });
    const problem = problemsOf(analyzeWorkspace(root), 'variable-unused')[0];
    const { texts } = applyAndReanalyse(root, problem!, onlyFix(problem));
    assert.equal(texts.get('.env'), 'SECRET_KEY=x\n');
  });

  test('compose environment entry gets none', () => {
    const root = createWorkspace({
      'docker-compose.yml': `${compose}    environment:\n      LEFTOVER: "1"\n`,
      '.env': 'SECRET_KEY=x\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    });
    assert.deepEqual(problemsOf(analyzeWorkspace(root), 'variable-unused')[0]?.fixes, []);
  });
});
