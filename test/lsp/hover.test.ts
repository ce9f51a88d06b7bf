import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixture, TestClient } from './lsp-client.js';

describe('nginx directive hover', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('hover'));
    await client.status();
  });

  after(() => client.stop());

  test('directive name documented', async () => {
    const text = await client.hoverText('nginx/nginx.conf', 3, 10);
    assert.match(text, /\*\*listen\*\* · nginx directive/);
    assert.match(text, /Syntax: `listen`/);
    assert.match(text, /Default: `listen \*:80 \| \*:8000;`/);
    assert.match(text, /Context: `server`/);
    assert.ok(text.includes('(https://nginx.org/en/docs/http/ngx_http_core_module.html#listen)'));
  });

  test('directive after opening brace', async () => {
    const text = await client.hoverText('nginx/nginx.conf', 4, 30);
    assert.match(text, /\*\*expires\*\*/);
  });

  test('stream block uses stream docs', async () => {
    const text = await client.hoverText('nginx/nginx.conf', 10, 10);
    assert.match(text, /stream\/ngx_stream_proxy_module\.html#proxy_pass/);
  });

  test('argument has no directive hover', async () => {
    const text = await client.hoverText('nginx/nginx.conf', 10, 22);
    assert.equal(text, '');
  });

  test('closing brace has none', async () => {
    assert.equal(await client.hover('nginx/nginx.conf', 6, 0), null);
  });

  test('file outside folder', async () => {
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere/nginx.conf' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  });
});

describe('knob hovers', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('hover'));
    await client.status();
  });

  after(() => client.stop());

  test('django setting with value', async () => {
    const text = await client.hoverText('settings.py', 0, 5);
    assert.match(text, /DATA_UPLOAD_MAX_MEMORY_SIZE/);
    assert.match(text, /20971520/);
  });

  test('compose key', async () => {
    assert.match(await client.hoverText('docker-compose.yml', 4, 6), /mem_limit/);
  });

  test('postgres parameter', async () => {
    assert.match(await client.hoverText('docker-compose.yml', 3, 28), /max_connections/);
  });

  test('nested compose key by path', async () => {
    assert.match(await client.hoverText('docker-compose.yml', 8, 12), /deploy\.resources\.limits\.memory/);
  });

  test('depends_on condition by path', async () => {
    assert.match(await client.hoverText('docker-compose.yml', 11, 10), /depends_on\.condition/);
  });

  test('environment key keeps variable docs', async () => {
    const text = await client.hoverText('docker-compose.yml', 13, 9);
    assert.match(text, /POSTGRES_DB/);
    assert.doesNotMatch(text, /\*\*environment\*\*/);
  });
});

describe('problem hover', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
  });

  after(() => client.stop());

  test('rule doc and directive', async () => {
    const text = await client.hoverText('nginx/site.conf', 2, 8);
    assert.match(text, /\(`nginx-server-tokens-on`\)/);
    assert.match(text, /\*\*server_tokens\*\* · nginx directive/);
  });

  test('env file problem', async () => {
    const text = await client.hoverText('env.template', 1, 2);
    assert.match(text, /\(`env-duplicate-key`\)/);
  });
});

describe('setting hover secrets', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('secrets'));
    await client.status();
  });

  after(() => client.stop());

  test('nested password hidden', async () => {
    const text = await client.hoverText('settings.py', 0, 3);
    assert.match(text, /"PASSWORD": "\*\*\*"/);
    assert.ok(!text.includes('db-pw-hidden'));
  });

  test('url password hidden', async () => {
    const text = await client.hoverText('settings.py', 1, 3);
    assert.match(text, /redis:\/\/:\*\*\*@redis:6379/);
    assert.ok(!text.includes('cache-pw-hidden'));
  });
});
