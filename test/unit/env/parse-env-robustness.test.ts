import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entry, parse, span } from './helpers.js';

describe('parseEnv robustness', () => {
  it('binary content', () => {
    const found = parse('A=1\nB=\u0000\u0001\u0002\nC=3');
    assert.deepEqual(found.entries, []);
    assert.equal(found.errors.length, 1);
    assert.equal(found.errors[0]!.code, 'env-binary-file');
    assert.equal(found.errors[0]!.severity, 'error');
    assert.equal(span(found.errors[0]!.range), '1:2-1:3');
    assert.match(found.errors[0]!.message, /NUL byte on line 2/);
  });

  it('large binary content is quick', () => {
    const started = performance.now();
    const found = parse('\u0000'.repeat(20 * 1024 * 1024));
    assert.equal(found.errors.length, 1);
    assert.ok(performance.now() - started < 5000);
  });

  it('empty file', () => {
    const found = parse('');
    assert.deepEqual(found.entries, []);
    assert.deepEqual(found.errors, []);
  });

  it('blank lines only', () => {
    const found = parse('\n\r\n   \n\t\n');
    assert.deepEqual(found.entries, []);
    assert.deepEqual(found.errors, []);
  });

  it('byte order mark', () => {
    const found = parse('\ufeffSECRET_KEY=abc\nDEBUG=0');
    assert.equal(entry(found, 'SECRET_KEY').value, 'abc');
    assert.equal(entry(found, 'SECRET_KEY').composeNote, undefined);
    assert.deepEqual(found.errors, []);
  });

  it('crlf line ends', () => {
    const found = parse('A=1\r\nB="two"\r\n# c\r\nC=\r\n');
    assert.deepEqual(
      found.entries.map((item) => [item.key, item.value]),
      [['A', '1'], ['B', 'two'], ['C', '']],
    );
    assert.deepEqual(found.errors, []);
  });

  it('unterminated quote at end', () => {
    const found = parse('A=1\nB="never closed');
    assert.equal(entry(found, 'B').value, '"never closed');
    assert.equal(found.errors.length, 1);
    assert.equal(span(found.errors[0]!.range), '1:0-1:15');
  });

  it('lone quote at end', () => {
    const found = parse("A='");
    assert.equal(entry(found, 'A').value, "'");
    assert.equal(found.errors.length, 1);
  });

  it('lone surrogates', () => {
    const found = parse('A=\ud800x\nB\udc00=1');
    assert.equal(entry(found, 'A').value, '\ud800x');
    assert.equal(found.errors.length, 1);
  });
});

/** Milliseconds that parsing `text` takes. */
function timeParse(text: string): number {
  const started = performance.now();
  parse(text);
  return performance.now() - started;
}

/** Parses `unit` repeated to 256 KB and to 2 MB and checks that time grows about linearly. */
function assertLinear(unit: string): void {
  const small = unit.repeat(Math.ceil((256 * 1024) / unit.length));
  const large = unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length));
  timeParse(small);
  const smallTime = timeParse(small);
  const largeTime = timeParse(large);
  // Eight times the text: linear work takes about 8x, quadratic work about 64x.
  const times = `${smallTime} ms for 256 KB, ${largeTime} ms for 2 MB`;
  assert.ok(largeTime < smallTime * 24 + 500, times);
}

describe('parseEnv running time', () => {
  it('twenty megabyte file', () => {
    const lines = 'DATABASE_URL=postgres://user:pw@db:5432/app # main\nSECRET_KEY="a\\tb$HOME"\n';
    const text = lines.repeat(Math.ceil((20 * 1024 * 1024) / lines.length));
    const started = performance.now();
    const found = parse(text);
    const elapsed = performance.now() - started;
    assert.equal(found.entries.length, (text.length / lines.length) * 2);
    assert.ok(elapsed < 30_000, `${elapsed} ms`);
  });

  it('unclosed single quotes', () => assertLinear("A='x\n"));
  it('unclosed double quotes', () => assertLinear('A="x\n'));
  it('escaped quotes', () => assertLinear("A='\\'"));
  it('blank runs', () => assertLinear('A      \n\n\n'));
  it('bare keys', () => assertLinear('BARE\n'));
  it('nested references', () => assertLinear('A=${B:-${C:-'));
  it('references on one line', () => assertLinear('${A:-x}'));
  it('crlf lines', () => assertLinear('A=1\r\n'));
  it('lone carriage returns', () => assertLinear('A=1\r'));
  it('colons without values', () => assertLinear('A:\n'));
});
