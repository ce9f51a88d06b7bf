import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { range } from '../../../server/src/core/range.js';
import { evaluate, plain, py } from './helpers.js';

/** Value of `X` read from the environment variable `V` set to `raw` (or unset). */
function read(source: string, raw: string | undefined, prelude = 'import os\n'): unknown {
  const env: Record<string, string> = raw === undefined ? {} : { V: raw };
  return plain(
    evaluate({ 'settings.py': `${prelude}X = ${source}\n` }, env).settings.get('X')?.value,
  );
}

function issuesOf(text: string, env: Record<string, string>) {
  return evaluate({ 'settings.py': text }, env).issues;
}

describe('boolean truth tables', () => {
  // value, bool(v), v == "True", decouple cast=bool, env.bool
  const table: [string, boolean, boolean, boolean | '?', boolean][] = [
    ['True', true, true, true, true],
    ['true', true, false, true, true],
    ['1', true, false, true, true],
    ['yes', true, false, true, true],
    ['y', true, false, true, true],
    ['on', true, false, true, true],
    ['ok', true, false, '?', true],
    ['t', true, false, true, false],
    ['2', true, false, '?', true],
    ['-1', true, false, '?', true],
    ['0', true, false, false, false],
    ['False', true, false, false, false],
    ['false', true, false, false, false],
    ['no', true, false, false, false],
    ['off', true, false, false, false],
    ['', false, false, false, false],
    [' true', true, false, '?', true],
    ['enabled', true, false, '?', false],
    ['Ture', true, false, '?', false],
  ];
  for (const [raw, truthy, equalsTrue, decouple, environ] of table) {
    test(`truth of ${JSON.stringify(raw)}`, () => {
      assert.equal(read('bool(os.environ.get("V"))', raw), truthy);
      assert.equal(read('os.environ.get("V") == "True"', raw), equalsTrue);
      assert.equal(read('config("V", cast=bool)', raw, 'from decouple import config\n'), decouple);
      assert.equal(read('env.bool("V")', raw, 'import environ\nenv = environ.Env()\n'), environ);
    });
  }

  test('decouple default goes through the cast', () => {
    assert.equal(
      read('config("V", default="off", cast=bool)', undefined, 'from decouple import config\n'),
      false,
    );
    assert.equal(
      read('config("V", default=True, cast=bool)', undefined, 'from decouple import config\n'),
      true,
    );
  });

  test('environ default is not parsed', () => {
    assert.equal(
      read('env.bool("V", default="False")', undefined, 'import environ\nenv = environ.Env()\n'),
      'False',
    );
  });

  test('environ schema default and cast', () => {
    const prelude = 'import environ\nenv = environ.Env(V=(bool, False))\n';
    assert.equal(read('env("V")', 'on', prelude), true);
    assert.equal(read('env("V")', undefined, prelude), false);
  });

  test('environ smart cast from default type', () => {
    assert.equal(read('env("V", default=0)', '42', 'import environ\nenv = environ.Env()\n'), 42);
  });

  test('environ list keeps spaces', () => {
    assert.deepEqual(
      read('env.list("V")', 'a.com, b.com,', 'import environ\nenv = environ.Env()\n'),
      ['a.com', ' b.com'],
    );
  });

  test('decouple Csv strips and honours quotes', () => {
    assert.deepEqual(
      read('config("V", cast=Csv())', 'a.com, "b, c" ,d', 'from decouple import config, Csv\n'),
      ['a.com', 'b, c', 'd'],
    );
    assert.deepEqual(
      read('config("V", cast=Csv(int))', '1, 2', 'from decouple import config, Csv\n'),
      [1, 2],
    );
  });

  test('environ proxied value', () => {
    const result = evaluate(
      { 'settings.py': 'import environ\nenv = environ.Env()\nX = env("A")\n' },
      { A: '$B', B: 'real' },
    );
    assert.equal(plain(result.settings.get('X')!.value), 'real');
  });

  test('database url becomes a config dict', () => {
    const url = 'postgres://app:pw@db:5432/shop?sslmode=require';
    assert.deepEqual(read('env.db("V")', url, 'import environ\nenv = environ.Env()\n'), {
      NAME: 'shop',
      USER: 'app',
      PASSWORD: 'pw',
      HOST: 'db',
      PORT: 5432,
      OPTIONS: { sslmode: 'require' },
      ENGINE: 'django.db.backends.postgresql',
    });
    assert.deepEqual(
      read('dj_database_url.config(env="V", conn_max_age=600)', url, 'import dj_database_url\n'),
      {
        NAME: 'shop',
        USER: 'app',
        PASSWORD: 'pw',
        HOST: 'db',
        PORT: 5432,
        CONN_MAX_AGE: 600,
        CONN_HEALTH_CHECKS: false,
        OPTIONS: { sslmode: 'require' },
        ENGINE: 'django.db.backends.postgresql',
      },
    );
  });

  test('unset dj-database-url gives an empty dict', () => {
    assert.deepEqual(
      read('dj_database_url.config(env="V")', undefined, 'import dj_database_url\n'),
      {},
    );
  });
});

describe('value issue cast-failed', () => {
  test('int of a word fires at the env value', () => {
    const issues = issuesOf('import os\nPAGE_SIZE = int(os.environ.get("PAGE_SIZE", 20))\n', {
      PAGE_SIZE: 'twenty',
    });
    assert.equal(issues.length, 1);
    const issue = issues[0]!;
    assert.equal(issue.kind, 'cast-failed');
    assert.equal(issue.read.name, 'PAGE_SIZE');
    assert.equal(issue.value, 'twenty');
    assert.equal(issue.message, "int('twenty') raises ValueError at start-up.");
    assert.deepEqual(issue.range, range(1, 12, 1, 48));
    assert.deepEqual(issue.valueLocation, { file: '.env', range: range(0, 0, 0, 9) });
  });

  test('numeric value stays silent', () => {
    assert.deepEqual(issuesOf('import os\nX = int(os.environ.get("X", 20))\n', { X: ' 30 ' }), []);
  });

  test('failing default stays silent', () => {
    assert.deepEqual(issuesOf('import os\nX = int(os.environ.get("X", ""))\n', {}), []);
  });

  test('float of a word fires', () => {
    assert.equal(
      issuesOf('import os\nX = float(os.getenv("X"))\n', { X: 'fast' })[0]?.message,
      "float('fast') raises ValueError at start-up.",
    );
  });

  test('decouple bool of maybe fires', () => {
    const issues = issuesOf('from decouple import config\nDEBUG = config("DEBUG", cast=bool)\n', {
      DEBUG: 'maybe',
    });
    assert.equal(issues.length, 1);
    assert.match(issues[0]!.message, /^cast=bool raises ValueError on 'maybe'/);
    assert.deepEqual(issues[0]!.range, range(1, 8, 1, 34));
  });

  test('decouple int cast fires', () => {
    assert.equal(
      issuesOf('from decouple import config\nX = config("X", cast=int)\n', { X: '1.5' })[0]?.kind,
      'cast-failed',
    );
  });

  test('environ int fires', () => {
    assert.equal(
      issuesOf('import environ\nenv = environ.Env()\nW = env.int("W", default=2)\n', {
        W: 'four',
      })[0]?.message,
      "int('four') raises ValueError at start-up.",
    );
  });

  test('environ bool never fires', () => {
    assert.deepEqual(
      issuesOf('import environ\nenv = environ.Env()\nD = env.bool("D")\n', { D: 'maybe' }),
      [],
    );
  });

  test('json.loads of invalid json fires', () => {
    assert.match(
      issuesOf('import os, json\nX = json.loads(os.environ["X"])\n', { X: '{bad' })[0]!.message,
      /^json\.loads raises JSONDecodeError/,
    );
  });

  test('decouple Csv with open quote fires', () => {
    assert.match(
      issuesOf('from decouple import config, Csv\nX = config("X", cast=Csv())\n', { X: 'a,"b' })[0]!
        .message,
      /^Csv\(\) raises ValueError/,
    );
  });

  test('unknown database scheme fires', () => {
    assert.match(
      issuesOf('import dj_database_url\nD = dj_database_url.config(env="D")\n', {
        D: 'nosuch://x',
      })[0]!.message,
      /^dj_database_url raises ValueError/,
    );
  });

  test('loop body reports once', () => {
    const text = py('import os', 'for i in range(3):', '    X = int(os.environ["X"])');
    assert.equal(issuesOf(text, { X: 'many' }).length, 1);
  });

  test('secret values stay out of messages', () => {
    const message = issuesOf('import os\nX = int(os.environ["API_TOKEN"])\n', {
      API_TOKEN: 'hunter2',
    })[0]!.message;
    assert.equal(message.includes('hunter2'), false);
  });
});

describe('value issue bool-compare', () => {
  const compare = 'import os\nFEATURE = os.environ.get("FEATURE", "False") == "True"\n';

  test('yes compared with True fires', () => {
    const issues = issuesOf(compare, { FEATURE: 'yes' });
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.kind, 'bool-compare');
    assert.equal(issues[0]!.value, 'yes');
    assert.deepEqual(issues[0]!.range, range(1, 10, 1, 54));
    assert.equal(
      issues[0]!.message,
      "'yes' == 'True' is False, so the setting reads as False although 'yes' means True.",
    );
  });

  for (const spelling of ['1', 'on', 'true']) {
    test(`${spelling} compared with True fires`, () => {
      assert.equal(issuesOf(compare, { FEATURE: spelling }).length, 1);
    });
  }

  test('exact spelling stays silent', () => {
    assert.deepEqual(issuesOf(compare, { FEATURE: 'True' }), []);
  });

  test('false spelling stays silent', () => {
    assert.deepEqual(issuesOf(compare, { FEATURE: 'no' }), []);
  });

  test('default value stays silent', () => {
    assert.deepEqual(issuesOf(compare, {}), []);
  });

  test('lower-cased comparison fires on yes', () => {
    const text = 'import os\nX = os.environ.get("X", "").lower() == "true"\n';
    assert.equal(issuesOf(text, { X: 'yes' })[0]?.value, 'yes');
    assert.deepEqual(issuesOf(text, { X: 'TRUE' }), []);
  });

  test('membership in true spellings fires', () => {
    const text = 'import os\nX = os.environ.get("X", "") in ("true", "1")\n';
    assert.equal(issuesOf(text, { X: 'on' }).length, 1);
    assert.deepEqual(issuesOf(text, { X: '1' }), []);
  });

  test('inequality with False fires on false', () => {
    assert.equal(
      issuesOf('import os\nX = os.environ.get("X") != "False"\n', { X: 'false' })[0]?.kind,
      'bool-compare',
    );
  });
});

describe('value issue bool-of-string', () => {
  const text = 'import os\nDEBUG = bool(os.environ.get("DEBUG", ""))\n';

  test('False string fires', () => {
    const issues = issuesOf(text, { DEBUG: 'False' });
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.kind, 'bool-of-string');
    assert.equal(issues[0]!.read.name, 'DEBUG');
    assert.deepEqual(issues[0]!.range, range(1, 8, 1, 41));
    assert.match(issues[0]!.message, /^bool\('False'\) is True/);
  });

  test('zero string fires', () => {
    assert.equal(issuesOf(text, { DEBUG: '0' }).length, 1);
  });

  test('true string stays silent', () => {
    assert.deepEqual(issuesOf(text, { DEBUG: 'True' }), []);
  });

  test('empty and unset stay silent', () => {
    assert.deepEqual(issuesOf(text, { DEBUG: '' }), []);
    assert.deepEqual(issuesOf(text, {}), []);
  });
});
