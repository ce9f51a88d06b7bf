import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entry, parse, span } from './helpers.js';

describe('parseEnv ranges', () => {
  it('plain key and value', () => {
    const found = entry(parse('KEY=value'), 'KEY');
    assert.equal(span(found.keyRange), '0:0-0:3');
    assert.equal(span(found.valueRange), '0:4-0:9');
    assert.equal(span(found.range), '0:0-0:9');
    assert.equal(found.quote, 'none');
    assert.equal(found.exported, false);
  });

  it('export prefix starts the entry', () => {
    const found = entry(parse('export KEY=value'), 'KEY');
    assert.equal(span(found.keyRange), '0:7-0:10');
    assert.equal(span(found.range), '0:0-0:16');
    assert.equal(found.exported, true);
  });

  it('quoted value includes its quotes', () => {
    const found = entry(parse('  KEY = "quoted value" # note'), 'KEY');
    assert.equal(span(found.keyRange), '0:2-0:5');
    assert.equal(span(found.valueRange), '0:8-0:22');
    assert.equal(span(found.range), '0:2-0:22');
    assert.equal(found.quote, 'double');
    assert.equal(found.value, 'quoted value');
  });

  it('single and backtick quote kinds', () => {
    const file = parse("A='one'\nB=`two`");
    assert.equal(entry(file, 'A').quote, 'single');
    assert.equal(entry(file, 'B').quote, 'backtick');
  });

  it('unquoted value stops before comment', () => {
    const found = entry(parse('A=foo   # note'), 'A');
    assert.equal(span(found.valueRange), '0:2-0:5');
  });

  it('empty value sits after equals', () => {
    const found = entry(parse('EMPTY=\nNEXT=1'), 'EMPTY');
    assert.equal(found.value, '');
    assert.equal(span(found.valueRange), '0:6-0:6');
    assert.equal(span(found.range), '0:0-0:6');
  });

  it('empty value before comment', () => {
    const found = entry(parse('EMPTY=   # nothing'), 'EMPTY');
    assert.equal(span(found.valueRange), '0:6-0:6');
  });

  it('trailing blanks after equals', () => {
    const found = entry(parse('A=   \nB=1'), 'A');
    assert.equal(found.value, '');
    assert.equal(span(found.valueRange), '0:2-0:2');
  });

  it('colon separator ranges', () => {
    const found = entry(parse('A: 1'), 'A');
    assert.equal(span(found.keyRange), '0:0-0:1');
    assert.equal(span(found.valueRange), '0:3-0:4');
  });

  it('multi-line value spans lines', () => {
    const file = parse('A="line one\nline two"\nB=1');
    const first = entry(file, 'A');
    assert.equal(span(first.valueRange), '0:2-1:9');
    assert.equal(span(first.range), '0:0-1:9');
    assert.equal(first.value, 'line one\nline two');
    assert.equal(span(entry(file, 'B').keyRange), '2:0-2:1');
  });

  it('crlf keeps original offsets', () => {
    const file = parse('A=1\r\nB="x\r\ny"\r\nC=3\r\n');
    assert.equal(span(entry(file, 'A').valueRange), '0:2-0:3');
    assert.equal(span(entry(file, 'B').valueRange), '1:2-2:2');
    assert.equal(span(entry(file, 'C').keyRange), '3:0-3:1');
    assert.equal(span(entry(file, 'C').valueRange), '3:2-3:3');
  });

  it('lone carriage return lines', () => {
    const file = parse('A=1\rB=22\r');
    assert.equal(span(entry(file, 'B').keyRange), '1:0-1:1');
    assert.equal(span(entry(file, 'B').valueRange), '1:2-1:4');
  });

  it('byte order mark shifts key', () => {
    const found = entry(parse('\ufeffA=1'), 'A');
    assert.equal(span(found.keyRange), '0:1-0:2');
  });

  it('ranges slice the written text', () => {
    const text = 'export DB_URL = "postgres://db/app" # db\nDEBUG=False\n';
    const file = parse(text);
    const source = file.source;
    for (const found of file.entries) {
      const key = text.slice(
        source.offsetAt(found.keyRange.start),
        source.offsetAt(found.keyRange.end),
      );
      assert.equal(key, found.key);
    }
    const url = entry(file, 'DB_URL');
    const written = text.slice(
      source.offsetAt(url.valueRange.start),
      source.offsetAt(url.valueRange.end),
    );
    assert.equal(written, '"postgres://db/app"');
  });

  it('random texts keep range invariants', () => {
    const pieces = ['A', 'x', '=', ' ', '\n', '\r', '\r\n', '#', "'", '"', '`', '\\', ':',
      'export ', '\t', '\u2028', '\ufeff', 'é', '$', '{', '}', '😀'];
    let seed = 7;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * limit);
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + random(30);
      for (let i = 0; i < length; i++) text += pieces[random(pieces.length)];
      const file = parse(text);
      const offset = file.source.offsetAt.bind(file.source);
      for (const found of file.entries) {
        const where = JSON.stringify(text);
        const key = text.slice(offset(found.keyRange.start), offset(found.keyRange.end));
        assert.equal(key, found.key, where);
        assert.ok(offset(found.valueRange.start) <= offset(found.valueRange.end), where);
        assert.ok(offset(found.keyRange.end) <= offset(found.valueRange.start), where);
        assert.ok(offset(found.range.start) <= offset(found.keyRange.start), where);
        assert.equal(offset(found.range.end), offset(found.valueRange.end), where);
      }
    }
  });

  it('duplicate keys keep file order', () => {
    const file = parse('A=1\nB=2\nA=3');
    assert.deepEqual(
      file.entries.map((found) => `${found.key}@${found.keyRange.start.line}`),
      ['A@0', 'B@1', 'A@2'],
    );
  });
});
