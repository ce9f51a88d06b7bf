import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createWorkspace } from '../helpers/temp-workspace.js';
import { TestClient } from './lsp-client.js';

const bundle = fileURLToPath(new URL('../../dist/server.cjs', import.meta.url));

describe('bundled language server', { skip: existsSync(bundle) ? false : 'dist/server.cjs is missing; run npm run bundle' }, () => {
  const root = createWorkspace({ '.env.example': 'A=1\nA=2\n' });
  let client: TestClient;

  before(async () => {
    client = new TestClient(root, bundle);
    await client.start();
  });

  after(async () => {
    await client.stop();
  });

  test('publishes diagnostics', async () => {
    const diagnostics = await client.diagnostics('.env.example', (list) => list.length > 0);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'env-duplicate-key'));
  });
});
