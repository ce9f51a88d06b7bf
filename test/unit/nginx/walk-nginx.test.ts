import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NginxDirective } from '../../../server/src/parsers/nginx/nginx-model.js';
import {
  blockPath,
  effectiveDirective,
  effectiveDirectives,
  findAll,
  SKIP_CHILDREN,
  walk,
} from '../../../server/src/parsers/nginx/walk-nginx.js';
import { parse } from './helpers.js';

const CONFIG = `http {
  client_max_body_size 10m;
  add_header X-Frame-Options DENY always;
  proxy_set_header X-Forwarded-Proto $scheme;
  map $a $b { add_header 1; }
  server {
    server_name example.com;
    add_header Strict-Transport-Security "max-age=31536000" always;
    add_header X-Content-Type-Options nosniff always;
    location / {
      proxy_pass http://web:8000;
    }
    location /static/ {
      client_max_body_size 1k;
      add_header Cache-Control public;
      if ($request_method = OPTIONS) { return 204; }
    }
    location /ws/ {
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection upgrade;
      proxy_pass http://web:8000;
    }
  }
}
`;

function setup() {
  const file = parse(CONFIG);
  const locations = findAll(file.directives, 'location');
  const [root, staticFiles, websocket] = locations;
  return { file, root: root!, staticFiles: staticFiles!, websocket: websocket! };
}

function values(directives: NginxDirective[]): string[] {
  return directives.map((directive) => directive.args[0]!.value);
}

test('walk visits in document order', () => {
  const names: string[] = [];
  walk(parse('a { b { c; } d; } e;').directives, (directive) => {
    names.push(directive.name);
  });
  assert.deepEqual(names, ['a', 'b', 'c', 'd', 'e']);
});

test('walk skips children on request', () => {
  const names: string[] = [];
  walk(parse('a { b { c; } d; } e;').directives, (directive) => {
    names.push(directive.name);
    return directive.name === 'b' ? SKIP_CHILDREN : undefined;
  });
  assert.deepEqual(names, ['a', 'b', 'd', 'e']);
});

test('findAll skips map entries', () => {
  const { file } = setup();
  assert.equal(findAll(file.directives, 'add_header').length, 4);
  assert.equal(findAll(file.directives, 'location').length, 3);
});

test('effective simple directive inherited', () => {
  const { root } = setup();
  const found = effectiveDirective(root, 'client_max_body_size');
  assert.equal(found?.args[0]!.value, '10m');
  assert.equal(found?.parent?.name, 'http');
});

test('effective simple directive overridden', () => {
  const { staticFiles } = setup();
  assert.equal(effectiveDirective(staticFiles, 'client_max_body_size')?.args[0]!.value, '1k');
});

test('effective directive from inner directive', () => {
  const { root } = setup();
  const proxyPass = root.block![0]!;
  assert.equal(effectiveDirective(proxyPass, 'server_name')?.args[0]!.value, 'example.com');
});

test('effective directive unset returns undefined', () => {
  const { root } = setup();
  assert.equal(effectiveDirective(root, 'proxy_read_timeout'), undefined);
});

test('add_header inherited when none', () => {
  const { root } = setup();
  assert.deepEqual(values(effectiveDirectives(root, 'add_header')), [
    'Strict-Transport-Security',
    'X-Content-Type-Options',
  ]);
});

test('add_header replaced by inner one', () => {
  const { staticFiles } = setup();
  assert.deepEqual(values(effectiveDirectives(staticFiles, 'add_header')), ['Cache-Control']);
});

test('add_header in if inherits location', () => {
  const { staticFiles } = setup();
  const condition = staticFiles.block!.find((directive) => directive.name === 'if')!;
  assert.deepEqual(values(effectiveDirectives(condition, 'add_header')), ['Cache-Control']);
});

test('proxy_set_header replaced in location', () => {
  const { websocket } = setup();
  assert.deepEqual(values(effectiveDirectives(websocket, 'proxy_set_header')), [
    'Upgrade',
    'Connection',
  ]);
});

test('proxy_set_header inherited from http', () => {
  const { root } = setup();
  assert.deepEqual(values(effectiveDirectives(root, 'proxy_set_header')), ['X-Forwarded-Proto']);
});

test('add_header_inherit merge appends parents', () => {
  const file = parse(
    'http { add_header_inherit merge; add_header A 1; ' +
      'server { add_header B 2; location / { add_header C 3; } } }',
  );
  const location = findAll(file.directives, 'location')[0]!;
  assert.deepEqual(values(effectiveDirectives(location, 'add_header')), ['C', 'B', 'A']);
});

test('add_header_inherit off stops inheritance', () => {
  const file = parse('http { add_header A 1; server { add_header_inherit off; location / { } } }');
  const location = findAll(file.directives, 'location')[0]!;
  assert.deepEqual(effectiveDirectives(location, 'add_header'), []);
});

test('effective directive uses root level', () => {
  const file = parse('client_max_body_size 5m;\nserver { location / { } }');
  const location = findAll(file.directives, 'location')[0]!;
  assert.equal(effectiveDirective(location, 'client_max_body_size'), undefined);
  assert.equal(
    effectiveDirective(location, 'client_max_body_size', file.directives)?.args[0]!.value,
    '5m',
  );
});

test('effective directives at root', () => {
  const file = parse('add_header A 1;\nadd_header B 2;\nserver_tokens off;');
  const tokens = file.directives[2]!;
  assert.deepEqual(values(effectiveDirectives(tokens, 'add_header', file.directives)), ['A', 'B']);
});

test('blockPath of nested directive', () => {
  const { websocket } = setup();
  assert.equal(blockPath(websocket), 'http > server > location /ws/');
  assert.equal(blockPath(websocket.block![0]!), 'http > server > location /ws/');
});

test('blockPath of if and top level', () => {
  const { staticFiles } = setup();
  const condition = staticFiles.block!.find((directive) => directive.name === 'if')!;
  assert.equal(
    blockPath(condition),
    'http > server > location /static/ > if ($request_method = OPTIONS)',
  );
  assert.equal(blockPath(parse('gzip on;').directives[0]!), '');
});

test('walk deep nesting', () => {
  const depth = 10_000;
  const file = parse('location / {'.repeat(depth) + 'client_max_body_size 1m;' + '}'.repeat(depth));
  let count = 0;
  walk(file.directives, () => {
    count++;
  });
  assert.equal(count, depth + 1);
  const innermost = findAll(file.directives, 'client_max_body_size')[0]!;
  assert.equal(effectiveDirective(innermost, 'client_max_body_size'), innermost);
  assert.equal(blockPath(innermost).split(' > ').length, depth);
});
