import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { fixture, TestClient } from './lsp-client.js';

describe('completion over the protocol', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('variables'));
    await client.status();
  });

  after(() => client.stop());

  async function complete(file: string, text: string, line: number, character: number, triggerCharacter?: string) {
    await client.open(file, text);
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: client.uri(file) },
      position: { line, character },
      context,
    });
    await client.close(file);
    return list;
  }

  test('unsaved read gets names', async () => {
    const list = await complete('settings.py', 'import os\nX = os.environ.get("W', 1, 21);
    const item = list.items.find((candidate) => candidate.label === 'WORKERS');
    assert.ok(item, 'WORKERS was not proposed');
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 1, character: 20 }, end: { line: 1, character: 21 } },
      newText: 'WORKERS',
    });
  });

  test('secret value not sent', async () => {
    const list = await complete('settings.py', 'import os\nX = os.environ.get("', 1, 20, '"');
    assert.ok(list.items.some((item) => item.label === 'API_TOKEN'));
    assert.ok(!JSON.stringify(list).includes('tok-3f9a'));
  });
});

describe('variable hover over the protocol', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('variables'));
    await client.status();
  });

  after(() => client.stop());

  test('settings read shows journey', async () => {
    const text = await client.hoverText('settings.py', 1, 35);
    assert.match(text, /\*\*WORKERS\*\* · variable journey/);
    assert.match(text, /`app\.env` line 1: `4`/);
  });

  test('env key shows its readers', async () => {
    const text = await client.hoverText('app.env', 0, 2);
    assert.match(text, /`settings\.py` line 2: `os\.environ\.get`/);
  });

  test('secret masked in hover', async () => {
    const text = await client.hoverText('app.env', 1, 3);
    assert.match(text, /\*\*API_TOKEN\*\*/);
    assert.ok(!text.includes('tok-3f9a'));
  });
});
