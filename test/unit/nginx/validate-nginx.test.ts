import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  validateNginx,
  type NginxValidationOptions,
} from '../../../server/src/parsers/nginx/validate-nginx.js';
import { parse, span } from './helpers.js';

const MAIN: NginxValidationOptions = { isIncluded: false };
const INCLUDED: NginxValidationOptions = { isIncluded: true };

function validate(text: string, options: NginxValidationOptions = MAIN) {
  return validateNginx(parse(text), options);
}

const FULL = `user nginx;
worker_processes auto;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream app { server web:8000; keepalive 16; }
  server {
    listen 80;
    location / {
      proxy_pass http://app;
      proxy_set_header Host $host;
      if ($request_method = OPTIONS) { add_header X 1; return 204; }
      limit_except GET { deny all; }
    }
    if ($host = a) { return 301 https://b$request_uri; }
  }
}
`;

test('validation silent on full config', () => {
  assert.deepEqual(validate(FULL), []);
});

test('validation silent on conf.d file', () => {
  const text = 'server {\n  listen 80;\n  location / { proxy_pass http://web:8000; }\n}\n';
  assert.deepEqual(validate(text, INCLUDED), []);
});

test('validation conf.d file in main fires', () => {
  const errors = validate('server {\n  listen 80;\n}\n');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'nginx-directive-context');
  assert.equal(errors[0]!.severity, 'error');
  assert.match(errors[0]!.message, /"server" directive is not allowed in the main context/);
  assert.match(errors[0]!.message, /nginx allows it in: http/);
  assert.equal(span(errors[0]!.range), '0:0-0:6');
});

test('validation events directive in http', () => {
  const errors = validate('worker_connections 10;', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /not allowed in "http"\. nginx allows it in: events\./);
});

test('validation add_header in server if', () => {
  const errors = validate('server { if ($host) { add_header X 1; } }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /"add_header" directive is not allowed in "if" in "server"/);
  assert.match(errors[0]!.message, /if in location/);
});

test('validation rewrite in server if', () => {
  const errors = validate('server { if ($host) { return 404; set $a 1; } }', INCLUDED);
  assert.deepEqual(errors, []);
});

test('validation location in if fires', () => {
  const errors = validate('server { location / { if ($a) { location /b { } } } }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /"location" directive is not allowed in "if" in "location"/);
});

test('validation included context path', () => {
  const location = 'location /static/ { alias /app/static/; }';
  assert.deepEqual(validate(location, { isIncluded: true, includedContext: 'http > server' }), []);
  assert.deepEqual(validate(location, { isIncluded: true, includedContext: 'server' }), []);
  assert.equal(validate(location, INCLUDED).length, 1);
});

test('validation stream server directives', () => {
  const text = 'stream { server { listen 5432; proxy_pass db:5432; } }';
  assert.deepEqual(validate(text), []);
});

test('validation http directive in stream', () => {
  const errors = validate('stream { server { listen 1; proxy_set_header Host a; } }');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /not allowed in "server" in "stream"/);
  assert.match(errors[0]!.message, /server in http/);
});

test('validation upstream server simple', () => {
  assert.deepEqual(validate('upstream app { server web:8000 max_fails=3; }', INCLUDED), []);
});

test('validation unknown directive warning', () => {
  const errors = validate('server { lisen 80; }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'nginx-unknown-directive');
  assert.equal(errors[0]!.severity, 'warning');
  assert.match(errors[0]!.message, /not in the official nginx documentation/);
  assert.match(errors[0]!.message, /Did you mean "listen"\?/);
  assert.equal(span(errors[0]!.range), '0:9-0:14');
});

test('validation unknown directive case', () => {
  const errors = validate('server { Listen 80; }', INCLUDED);
  assert.match(errors[0]!.message, /case-sensitive: write "listen"/);
});

test('validation third-party directive hint', () => {
  const errors = validate('more_set_headers "Server: x";', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /third-party module/);
});

test('validation unknown block body skipped', () => {
  const errors = validate('server { custom_block { anything 1; listen 2; } }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /"custom_block"/);
});

test('validation map entries silent', () => {
  const text = 'map $a $b {\n  hostnames;\n  default 0;\n  ~^lisen 1;\n  include maps/*.map;\n}\n';
  assert.deepEqual(validate(text, INCLUDED), []);
});

test('validation types entries silent', () => {
  assert.deepEqual(validate('types { text/html html; application/json json; }', INCLUDED), []);
});

test('validation location needs block', () => {
  const errors = validate('server { location /; }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, 'nginx-syntax');
  assert.match(errors[0]!.message, /"location" directive needs a block/);
});

test('validation simple directive with block', () => {
  const errors = validate('server { listen 80 { } }', INCLUDED);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /"listen" directive takes no block/);
});

test('validation include anywhere', () => {
  const text =
    'include a.conf;\nevents { include b; }\n' +
    'http { server { location / { limit_except GET { include c; } } } }';
  assert.deepEqual(validate(text), []);
});

test('validation otel exporter body skipped', () => {
  const text = 'otel_exporter { endpoint localhost:4317; }';
  assert.deepEqual(validate(text, INCLUDED), []);
});

test('validation errors in document order', () => {
  const errors = validate('server { a1x 1; location / { b2y 2; } }\nc3z 3;', INCLUDED);
  assert.deepEqual(
    errors.map((error) => error.range.start.character + error.range.start.line * 100),
    [9, 29, 100],
  );
});

test('validation deep nesting', () => {
  const depth = 10_000;
  const text = 'server {' + 'location / {'.repeat(depth) + '}'.repeat(depth) + '}';
  assert.deepEqual(validate(text, INCLUDED), []);
});
