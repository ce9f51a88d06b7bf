import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NginxDirective, NginxFile } from '../../../server/src/parsers/nginx/nginx-model.js';
import {
  matchGlob,
  resolveIncludes,
  type NginxIncludeLoader,
} from '../../../server/src/parsers/nginx/resolve-includes.js';
import { walk } from '../../../server/src/parsers/nginx/walk-nginx.js';
import { parse } from './helpers.js';

/** Builds parsed files keyed by their container path (under /etc/nginx) and a loader over them. */
function workspace(files: Record<string, string>): {
  parsed: Map<string, NginxFile>;
  load: NginxIncludeLoader;
  requests: [string, string][];
} {
  const parsed = new Map<string, NginxFile>();
  for (const [path, text] of Object.entries(files)) parsed.set(path, parse(text, path));
  const requests: [string, string][] = [];
  const load: NginxIncludeLoader = (includePath, fromFile) => {
    requests.push([includePath, fromFile]);
    const absolute = includePath.startsWith('/')
      ? includePath.slice(1)
      : `etc/nginx/${includePath}`;
    return [...parsed.keys()]
      .filter((path) => matchGlob(absolute, path))
      .sort()
      .map((path) => parsed.get(path)!);
  };
  return { parsed, load, requests };
}

function outline(directives: NginxDirective[]): string[] {
  const lines: string[] = [];
  walk(directives, (directive) => {
    let depth = 0;
    for (let parent = directive.parent; parent !== undefined; parent = parent.parent) depth++;
    lines.push(`${'  '.repeat(depth)}${directive.name} @${directive.file}`);
  });
  return lines;
}

test('include spliced in place', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'events {}\nhttp {\n  include conf.d/*.conf;\n  gzip on;\n}\n',
    'etc/nginx/conf.d/a.conf': 'server { listen 80; }',
    'etc/nginx/conf.d/b.conf': 'server_tokens off;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.deepEqual(outline(resolved.directives), [
    'events @etc/nginx/nginx.conf',
    'http @etc/nginx/nginx.conf',
    '  server @etc/nginx/conf.d/a.conf',
    '    listen @etc/nginx/conf.d/a.conf',
    '  server_tokens @etc/nginx/conf.d/b.conf',
    '  gzip @etc/nginx/nginx.conf',
  ]);
  assert.deepEqual(resolved.files, [
    'etc/nginx/nginx.conf',
    'etc/nginx/conf.d/a.conf',
    'etc/nginx/conf.d/b.conf',
  ]);
  assert.deepEqual(resolved.errors, []);
});

test('includes record their files', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'http {\n  include conf.d/*.conf;\n  include mime.types;\n}\n',
    'etc/nginx/conf.d/a.conf': 'server { listen 80; }',
    'etc/nginx/conf.d/b.conf': 'server_tokens off;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.deepEqual(
    resolved.includes.map((include) => [include.directive.args[0]!.value, include.directive.file, include.files]),
    [
      ['conf.d/*.conf', 'etc/nginx/nginx.conf', ['etc/nginx/conf.d/a.conf', 'etc/nginx/conf.d/b.conf']],
      ['mime.types', 'etc/nginx/nginx.conf', []],
    ],
  );
});

test('include parents point into result', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'http { include conf.d/a.conf; }',
    'etc/nginx/conf.d/a.conf': 'server { listen 80; }',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  const http = resolved.directives[0]!;
  const server = http.block![0]!;
  assert.equal(server.parent, http);
  assert.equal(server.block![0]!.parent, server);
});

test('include does not mutate parsed files', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'http { include conf.d/a.conf; }',
    'etc/nginx/conf.d/a.conf': 'server { listen 80; }',
  });
  const entry = parsed.get('etc/nginx/nginx.conf')!;
  const included = parsed.get('etc/nginx/conf.d/a.conf')!;
  const resolved = resolveIncludes(entry, load);
  assert.equal(entry.directives[0]!.block![0]!.name, 'include');
  assert.equal(included.directives[0]!.parent, undefined);
  assert.notEqual(resolved.directives[0], entry.directives[0]);
  assert.notEqual(resolved.directives[0]!.block![0], included.directives[0]);
});

test('include glob passed to loader', () => {
  const { parsed, load, requests } = workspace({
    'etc/nginx/nginx.conf': 'http { include sites-enabled/*; }',
  });
  resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.deepEqual(requests, [['sites-enabled/*', 'etc/nginx/nginx.conf']]);
});

test('include of missing file kept', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'http { include /etc/nginx/mime.types; }',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.equal(resolved.directives[0]!.block![0]!.name, 'include');
  assert.deepEqual(resolved.errors, []);
});

test('include from included file', () => {
  const { parsed, load, requests } = workspace({
    'etc/nginx/nginx.conf': 'http { include conf.d/site.conf; }',
    'etc/nginx/conf.d/site.conf': 'server { include snippets/headers.conf; }',
    'etc/nginx/snippets/headers.conf': 'add_header X-Frame-Options DENY always;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.deepEqual(outline(resolved.directives), [
    'http @etc/nginx/nginx.conf',
    '  server @etc/nginx/conf.d/site.conf',
    '    add_header @etc/nginx/snippets/headers.conf',
  ]);
  assert.deepEqual(requests[1], ['snippets/headers.conf', 'etc/nginx/conf.d/site.conf']);
});

test('include cycle reported', () => {
  const { parsed, load } = workspace({
    'etc/nginx/a.conf': 'include b.conf;\nlisten 1;',
    'etc/nginx/b.conf': 'include a.conf;\nlisten 2;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/a.conf')!, load);
  assert.equal(resolved.errors.length, 1);
  const error = resolved.errors[0]!;
  assert.equal(error.code, 'nginx-include-cycle');
  assert.equal(error.file, 'etc/nginx/b.conf');
  assert.match(error.message, /etc\/nginx\/a\.conf > etc\/nginx\/b\.conf > etc\/nginx\/a\.conf/);
  assert.deepEqual(
    resolved.directives.map((directive) => `${directive.name} ${directive.args[0]!.value}`),
    ['listen 2', 'listen 1'],
  );
});

test('include glob matching itself', () => {
  const { parsed, load } = workspace({
    'etc/nginx/conf.d/default.conf': 'include conf.d/*.conf;\nserver_tokens off;',
    'etc/nginx/conf.d/extra.conf': 'gzip on;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/conf.d/default.conf')!, load);
  assert.equal(resolved.errors.length, 1);
  assert.equal(resolved.errors[0]!.code, 'nginx-include-cycle');
  assert.deepEqual(
    resolved.directives.map((directive) => directive.name),
    ['gzip', 'server_tokens'],
  );
});

test('include twice is not cycle', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'http { server { include h.conf; } server { include h.conf; } }',
    'etc/nginx/h.conf': 'add_header A 1;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  assert.deepEqual(resolved.errors, []);
  const servers = resolved.directives[0]!.block!;
  assert.equal(servers[0]!.block![0]!.name, 'add_header');
  assert.equal(servers[1]!.block![0]!.name, 'add_header');
  assert.notEqual(servers[0]!.block![0], servers[1]!.block![0]);
  assert.equal(servers[1]!.block![0]!.parent, servers[1]);
});

test('include inclusion limit', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'include a.conf; include a.conf; include a.conf;',
    'etc/nginx/a.conf': 'gzip on;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load, { maxInclusions: 2 });
  assert.equal(resolved.errors.length, 1);
  assert.equal(resolved.errors[0]!.code, 'nginx-include-limit');
  assert.equal(resolved.directives.filter((directive) => directive.name === 'gzip').length, 2);
});

test('include inside map entries', () => {
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'map $uri $new { default ""; include redirects.map; }',
    'etc/nginx/redirects.map': '/old /new;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  const entries = resolved.directives[0]!.block!;
  assert.deepEqual(
    entries.map((entry) => [entry.name, entry.entry]),
    [
      ['default', true],
      ['/old', true],
    ],
  );
});

test('include deep nesting copied', () => {
  const depth = 10_000;
  const { parsed, load } = workspace({
    'etc/nginx/nginx.conf': 'location / {'.repeat(depth) + 'include x.conf;' + '}'.repeat(depth),
    'etc/nginx/x.conf': 'return 204;',
  });
  const resolved = resolveIncludes(parsed.get('etc/nginx/nginx.conf')!, load);
  let node = resolved.directives[0]!;
  while (node.block![0]!.block !== undefined) node = node.block![0]!;
  assert.equal(node.block![0]!.name, 'return');
  assert.equal(node.block![0]!.parent, node);
});
