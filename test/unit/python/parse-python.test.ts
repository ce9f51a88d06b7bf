import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { range } from '../../../server/src/core/range.js';
import type { Stmt } from '../../../server/src/parsers/python/python-ast.js';
import { expr, kinds, parse, py, show } from './helpers.js';

function messages(text: string): string[] {
  return parse(text).errors.map(
    (error) => `${error.range.start.line}:${error.range.start.character} ${error.message}`,
  );
}

function assigned(statements: Stmt[]): string[] {
  return statements.flatMap((statement) =>
    statement.kind === 'assign'
      ? statement.targets.map((target) => (target.kind === 'name' ? target.id : target.kind))
      : [],
  );
}

describe('parser precedence', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['20 * 1024 * 1024', '((20 * 1024) * 1024)'],
    ['2 ** 3 ** 2', '(2 ** (3 ** 2))'],
    ['-2 ** 2', '(-(2 ** 2))'],
    ['2 ** -1', '(2 ** (-1))'],
    ['a // b % c', '((a // b) % c)'],
    ['a | b ^ c & d << 1 + 2', '(a | (b ^ (c & (d << (1 + 2)))))'],
    ['not a == b', '(not (a == b))'],
    ['a and b or c and not d', '((a and b) or (c and (not d)))'],
    ['a or b or c', '(a or b or c)'],
    ['a < b <= c', '(a < b <= c)'],
    ['a not in b', '(a not in b)'],
    ['a is not None', '(a is not None)'],
    ['x if a else y if b else z', '(x if a else (y if b else z))'],
    ['"%s" % a + b', '(("%s" % a) + b)'],
    ['-x.y', '(-x.y)'],
    ['a.b(c)[d].e', 'a.b(c)[d].e'],
  ];
  for (const [source, expected] of cases) {
    test(`precedence of ${source}`, () => {
      assert.equal(show(expr(`x = ${source}`)), expected);
    });
  }
});

describe('parser primaries', () => {
  test('call with keywords and unpacking', () => {
    assert.equal(show(expr('x = f(a, b=1, *c, **d)')), 'f(a, *c, b=1, **=d)');
  });

  test('call with trailing comma', () => {
    assert.equal(show(expr('x = f(\n  "a",\n  default=2,\n)')), 'f("a", default=2)');
  });

  test('generator argument', () => {
    assert.equal(show(expr('x = ",".join(s for s in y)')), '",".join(generator[s for s in y])');
  });

  test('subscripts and slices', () => {
    assert.equal(show(expr('x = a["k"][1:2][::-1][i, j]')), 'a["k"][1:2:][::(-1)][(i, j)]');
  });

  test('list comprehension with filter', () => {
    assert.equal(
      show(expr('x = [o.strip() for o in os.environ.get("X", "").split(",") if o.strip()]')),
      'list[o.strip() for o in os.environ.get("X", "").split(",") if o.strip()]',
    );
  });

  test('dict and set comprehensions', () => {
    assert.equal(show(expr('x = {k: v for k, v in items}')), 'dict[k: v for (k, v) in items]');
    assert.equal(show(expr('x = {v for v in items if v}')), 'set[v for v in items if v]');
  });

  test('displays', () => {
    assert.equal(
      show(expr('x = ([1, *a], {"k": 1, **b}, {1, 2}, (), (1,))')),
      '([1, *a], {"k": 1, **b}, {1, 2}, (), (1,))',
    );
  });

  test('adjacent strings concatenate', () => {
    assert.equal(show(expr('x = ("a" \'b\'\n     "c")')), '"abc"');
  });

  test('f-string parts and fields', () => {
    const node = expr('x = f"redis://{HOST}:{PORT!r:>5}/" "0"');
    assert.equal(show(node), 'f("redis://" {HOST} ":" {PORT} "/0")');
    assert.equal(node.kind === 'fstring' && node.fields?.[1]?.conversion, 'r');
    assert.deepEqual(node.kind === 'fstring' && node.fields?.[1]?.formatSpec, ['>5']);
  });

  test('f-string debug field', () => {
    assert.equal(show(expr('x = f"{a = }"')), 'f("a = " {a})');
  });

  test('f-string field ranges are exact', () => {
    const node = expr('x = f"a{NAME}"');
    const field = node.kind === 'fstring' ? node.parts[1] : undefined;
    assert.deepEqual(typeof field === 'object' && field.range, range(0, 8, 0, 12));
  });

  test('lambda and named expression are unknown', () => {
    assert.equal(show(expr('x = (lambda v: v.split(","), (y := 2))')), '(lambda, unknown)');
  });

  test('expression ranges exclude parentheses', () => {
    const node = expr('x = ( a + b )');
    assert.deepEqual(node.range, range(0, 6, 0, 11));
  });

  test('tuple range includes parentheses', () => {
    assert.deepEqual(expr('x = (1, 2)').range, range(0, 4, 0, 10));
  });
});

describe('parser statements', () => {
  test('chained and tuple assignments', () => {
    const body = parse('A = B = 1\nC, (D, *E) = 1, (2, 3)\n').body;
    assert.deepEqual(assigned(body), ['A', 'B', 'tuple']);
  });

  test('subscript and attribute targets', () => {
    const body = parse('X["k"]["j"] = 1\nobj.attr = 2\n').body;
    assert.deepEqual(assigned(body), ['subscript', 'attribute']);
  });

  test('annotated and augmented assignment', () => {
    const body = parse('A: int = 5\nB: str\nC += [1]\nD //= 2\n').body;
    assert.deepEqual(kinds(body), ['annassign', 'annassign', 'augassign', 'augassign']);
    assert.equal(body[3]!.kind === 'augassign' && body[3]!.op, '//');
  });

  test('if elif else', () => {
    const body = parse('if a:\n    X = 1\nelif b:\n    X = 2\nelse:\n    X = 3\n').body;
    const statement = body[0]!;
    assert.equal(statement.kind, 'if');
    assert.equal(statement.kind === 'if' && statement.orelse[0]?.kind, 'if');
  });

  test('try with handlers', () => {
    const statement = parse(
      py(
        'try:',
        '    from .local import *',
        'except (ImportError, KeyError) as e:',
        '    pass',
        'except:',
        '    X = 1',
        'else:',
        '    Y = 1',
        'finally:',
        '    Z = 1',
      ),
    ).body[0]!;
    assert.equal(statement.kind, 'try');
    if (statement.kind !== 'try') return;
    assert.equal(statement.handlers.length, 2);
    assert.equal(show(statement.handlerTypes![0]!), '(ImportError, KeyError)');
    assert.equal(statement.handlerTypes![1], null);
    assert.deepEqual([statement.orelse.length, statement.finalbody.length], [1, 1]);
  });

  test('with, for and while bodies are read', () => {
    const body = parse(
      py(
        'with open(f) as fh:',
        '    A = 1',
        'for x in y:',
        '    B = 2',
        'else:',
        '    C = 3',
        'while z:',
        '    D = 4',
      ),
    ).body;
    assert.deepEqual(kinds(body), ['with', 'for', 'while']);
    assert.equal(body[1]!.kind === 'for' && show(body[1]!.iter!), 'y');
  });

  test('imports with levels and stars', () => {
    const body = parse(
      py(
        'import os, os.path as p',
        'from .base import *',
        'from ..pkg.mod import (a as b,',
        '  c,)',
        'from . import base',
      ),
    ).body;
    assert.deepEqual(body[0]!.kind === 'import' && body[0]!.names, [
      { name: 'os' },
      { name: 'os.path', asname: 'p' },
    ]);
    assert.deepEqual(body[1]!.kind === 'from' && [body[1]!.module, body[1]!.level, body[1]!.star], [
      'base',
      1,
      true,
    ]);
    assert.deepEqual(
      body[2]!.kind === 'from' && [body[2]!.module, body[2]!.level, body[2]!.names],
      ['pkg.mod', 2, [{ name: 'a', asname: 'b' }, { name: 'c' }]],
    );
    assert.deepEqual(body[3]!.kind === 'from' && [body[3]!.module, body[3]!.level], ['', 1]);
  });

  test('from import module range', () => {
    const statement = parse('from .base import *\n').body[0]!;
    assert.deepEqual(statement.kind === 'from' && statement.moduleRange, range(0, 5, 0, 10));
  });

  test('def and class are skipped whole', () => {
    const body = parse(
      py(
        '@decorator(x)',
        'def f(a):',
        '    if a:',
        '        return 1',
        '    X = 2',
        'class C(Base):',
        '    Y = 1',
        'Z = 3',
      ),
    ).body;
    assert.deepEqual(kinds(body), ['def', 'class', 'assign']);
    assert.equal(body[0]!.kind === 'def' && body[0]!.name, 'f');
    assert.deepEqual(body[0]!.range, range(0, 0, 4, 9));
  });

  test('one-line def is skipped', () => {
    assert.deepEqual(kinds(parse('def f(): return 1\nX = 1\n').body), ['def', 'assign']);
  });

  test('simple statements as other', () => {
    assert.deepEqual(kinds(parse('pass\ndel x\nglobal y\nassert z, "m"\nraise E\n').body), [
      'other',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  test('semicolons separate statements', () => {
    assert.deepEqual(assigned(parse('A = 1; B = 2;\n').body), ['A', 'B']);
  });

  test('single-line if body', () => {
    const statement = parse('if DEBUG: X = 1; Y = 2\n').body[0]!;
    assert.equal(statement.kind === 'if' && statement.body.length, 2);
  });

  test('match statement is skipped', () => {
    assert.deepEqual(kinds(parse('match x:\n    case 1:\n        Y = 1\nZ = 1\n').body), [
      'other',
      'assign',
    ]);
  });

  test('soft keyword names still assign', () => {
    assert.deepEqual(assigned(parse('match = 1\ntype = 2\ncase = 3\n').body), [
      'match',
      'type',
      'case',
    ]);
  });

  test('docstring is an expression statement', () => {
    const statement = parse('"""Settings."""\nX = 1\n').body[0]!;
    assert.equal(statement.kind === 'expr' && statement.value.kind, 'str');
  });

  test('statement range covers the line', () => {
    assert.deepEqual(parse('DEBUG = True  # c\n').body[0]!.range, range(0, 0, 0, 12));
  });
});

describe('parser error recovery', () => {
  test('unclosed bracket keeps later statements', () => {
    const module = parse('A = 1\nDEBUG = (\nSECRET = "x"\nif A:\n    B = 2\n');
    assert.deepEqual(messages('A = 1\nDEBUG = (\nSECRET = "x"\nif A:\n    B = 2\n'), [
      "1:8 '(' was never closed",
    ]);
    assert.deepEqual(kinds(module.body), ['assign', 'assign', 'if']);
    assert.deepEqual(assigned(module.body), ['A', 'SECRET']);
  });

  test('stray closer keeps later statements', () => {
    const module = parse('A = 1)\nB = 2\n');
    assert.deepEqual(
      module.errors.map((error) => error.message),
      ["unmatched ')'"],
    );
    assert.deepEqual(assigned(module.body), ['A', 'B']);
  });

  test('invalid line is skipped', () => {
    const module = parse('A = 1\nB = = 2\nC = 3\n');
    assert.deepEqual(assigned(module.body), ['A', 'C']);
    assert.equal(module.errors.length, 1);
    assert.deepEqual(module.errors[0]!.range.start, { line: 1, character: 4 });
  });

  test('keyword as value is an error', () => {
    assert.match(messages('A = if\nB = 1\n')[0]!, /^0:4 invalid syntax/);
  });

  test('assignment to a call is rejected', () => {
    assert.match(messages('f() = 1\n')[0]!, /cannot assign to function call/);
  });

  test('broken if test still reads the block', () => {
    const module = parse('if a ==:\n    B = 1\nC = 2\n');
    assert.equal(module.errors.length, 1);
    const statement = module.body[0]!;
    assert.equal(statement.kind === 'if' && statement.test.kind, 'unknown');
    assert.deepEqual(statement.kind === 'if' && assigned(statement.body), ['B']);
    assert.deepEqual(assigned(module.body), ['C']);
  });

  test('unexpected indent reads the block', () => {
    const module = parse('A = 1\n    B = 2\nC = 3\n');
    assert.deepEqual(messages('A = 1\n    B = 2\nC = 3\n'), ['1:0 unexpected indent']);
    assert.deepEqual(assigned(module.body), ['A', 'B', 'C']);
  });

  test('missing block is an error', () => {
    assert.match(messages('if a:\nB = 1\n')[0]!, /expected an indented block/);
  });

  test('unterminated string keeps later statements', () => {
    assert.deepEqual(assigned(parse('A = "abc\nB = 2\n').body), ['A', 'B']);
  });
});

describe('parser limits', () => {
  test('10000 nested brackets give one error', () => {
    const module = parse(`X = ${'('.repeat(10000)}1${')'.repeat(10000)}\nY = 2\n`);
    assert.deepEqual(
      module.errors.map((error) => error.message),
      ['expression nested too deeply (more than 200 levels)'],
    );
    assert.deepEqual(assigned(module.body), ['Y']);
  });

  test('10000 unclosed brackets do not overflow', () => {
    const module = parse(`X = ${'['.repeat(10000)}\nY = 2\n`);
    assert.ok(module.errors.length >= 1);
    assert.deepEqual(assigned(module.body), ['Y']);
  });

  test('long unary chains are capped', () => {
    assert.equal(parse(`X = ${'-'.repeat(10000)}1\nY = 2\n`).errors.length, 1);
    assert.equal(parse(`X = ${'not '.repeat(10000)}1\nY = 2\n`).errors.length, 1);
    assert.equal(parse(`X = ${'2 ** '.repeat(10000)}1\nY = 2\n`).errors.length, 1);
  });

  test('long flat chains parse', () => {
    const module = parse(`X = ${'1 + '.repeat(5000)}1\n`);
    assert.deepEqual(module.errors, []);
  });

  test('deep indentation is capped', () => {
    const headers = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('');
    const text = `${headers}${' '.repeat(150)}pass\nY = 2\n`;
    const module = parse(text);
    assert.match(module.errors[0]!.message, /too many levels of indentation/);
    assert.deepEqual(assigned(module.body), ['Y']);
  });

  test('binary content never throws', () => {
    const text = Array.from({ length: 20000 }, (_, i) =>
      String.fromCharCode((i * 104729) % 65536),
    ).join('');
    const module = parse(text);
    assert.ok(Array.isArray(module.body));
  });

  test('truncated input never throws', () => {
    const full =
      'import os\nX = {"a": [1, (2, f"{os.environ.get(\'A\', \'b\')}")]}\nif X:\n    Y = 1\n';
    for (let cut = 0; cut <= full.length; cut++)
      assert.ok(Array.isArray(parse(full.slice(0, cut)).body));
  });
});
