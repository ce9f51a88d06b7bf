import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, span } from './helpers.js';

test('parser builds blocks and parents', () => {
  const file = parse('http {\n  server {\n    listen 80;\n  }\n}\n');
  const http = file.directives[0]!;
  const server = http.block![0]!;
  const listen = server.block![0]!;
  assert.equal(file.directives.length, 1);
  assert.equal(http.parent, undefined);
  assert.equal(server.parent, http);
  assert.equal(listen.parent, server);
  assert.equal(listen.block, undefined);
  assert.equal(listen.file, 'nginx/nginx.conf');
  assert.deepEqual(file.errors, []);
});

test('parser ranges are exact', () => {
  const file = parse('http {\n  server {\n    listen 80 default_server;\n  }\n}\n');
  const http = file.directives[0]!;
  const server = http.block![0]!;
  const listen = server.block![0]!;
  assert.equal(span(http.range), '0:0-4:1');
  assert.equal(span(server.range), '1:2-3:3');
  assert.equal(span(server.nameRange), '1:2-1:8');
  assert.equal(span(listen.range), '2:4-2:29');
  assert.equal(span(listen.nameRange), '2:4-2:10');
  assert.equal(span(listen.args[0]!.range), '2:11-2:13');
  assert.equal(span(listen.args[1]!.range), '2:14-2:28');
});

test('parser quoted argument fields', () => {
  const file = parse('add_header Strict-Transport-Security "max-age=63072000; preload" always;');
  const value = file.directives[0]!.args[1]!;
  assert.equal(value.value, 'max-age=63072000; preload');
  assert.equal(value.raw, '"max-age=63072000; preload"');
  assert.equal(value.quoted, true);
  assert.equal(span(value.range), '0:37-0:64');
  assert.equal(file.directives[0]!.args[2]!.quoted, false);
});

test('parser map body entries', () => {
  const file = parse(
    'map $http_origin $cors {\n  default "";\n  "~^https://a\\.example$" $http_origin;\n}\n',
  );
  const map = file.directives[0]!;
  assert.equal(map.entry, undefined);
  assert.deepEqual(
    map.block!.map((entry) => [entry.name, entry.args[0]!.value, entry.entry]),
    [
      ['default', '', true],
      ['~^https://a\\.example$', '$http_origin', true],
    ],
  );
  assert.equal(map.block![1]!.parent, map);
});

test('parser types body entries', () => {
  const file = parse('types {\n  text/html html htm;\n  image/png png;\n}\n');
  const types = file.directives[0]!;
  assert.deepEqual(
    types.block!.map((entry) => entry.name),
    ['text/html', 'image/png'],
  );
  assert.ok(types.block!.every((entry) => entry.entry === true));
});

test('parser geo and split_clients entries', () => {
  const file = parse('geo $a { default 0; 10.0.0.0/8 1; }\nsplit_clients $b $c { 50% x; * y; }\n');
  assert.ok(file.directives[0]!.block!.every((entry) => entry.entry === true));
  assert.ok(file.directives[1]!.block!.every((entry) => entry.entry === true));
});

test('parser server children are directives', () => {
  const file = parse('server { listen 80; }');
  assert.equal(file.directives[0]!.block![0]!.entry, undefined);
});

test('parser if condition arguments', () => {
  const file = parse('if ($request_method = OPTIONS) {\n  return 204;\n}\n');
  const condition = file.directives[0]!;
  assert.equal(condition.name, 'if');
  assert.deepEqual(
    condition.args.map((argument) => argument.value),
    ['($request_method', '=', 'OPTIONS)'],
  );
  assert.equal(condition.block![0]!.name, 'return');
});

test('parser if with quoted operand', () => {
  const file = parse('if ($http_origin ~* "^https://(a|b)\\.example$") { set $ok 1; }');
  assert.deepEqual(
    file.directives[0]!.args.map((argument) => argument.value),
    ['($http_origin', '~*', '^https://(a|b)\\.example$', ')'],
  );
  assert.deepEqual(file.errors, []);
});

test('parser regex location arguments', () => {
  const file = parse('location ~* \\.(png|jpg)$ {\n  expires 30d;\n}\n');
  const location = file.directives[0]!;
  assert.deepEqual(
    location.args.map((argument) => argument.value),
    ['~*', '\\.(png|jpg)$'],
  );
  assert.equal(location.block!.length, 1);
});

test('parser template variables collected', () => {
  const file = parse('server_name ${SERVER_NAME};\nproxy_pass http://${APP_HOST}:8000$uri;\n');
  assert.deepEqual(
    file.templateVariables.map((reference) => [reference.name, span(reference.range)]),
    [
      ['SERVER_NAME', '0:12-0:26'],
      ['APP_HOST', '1:18-1:29'],
    ],
  );
});

test('parser plain variables not template', () => {
  const file = parse('return 200 $host;');
  assert.deepEqual(file.templateVariables, []);
});

test('parser skips comments', () => {
  const file = parse('# top\nserver { # a\n  listen 80; # b\n} # managed by Certbot\n');
  assert.equal(file.directives.length, 1);
  assert.equal(file.directives[0]!.block!.length, 1);
  assert.deepEqual(file.errors, []);
});

test('parser lua block body skipped', () => {
  const text =
    'content_by_lua_block {\n  local s = "}" -- }\n  ngx.say([[{]])\n}\nlisten 80;\n';
  const file = parse(text);
  assert.deepEqual(
    file.directives.map((directive) => directive.name),
    ['content_by_lua_block', 'listen'],
  );
  assert.deepEqual(file.directives[0]!.block, []);
  assert.equal(span(file.directives[0]!.range), '0:0-3:1');
  assert.deepEqual(file.errors, []);
});

test('parser empty file', () => {
  const file = parse('');
  assert.deepEqual(file.directives, []);
  assert.deepEqual(file.errors, []);
});

test('parser CRLF ranges', () => {
  const file = parse('a 1;\r\nb 2;\r\n');
  assert.equal(span(file.directives[1]!.range), '1:0-1:4');
});
