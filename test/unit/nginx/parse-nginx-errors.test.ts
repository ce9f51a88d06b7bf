import assert from 'node:assert/strict';
import { test } from 'node:test';
import { walk } from '../../../server/src/parsers/nginx/walk-nginx.js';
import { parse, span } from './helpers.js';

function names(text: string): string[] {
  const found: string[] = [];
  walk(parse(text).directives, (directive) => {
    found.push(directive.name);
  });
  return found;
}

test('unexpected close brace at top', () => {
  const file = parse('listen 80;\n}\nserver_name a;\n');
  assert.equal(file.errors.length, 1);
  assert.equal(file.errors[0]!.code, 'nginx-syntax');
  assert.equal(file.errors[0]!.severity, 'error');
  assert.match(file.errors[0]!.message, /Unexpected "}"/);
  assert.equal(span(file.errors[0]!.range), '1:0-1:1');
  assert.deepEqual(names('listen 80;\n}\nserver_name a;\n'), ['listen', 'server_name']);
});

test('missing close brace at end', () => {
  const text = 'http {\n  server {\n    listen 80;\n  }\n';
  const file = parse(text);
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /"http" block is not closed/);
  assert.equal(span(file.errors[0]!.range), '0:0-0:4');
  assert.equal(span(file.directives[0]!.range), '0:0-4:0');
  assert.deepEqual(names(text), ['http', 'server', 'listen']);
});

test('missing close brace counts enclosing blocks', () => {
  const file = parse('http {\n  server {\n    location / {\n');
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /"location" block is not closed \(2 enclosing blocks/);
  assert.equal(span(file.errors[0]!.range), '2:4-2:12');
});

test('missing semicolon before close brace', () => {
  const text = 'server {\n  listen 80\n}\nserver_name a;\n';
  const file = parse(text);
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /Missing ";" after the "listen" directive/);
  assert.equal(span(file.errors[0]!.range), '1:9-1:11');
  const listen = file.directives[0]!.block![0]!;
  assert.equal(listen.name, 'listen');
  assert.equal(span(listen.range), '1:2-1:11');
  assert.deepEqual(names(text), ['server', 'listen', 'server_name']);
});

test('missing semicolon at end', () => {
  const file = parse('worker_processes auto');
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /Missing ";" after the "worker_processes" directive/);
  assert.match(file.errors[0]!.message, /nginx fails with unexpected end of file/);
  assert.equal(span(file.errors[0]!.range), '0:17-0:21');
  assert.equal(file.directives[0]!.args[0]!.value, 'auto');
});

test('unterminated quote recovers next line', () => {
  const text = 'server {\n  return 200 "ok;\n  listen 80;\n}\n';
  const file = parse(text);
  assert.ok(file.errors.some((error) => /Unterminated string/.test(error.message)));
  const unterminated = file.errors.find((error) => /Unterminated/.test(error.message))!;
  assert.equal(span(unterminated.range), '1:13-1:17');
  assert.ok(names(text).includes('listen'));
});

test('unexpected semicolon alone', () => {
  const file = parse('listen 80;;\nserver_name a;');
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /Unexpected ";"/);
  assert.equal(span(file.errors[0]!.range), '0:10-0:11');
  assert.equal(file.directives.length, 2);
});

test('unexpected open brace alone', () => {
  const file = parse('{ listen 80; }\nserver_name a;');
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /Unexpected "{"/);
  assert.equal(span(file.errors[0]!.range), '0:0-0:1');
  assert.deepEqual(
    file.directives.map((directive) => directive.name),
    ['server_name'],
  );
});

test('text after quote reported', () => {
  const file = parse('add_header X "a"b;\nlisten 80;');
  assert.equal(file.errors.length, 1);
  assert.equal(file.errors[0]!.code, 'nginx-syntax');
  assert.equal(span(file.errors[0]!.range), '0:16-0:17');
  assert.equal(file.directives.length, 2);
});

test('errors sorted by position', () => {
  const file = parse('}\nlisten 80 "x\n}');
  const lines = file.errors.map((error) => error.range.start.line);
  assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  assert.equal(file.errors.length, 3);
});

test('deep nesting closed', () => {
  const depth = 10_000;
  const file = parse('location / {\n'.repeat(depth) + 'return 204;\n' + '}\n'.repeat(depth));
  assert.deepEqual(file.errors, []);
  let node = file.directives[0]!;
  let levels = 1;
  while (node.block !== undefined && node.block[0]!.block !== undefined) {
    node = node.block[0]!;
    levels++;
  }
  assert.equal(levels, depth);
  assert.equal(node.block![0]!.name, 'return');
});

test('deep nesting unclosed', () => {
  const file = parse('a {'.repeat(10_000));
  assert.equal(file.errors.length, 1);
  assert.match(file.errors[0]!.message, /9999 enclosing blocks/);
});

test('deep nesting of bare braces', () => {
  const file = parse('{'.repeat(10_000) + '}'.repeat(10_000));
  assert.equal(file.errors.length, 10_000);
  assert.deepEqual(file.directives, []);
});

test('binary input never throws', () => {
  let seed = 7;
  for (let round = 0; round < 50; round++) {
    let text = '';
    for (let index = 0; index < 500; index++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += String.fromCharCode(seed % 128);
    }
    const file = parse(text);
    assert.ok(Array.isArray(file.errors));
  }
});

test('truncated inputs never throw', () => {
  const text =
    'http {\n  map $a $b { default "x"; }\n' +
    '  server { location ~ "^/a" { return 200 \'ok\'; } }\n}\n';
  for (let end = 0; end <= text.length; end++) {
    const file = parse(text.slice(0, end));
    assert.ok(Array.isArray(file.directives));
  }
});
