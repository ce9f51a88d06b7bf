// Packages the extension with `npm run package`, unpacks the .vsix into a temporary folder that
// has no node_modules above it, and runs the packaged server there. A file that the bundles need
// at run time but the .vscodeignore allow-list leaves out makes these tests fail.
import assert from 'node:assert/strict';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hasUnzip, listVsix, packageVsix, unpackVsix } from '../helpers/vsix.js';
import { codes, fixture, TestClient } from '../lsp/lsp-client.js';

describe('packaged extension', {
  skip: hasUnzip() ? false : 'unzip is not installed (Debian package unzip)',
}, () => {
  let folder: string;
  let entries: string[];
  let extension: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'shipshape-vsix-'));
    const vsix = packageVsix(folder);
    entries = listVsix(vsix);
    extension = unpackVsix(vsix, join(folder, 'unpacked'));
    client = await TestClient.start(fixture('deployment'), {
      server: { args: [join(extension, 'dist', 'server.cjs'), '--stdio'], transport: 'stdio' },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('contains both bundles', () => {
    assert.ok(entries.includes('extension/dist/client.cjs'));
    assert.ok(entries.includes('extension/dist/server.cjs'));
  });

  test('contains contributed files', () => {
    for (const file of [
      'extension/languages/dotenv.language-configuration.json',
      'extension/syntaxes/nginx.tmLanguage.json',
      'extension/snippets/compose.json',
      'extension/schemas/shipshape.schema.json',
    ]) {
      assert.ok(entries.includes(file), file);
    }
  });

  test('leaves out node_modules', () => {
    assert.deepEqual(entries.filter((entry) => entry.includes('node_modules')), []);
  });

  test('leaves out sources and maps', () => {
    const sourceOrMap = /\.(ts|map)$|\/(server|client|test)\//;
    const unexpected = entries.filter((entry) => sourceOrMap.test(entry));
    assert.deepEqual(unexpected, []);
  });

  test('terminate script is executable', () => {
    accessSync(join(extension, 'dist', 'terminateProcess.sh'), constants.X_OK);
  });

  test('packaged server publishes diagnostics', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('env-duplicate-key'));
  });

  test('packaged server hovers nginx', async () => {
    await client.status();
    assert.match(await client.hoverText('nginx/site.conf', 5, 10), /ngx_http_proxy_module/);
  });
});
