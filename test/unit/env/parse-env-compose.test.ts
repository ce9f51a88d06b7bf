import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entry, parse } from './helpers.js';

/** dotenv value, Compose value and note of the entry `key` in `text`. */
function reading(text: string, key = 'A') {
  const found = entry(parse(text), key);
  return { value: found.value, composeValue: found.composeValue, note: found.composeNote };
}

describe('parseEnv compose differences', () => {
  it('hash glued to value', () => {
    const found = reading('A=foo#bar');
    assert.equal(found.value, 'foo');
    assert.equal(found.composeValue, 'foo#bar');
    assert.match(found.note!, /only at a "#" after a space/);
  });

  it('empty value then comment', () => {
    const found = reading('A= # c');
    assert.equal(found.value, '');
    assert.equal(found.composeValue, '# c');
  });

  it('tab before comment', () => {
    assert.equal(reading('A=foo\t# note').composeValue, 'foo\t# note');
  });

  it('text after closing quote', () => {
    const found = reading('A="foo" bar');
    assert.equal(found.value, '"foo" bar');
    assert.equal(found.composeValue, 'foo');
    assert.match(found.note!, /first closing quote/);
  });

  it('tab escape in double quotes', () => {
    const found = reading('A="t\\tx"');
    assert.equal(found.value, 't\\tx');
    assert.equal(found.composeValue, 't\tx');
    assert.match(found.note!, /backslash escapes/);
  });

  it('backslashes in double quotes', () => {
    assert.equal(reading('A="C:\\\\dir\\\\"').composeValue, 'C:\\dir\\');
  });

  it('escaped double quotes', () => {
    assert.equal(reading('A="say \\"hi\\""').composeValue, 'say "hi"');
  });

  it('octal escape', () => {
    assert.equal(reading('A="\\0101"').composeValue, 'A');
  });

  it('escaped single quote', () => {
    const found = reading("A='it\\'s'");
    assert.equal(found.value, "it\\'s");
    assert.equal(found.composeValue, "it's");
    assert.match(found.note!, /escaped quote/);
  });

  it('backticks kept by compose', () => {
    const found = reading('A=`x y`');
    assert.equal(found.value, 'x y');
    assert.equal(found.composeValue, '`x y`');
    assert.match(found.note!, /backticks/);
  });

  it('braced reference to earlier key', () => {
    const found = reading('A=hello\nB=${A}-x', 'B');
    assert.equal(found.value, '${A}-x');
    assert.equal(found.composeValue, 'hello-x');
    assert.match(found.note!, /replaces "\$" references/);
  });

  it('unbraced reference', () => {
    assert.equal(reading('A=hello\nC=$A-y', 'C').composeValue, 'hello-y');
  });

  it('default for unset variable', () => {
    assert.equal(reading('F=${UNDEF:-dflt}', 'F').composeValue, 'dflt');
  });

  it('alternative for set variable', () => {
    assert.equal(reading('A=hello\nH=${A:+alt}', 'H').composeValue, 'alt');
  });

  it('double dollar is literal', () => {
    const found = reading('B=$$PRESET', 'B');
    assert.equal(found.value, '$$PRESET');
    assert.equal(found.composeValue, '$PRESET');
  });

  it('escaped dollar in double quotes', () => {
    assert.equal(reading('C="\\$PRESET"', 'C').composeValue, '$PRESET');
  });

  it('reference in double quotes', () => {
    assert.equal(reading('A=1\nB="${A}2"', 'B').composeValue, '12');
  });

  it('missing required variable', () => {
    const found = reading('A=${UNSET:?must be set}');
    assert.equal(found.composeValue, undefined);
    assert.match(found.note!, /unless UNSET is set/);
  });

  it('unterminated quote', () => {
    const found = reading('A="abc');
    assert.equal(found.composeValue, undefined);
    assert.match(found.note!, /no closing quote/);
  });

  it('quoted value runs past line', () => {
    const file = parse('A="abc\nB=2\nC="x');
    assert.equal(entry(file, 'A').composeValue, 'abc\nB=2\nC=');
    assert.match(entry(file, 'A').composeNote!, /onto the next lines/);
    assert.match(entry(file, 'B').composeNote!, /does not set B here/);
  });

  it('crlf inside quotes', () => {
    const found = reading('A="l1\r\nl2"\r\n');
    assert.equal(found.value, 'l1\nl2');
    assert.equal(found.composeValue, 'l1\r\nl2');
    assert.match(found.note!, /carriage returns/);
  });

  it('lone carriage return lines', () => {
    const file = parse('A=1\rB=2\r');
    assert.equal(entry(file, 'A').composeValue, '1\rB=2');
    assert.equal(entry(file, 'B').composeValue, undefined);
    assert.match(entry(file, 'B').composeNote!, /does not set B here/);
  });

  it('value on the next line', () => {
    const found = reading("A=\n'foo'");
    assert.equal(found.composeValue, '');
    assert.match(found.note!, /does not read the value on the next line/);
  });

  it('key without equals on its line', () => {
    assert.match(reading('A\n=1').note!, /copies the variable from the shell/);
  });
});

describe('parseEnv compose agreement', () => {
  const same: [name: string, text: string][] = [
    ['plain value', 'A=1'],
    ['export prefix', 'export A=1'],
    ['comment after space', 'A=plain # comment'],
    ['double quotes', 'A="quoted value"'],
    ['single-quoted dollar', "A='$SHELLVAR'"],
    ['newline escape', 'A="a\\nb"'],
    ['multi-line value', 'A="one\ntwo"'],
    ['crlf line ends', 'A=1\r\n'],
    ['yaml style', 'A: 1'],
    ['lone dollar', 'A=cost$'],
    ['dollar then digit', 'A=$1'],
    ['byte order mark', '\ufeffA=1'],
  ];
  for (const [name, text] of same) {
    it(name, () => {
      const found = reading(text);
      assert.equal(found.composeValue, undefined);
      assert.equal(found.note, undefined);
    });
  }
});
