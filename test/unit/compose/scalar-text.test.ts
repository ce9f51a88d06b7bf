import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, type Scalar } from 'yaml';
import { readScalarText, textSpan } from '../../../server/src/parsers/compose/scalar-text.js';

/** Source text behind the decoded characters `[from, to)` of the value of key `a`. */
function sourceOf(text: string, from: number, to: number): string {
  const node = parseDocument(text).get('a', true) as Scalar;
  const decoded = readScalarText(text, node, String(node.value));
  assert.equal(decoded.exact, true, `exact mapping for ${JSON.stringify(text)}`);
  const [start, end] = textSpan(decoded, from, to);
  return text.slice(start, end);
}

function decodedIndex(text: string, needle: string): [number, number] {
  const node = parseDocument(text).get('a', true) as Scalar;
  const value = String(node.value);
  const index = value.indexOf(needle);
  assert.notEqual(index, -1, `${needle} in ${JSON.stringify(value)}`);
  return [index, index + needle.length];
}

function check(text: string, needle: string, expected = needle): void {
  const [from, to] = decodedIndex(text, needle);
  assert.equal(sourceOf(text, from, to), expected, JSON.stringify(text));
}

test('scalar text plain', () => {
  check('a: x ${PORT} y', '${PORT}');
});

test('scalar text plain multi-line', () => {
  check('a: first\n  second ${B}\n\n  third', '${B}');
});

test('scalar text single quoted', () => {
  check("a: 'it''s ${X}'", '${X}');
  check("a: 'it''s ${X}'", "it's", "it''s");
});

test('scalar text double quoted escapes', () => {
  check('a: "tab\\there ${X} \\u00e9"', '${X}');
  check('a: "tab\\there"', '\t', '\\t');
  check('a: "\\x24{X}"', '${X}', '\\x24{X}');
});

test('scalar text double quoted escaped break', () => {
  check('a: "one \\\n   two ${X}"', '${X}');
  check('a: "one\n   two ${X}"', '${X}');
});

test('scalar text literal block', () => {
  check('a: |\n  line one\n  ${X} two\n', '${X}');
});

test('scalar text folded block', () => {
  check('a: >\n  gunicorn app\n  -b ${HOST}:8000\n', '${HOST}');
  check('a: >\n  gunicorn app\n  -b ${HOST}:8000\n', 'app -b', 'app\n  -b');
  check('a: >\n  gunicorn app\n  -b ${HOST}:8000\n', 'app ', 'app\n');
});

test('scalar text explicit indentation', () => {
  check('a: |2\n   leading ${X}\n  next\n', '${X}');
});

test('scalar text block keep chomping', () => {
  check('a: |+\n  keep ${X}\n\n', '${X}');
});

test('scalar text crlf line breaks', () => {
  check('a: "one\r\n  two ${X}"\r\n', '${X}');
});

test('scalar text mismatch maps whole node', () => {
  const text = 'a: "abc"';
  const node = parseDocument(text).get('a', true) as Scalar;
  const decoded = readScalarText(text, node, 'something else');
  assert.equal(decoded.exact, false);
  assert.deepEqual(textSpan(decoded, 0, 3), [3, 8]);
});

test('scalar text empty spans', () => {
  const text = 'a: "k="';
  const node = parseDocument(text).get('a', true) as Scalar;
  const decoded = readScalarText(text, node, 'k=');
  assert.deepEqual(textSpan(decoded, 2, 2), [6, 6]);
  assert.deepEqual(textSpan(decoded, 1, 1), [5, 5]);
  const empty = 'a: ""';
  const emptyNode = parseDocument(empty).get('a', true) as Scalar;
  assert.deepEqual(textSpan(readScalarText(empty, emptyNode, ''), 0, 0), [4, 4]);
});
