import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  tokenizeNginx,
  type NginxToken,
} from '../../../server/src/parsers/nginx/tokenize-nginx.js';

function kinds(tokens: NginxToken[]): string[] {
  return tokens.map((token) => (token.kind === 'word' ? token.value : token.kind));
}

test('tokenizer splits words and punctuation', () => {
  const { tokens, errors } = tokenizeNginx('http {\n  listen 80;\n}\n');
  assert.deepEqual(kinds(tokens), [
    'http',
    'open-brace',
    'listen',
    '80',
    'semicolon',
    'close-brace',
  ]);
  assert.deepEqual(errors, []);
});

test('tokenizer offsets are exact', () => {
  const { tokens } = tokenizeNginx('a  "b c";');
  assert.deepEqual(
    tokens.map((token) => [token.start, token.end, token.raw]),
    [
      [0, 1, 'a'],
      [3, 8, '"b c"'],
      [8, 9, ';'],
    ],
  );
});

test('tokenizer double quotes with escapes', () => {
  const { tokens } = tokenizeNginx('"a\\"b\\\\c\\n\\d";');
  assert.equal(tokens[0]!.value, 'a"b\\c\n\\d');
  assert.equal(tokens[0]!.quoted, true);
  assert.equal(tokens[0]!.raw, '"a\\"b\\\\c\\n\\d"');
});

test('tokenizer single quotes with escapes', () => {
  const { tokens } = tokenizeNginx("'it\\'s \"x\"' y;");
  assert.equal(tokens[0]!.value, 'it\'s "x"');
  assert.equal(tokens[1]!.value, 'y');
});

test('tokenizer empty quoted argument', () => {
  const { tokens } = tokenizeNginx('add_header X "";');
  assert.equal(tokens[2]!.value, '');
  assert.equal(tokens[2]!.quoted, true);
  assert.equal(tokens[2]!.raw, '""');
});

test('tokenizer quoted string spans lines', () => {
  const { tokens, errors } = tokenizeNginx("log_format main 'a\n  b';");
  assert.equal(tokens[2]!.value, 'a\n  b');
  assert.deepEqual(errors, []);
});

test('tokenizer hash mid-word is not comment', () => {
  const { tokens } = tokenizeNginx('add_header X a#b;');
  assert.deepEqual(kinds(tokens), ['add_header', 'X', 'a#b', 'semicolon']);
});

test('tokenizer comment after brace', () => {
  const { tokens } = tokenizeNginx('}# managed by Certbot\n} # x\r\n');
  assert.deepEqual(kinds(tokens), ['close-brace', 'comment', 'close-brace', 'comment']);
  assert.equal(tokens[1]!.value, ' managed by Certbot');
  assert.equal(tokens[3]!.raw, '# x');
});

test('tokenizer hash inside quotes is text', () => {
  const { tokens } = tokenizeNginx('return 200 "#1";');
  assert.equal(tokens[2]!.value, '#1');
});

test('tokenizer open brace ends a word', () => {
  const { tokens } = tokenizeNginx('location /api{');
  assert.deepEqual(kinds(tokens), ['location', '/api', 'open-brace']);
});

test('tokenizer close brace inside word', () => {
  const { tokens } = tokenizeNginx('add_header X a}b;');
  assert.deepEqual(kinds(tokens), ['add_header', 'X', 'a}b', 'semicolon']);
});

test('tokenizer quote mid-word is text', () => {
  const { tokens, errors } = tokenizeNginx('a"b c;');
  assert.deepEqual(kinds(tokens), ['a"b', 'c', 'semicolon']);
  assert.deepEqual(errors, []);
});

test('tokenizer braced variable in word', () => {
  const { tokens } = tokenizeNginx('proxy_pass http://${UPSTREAM}:8000/$uri;');
  assert.equal(tokens.length, 3);
  assert.equal(tokens[1]!.value, 'http://${UPSTREAM}:8000/$uri');
  assert.deepEqual(tokens[1]!.variables, [
    { name: 'UPSTREAM', start: 18, end: 29, braced: true },
    { name: 'uri', start: 35, end: 39, braced: false },
  ]);
});

test('tokenizer variable at word start', () => {
  const { tokens } = tokenizeNginx('set ${x}y 1;');
  assert.deepEqual(kinds(tokens), ['set', '${x}y', '1', 'semicolon']);
  assert.equal(tokens[1]!.variables[0]!.name, 'x');
});

test('tokenizer variables in quoted word', () => {
  const { tokens } = tokenizeNginx('return 200 "$host-${PORT}";');
  assert.deepEqual(
    tokens[2]!.variables.map((reference) => [reference.name, reference.start, reference.end]),
    [
      ['host', 12, 17],
      ['PORT', 18, 25],
    ],
  );
});

test('tokenizer escaped space joins word', () => {
  const { tokens } = tokenizeNginx('a\\ b;');
  assert.deepEqual(kinds(tokens), ['a\\ b', 'semicolon']);
});

test('tokenizer regex keeps backslashes', () => {
  const { tokens } = tokenizeNginx('location ~* \\.(png|jpg)$ {');
  assert.equal(tokens[2]!.value, '\\.(png|jpg)$');
});

test('tokenizer text after closing quote', () => {
  const { tokens, errors } = tokenizeNginx('add_header X "a"b;');
  assert.deepEqual(kinds(tokens), ['add_header', 'X', 'a', 'b', 'semicolon']);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /Unexpected "b" after a quoted string/);
  assert.deepEqual([errors[0]!.start, errors[0]!.end], [16, 17]);
});

test('tokenizer parenthesis after quote allowed', () => {
  const { tokens, errors } = tokenizeNginx('if ($a = "b") {');
  assert.deepEqual(kinds(tokens), ['if', '($a', '=', 'b', ')', 'open-brace']);
  assert.deepEqual(errors, []);
});

test('tokenizer unterminated quote recovers', () => {
  const { tokens, errors } = tokenizeNginx('add_header X "abc;\nlisten 80;\n');
  assert.deepEqual(kinds(tokens), ['add_header', 'X', 'abc;', 'listen', '80', 'semicolon']);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /Unterminated string/);
  assert.deepEqual([errors[0]!.start, errors[0]!.end], [13, 18]);
});

test('tokenizer CRLF line endings', () => {
  const { tokens } = tokenizeNginx('a 1;\r\nb 2;\r\n');
  assert.deepEqual(kinds(tokens), ['a', '1', 'semicolon', 'b', '2', 'semicolon']);
  assert.equal(tokens[3]!.start, 6);
});

test('tokenizer byte order mark reported', () => {
  const { tokens, errors } = tokenizeNginx('\uFEFFpid x;');
  assert.equal(tokens[0]!.value, 'pid');
  assert.equal(tokens[0]!.start, 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /byte order mark/);
});

test('tokenizer empty input', () => {
  assert.deepEqual(tokenizeNginx('').tokens, []);
  assert.deepEqual(tokenizeNginx(' \n\t').tokens, []);
});

test('tokenizer trailing backslash at end', () => {
  const { tokens } = tokenizeNginx('a\\');
  assert.equal(tokens[0]!.raw, 'a\\');
  assert.equal(tokens[0]!.end, 2);
});
