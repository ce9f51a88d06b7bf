import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandEscapes } from '../../../server/src/parsers/env/compose-escapes.js';
import { interpolateCompose } from '../../../server/src/parsers/env/compose-interpolation.js';
import {
  ComposeReader,
  type ComposeStatement,
} from '../../../server/src/parsers/env/compose-scanner.js';

function read(text: string): ComposeStatement[] {
  const reader = new ComposeReader(text);
  const statements: ComposeStatement[] = [];
  for (let statement = reader.next(); statement; statement = reader.next()) {
    statements.push(statement);
  }
  return statements;
}

/** Values Docker Compose sets for `text`, or the kind of the first error. */
function composeValues(text: string): Record<string, string> | string {
  const result: Record<string, string> = {};
  for (const statement of read(text)) {
    if (statement.error) return statement.error.kind;
    if (statement.inherited || statement.value === undefined) continue;
    result[statement.key] = statement.value;
  }
  return result;
}

// Expected values were measured with compose-go's dotenv parser (commit e70e961).
describe('ComposeReader values', () => {
  const cases: [name: string, text: string, expected: Record<string, string> | string][] = [
    ['spaces at equals', 'A = 1', { A: '1' }],
    ['glued hash', 'A=foo#bar', { A: 'foo#bar' }],
    ['leading hash', 'A=#notcomment', { A: '#notcomment' }],
    ['comment after space', 'A=foo # note', { A: 'foo' }],
    ['text after quote', 'A="foo" bar\n', { A: 'foo' }],
    ['last line without equals', 'A="foo" bar', { A: 'foo', '': 'bar' }],
    ['quote inside value', 'A=abc"def"', { A: 'abc"def"' }],
    ['yaml style', 'A: 1\nB:2', { A: '1', B: '2' }],
    ['bare key', 'A\nB=1', { B: '1' }],
    ['missing key', '=abc', { '': 'abc' }],
    ['non-ascii key', 'ÄÖ=1', { ÄÖ: '1' }],
    ['space in key', 'FOO BAR=1', 'key-space'],
    ['quoted key', "'A'=1", 'unexpected-character'],
    ['unterminated quote', 'A="abc\nB=2', 'unterminated-quote'],
    ['multi-line quote', 'A="abc\nB=2\n"', { A: 'abc\nB=2\n' }],
    ['byte order mark', '\ufeffA=1', { A: '1' }],
    ['crlf in quotes', 'A="l1\r\nl2"', { A: 'l1\r\nl2' }],
    ['lone carriage return', 'A=1\rB=2\r', { A: '1\rB=2' }],
    ['invalid reference', 'A=${B', 'invalid-interpolation'],
    ['required variable', 'A=${B:?boom}', 'required-variable'],
    ['export at end', 'A=1\nexport ', 'missing-key'],
    ['nested default', 'A=${X:-${Y:-deep}}', { A: 'deep' }],
    ['default then text', 'A=${X:-a}b}', { A: 'ab}' }],
    ['earlier key wins', 'A=1\nA=2\nB=$A', { A: '2', B: '2' }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      assert.deepEqual(composeValues(text), expected);
    });
  }

  it('statement offsets', () => {
    const [statement] = read('  export KEY="v" # c');
    assert.equal(statement!.start, 9);
    assert.equal(statement!.valueStart, 13);
    assert.equal(statement!.valueEnd, 16);
    assert.equal(statement!.textAfterQuote, false);
  });

  it('resumes after an error', () => {
    const statements = read('BAD KEY=1\nGOOD=2');
    assert.equal(statements.length, 2);
    assert.equal(statements[1]!.value, '2');
  });
});

describe('expandEscapes', () => {
  it('shell escapes', () => {
    assert.equal(expandEscapes('a\\tb\\nc\\\\d\\"e'), 'a\tb\nc\\d"e');
  });

  it('dollar becomes double dollar', () => {
    assert.equal(expandEscapes('\\$X'), '$$X');
  });

  it('unknown escape kept', () => {
    assert.equal(expandEscapes('\\x\\c'), '\\x\\c');
  });

  it('invalid octal loses zero', () => {
    assert.equal(expandEscapes('\\0-\\012'), '\\-\\12');
  });
});

describe('interpolateCompose', () => {
  const lookup = (name: string): string | undefined =>
    ({ SET: 'value', EMPTY: '' })[name];

  it('operators on set and empty', () => {
    assert.equal(interpolateCompose('${EMPTY:-d}|${EMPTY-d}', lookup).value, 'd|');
    const alternatives = '${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}';
    assert.equal(interpolateCompose(alternatives, lookup).value, 'alt||alt');
    assert.equal(interpolateCompose('${UNSET+alt}|${UNSET-d}', lookup).value, '|d');
  });

  it('required variable error', () => {
    const result = interpolateCompose('${EMPTY:?no}', lookup);
    assert.deepEqual(result.error, { kind: 'required', name: 'EMPTY' });
    assert.equal(interpolateCompose('${EMPTY?no}', lookup).error, undefined);
  });

  it('invalid reference error', () => {
    assert.deepEqual(interpolateCompose('x ${1BAD}', lookup).error, { kind: 'invalid' });
  });

  it('literal dollars', () => {
    assert.equal(interpolateCompose('$$SET $ $1 end$', lookup).value, '$SET $ $1 end$');
  });

  it('deep nesting does not throw', () => {
    const template = '${A:-'.repeat(50_000) + 'x' + '}'.repeat(50_000);
    assert.equal(typeof interpolateCompose(template, lookup).value, 'string');
  });
});
