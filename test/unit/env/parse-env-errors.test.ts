import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entry, parse, span } from './helpers.js';

/** Parses `text` and returns its errors with compact ranges. */
function errors(text: string): { range: string; message: string; code: string }[] {
  return parse(text).errors.map((error) => ({
    range: span(error.range),
    message: error.message,
    code: error.code,
  }));
}

describe('parseEnv invalid lines', () => {
  it('sentence is not an assignment', () => {
    const found = parse('this line is not a variable');
    assert.equal(found.entries.length, 0);
    assert.equal(found.errors.length, 1);
    const [error] = found.errors;
    assert.equal(error!.code, 'env-invalid-line');
    assert.equal(error!.severity, 'error');
    assert.equal(span(error!.range), '0:0-0:27');
    assert.match(error!.message, /not a variable assignment/);
    assert.match(error!.message, /Write NAME=value/);
  });

  it('bare key without equals', () => {
    const [error] = errors('A=1\n  DEBUG  \nB=2');
    assert.equal(error!.range, '1:2-1:7');
    assert.match(error!.message, /no "="/);
    assert.match(error!.message, /shell environment/);
  });

  it('export without equals', () => {
    const [error] = errors('export PRESET');
    assert.match(error!.message, /"export" line has no "="/);
  });

  it('space in key', () => {
    const [error] = errors('FOO BAR=1');
    assert.equal(error!.range, '0:0-0:9');
    assert.match(error!.message, /contains a blank/);
    assert.match(error!.message, /Docker Compose rejects the file/);
  });

  it('quoted key', () => {
    const [error] = errors("'QUOTED'=1");
    assert.match(error!.message, /name is in quotes/);
  });

  it('missing key before equals', () => {
    const [error] = errors('=abc');
    assert.match(error!.message, /no variable name before "="/);
  });

  it('colon without blank', () => {
    const found = parse('PORT:8000');
    assert.equal(found.entries.length, 0);
    assert.match(found.errors[0]!.message, /blank right after the colon/);
  });

  it('non-ascii key character', () => {
    const [error] = errors('ÄÖ=1');
    assert.match(error!.message, /contains "Ä"/);
    assert.match(error!.message, /while Docker Compose reads it/);
  });

  it('bracket key character', () => {
    const [error] = errors('A[0]=1');
    assert.match(error!.message, /contains "\["/);
  });

  it('message never quotes the line', () => {
    const [error] = errors('ghp_0123456789abcdefghijklmnopqrstuvwxyzAB and more');
    assert.doesNotMatch(error!.message, /ghp_/);
  });

  it('comments and blanks stay silent', () => {
    assert.deepEqual(errors('# comment\n\n   \n  # indented\nA=1 # note\n'), []);
  });

  it('valid file stays silent', () => {
    const text = 'export A=1\nB = 2\nC: 3\nD="x" # c\nE=\nF=\'y\'\nG="multi\nline"\n';
    assert.deepEqual(errors(text), []);
  });

  it('text after quote stays silent', () => {
    assert.deepEqual(errors('A="foo" bar'), []);
  });

  it('errors come in file order', () => {
    const lines = errors('BAD ONE\nA=1\n=x\nB C=1').map((error) => error.range);
    assert.deepEqual(lines, ['0:0-0:7', '2:0-2:2', '3:0-3:5']);
  });
});

describe('parseEnv unclosed quotes', () => {
  it('double quote not closed', () => {
    const found = parse('A="abc\nB=2');
    assert.equal(found.errors.length, 1);
    assert.equal(span(found.errors[0]!.range), '0:0-0:6');
    assert.match(found.errors[0]!.message, /double quote that is not closed/);
    assert.equal(entry(found, 'A').value, '"abc');
    assert.equal(entry(found, 'B').value, '2');
  });

  it('single quote not closed', () => {
    const [error] = errors("A='abc");
    assert.match(error!.message, /single quote that is not closed/);
  });

  it('escaped closing quote counts as open', () => {
    const [error] = errors('A="abc\\" tail');
    assert.match(error!.message, /not closed on this line/);
  });

  it('backtick not closed stays silent', () => {
    assert.deepEqual(errors('A=`abc'), []);
  });

  it('later lines not reported again', () => {
    const lines = errors('A="abc\nB=2\nC="x').map((error) => error.range);
    assert.deepEqual(lines, ['0:0-0:6', '2:0-2:4']);
  });
});

describe('parseEnv split assignments', () => {
  it('key and equals on two lines', () => {
    const found = parse('A\n=1');
    assert.equal(entry(found, 'A').value, '1');
    assert.equal(found.errors.length, 1);
    assert.equal(span(found.errors[0]!.range), '0:0-1:2');
    assert.match(found.errors[0]!.message, /continues onto the next line/);
  });

  it('quoted value on next line', () => {
    const found = parse("A=\n'foo'");
    assert.equal(entry(found, 'A').value, 'foo');
    assert.equal(span(found.errors[0]!.range), '0:0-1:5');
  });

  it('colon swallows next line', () => {
    const found = parse('A:\nB=1');
    assert.equal(entry(found, 'A').value, 'B=1');
    assert.equal(found.errors.length, 1);
  });

  it('empty value stays silent', () => {
    assert.deepEqual(errors('A=\nB=1'), []);
  });
});

describe('parseEnv compose rejections', () => {
  it('single quote inside single quotes', () => {
    const found = parse("A='it's'\nB=2");
    assert.equal(entry(found, 'A').value, "it's");
    assert.equal(found.errors.length, 1);
    assert.equal(span(found.errors[0]!.range), '0:0-0:8');
    assert.match(found.errors[0]!.message, /first closing quote/);
  });

  it('backtick value over lines', () => {
    const [error] = errors('A=`first\nsecond`\nB=1');
    assert.equal(error!.range, '1:0-1:7');
    assert.match(error!.message, /part of the quoted value above/);
  });

  it('backslash before closing quote', () => {
    const [error] = errors('A="x\\"\nB=1');
    assert.equal(error!.range, '0:0-0:6');
    assert.match(error!.message, /backslash before the closing quote/);
  });

  it('invalid interpolation', () => {
    const [error] = errors('A=${B\nC=1');
    assert.equal(error!.range, '0:0-0:5');
    assert.match(error!.message, /does not start a valid/);
  });

  it('only the first rejection', () => {
    assert.equal(errors("A='it's'\nB='it's'").length, 1);
  });

  it('missing required variable stays silent', () => {
    assert.deepEqual(errors('A=${UNSET:?must be set}'), []);
  });

  it('single-quoted dollar stays silent', () => {
    assert.deepEqual(errors("A='${B'"), []);
  });
});

describe('parseEnv error limit', () => {
  it('stops after a thousand errors', () => {
    const found = parse('not an assignment\n'.repeat(1500));
    assert.equal(found.errors.length, 1001);
    assert.match(found.errors[1000]!.message, /more than 1000 invalid lines/);
  });
});
