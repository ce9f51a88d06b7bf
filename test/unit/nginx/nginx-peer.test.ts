import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateNginx } from '../../../server/src/parsers/nginx/validate-nginx.js';
import { parse } from './helpers.js';

// Compares our verdict with `nginx -t` when an nginx binary is installed. Each snippet is
// included inside `http`, and servers listen on a UNIX socket in a temporary folder, so the
// test opens no TCP port. Unknown directives are left out: we only warn about them.
const hasNginx = spawnSync('nginx', ['-v']).error === undefined;

const CASES: [snippet: string, nginxAccepts: boolean][] = [
  ['add_header X a}b;', true],
  ['add_header X a#b;', true],
  ['add_header X "";', true],
  ["add_header X 'a\\'b';", true],
  ['map $host $x { hostnames; default 0; ~^a 1; }', true],
  ['types { text/html html; }', true],
  ['upstream app { server 127.0.0.1:8000; }', true],
  ['server { listen unix:SOCKET; location ~* \\.(png|jpg)$ { return 200; } }', true],
  [
    'server { listen unix:SOCKET; location / { if ($request_method = OPTIONS) { return 204; } } }',
    true,
  ],
  ['server { listen unix:SOCKET; location / { add_header X ${host}; } }', true],
  ['server { listen unix:SOCKET; } # managed by Certbot', true],
  ['server { listen unix:SOCKET; location / { limit_except GET { include empty.conf; } } }', true],
  ['add_header X "a"b;', false],
  ['add_header X 1 }', false],
  [';', false],
  ['{ }', false],
  ['}', false],
  ['server { listen unix:SOCKET;', false],
  ['add_header X "unterminated;', false],
  ['worker_connections 10;', false],
  ['server { listen unix:SOCKET; if ($host) { add_header X 1; } }', false],
  ['server { listen unix:SOCKET; location /; }', false],
  ['server { listen unix:SOCKET; location / { listen 80 { } } }', false],
];

function nginxAccepts(snippet: string): boolean {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-nginx-'));
  try {
    const main = [
      'pid nginx.pid;',
      'error_log stderr notice;',
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      '  client_body_temp_path body_temp;',
      '  proxy_temp_path proxy_temp;',
      '  fastcgi_temp_path fastcgi_temp;',
      '  uwsgi_temp_path uwsgi_temp;',
      '  scgi_temp_path scgi_temp;',
      '  include snippet.conf;',
      '}',
    ].join('\n');
    writeFileSync(join(folder, 'nginx.conf'), main);
    writeFileSync(join(folder, 'empty.conf'), '');
    writeFileSync(join(folder, 'snippet.conf'), snippet.replace(/SOCKET/g, join(folder, 'sock')));
    const options = ['-t', '-q', '-p', `${folder}/`, '-e', 'stderr', '-c', 'nginx.conf'];
    const result = spawnSync('nginx', options, { timeout: 10_000 });
    return result.status === 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function shipshapeAccepts(snippet: string): boolean {
  const file = parse(snippet, 'snippet.conf');
  const errors = [...file.errors, ...validateNginx(file, { isIncluded: true })];
  return errors.every((error) => error.severity !== 'error');
}

for (const [snippet, expected] of CASES) {
  test(`peer nginx ${expected ? 'accepts' : 'rejects'}: ${snippet}`, { skip: !hasNginx }, () => {
    assert.equal(nginxAccepts(snippet), expected, 'nginx -t verdict');
    assert.equal(shipshapeAccepts(snippet), expected, 'shipshape verdict');
  });
}
