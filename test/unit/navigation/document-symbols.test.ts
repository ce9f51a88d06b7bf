import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../../server/src/core/source-file.js';
import { envSymbols } from '../../../server/src/navigation/env-symbols.js';
import { nginxSymbols } from '../../../server/src/navigation/nginx-symbols.js';
import type { OutlineSymbol } from '../../../server/src/navigation/outline-symbol.js';
import { parseEnv } from '../../../server/src/parsers/env/parse-env.js';
import { parseNginx } from '../../../server/src/parsers/nginx/parse-nginx.js';

/** `name (category)` of each symbol, children indented by two spaces per level. */
function outline(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} (${symbol.category})`,
    ...outline(symbol.children, depth + 1),
  ]);
}

function textOf(source: SourceFile, range: OutlineSymbol['range']): string {
  return source.text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

describe('env symbols', () => {
  const source = new SourceFile('.env', '# app\nexport DEBUG=1\nSECRET_KEY="s3cr3t-value"\nDEBUG=0\n');
  const symbols = envSymbols(parseEnv(source));

  test('one per assignment', () => {
    assert.deepEqual(outline(symbols), ['DEBUG (variable)', 'SECRET_KEY (variable)', 'DEBUG (variable)']);
  });

  test('selection is the key', () => {
    assert.equal(textOf(source, symbols[0]!.selectionRange), 'DEBUG');
    assert.equal(textOf(source, symbols[0]!.range), 'export DEBUG=1');
  });

  test('secret value hidden', () => {
    assert.equal(symbols[1]!.detail, '***');
    assert.equal(symbols[2]!.detail, '0');
  });

  test('empty file has none', () => {
    assert.deepEqual(envSymbols(parseEnv(new SourceFile('.env', '# nothing\n'))), []);
  });
});

describe('nginx symbols', () => {
  const text = [
    'events {}',
    'http {',
    '    upstream app { server web:8000; }',
    '    map $http_upgrade $connection_upgrade { default upgrade; "" close; }',
    '    server {',
    '        listen 443 ssl;',
    '        server_name example.com www.example.com;',
    '        location ~ ^/api/ { proxy_pass http://app; }',
    '    }',
    '    server { listen 8080; server_name _; }',
    '    server { }',
    '}',
    '',
  ].join('\n');
  const source = new SourceFile('nginx.conf', text);
  const symbols = nginxSymbols(parseNginx(source));

  test('blocks nest their directives', () => {
    assert.deepEqual(outline(symbols), [
      'events (namespace)',
      'http (namespace)',
      '  upstream app (struct)',
      '    server (property)',
      '  map $http_upgrade $connection_upgrade (object)',
      '  server example.com www.example.com (class)',
      '    listen (property)',
      '    server_name (property)',
      '    location ~ ^/api/ (method)',
      '      proxy_pass (property)',
      '  server 8080 (class)',
      '    listen (property)',
      '    server_name (property)',
      '  server (class)',
    ]);
  });

  test('server detail lists listen', () => {
    const server = symbols[1]!.children[2]!;
    assert.equal(server.detail, 'listen 443');
    assert.equal(textOf(source, server.selectionRange), 'server');
    assert.ok(textOf(source, server.range).endsWith('}'));
  });

  test('directive detail is arguments', () => {
    const listen = symbols[1]!.children[2]!.children[0]!;
    assert.equal(listen.detail, '443 ssl');
  });

  test('deep nesting does not overflow', () => {
    const depth = 5000;
    const deep = `${'location / { '.repeat(depth)}${'}'.repeat(depth)}`;
    let symbol = nginxSymbols(parseNginx(new SourceFile('deep.conf', deep)))[0];
    let levels = 0;
    while (symbol) {
      levels++;
      symbol = symbol.children[0];
    }
    assert.equal(levels, depth);
  });
});
