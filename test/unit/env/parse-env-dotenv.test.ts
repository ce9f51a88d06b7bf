import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import dotenv from 'dotenv';
import { parse, values } from './helpers.js';

// Each text is parsed by npm dotenv and by parseEnv; the values must be identical.
const CASES: [name: string, text: string][] = [
  ['plain assignment', 'A=1'],
  ['export prefix', 'export A=1'],
  ['export with tab', 'export\tA=1'],
  ['spaces around equals', 'A = 1'],
  ['leading indentation', '   A=1'],
  ['inline comment after space', 'A=foo # note'],
  ['hash glued to value', 'A=foo#bar'],
  ['value starting with hash', 'A=#notcomment'],
  ['empty then comment', 'A= # c'],
  ['tab before hash', 'A=foo\t# note'],
  ['double quotes then comment', 'A="foo" # note'],
  ['text after closing quote', 'A="foo" bar'],
  ['quotes inside value', 'A=abc"def"'],
  ['tab escape in double quotes', 'A="t\\tx"'],
  ['double backslash in double quotes', 'A="back\\\\slash"'],
  ['escaped double quotes', 'A="say \\"hi\\""'],
  ['newline escape in double quotes', 'A="a\\nb"'],
  ['carriage return escape', 'A="a\\rb"'],
  ['newline escape in single quotes', "A='a\\nb'"],
  ['escaped single quote', "A='it\\'s'"],
  ['newline escape unquoted', 'A=a\\nb'],
  ['backtick value', 'A=`echo it\'s "x"`'],
  ['unquoted second line', 'A=line1\nline2\nB=after'],
  ['unterminated double quote', 'A="abc\nB=2'],
  ['unterminated quote at end', 'A="abc'],
  ['trailing backslash in quotes', 'A="C:\\\\dir\\\\"'],
  ['bare keys', 'A\nPRESET\nB=1'],
  ['export without value', 'export PRESET'],
  ['json value', 'A={"k": "v"}'],
  ['yaml style lines', 'A: 1\nB:2'],
  ['dash and dot in key', 'FOO-BAR=1\nfoo.bar=2'],
  ['space in key', 'FOO BAR=1'],
  ['digit first key', '1ABC=1'],
  ['non-ascii key', 'ÄÖ=1'],
  ['quoted keys', '\'A\'=1\n"B"=2'],
  ['missing key', '=abc'],
  ['byte order mark', '\ufeffA=1\nB=2'],
  ['crlf line ends', 'A=1\r\nB=2\r\n'],
  ['crlf inside quotes', 'A="l1\r\nl2"\r\nB=3'],
  ['lone carriage returns', 'A=1\rB=2\r'],
  ['multi-line double quotes', 'A="multi\nline\nvalue"\nB=1'],
  ['multi-line single quotes', "A='first\nsecond'"],
  ['multi-line backticks', 'A=`first\nsecond`'],
  ['empty value', 'A=\nB=2'],
  ['empty double quotes', 'A=""'],
  ['empty single quotes', "A=''"],
  ['spaces kept inside value', 'A=  spaced value  '],
  ['postgres url', 'DATABASE_URL=postgres://user:p@ss@db:5432/app?sslmode=require'],
  ['django secret in single quotes', "SECRET_KEY='django-insecure-#x$y%z'"],
  ['allowed hosts list', 'ALLOWED_HOSTS=localhost,127.0.0.1,.example.com'],
  ['equals inside value', 'A=b=c'],
  ['apostrophe in double quotes', 'A="it\'s"'],
  ['duplicate keys', 'A=1\nA=2'],
  ['lower case key', 'a.b-c_d=lower'],
  ['dollar reference', 'A=$HOME/x\nB="${B:-default}"'],
  ['quoted value on next line', "A=\n'foo'"],
  ['colon then next line', 'A:\nB=1'],
  ['key and equals split', 'A\n=1'],
  ['export as key', 'export=1'],
  ['comment lines', '  # comment\n#A=1\nA=1 # trailing'],
  ['single quotes then comment', "A='x' # c"],
  ['quote inside single quotes', "A='a'b'"],
  ['escaped quote before line end', 'A="x\\"\nB=1'],
  ['line separator character', 'A=x\u2028B=2\nC="y"\u2028D=3'],
  ['tabs around value', 'A=\t\tvalue\t'],
  ['comment glued to quote', 'A="x"#c'],
  ['nbsp around value', 'A=\u00a0v\u00a0'],
  ['colon with extra blanks', 'A:   spaced'],
  ['last line without newline', 'A=1\nB=two'],
  ['only comments and blanks', '# one\n\n   \n# two'],
];

describe('parseEnv values against dotenv.parse', () => {
  for (const [name, text] of CASES) {
    it(name, () => {
      assert.deepEqual(values(parse(text)), { ...dotenv.parse(text) });
    });
  }

  it('covers at least 40 cases', () => {
    assert.ok(CASES.length >= 40);
  });

  it('random texts match dotenv', () => {
    // Seeded mulberry32, so a failure reproduces; the pieces are the characters that matter.
    const pieces = ['A', 'B', 'x', '=', '=', ' ', '\n', '\n', '\r', '\r\n', '#', "'", '"', '`',
      '\\', ':', 'export ', '\t', '\u2028', '\ufeff', '-', '.', 'n', 'é', '$', '{', '}'];
    let seed = 20240601;
    const random = (limit: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % limit;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + random(30);
      for (let i = 0; i < length; i++) text += pieces[random(pieces.length)];
      assert.deepEqual(values(parse(text)), { ...dotenv.parse(text) }, JSON.stringify(text));
    }
  });
});
