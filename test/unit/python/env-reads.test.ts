import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Range } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import {
  envScopeForModule,
  moduleEnvReads,
  recognizeEnvRead,
} from '../../../server/src/parsers/python/env-reads.js';
import type { EnvRead } from '../../../server/src/parsers/python/settings-model.js';
import { evaluate, parse, plain, py } from './helpers.js';

function readsOf(text: string): EnvRead[] {
  return moduleEnvReads(parse(text));
}

/** Returns the last read that `text` contains. */
function lastRead(text: string): EnvRead {
  const reads = readsOf(text);
  assert.ok(reads.length > 0, 'no read recognised');
  return reads[reads.length - 1]!;
}

/** Range of the `occurrence`-th `needle` in `text`. */
function span(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return new SourceFile('settings.py', text).rangeAt(at, at + needle.length);
}

interface Expected {
  name: string;
  idiom: EnvRead['idiom'];
  required: boolean;
  hasDefault: boolean;
  default?: unknown;
  cast?: EnvRead['cast'];
}

function summary(read: EnvRead): Expected {
  const result: Expected = {
    name: read.name,
    idiom: read.idiom,
    required: read.required,
    hasDefault: read.hasDefault,
  };
  if (read.default) result.default = plain(read.default);
  if (read.cast) result.cast = read.cast;
  return result;
}

describe('env reads of os', () => {
  test('os.environ subscript is required', () => {
    const text = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n';
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'SECRET_KEY',
      idiom: 'os.environ[]',
      required: true,
      hasDefault: false,
    });
    assert.deepEqual(read.nameRange, span(text, '"SECRET_KEY"'));
    assert.deepEqual(read.range, span(text, 'os.environ["SECRET_KEY"]'));
    assert.equal(read.file, 'settings.py');
  });

  test('os.environ.get with default', () => {
    const text = 'import os\nDEBUG = os.environ.get("DEBUG", "False")\n';
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'DEBUG',
      idiom: 'os.environ.get',
      required: false,
      hasDefault: true,
      default: 'False',
    });
    assert.deepEqual(read.defaultRange, span(text, '"False"'));
    assert.deepEqual(read.range, span(text, 'os.environ.get("DEBUG", "False")'));
  });

  test('os.environ.get without default', () => {
    assert.deepEqual(summary(lastRead('import os\nX = os.environ.get("X")\n')), {
      name: 'X',
      idiom: 'os.environ.get',
      required: false,
      hasDefault: false,
    });
  });

  test('os.getenv with keyword default', () => {
    assert.deepEqual(summary(lastRead('import os\nX = os.getenv("X", default=True)\n')), {
      name: 'X',
      idiom: 'os.getenv',
      required: false,
      hasDefault: true,
      default: true,
    });
  });

  test('names imported from os', () => {
    const reads = readsOf(
      py(
        'from os import environ, getenv',
        'A = environ["A"]',
        'B = getenv("B", "b")',
        'C = environ.get("C")',
      ),
    );
    assert.deepEqual(
      reads.map((read) => [read.name, read.idiom]),
      [
        ['A', 'os.environ[]'],
        ['B', 'os.getenv'],
        ['C', 'os.environ.get'],
      ],
    );
  });

  test('os imported under another name', () => {
    assert.equal(lastRead('import os as system\nX = system.getenv("X")\n').idiom, 'os.getenv');
  });

  test('environ bound to another object is not os', () => {
    assert.deepEqual(readsOf('import environ\nX = environ["X"]\n'), []);
  });

  test('non-literal name is not a static read', () => {
    assert.deepEqual(readsOf('import os\nX = os.environ.get(NAME)\n'), []);
  });
});

describe('env reads wrapper casts', () => {
  const cases: [string, EnvRead['cast']][] = [
    ['int(os.environ.get("X", "0"))', 'int'],
    ['float(os.getenv("X"))', 'float'],
    ['bool(os.environ.get("X"))', 'bool'],
    ['str(os.environ["X"])', 'str'],
    ['os.environ.get("X", "").split(",")', 'list'],
    ['os.environ.get("X", "").strip().lower().split(",")', 'list'],
    ['json.loads(os.environ["X"])', 'json'],
    ['dj_database_url.parse(os.environ["X"])', 'db'],
    ['Path(os.environ["X"])', 'path'],
    ['int(os.environ.get("X").strip())', 'int'],
  ];
  for (const [source, cast] of cases) {
    test(`cast of ${source}`, () => {
      assert.equal(lastRead(`import os, json, dj_database_url\nX = ${source}\n`).cast, cast);
    });
  }

  test('comprehension over a split read', () => {
    const read = lastRead(
      'import os\nX = [o.strip() for o in os.environ.get("X", "").split(",") if o.strip()]\n',
    );
    assert.equal(read.cast, 'list');
  });

  test('recognizeEnvRead looks through wrappers', () => {
    const module = parse('import os\nX = int(os.environ.get("X", 5))\n');
    const statement = module.body[1]!;
    const read =
      statement.kind === 'assign'
        ? recognizeEnvRead(statement.value, envScopeForModule(module), 'settings.py')
        : undefined;
    assert.equal(read?.name, 'X');
    assert.equal(read?.cast, 'int');
    assert.deepEqual(
      read?.range,
      span('import os\nX = int(os.environ.get("X", 5))\n', 'os.environ.get("X", 5)'),
    );
  });
});

describe('env reads of python-decouple', () => {
  test('config without default is required', () => {
    const text =
      'from decouple import config, Csv\nALLOWED_HOSTS = config("ALLOWED_HOSTS", cast=Csv())\n';
    assert.deepEqual(summary(lastRead(text)), {
      name: 'ALLOWED_HOSTS',
      idiom: 'decouple',
      required: true,
      hasDefault: false,
      cast: 'csv',
    });
  });

  test('config with default and cast', () => {
    const text = 'from decouple import config\nDEBUG = config("DEBUG", default=True, cast=bool)\n';
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'DEBUG',
      idiom: 'decouple',
      required: false,
      hasDefault: true,
      default: true,
      cast: 'bool',
    });
    assert.deepEqual(read.defaultRange, span(text, 'True'));
  });

  test('positional default and cast', () => {
    assert.deepEqual(
      summary(lastRead('from decouple import config\nPORT = config("PORT", 587, int)\n')),
      {
        name: 'PORT',
        idiom: 'decouple',
        required: false,
        hasDefault: true,
        default: 587,
        cast: 'int',
      },
    );
  });

  const casts: [string, EnvRead['cast']][] = [
    ['int', 'int'],
    ['float', 'float'],
    ['str', 'str'],
    ['Csv(cast=int)', 'csv'],
    ['json.loads', 'json'],
    ['lambda v: v.split(",")', 'unknown'],
  ];
  for (const [source, cast] of casts) {
    test(`decouple cast=${source}`, () => {
      assert.equal(
        lastRead(`import json\nfrom decouple import config, Csv\nX = config("X", cast=${source})\n`)
          .cast,
        cast,
      );
    });
  }

  test('decouple module attribute', () => {
    assert.equal(
      lastRead('import decouple\nX = decouple.config("X", default="")\n').idiom,
      'decouple',
    );
  });

  test('AutoConfig instance', () => {
    const read = lastRead(
      'from decouple import AutoConfig\nconfig = AutoConfig(search_path="/app")\nX = config("X")\n',
    );
    assert.deepEqual(summary(read), {
      name: 'X',
      idiom: 'decouple',
      required: true,
      hasDefault: false,
    });
  });

  test('Config with repository', () => {
    assert.equal(
      lastRead(
        py(
          'from decouple import Config, RepositoryEnv',
          'cfg = Config(RepositoryEnv(".env"))',
          'X = cfg("X", default=1)',
        ),
      ).idiom,
      'decouple',
    );
  });
});

describe('env reads of django-environ', () => {
  const header = 'import environ\nenv = environ.Env()\n';

  test('env call without default is required', () => {
    const text = `${header}SECRET_KEY = env("SECRET_KEY")\n`;
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'SECRET_KEY',
      idiom: 'environ',
      required: true,
      hasDefault: false,
    });
    assert.deepEqual(read.nameRange, span(text, '"SECRET_KEY"'));
  });

  test('env call casts to the default type', () => {
    assert.deepEqual(summary(lastRead(`${header}DEBUG = env("DEBUG", default=False)\n`)), {
      name: 'DEBUG',
      idiom: 'environ',
      required: false,
      hasDefault: true,
      default: false,
      cast: 'bool',
    });
  });

  test('env call with cast argument', () => {
    assert.equal(lastRead(`${header}X = env("X", cast=int, default=1)\n`).cast, 'int');
    assert.equal(lastRead(`${header}X = env("X", float)\n`).cast, 'float');
  });

  const methods: [string, EnvRead['cast']][] = [
    ['bool', 'bool'],
    ['int', 'int'],
    ['float', 'float'],
    ['str', 'str'],
    ['list', 'list'],
    ['tuple', 'list'],
    ['json', 'json'],
    ['url', 'url'],
    ['path', 'path'],
  ];
  for (const [method, cast] of methods) {
    test(`env.${method} with default`, () => {
      const read = lastRead(`${header}X = env.${method}("X", default=None)\n`);
      assert.deepEqual(summary(read), {
        name: 'X',
        idiom: 'environ',
        required: false,
        hasDefault: true,
        default: null,
        cast,
      });
    });
  }

  test('env.bool positional default', () => {
    const text = `${header}DEBUG = env.bool("DEBUG", False)\n`;
    const read = lastRead(text);
    assert.equal(read.hasDefault, true);
    assert.deepEqual(read.defaultRange, span(text, 'False'));
  });

  const implicit: [string, string, EnvRead['cast']][] = [
    ['db', 'DATABASE_URL', 'db'],
    ['db_url', 'DATABASE_URL', 'db'],
    ['cache', 'CACHE_URL', 'cache'],
    ['cache_url', 'CACHE_URL', 'cache'],
    ['email_url', 'EMAIL_URL', 'url'],
    ['search_url', 'SEARCH_URL', 'url'],
  ];
  for (const [method, name, cast] of implicit) {
    test(`env.${method}() reads ${name}`, () => {
      const text = `${header}X = env.${method}()\n`;
      const read = lastRead(text);
      assert.deepEqual(summary(read), {
        name,
        idiom: 'environ',
        required: true,
        hasDefault: false,
        cast,
      });
      assert.deepEqual(read.nameRange, span(text, `env.${method}()`));
    });
  }

  test('env.db with a named variable', () => {
    const text = `${header}DB = env.db("PRIMARY_DB_URL", default="sqlite:///db.sqlite3")\n`;
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'PRIMARY_DB_URL',
      idiom: 'environ',
      required: false,
      hasDefault: true,
      default: 'sqlite:///db.sqlite3',
      cast: 'db',
    });
    assert.deepEqual(read.nameRange, span(text, '"PRIMARY_DB_URL"'));
  });

  test('schema gives default and cast', () => {
    const text = py(
      'import environ',
      'env = environ.Env(DEBUG=(bool, False), SECRET_KEY=str)',
      'DEBUG = env("DEBUG")',
      'SECRET_KEY = env("SECRET_KEY")',
    );
    const [debug, secret] = readsOf(text);
    assert.deepEqual(summary(debug!), {
      name: 'DEBUG',
      idiom: 'environ-schema',
      required: false,
      hasDefault: true,
      default: false,
      cast: 'bool',
    });
    assert.deepEqual(debug!.defaultRange, span(text, 'False'));
    assert.deepEqual(summary(secret!), {
      name: 'SECRET_KEY',
      idiom: 'environ-schema',
      required: true,
      hasDefault: false,
      cast: 'str',
    });
  });

  test('explicit default beats schema default', () => {
    const read = lastRead(
      py(
        'import environ',
        'env = environ.Env(DEBUG=(bool, False))',
        'DEBUG = env.bool("DEBUG", default=True)',
      ),
    );
    assert.equal(plain(read.default), true);
  });

  test('Env imported by name', () => {
    assert.equal(
      lastRead('from environ import Env\nenv = Env()\nX = env.int("X", default=1)\n').cast,
      'int',
    );
  });

  test('unbound env from a star import', () => {
    assert.deepEqual(summary(lastRead('from .base import *\nX = env.list("X", default=[])\n')), {
      name: 'X',
      idiom: 'environ',
      required: false,
      hasDefault: true,
      default: [],
      cast: 'list',
    });
  });

  test('read_env is not a read', () => {
    assert.deepEqual(readsOf(`${header}environ.Env.read_env()\nenv.read_env(".env")\n`), []);
  });
});

describe('env reads of dj-database-url', () => {
  test('config with env name', () => {
    const text = py(
      'import dj_database_url',
      'DATABASES = {"default": dj_database_url.config(env="PRIMARY_URL", conn_max_age=600)}',
    );
    const read = lastRead(text);
    assert.deepEqual(summary(read), {
      name: 'PRIMARY_URL',
      idiom: 'dj-database-url',
      required: false,
      hasDefault: false,
      cast: 'db',
    });
    assert.deepEqual(read.nameRange, span(text, '"PRIMARY_URL"'));
  });

  test('config defaults to DATABASE_URL', () => {
    const read = lastRead(
      py(
        'import dj_database_url',
        'DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}',
      ),
    );
    assert.deepEqual(summary(read), {
      name: 'DATABASE_URL',
      idiom: 'dj-database-url',
      required: false,
      hasDefault: true,
      default: 'sqlite:///db.sqlite3',
      cast: 'db',
    });
  });
});

describe('env reads during evaluation', () => {
  test('reads follow imported env objects', () => {
    const result = evaluate({
      'proj/settings/base.py': 'import environ\nenv = environ.Env(DEBUG=(bool, False))\n',
      'proj/settings/production.py': 'from .base import env\nDEBUG = env("DEBUG")\n',
    });
    assert.deepEqual(
      result.reads.map((read) => [read.name, read.idiom, read.file]),
      [['DEBUG', 'environ-schema', 'proj/settings/production.py']],
    );
  });

  test('computed names read during evaluation', () => {
    const result = evaluate({
      'settings.py': 'import os\nPREFIX = "APP_"\nX = os.environ.get(PREFIX + "HOST", "h")\n',
    });
    assert.deepEqual(
      result.reads.map((read) => read.name),
      ['APP_HOST'],
    );
  });

  test('reads in every branch of an unknown test', () => {
    const result = evaluate({
      'settings.py': py(
        'import os, sys',
        'if "test" in sys.argv:',
        '    A = os.environ.get("A")',
        'else:',
        '    B = os.environ.get("B")',
      ),
    });
    assert.deepEqual(
      result.reads.map((read) => read.name),
      ['A', 'B'],
    );
  });

  test('branch not taken is not read', () => {
    const result = evaluate({ 'settings.py': 'import os\nif False:\n    A = os.environ["A"]\n' });
    assert.deepEqual(result.reads, []);
  });

  test('evaluated default is recorded', () => {
    const result = evaluate({
      'settings.py': 'import os\nBASE = 10\nX = int(os.environ.get("X", BASE * 2))\n',
    });
    assert.equal(plain(result.reads[0]!.default), 20);
    assert.equal(result.reads[0]!.cast, 'int');
  });
});
