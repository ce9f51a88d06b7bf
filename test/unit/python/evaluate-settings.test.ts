import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { range } from '../../../server/src/core/range.js';
import {
  moduleNameForFile,
  resolverFor,
} from '../../../server/src/parsers/python/evaluate-settings.js';
import { evaluate, parse, plain, py, valueOf } from './helpers.js';

function settingsOf(result: ReturnType<typeof evaluate>): Record<string, unknown> {
  return Object.fromEntries(
    [...result.settings].map(([name, assignment]) => [name, plain(assignment.value)]),
  );
}

describe('evaluate if and else', () => {
  const text = py(
    'import os',
    'if os.environ.get("ENV") == "production":',
    '    DEBUG = False',
    'else:',
    '    DEBUG = True',
  );

  test('known test picks the branch', () => {
    assert.equal(plain(valueOf(text, 'DEBUG', { ENV: 'production' })), false);
    assert.equal(plain(valueOf(text, 'DEBUG')), true);
  });

  test('elif chain on env', () => {
    const chain = py(
      'import os',
      'MODE = os.environ.get("MODE", "dev")',
      'if MODE == "prod":',
      '    LEVEL = 3',
      'elif MODE == "stage":',
      '    LEVEL = 2',
      'else:',
      '    LEVEL = 1',
    );
    assert.equal(plain(valueOf(chain, 'LEVEL', { MODE: 'stage' })), 2);
  });

  test('taken branch is conditional', () => {
    const result = evaluate({ 'settings.py': text });
    assert.equal(result.settings.get('DEBUG')!.conditional, true);
    assert.equal(result.history.length, 1);
  });

  test('unknown test with different values is unknown', () => {
    const result = evaluate({
      'settings.py': 'import sys\nX = 1\nif "test" in sys.argv:\n    X = 2\n',
    });
    assert.equal(plain(result.settings.get('X')!.value), '?');
    assert.equal(result.history.length, 2);
  });

  test('unknown test with equal values keeps them', () => {
    const result = evaluate({
      'settings.py': 'import sys\nif sys.argv:\n    X = 1\nelse:\n    X = 1\n',
    });
    assert.equal(plain(result.settings.get('X')!.value), 1);
  });

  test('name bound in one branch keeps its value', () => {
    const result = evaluate({
      'settings.py': 'import sys\nif sys.argv:\n    SECURE_SSL_REDIRECT = True\n',
    });
    assert.equal(plain(result.settings.get('SECURE_SSL_REDIRECT')!.value), true);
    assert.equal(result.settings.get('SECURE_SSL_REDIRECT')!.conditional, true);
  });

  test('merged assignment keeps reads of both branches', () => {
    const result = evaluate(
      {
        'settings.py': py(
          'import os, sys',
          'if sys.argv:',
          '    X = os.environ.get("A")',
          'else:',
          '    X = os.environ.get("B")',
        ),
      },
      { A: '1', B: '2' },
    );
    assert.deepEqual(
      result.settings.get('X')!.reads.map((read) => read.name),
      ['A', 'B'],
    );
  });

  test('conditional expression on env', () => {
    const text2 = 'import os\nX = "on" if os.environ.get("FLAG") else "off"\n';
    assert.equal(plain(valueOf(text2, 'X', { FLAG: '1' })), 'on');
    assert.equal(plain(valueOf(text2, 'X')), 'off');
  });
});

describe('evaluate imports', () => {
  const base = py(
    'import os',
    'DEBUG = True',
    'ALLOWED_HOSTS = ["*"]',
    'SECRET_KEY = os.environ.get("SECRET_KEY", "dev")',
    '_PRIVATE = 1',
  );

  test('star import then override', () => {
    const result = evaluate({
      'shop/settings/base.py': base,
      'shop/settings/production.py':
        'from .base import *\nDEBUG = False\nALLOWED_HOSTS += ["shop.example"]\n',
    });
    assert.deepEqual(settingsOf(result), {
      DEBUG: false,
      ALLOWED_HOSTS: ['*', 'shop.example'],
      SECRET_KEY: 'dev',
    });
    assert.deepEqual(result.files, ['shop/settings/base.py', 'shop/settings/production.py']);
  });

  test('history keeps overridden assignments in order', () => {
    const result = evaluate({
      'shop/settings/base.py': base,
      'shop/settings/production.py': 'from .base import *\nDEBUG = False\n',
    });
    const debug = result.history.filter((assignment) => assignment.name === 'DEBUG');
    assert.deepEqual(
      debug.map((assignment) => [assignment.file, plain(assignment.value)]),
      [
        ['shop/settings/base.py', true],
        ['shop/settings/production.py', false],
      ],
    );
    assert.equal(result.settings.get('SECRET_KEY')!.file, 'shop/settings/base.py');
  });

  test('absolute star import by path suffix', () => {
    const result = evaluate({
      'backend/shop/settings/base.py': base,
      'backend/shop/settings/production.py': 'from shop.settings.base import *\nDEBUG = False\n',
    });
    assert.deepEqual(plain(result.settings.get('ALLOWED_HOSTS')!.value), ['*']);
    assert.equal(plain(result.settings.get('DEBUG')!.value), false);
  });

  test('circular imports stop', () => {
    const result = evaluate(
      {
        'pkg/a.py': 'from .b import *\nA = 1\n',
        'pkg/b.py': 'from .a import *\nB = 2\n',
      },
      {},
      'pkg/a.py',
    );
    assert.deepEqual(settingsOf(result), { B: 2, A: 1 });
    assert.deepEqual(result.files, ['pkg/b.py', 'pkg/a.py']);
  });

  test('module imported twice runs once', () => {
    const result = evaluate({
      'pkg/base.py': 'import os\nX = os.environ.get("X")\n',
      'pkg/settings.py': 'from .base import *\nfrom .base import X as Y\n',
    });
    assert.equal(result.reads.length, 1);
    assert.equal(plain(result.settings.get('Y')!.value), null);
  });

  test('module attribute after from import', () => {
    const result = evaluate({
      'pkg/base.py': 'TIMEOUT = 30\n',
      'pkg/settings.py': 'from . import base\nTIMEOUT = base.TIMEOUT * 2\n',
    });
    assert.equal(plain(result.settings.get('TIMEOUT')!.value), 60);
  });

  test('missing local settings falls to handler', () => {
    const result = evaluate({
      'pkg/settings.py':
        'DEBUG = False\ntry:\n    from .local import *\nexcept ImportError:\n    LOCAL = False\n',
    });
    assert.deepEqual(settingsOf(result), { DEBUG: false, LOCAL: false });
  });

  test('present local settings override', () => {
    const result = evaluate({
      'pkg/local.py': 'DEBUG = True\n',
      'pkg/settings.py':
        'DEBUG = False\ntry:\n    from .local import *\nexcept ImportError:\n    pass\n',
    });
    assert.equal(plain(result.settings.get('DEBUG')!.value), true);
  });

  test('external imports are not run', () => {
    const result = evaluate({
      'settings.py': 'from django.conf import settings\nimport dj_database_url\nX = 1\n',
    });
    assert.deepEqual(settingsOf(result), { X: 1 });
  });

  test('star import honours __all__', () => {
    const result = evaluate({
      'pkg/base.py': '__all__ = ["A"]\nA = 1\nB = 2\n',
      'pkg/settings.py': 'from .base import *\n',
    });
    assert.deepEqual(settingsOf(result), { A: 1 });
  });
});

describe('evaluate try and mutations', () => {
  test('try falls back when key is missing', () => {
    const text = py(
      'import os',
      'try:',
      '    SECRET_KEY = os.environ["SECRET_KEY"]',
      'except KeyError:',
      '    SECRET_KEY = "fallback"',
    );
    assert.equal(plain(valueOf(text, 'SECRET_KEY')), 'fallback');
    assert.equal(plain(valueOf(text, 'SECRET_KEY', { SECRET_KEY: 'real' })), 'real');
  });

  test('handler for another exception does not run', () => {
    const text =
      'import os\nX = 1\ntry:\n    X = int(os.environ["X"])\nexcept ValueError:\n    X = 0\n';
    assert.equal(plain(valueOf(text, 'X')), 1);
  });

  test('finally always runs', () => {
    assert.equal(plain(valueOf('try:\n    A = 1\nfinally:\n    B = 2\n', 'B')), 2);
  });

  test('list and dict mutations', () => {
    const text = py(
      'MIDDLEWARE = ["a", "b"]',
      'MIDDLEWARE.insert(0, "first")',
      'MIDDLEWARE.append("last")',
      'MIDDLEWARE.remove("a")',
      'DATABASES = {"default": {"HOST": "db"}}',
      'DATABASES["default"]["CONN_MAX_AGE"] = 60',
      'DATABASES["default"].update({"PORT": 5432})',
    );
    const result = evaluate({ 'settings.py': text });
    assert.deepEqual(settingsOf(result), {
      MIDDLEWARE: ['first', 'b', 'last'],
      DATABASES: { default: { HOST: 'db', CONN_MAX_AGE: 60, PORT: 5432 } },
    });
  });

  test('subscript assignment records the whole target', () => {
    const result = evaluate({ 'settings.py': 'D = {}\nD["k"] = 1\n' });
    assert.deepEqual(result.settings.get('D')!.targetRange, range(1, 0, 1, 6));
    assert.deepEqual(result.settings.get('D')!.valueRange, range(1, 9, 1, 10));
  });

  test('earlier assignment keeps its value', () => {
    const result = evaluate({ 'settings.py': 'L = [1]\nL.append(2)\n' });
    assert.deepEqual(
      result.history.map((assignment) => plain(assignment.value)),
      [[1], [1, 2]],
    );
  });

  test('loop over known list runs per item', () => {
    const result = evaluate({
      'settings.py': 'APPS = []\nfor name in ["a", "b"]:\n    APPS.append(name)\n',
    });
    assert.deepEqual(plain(result.settings.get('APPS')!.value), ['a', 'b']);
    assert.equal(result.settings.get('APPS')!.conditional, true);
  });

  test('loop over unknown list merges', () => {
    const result = evaluate({
      'settings.py': 'import sys\nAPPS = []\nfor name in sys.argv:\n    APPS.append(name)\n',
    });
    assert.equal(plain(result.settings.get('APPS')!.value), '?');
  });

  test('tuple unpacking', () => {
    const result = evaluate({ 'settings.py': 'A, (B, *C) = 1, (2, 3, 4)\n' });
    assert.deepEqual(settingsOf(result), { A: 1, B: 2, C: [3, 4] });
  });

  test('chained assignment binds both', () => {
    const result = evaluate({ 'settings.py': 'A = B = [1]\n' });
    assert.deepEqual(settingsOf(result), { A: [1], B: [1] });
  });

  test('annotated and augmented assignment', () => {
    const result = evaluate({ 'settings.py': 'A: int = 5\nA *= 3\nB = "x"\nB += "y"\n' });
    assert.deepEqual(settingsOf(result), { A: 15, B: 'xy' });
  });
});

describe('evaluate assignment records', () => {
  test('ranges of target and value', () => {
    const result = evaluate({
      'settings.py': 'import os\nDEBUG = os.environ.get("DEBUG") == "1"\n',
    });
    const debug = result.settings.get('DEBUG')!;
    assert.deepEqual(debug.targetRange, range(1, 0, 1, 5));
    assert.deepEqual(debug.valueRange, range(1, 8, 1, 38));
    assert.equal(debug.file, 'settings.py');
    assert.equal(debug.expr.kind, 'compare');
  });

  test('reads of an assignment include nested ones', () => {
    const result = evaluate({
      'settings.py': py(
        'import os',
        'DATABASES = {"default": {',
        '    "HOST": os.environ.get("DB_HOST"),',
        '    "PORT": int(os.environ.get("DB_PORT", 5432)),',
        '}}',
      ),
    });
    assert.deepEqual(
      result.settings.get('DATABASES')!.reads.map((read) => read.name),
      ['DB_HOST', 'DB_PORT'],
    );
  });

  test('failed statement binds unknown and goes on', () => {
    const result = evaluate({
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\n',
    });
    assert.equal(plain(result.settings.get('SECRET_KEY')!.value), '?');
    assert.equal(plain(result.settings.get('DEBUG')!.value), false);
  });

  test('functions and classes bind no setting', () => {
    const result = evaluate({ 'settings.py': 'X = 1\ndef X():\n    pass\nclass Y:\n    pass\n' });
    assert.equal(result.settings.has('X'), false);
  });
});

describe('module resolver', () => {
  const modules = new Map(
    [
      'shop/settings/__init__.py',
      'shop/settings/base.py',
      'shop/settings/production.py',
      'shop/common.py',
      'other/shop/settings/base.py',
    ].map((file) => [file, parse('', file)] as const),
  );
  const resolve = resolverFor(modules);

  test('relative module in package', () => {
    assert.equal(
      resolve('base', 1, 'shop/settings/production.py')?.source.path,
      'shop/settings/base.py',
    );
  });

  test('parent package', () => {
    assert.equal(
      resolve('common', 2, 'shop/settings/production.py')?.source.path,
      'shop/common.py',
    );
  });

  test('package itself', () => {
    assert.equal(
      resolve('', 1, 'shop/settings/production.py')?.source.path,
      'shop/settings/__init__.py',
    );
  });

  test('absolute name prefers nearby file', () => {
    assert.equal(
      resolve('shop.settings.base', 0, 'shop/settings/production.py')?.source.path,
      'shop/settings/base.py',
    );
    assert.equal(
      resolve('shop.settings.base', 0, 'other/shop/settings/x.py')?.source.path,
      'other/shop/settings/base.py',
    );
  });

  test('package by absolute name', () => {
    assert.equal(
      resolve('shop.settings', 0, 'manage.py')?.source.path,
      'shop/settings/__init__.py',
    );
  });

  test('unknown module is undefined', () => {
    assert.equal(resolve('decouple', 0, 'shop/settings/base.py'), undefined);
    assert.equal(resolve('base', 4, 'shop/settings/production.py'), undefined);
  });

  test('module names of files', () => {
    assert.equal(moduleNameForFile('shop/settings/base.py'), 'shop.settings.base');
    assert.equal(moduleNameForFile('shop/settings/__init__.py'), 'shop.settings');
    assert.equal(moduleNameForFile('settings.py'), 'settings');
  });
});
