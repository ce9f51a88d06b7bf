import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PyToken } from '../../../server/src/parsers/python/python-token.js';
import { tokenizePython } from '../../../server/src/parsers/python/tokenize-python.js';

function tokens(text: string): PyToken[] {
  return tokenizePython(text).tokens;
}

/** Token types with the text of names, operators and numbers, for compact comparisons. */
function shape(text: string): string[] {
  return tokens(text).map((token) =>
    token.type === 'name' || token.type === 'op' || token.type === 'number'
      ? token.text
      : token.type.toUpperCase(),
  );
}

function firstString(text: string): PyToken {
  return tokens(text).find((token) => token.type === 'string')!;
}

function errors(text: string): string[] {
  return tokenizePython(text).errors.map(
    (error) => `${error.range.start.line}:${error.range.start.character} ${error.message}`,
  );
}

describe('tokenizer logical lines', () => {
  test('newline ends statements', () => {
    assert.deepEqual(shape('a = 1\nb = 2\n'), [
      'a',
      '=',
      '1',
      'NEWLINE',
      'b',
      '=',
      '2',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('blank and comment lines add nothing', () => {
    assert.deepEqual(shape('\n# note\n   \na = 1  # tail\n'), [
      'COMMENT',
      'a',
      '=',
      '1',
      'COMMENT',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('brackets join lines', () => {
    assert.deepEqual(shape('x = (1,\n  2)\ny = [\n]\n'), [
      'x',
      '=',
      '(',
      '1',
      ',',
      '2',
      ')',
      'NEWLINE',
      'y',
      '=',
      '[',
      ']',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('backslash joins lines', () => {
    assert.deepEqual(shape('x = 1 + \\\n    2\n'), [
      'x',
      '=',
      '1',
      '+',
      '2',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('missing final newline still ends line', () => {
    const list = tokens('a = 1');
    assert.equal(list[list.length - 2]!.type, 'newline');
    assert.equal(list[list.length - 2]!.start, 5);
  });

  test('crlf line endings', () => {
    assert.deepEqual(shape('a = 1\r\nb = 2\r\n'), [
      'a',
      '=',
      '1',
      'NEWLINE',
      'b',
      '=',
      '2',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('offsets are exact', () => {
    const list = tokens('ab = "x"  # c\n');
    assert.deepEqual(
      list.map((token) => [token.type, token.start, token.end]),
      [
        ['name', 0, 2],
        ['op', 3, 4],
        ['string', 5, 8],
        ['comment', 10, 13],
        ['newline', 13, 14],
        ['endmarker', 14, 14],
      ],
    );
  });
});

describe('tokenizer indentation', () => {
  test('indent and dedent', () => {
    assert.deepEqual(shape('if a:\n    b\n    c\nd\n'), [
      'if',
      'a',
      ':',
      'NEWLINE',
      'INDENT',
      'b',
      'NEWLINE',
      'c',
      'NEWLINE',
      'DEDENT',
      'd',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('dedents close at end of file', () => {
    assert.deepEqual(shape('if a:\n  if b:\n    c\n').slice(-4), [
      'NEWLINE',
      'DEDENT',
      'DEDENT',
      'ENDMARKER',
    ]);
  });

  test('tab advances to multiple of eight', () => {
    assert.deepEqual(errors('if a:\n\tb\n        c\n'), []);
  });

  test('bad dedent is an error', () => {
    assert.deepEqual(errors('if a:\n        b\n    c\nd\n'), [
      '2:0 unindent does not match any outer indentation level',
    ]);
  });

  test('bad dedent keeps dedents balanced', () => {
    const list = shape('if a:\n        b\n    c\nd\n');
    assert.equal(
      list.filter((type) => type === 'INDENT').length,
      list.filter((type) => type === 'DEDENT').length,
    );
  });
});

describe('tokenizer names and numbers', () => {
  test('unicode identifiers', () => {
    const list = tokens('café = ñame_2\n');
    assert.equal(list[0]!.value, 'café');
    assert.equal(list[2]!.value, 'ñame_2');
  });

  test('identifier normalised to NFKC', () => {
    assert.equal(tokens('ﬁle = 1\n')[0]!.value, 'file');
  });

  const numbers: [string, number, boolean, boolean][] = [
    ['1_000_000', 1000000, false, false],
    ['0x_FF', 255, false, false],
    ['0o17', 15, false, false],
    ['0b1010', 10, false, false],
    ['3.14', 3.14, true, false],
    ['10.', 10, true, false],
    ['.5', 0.5, true, false],
    ['1e3', 1000, true, false],
    ['1_0.5E-1', 1.05, true, false],
    ['2j', 2, false, true],
    ['0', 0, false, false],
  ];
  for (const [text, value, isFloat, imaginary] of numbers) {
    test(`number ${text}`, () => {
      const token = tokens(`${text}\n`)[0]!;
      assert.equal(token.type, 'number');
      assert.equal(token.text, text);
      assert.deepEqual(token.number, { value, isFloat, imaginary });
    });
  }

  test('leading zero decimal is an error', () => {
    assert.match(errors('x = 0644\n')[0]!, /leading zeros/);
  });

  test('trailing letters make an invalid number', () => {
    assert.match(errors('x = 12abc\n')[0]!, /invalid number literal '12abc'/);
  });

  test('keyword after number is allowed', () => {
    assert.deepEqual(errors('x = 1if y else 2\n'), []);
  });
});

describe('tokenizer strings', () => {
  const prefixes = [
    '',
    'r',
    'u',
    'R',
    'U',
    'b',
    'B',
    'br',
    'Br',
    'bR',
    'BR',
    'rb',
    'rB',
    'Rb',
    'RB',
    'f',
    'F',
    'fr',
    'Fr',
    'fR',
    'FR',
    'rf',
    'rF',
    'Rf',
    'RF',
  ];
  for (const prefix of prefixes) {
    test(`prefix ${prefix || 'none'} is one token`, () => {
      const token = firstString(`x = ${prefix}'a'\n`);
      assert.equal(token.text, `${prefix}'a'`);
      assert.equal(token.string!.prefix, prefix);
      assert.equal(token.string!.raw, prefix.toLowerCase().includes('r'));
      assert.equal(token.string!.bytes, prefix.toLowerCase().includes('b'));
      assert.equal(token.string!.formatted, prefix.toLowerCase().includes('f'));
    });
  }

  test('invalid prefix is a name', () => {
    assert.deepEqual(shape('ub"x"\n').slice(0, 2), ['ub', 'STRING']);
  });

  test('double and single quotes', () => {
    assert.equal(firstString('"it\'s"\n').value, "it's");
    assert.equal(firstString('\'say "hi"\'\n').value, 'say "hi"');
  });

  test('triple quotes span lines', () => {
    const token = firstString('x = """a\n"b"\nc"""\ny = 1\n');
    assert.equal(token.value, 'a\n"b"\nc');
    assert.equal(token.string!.quote, '"""');
  });

  test('escapes are decoded', () => {
    assert.equal(
      firstString(String.raw`'a\tb\n\\\'\x41\101\u00e9\U0001F600'` + '\n').value,
      "a\tb\n\\'AAé😀",
    );
  });

  test('unknown escape is kept', () => {
    assert.equal(firstString(String.raw`'\d\q'` + '\n').value, '\\d\\q');
  });

  test('raw string keeps backslashes', () => {
    assert.equal(firstString(String.raw`r'\n\"'` + '\n').value, '\\n\\"');
  });

  test('bytes keep unicode escapes', () => {
    assert.equal(firstString(String.raw`b'\u00e9\x41'` + '\n').value, '\\u00e9A');
  });

  test('backslash newline continues string', () => {
    assert.equal(firstString("'ab\\\ncd'\n").value, 'abcd');
  });

  test('unterminated string recovers at next line', () => {
    assert.deepEqual(errors('x = "abc\ny = 2\n'), ['0:4 unterminated string literal']);
    assert.deepEqual(shape('x = "abc\ny = 2\n').slice(3), [
      'NEWLINE',
      'y',
      '=',
      '2',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('unterminated triple quote', () => {
    assert.deepEqual(errors("x = '''abc\ny\n"), ['0:4 unterminated triple-quoted string literal']);
  });
});

describe('tokenizer f-strings', () => {
  test('f-string pieces and fields', () => {
    const text = 'x = f"a{{b}} {name!r:>{width}} {y=}"\n';
    const pieces = firstString(text).string!.pieces!;
    assert.deepEqual(
      pieces.map((piece) =>
        piece.kind === 'text'
          ? piece.value
          : text.slice(piece.expressionStart, piece.expressionEnd),
      ),
      ['a{b} ', 'name', ' ', 'y'],
    );
    const field = pieces[1]!;
    assert.equal(field.kind === 'field' && field.conversion, 'r');
    assert.equal(field.kind === 'field' && field.formatSpec?.length, 2);
    assert.equal(pieces[3]!.kind === 'field' && pieces[3]!.debug, true);
  });

  test('f-string has no constant value', () => {
    assert.equal(firstString('f"{a}"\n').value, undefined);
  });

  test('nested quotes inside a field', () => {
    const token = firstString('x = f"{d["k"]} {f\'{y}\'}"\nz = 1\n');
    assert.equal(token.text, 'x = f"{d["k"]} {f\'{y}\'}"'.slice(4));
    assert.equal(token.string!.pieces!.filter((piece) => piece.kind === 'field').length, 2);
  });

  test('field with comparison operators', () => {
    const text = 'f"{a != b}{a == b}{a >= b}"\n';
    const fields = firstString(text).string!.pieces!.filter((piece) => piece.kind === 'field');
    assert.deepEqual(
      fields.map(
        (piece) => piece.kind === 'field' && text.slice(piece.expressionStart, piece.expressionEnd),
      ),
      ['a != b', 'a == b', 'a >= b'],
    );
  });

  test('triple quoted f-string spans lines', () => {
    const token = firstString('f"""a\n{b}\n"""\n');
    assert.equal(token.string!.pieces!.length, 3);
  });

  test('single closing brace is an error', () => {
    assert.match(errors('f"a}b"\n')[0]!, /single '}' is not allowed/);
  });

  test('unclosed field is one error', () => {
    assert.deepEqual(errors('f"{a\n'), ["0:2 f-string: expecting '}'"]);
  });

  test('empty field is an error', () => {
    assert.deepEqual(errors('f"{}"\n'), ["0:2 f-string: valid expression required before '}'"]);
  });

  test('bad conversion is an error', () => {
    assert.match(errors('f"{a!x}"\n')[0]!, /invalid conversion character/);
  });
});

describe('tokenizer operators and errors', () => {
  test('longest operator wins', () => {
    assert.deepEqual(shape('a **= b // c != d := e -> f ...\n').slice(0, 13), [
      'a',
      '**=',
      'b',
      '//',
      'c',
      '!=',
      'd',
      ':=',
      'e',
      '->',
      'f',
      '...',
      'NEWLINE',
    ]);
  });

  test('invalid character is reported once', () => {
    assert.deepEqual(errors('a = $b\n'), ["0:4 invalid character '$' (U+0024)"]);
  });

  test('unmatched closer is dropped', () => {
    assert.deepEqual(errors('a = 1)\nb = 2\n'), ["0:5 unmatched ')'"]);
    assert.deepEqual(shape('a = 1)\n').slice(0, 4), ['a', '=', '1', 'NEWLINE']);
  });

  test('mismatched closer is reported', () => {
    assert.match(
      errors('a = (1]\n')[0]!,
      /closing parenthesis '\]' does not match opening parenthesis '\('/,
    );
  });

  test('never closed bracket is cut', () => {
    assert.deepEqual(errors('a = (\nb = 2\n'), ["0:4 '(' was never closed"]);
    assert.deepEqual(shape('a = (\nb = 2\n'), [
      'a',
      '=',
      '(',
      'NEWLINE',
      'b',
      '=',
      '2',
      'NEWLINE',
      'ENDMARKER',
    ]);
  });

  test('deeper line inside brackets is not cut', () => {
    assert.deepEqual(errors('a = (\n    1,\n    2\n)\n'), []);
  });

  test('continuation before other text is an error', () => {
    assert.match(errors('a = 1 \\ b\n')[0]!, /unexpected character after line continuation/);
  });

  test('binary input never throws', () => {
    const text = Array.from({ length: 5000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 65536),
    ).join('');
    const result = tokenizePython(text);
    assert.ok(result.errors.length <= 100);
    assert.equal(result.tokens[result.tokens.length - 1]!.type, 'endmarker');
  });

  test('byte order mark is skipped', () => {
    assert.deepEqual(shape('\ufeffa = 1\n').slice(0, 1), ['a']);
  });
});
