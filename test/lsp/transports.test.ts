import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { codes, fixture, TestClient } from './lsp-client.js';

const bundle = fileURLToPath(new URL('../../dist/server.cjs', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/shipshape-language-server.js', import.meta.url));
const compiled = fileURLToPath(new URL('../../out/server/src/lsp-main.js', import.meta.url));
const sources = fileURLToPath(new URL('../../server/src/lsp-main.ts', import.meta.url));

describe('bundled server over node IPC', {
  skip: existsSync(bundle) ? false : 'dist/server.cjs is missing; run npm run bundle',
}, () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'), {
      server: { args: [bundle, '--node-ipc'], transport: 'ipc' },
    });
  });

  after(() => client.stop());

  test('publishes diagnostics', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('env-duplicate-key'));
  });

  test('nginx reference in bundle', async () => {
    await client.status();
    assert.match(await client.hoverText('nginx/site.conf', 5, 10), /ngx_http_proxy_module/);
  });

  test('knob data in bundle', async () => {
    await client.status();
    assert.match(await client.hoverText('settings.py', 0, 5), /DATA_UPLOAD_MAX_MEMORY_SIZE/);
  });
});

describe('bin over stdio', {
  skip: existsSync(compiled) ? false : 'out/ is missing; run npm run build',
}, () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'), {
      server: { args: [bin, '--stdio'], transport: 'stdio' },
    });
  });

  after(() => client.stop());

  test('publishes diagnostics', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('env-duplicate-key'));
  });
});

describe('server command line', () => {
  test('missing transport is usage error', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', sources], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: shipshape-language-server --stdio/);
    assert.equal(result.stdout, '');
  });
});
