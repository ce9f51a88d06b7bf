import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseInterpolations,
  type InterpolationSpan,
} from '../../../server/src/parsers/compose/interpolation.js';

function only(text: string): InterpolationSpan {
  const { interpolations, errors } = parseInterpolations(text);
  assert.deepEqual(errors, []);
  assert.equal(interpolations.length, 1, `one reference in ${text}`);
  return interpolations[0]!;
}

function slice(text: string, start: number, end: number): string {
  return text.slice(start, end);
}

test('scanner every operator', () => {
  const table: [string, string, string][] = [
    ['${VAR}', '', ''],
    ['${VAR:-default}', ':-', 'default'],
    ['${VAR-default}', '-', 'default'],
    ['${VAR:?need it}', ':?', 'need it'],
    ['${VAR?need it}', '?', 'need it'],
    ['${VAR:+alt}', ':+', 'alt'],
    ['${VAR+alt}', '+', 'alt'],
    ['${VAR:-}', ':-', ''],
  ];
  for (const [text, operator, argument] of table) {
    const span = only(text);
    assert.equal(span.name, 'VAR', text);
    assert.equal(span.operator, operator, text);
    assert.equal(span.argument ?? '', argument, text);
    assert.equal(span.braced, true, text);
    assert.equal(slice(text, span.start, span.end), text, text);
    assert.equal(slice(text, span.nameStart, span.nameEnd), 'VAR', text);
  }
});

test('scanner bare operator has no argument', () => {
  assert.equal(only('${VAR}').argument, undefined);
  assert.equal(only('$VAR').argument, undefined);
});

test('scanner unbraced name is longest run', () => {
  const text = 'x$VARx.y';
  const span = only(text);
  assert.equal(span.name, 'VARx');
  assert.equal(span.braced, false);
  assert.equal(slice(text, span.start, span.end), '$VARx');
});

test('scanner names are case-insensitive class', () => {
  assert.equal(only('$lower_1').name, 'lower_1');
  assert.equal(only('${_Mixed9}').name, '_Mixed9');
});

test('scanner first operator wins', () => {
  const span = only('${A-x:-y}');
  assert.equal(span.operator, '-');
  assert.equal(span.argument, 'x:-y');
});

test('scanner nested references with ranges', () => {
  const text = 'url=${A:-${B:-x}}/path';
  const outer = only(text);
  assert.equal(slice(text, outer.start, outer.end), '${A:-${B:-x}}');
  assert.equal(outer.argument, '${B:-x}');
  assert.equal(outer.nested.length, 1);
  const inner = outer.nested[0]!;
  assert.equal(inner.name, 'B');
  assert.equal(slice(text, inner.start, inner.end), '${B:-x}');
  assert.equal(slice(text, inner.nameStart, inner.nameEnd), 'B');
  assert.equal(inner.argumentStart, text.indexOf('x}'));
});

test('scanner nested in error message', () => {
  const span = only('${P?set ${HINT} first}');
  assert.deepEqual(
    span.nested.map((nested) => nested.name),
    ['HINT'],
  );
});

test('scanner dollar escape is no reference', () => {
  for (const text of ['$$', '$$VAR', '$${VAR}', 'a$$b', 'pg_isready -U $${POSTGRES_USER}']) {
    const { interpolations, errors } = parseInterpolations(text);
    assert.deepEqual(interpolations, [], text);
    assert.deepEqual(errors, [], text);
  }
});

test('scanner triple dollar is escape then reference', () => {
  const text = '$$$VAR';
  const span = only(text);
  assert.equal(span.name, 'VAR');
  assert.equal(span.start, 2);
});

test('scanner literal dollar forms stay silent', () => {
  for (const text of ['$1', '$ ', '5$', '$-', '$(date)', 'cost: 5 $']) {
    const { interpolations, errors } = parseInterpolations(text);
    assert.deepEqual(interpolations, [], text);
    assert.deepEqual(errors, [], text);
  }
});

test('scanner malformed templates are errors', () => {
  const table: [string, string][] = [
    ['${}', '${}'],
    ['${1A}', '${1A}'],
    ['${ SET }', '${ SET }'],
    ['${SET:}', '${SET:}'],
    ['${VAR/foo/bar}', '${VAR/foo/bar}'],
    ['${A.B}', '${A.B}'],
    ['${#VAR}', '${#VAR}'],
    ['x ${SET', '${SET'],
    ['${UNSET:-x', '${UNSET:-x'],
  ];
  for (const [text, template] of table) {
    const { interpolations, errors } = parseInterpolations(text);
    assert.deepEqual(interpolations, [], text);
    assert.equal(errors.length, 1, text);
    assert.equal(errors[0]!.template, template, text);
    assert.equal(slice(text, errors[0]!.start, errors[0]!.end), template, text);
  }
});

test('scanner malformed stops at line end', () => {
  const text = '${A:-x\n}';
  const { errors } = parseInterpolations(text);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.template, '${A:-x');
});

test('scanner malformed nested is error', () => {
  const { interpolations, errors } = parseInterpolations('${A:-${}}');
  assert.equal(interpolations.length, 1);
  assert.equal(errors.length, 1);
});

test('scanner closing brace cut', () => {
  const text = '${UNSET:-a}b${SET}';
  const { interpolations } = parseInterpolations(text);
  assert.deepEqual(
    interpolations.map((span) => slice(text, span.start, span.end)),
    ['${UNSET:-a}', '${SET}'],
  );
  assert.equal(only('${UNSET:-{a}}').argument, '{a}');
  assert.equal(only('${UNSET:-a}}').argument, 'a');
});

test('scanner offset shifts every position', () => {
  const { interpolations, errors } = parseInterpolations('$A ${B:-${C}} ${', 100);
  assert.deepEqual(
    interpolations.map((span) => [span.name, span.start, span.end]),
    [
      ['A', 100, 102],
      ['B', 103, 113],
    ],
  );
  assert.deepEqual(
    interpolations[1]!.nested.map((span) => [span.name, span.start, span.nameStart]),
    [['C', 108, 110]],
  );
  assert.deepEqual(
    errors.map((error) => [error.start, error.end]),
    [[114, 116]],
  );
});

test('scanner several references in order', () => {
  const text = 'postgres://${U:-app}:${P:?set P}@db:5432/${D:-app}';
  const { interpolations } = parseInterpolations(text);
  assert.deepEqual(
    interpolations.map((span) => [span.name, span.operator]),
    [
      ['U', ':-'],
      ['P', ':?'],
      ['D', ':-'],
    ],
  );
});

test('scanner deep nesting stays bounded', () => {
  const depth = 5000;
  const text = '${A:-'.repeat(depth) + 'x' + '}'.repeat(depth);
  const { interpolations, errors } = parseInterpolations(text);
  assert.equal(interpolations.length, 1);
  assert.deepEqual(errors, []);
});
