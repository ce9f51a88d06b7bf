import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

describe('variable-invalid-value', () => {
  test('int of a word fails at the env line', () => {
    const analysis = analyzeFiles({
      '.env.example': 'PAGE_SIZE=twenty\n',
      'settings.py': 'import os\nPAGE_SIZE = int(os.environ.get("PAGE_SIZE", 20))\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), ['.env.example:1']);
    assert.equal(problemsOf(analysis, 'variable-invalid-value')[0]!.related[0]!.location.file, 'settings.py');
  });

  test('numeric value stays silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'PAGE_SIZE=30\n',
      'settings.py': 'import os\nPAGE_SIZE = int(os.environ.get("PAGE_SIZE", 20))\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), []);
  });

  test('environ int cast fails too', () => {
    const analysis = analyzeFiles({
      '.env.example': 'WORKERS=four\n',
      'settings.py': 'import environ\nenv = environ.Env()\nWORKERS = env.int("WORKERS", default=2)\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), ['.env.example:1']);
  });
});

describe('variable-bool-misread', () => {
  test('yes compared with True reads False', () => {
    const analysis = analyzeFiles({
      '.env.example': 'FEATURE=yes\n',
      'settings.py': 'import os\nFEATURE = os.environ.get("FEATURE", "False") == "True"\n',
    });
    assert.deepEqual(findings(analysis, 'variable-bool-misread'), ['.env.example:1']);
  });

  test('exact spelling stays silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'FEATURE=True\n',
      'settings.py': 'import os\nFEATURE = os.environ.get("FEATURE", "False") == "True"\n',
    });
    assert.deepEqual(findings(analysis, 'variable-bool-misread'), []);
  });

  test('bool of False string is True', () => {
    const analysis = analyzeFiles({
      '.env.example': 'FEATURE=False\n',
      'settings.py': 'import os\nFEATURE = bool(os.environ.get("FEATURE", ""))\n',
    });
    assert.deepEqual(findings(analysis, 'variable-bool-misread'), ['.env.example:1']);
  });
});

describe('template placeholders', () => {
  test('empty template value is no cast error', () => {
    const analysis = analyzeFiles({
      '.env.production.example': 'SECRET_KEY=\nDATABASE_URL=\nWORKERS=\n',
      'settings.py': 'import os\nimport dj_database_url\nSECRET_KEY = os.environ["SECRET_KEY"]\nDATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}\nWORKERS = int(os.environ["WORKERS"])\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), []);
  });

  test('wrong template value still reported', () => {
    const analysis = analyzeFiles({
      '.env.production.example': 'WORKERS=four\n',
      'settings.py': 'import os\nWORKERS = int(os.environ["WORKERS"])\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), ['.env.production.example:1']);
  });

  test('empty real value still reported', () => {
    const analysis = analyzeFiles({
      '.env': 'WORKERS=\n',
      'settings.py': 'import os\nWORKERS = int(os.environ["WORKERS"])\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), ['.env:1']);
  });
});
