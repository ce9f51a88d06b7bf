import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substitute } from '../../../server/src/parsers/compose/interpolation.js';

// The environment of compose-go's measured table: SET=val, EMPTY="", lower=lo, A=a.
const environment: Record<string, string> = { SET: 'val', EMPTY: '', lower: 'lo', A: 'a' };
const lookup = (name: string): string | undefined => environment[name];

function value(text: string): string {
  const result = substitute(text, lookup);
  assert.equal(result.error, undefined, `no error for ${text}`);
  return result.value;
}

test('substitute plain references', () => {
  assert.equal(value('${SET}'), 'val');
  assert.equal(value('$SET'), 'val');
  assert.equal(value('${SET}x'), 'valx');
  assert.equal(value('$SET-x'), 'val-x');
  assert.equal(value('$SET.x'), 'val.x');
  assert.equal(value('$A.B'), 'a.B');
});

test('substitute unset reference warns', () => {
  for (const text of ['${UNSET}', '$UNSET']) {
    const result = substitute(text, lookup);
    assert.equal(result.value, '', text);
    assert.deepEqual(result.unresolved, ['UNSET'], text);
  }
});

test('substitute longest name is unset', () => {
  const result = substitute('$SETx', lookup);
  assert.equal(result.value, '');
  assert.deepEqual(result.unresolved, ['SETx']);
});

test('substitute colon dash empty and unset', () => {
  assert.equal(value('${UNSET:-d}'), 'd');
  assert.equal(value('${EMPTY:-d}'), 'd');
  assert.equal(value('${SET:-d}'), 'val');
});

test('substitute dash only unset', () => {
  assert.equal(value('${UNSET-d}'), 'd');
  assert.equal(value('${EMPTY-d}'), '');
  assert.equal(value('${SET-d}'), 'val');
});

test('substitute empty default silences warning', () => {
  for (const text of ['${UNSET:-}', '${EMPTY-}']) {
    const result = substitute(text, lookup);
    assert.equal(result.value, '', text);
    assert.deepEqual(result.unresolved, [], text);
  }
});

test('substitute colon question fails', () => {
  for (const name of ['UNSET', 'EMPTY']) {
    const result = substitute(`\${${name}:?need it}`, lookup);
    assert.equal(result.value, '');
    assert.deepEqual(result.error, {
      kind: 'missing-required',
      name,
      message: `required variable ${name} is missing a value: need it`,
    });
  }
});

test('substitute question only unset', () => {
  assert.equal(substitute('${UNSET?need it}', lookup).error?.kind, 'missing-required');
  assert.equal(value('${EMPTY?need it}'), '');
  assert.equal(value('${SET?need it}'), 'val');
});

test('substitute required without message', () => {
  for (const text of ['${UNSET?}', '${UNSET:?}']) {
    assert.equal(
      substitute(text, lookup).error?.message,
      'required variable UNSET is missing a value',
      text,
    );
  }
});

test('substitute colon plus', () => {
  assert.equal(value('${SET:+alt}'), 'alt');
  assert.equal(value('${EMPTY:+alt}'), '');
  assert.equal(value('${UNSET:+alt}'), '');
});

test('substitute plus', () => {
  assert.equal(value('${SET+alt}'), 'alt');
  assert.equal(value('${EMPTY+alt}'), 'alt');
  const unset = substitute('${UNSET+alt}', lookup);
  assert.equal(unset.value, '');
  assert.deepEqual(unset.unresolved, []);
});

test('substitute dollar escapes', () => {
  assert.equal(value('$$'), '$');
  assert.equal(value('$$SET'), '$SET');
  assert.equal(value('$${SET}'), '${SET}');
  assert.equal(value('$$$SET'), '$val');
  assert.equal(value('a$$b'), 'a$b');
});

test('substitute nested defaults', () => {
  assert.equal(value('${UNSET:-${SET}}'), 'val');
  assert.equal(value('${UNSET:-${UNSET2:-deep}}'), 'deep');
  assert.equal(value('${SET:+[${A}]}'), '[a]');
  assert.equal(value('${UNSET:-a}b${SET}'), 'abval');
  assert.equal(value('${UNSET:-$$}'), '$');
});

test('substitute nested error message', () => {
  const result = substitute('${UNSET?err ${SET}}', lookup);
  assert.equal(result.error?.message, 'required variable UNSET is missing a value: err val');
});

test('substitute braces in defaults', () => {
  assert.equal(value('${UNSET:-{a}}'), '{a}');
  assert.equal(value('${UNSET:-a}}'), 'a}');
  assert.equal(value('${UNSET:-with spaces: and colon}'), 'with spaces: and colon');
  assert.equal(value('${UNSET:-x-y}'), 'x-y');
  assert.equal(value('${SET-x:-y}'), 'val');
});

test('substitute unused default not evaluated', () => {
  const result = substitute('${SET:-${MISSING:?boom}}', lookup);
  assert.equal(result.value, 'val');
  assert.equal(result.error, undefined);
});

test('substitute invalid templates', () => {
  for (const text of [
    '${VAR/foo/bar}',
    '${1X}',
    '${}',
    '${ SET }',
    '${SET:}',
    '${SET',
    '${UNSET:-x',
    '${A.B}',
  ]) {
    assert.equal(substitute(text, lookup).error?.kind, 'invalid-template', text);
  }
});

test('substitute literal dollars unchanged', () => {
  for (const text of ['$1', '$ ', '5$', '$-', '$(date)']) assert.equal(value(text), text);
});

test('substitute lookup is case-sensitive', () => {
  assert.equal(value('${lower}'), 'lo');
  assert.deepEqual(substitute('$Lower', lookup).unresolved, ['Lower']);
});

test('substitute first error wins', () => {
  const result = substitute('postgres://${U:-app}:${P:?set P}@db:5432/${D:-app}', lookup);
  assert.equal(result.value, 'postgres://app:@db:5432/app');
  assert.equal(result.error?.message, 'required variable P is missing a value: set P');
  assert.deepEqual(result.unresolved, ['P']);
});

test('substitute unresolved without repeats', () => {
  assert.deepEqual(substitute('$X ${X} $Y', lookup).unresolved, ['X', 'Y']);
});
