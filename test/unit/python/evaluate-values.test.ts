import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { plain, valueOf } from './helpers.js';

/** Value of `X = <source>` after the given prelude. */
function value(source: string, prelude = '', env: Record<string, string> = {}): unknown {
  return plain(valueOf(`import os\n${prelude}X = ${source}\n`, 'X', env));
}

describe('evaluate arithmetic', () => {
  const cases: [string, unknown][] = [
    ['20 * 1024 * 1024', 20971520],
    ['7 // 2', 3],
    ['-7 // 2', -4],
    ['-7 % 3', 2],
    ['7 % -3', -2],
    ['2 ** 10', 1024],
    ['2 ** -1', 0.5],
    ['7 / 2', 3.5],
    ['-(3 + 4)', -7],
    ['True + 1', 2],
    ['1 << 4 | 1', 17],
    ['~5', -6],
    ['60 * 60 * 24 * 365', 31536000],
    ['0o644', 420],
    ['1.5 * 2', 3],
  ];
  for (const [source, expected] of cases) {
    test(`arithmetic ${source}`, () => {
      assert.equal(value(source), expected);
    });
  }

  test('int division result is float', () => {
    assert.equal(valueOf('X = 4 / 2\n', 'X')?.type, 'float');
  });

  test('division by zero is unknown', () => {
    assert.equal(value('1 / 0'), '?');
  });

  test('unknown operand gives unknown', () => {
    assert.equal(value('Path(__file__).parent / "static"', 'from pathlib import Path\n'), '?');
  });
});

describe('evaluate unknown operands', () => {
  // `U` is the result of a call the evaluator cannot follow, and `'?'` marks an unknown result.
  const cases: [string, unknown][] = [
    ['not U', '?'],
    ['not not U', '?'],
    ['bool(U)', '?'],
    ['U or False', '?'],
    ['False or U', '?'],
    ['U and True', '?'],
    ['True and U', '?'],
    ['False and U', false],
    ['True or U', true],
    ['not (U or True)', false],
    ['bool(U or True)', true],
    ['not (U and False)', true],
    ['1 if (U or 1) else 0', 1],
    ['1 if (U and 0) else 0', 0],
    ['U == True', '?'],
    ['U is None', '?'],
    ['U in {"1", "true"}', '?'],
    ['U < 3', '?'],
    ['1 if U else 0', '?'],
    ['1 if U else 1', 1],
    ['any([U])', '?'],
    ['any([U, True])', true],
    ['all([U, False])', false],
  ];
  for (const [source, expected] of cases) {
    test(`unknown ${source}`, () => {
      assert.equal(value(source, 'U = compute()\n'), expected);
    });
  }

  test('decided or keeps the value unknown', () => {
    const result = valueOf('U = compute()\nX = U or True\n', 'X');
    assert.equal(result?.type, 'unknown');
    assert.equal(result?.type === 'unknown' && result.truthy, true);
  });
});

describe('evaluate strings', () => {
  const cases: [string, unknown][] = [
    ['"a" + "b" * 3', 'abbb'],
    ['"-c statement_timeout=%s" % 30000', '-c statement_timeout=30000'],
    ['"%s:%d" % ("db", 5432)', 'db:5432'],
    ['"%(host)s:%(port)05d" % {"host": "h", "port": 80}', 'h:00080'],
    ['"%.2f%%" % 12.345', '12.35%'],
    ['"%r" % "x"', "'x'"],
    ['"{}:{}".format("h", 1)', 'h:1'],
    ['"{0}-{0}-{name}".format("a", name="b")', 'a-a-b'],
    ['"{:>5}|{:<3}|{:^5}".format("a", "b", "c")', '    a|b  |  c  '],
    ['"{:,}".format(1234567)', '1,234,567'],
    ['"{:.1f}".format(2.25)', '2.2'],
    ['"{d[k]}".format(d={"k": "v"})', 'v'],
    ['f"redis://{H}:{P}/0"', 'redis://cache:6379/0'],
    ['f"{P:05d}|{H!r}|{H=}"', "06379|'cache'|H='cache'"],
    ['f"{P * 2}"', '12758'],
    ['" a, b ,c ".split(",")', [' a', ' b ', 'c ']],
    ['"a b  c".split()', ['a', 'b', 'c']],
    ['"a,b,c".split(",", 1)', ['a', 'b,c']],
    ['"a,b,c".rsplit(",", 1)', ['a,b', 'c']],
    ['"  x  ".strip()', 'x'],
    ['"xxhixx".strip("x")', 'hi'],
    ['"Hello".lower() + "Hello".upper()', 'helloHELLO'],
    ['"a-b-c".replace("-", "_")', 'a_b_c'],
    ['"a-b-c".replace("-", "", 1)', 'ab-c'],
    ['"https://x".startswith(("http://", "https://"))', true],
    ['"file.py".endswith(".txt")', false],
    ['", ".join(["a", "b"])', 'a, b'],
    ['"abc"[1]', 'b'],
    ['"abcdef"[1:4]', 'bcd'],
    ['"abc"[::-1]', 'cba'],
    ['len("abc")', 3],
    ['str(1.0) + str(None) + str(True)', '1.0NoneTrue'],
    ['str([1, "a"])', "[1, 'a']"],
  ];
  for (const [source, expected] of cases) {
    test(`string ${source}`, () => {
      assert.deepEqual(value(source, 'H = "cache"\nP = 6379\n'), expected);
    });
  }

  test('missing format argument is unknown', () => {
    assert.equal(value('"%s %s" % ("a",)'), '?');
  });
});

describe('evaluate containers and builtins', () => {
  const cases: [string, unknown][] = [
    ['[1, 2][-1]', 2],
    ['{"a": {"b": 1}}["a"]["b"]', 1],
    ['{"a": 1}.get("b", 2)', 2],
    ['[*[1, 2], 3]', [1, 2, 3]],
    ['{**{"a": 1}, "b": 2}', { a: 1, b: 2 }],
    ['{"a": 1} | {"a": 2}', { a: 2 }],
    ['(1,) + (2,)', [1, 2]],
    ['list("ab")', ['a', 'b']],
    ['tuple([1])', [1]],
    ['sorted([3, 1, 2])', [1, 2, 3]],
    ['max(1, 5, 3) + min([4, 2])', 7],
    ['sum([1, 2, 3])', 6],
    ['int("  42 ") + int(3.9) + int("1_000")', 1045],
    ['float("1e3")', 1000],
    ['bool("") or bool([])', false],
    ['dict(a=1)', { a: 1 }],
    ['[i * 2 for i in range(3)]', [0, 2, 4]],
    ['{k: v for k, v in [("a", 1)]}', { a: 1 }],
    ['[x for x in [1, 2, 3] if x > 1]', [2, 3]],
    ['"a" in ["a", "b"]', true],
    ['"k" not in {"k": 1}', false],
    ['1 < 2 < 3', true],
    ['1 < 2 > 3', false],
    ['None is None', true],
    ['1 if 0 else 2', 2],
    ['0 or "" or "x"', 'x'],
    ['1 and 0', 0],
    ['not []', true],
    ['os.path.join("/app", "static", "css")', '/app/static/css'],
    ['os.path.join("/app", "/abs")', '/abs'],
    ['int("ff", 16)', 255],
  ];
  for (const [source, expected] of cases) {
    test(`value of ${source}`, () => {
      assert.deepEqual(value(source), expected);
    });
  }

  test('comprehension over unknown is unknown', () => {
    assert.equal(value('[x for x in sys.argv]', 'import sys\n'), '?');
  });

  test('missing key is unknown', () => {
    assert.equal(value('{"a": 1}["b"]'), '?');
  });

  test('unknown function is unknown', () => {
    assert.equal(
      value(
        'get_random_secret_key()',
        'from django.core.management.utils import get_random_secret_key\n',
      ),
      '?',
    );
  });
});

describe('evaluate environment values', () => {
  test('hosts split and stripped', () => {
    const source = '[o.strip() for o in os.environ.get("HOSTS", "").split(",") if o.strip()]';
    assert.deepEqual(value(source, '', { HOSTS: 'a.com, b.com,' }), ['a.com', 'b.com']);
    assert.deepEqual(value(source), []);
  });

  test('set value beats default', () => {
    assert.equal(value('os.environ.get("X", "d")', '', { X: 'set' }), 'set');
    assert.equal(value('os.environ.get("X", "d")'), 'd');
  });

  test('unset get without default is None', () => {
    assert.equal(value('os.getenv("X")'), null);
  });

  test('unset subscript is unknown', () => {
    assert.equal(value('os.environ["X"]'), '?');
  });

  test('os.getenv default keeps its type', () => {
    assert.equal(value('os.getenv("DEBUG", True)'), true);
    assert.equal(value('os.getenv("DEBUG", True)', '', { DEBUG: 'False' }), 'False');
  });

  test('fallback with or', () => {
    assert.equal(value('os.environ.get("X") or "fallback"'), 'fallback');
  });

  test('presence check', () => {
    assert.equal(value('"DEBUG" in os.environ'), false);
    assert.equal(value('"DEBUG" in os.environ', '', { DEBUG: '' }), true);
    assert.equal(value('"DEBUG" not in os.environ.keys()', '', { DEBUG: '1' }), false);
  });

  test('membership of other mappings unknown', () => {
    assert.equal(value('"DEBUG" in os.path'), '?');
  });

  test('environ assignment changes later reads', () => {
    assert.equal(value('os.environ.get("MODE")', 'os.environ["MODE"] = "fast"\n'), 'fast');
  });
});
