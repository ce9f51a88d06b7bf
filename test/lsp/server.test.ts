import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { createWorkspace } from '../helpers/temp-workspace.js';
import { TestClient } from './lsp-client.js';

const settings = 'DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024\n';

const files = {
  'docker-compose.yml':
    'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi -b 0.0.0.0:8000\n    env_file: .env\n' +
    '  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/default.conf:ro\n',
  'env.template': 'LEFTOVER=1\nLEFTOVER=2\n',
  'settings.py': settings,
  'nginx/site.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n',
};

describe('language server over stdio', () => {
  const root = createWorkspace(files);
  let client: TestClient;

  before(async () => {
    client = new TestClient(root);
    await client.start();
  });

  after(async () => {
    await client.stop();
  });

  test('unopened env file gets diagnostics', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'env-duplicate-key'));
  });

  test('body limit reported in nginx file', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'request-body-limit'));
  });

  test('settings edit clears nginx problem', async () => {
    const uri = client.uri('settings.py');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'python', version: 1, text: settings },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024\n' }],
    });
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) =>
      list.every((diagnostic) => diagnostic.code !== 'request-body-limit'),
    );
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'request-body-limit').length, 0);
  });

  test('hover documents nginx directive', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('nginx/site.conf') },
      position: { line: 3, character: 10 },
    })) as Hover | null;
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /proxy_pass/);
    assert.match(text, /nginx\.org/);
  });

  test('quick fix edit removes duplicate', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'env-duplicate-key')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri('env.template') },
      range: duplicate.range,
      context: { diagnostics: [duplicate], only: ['quickfix'] },
    })) as CodeAction[];
    const edit = actions[0]?.edit?.changes?.[client.uri('env.template')];
    assert.ok(edit && edit.length === 1, 'a quick fix with one edit');
    const uri = client.uri('env.template');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dotenv', version: 1, text: 'LEFTOVER=1\nLEFTOVER=2\n' },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: edit[0]!.range, text: edit[0]!.newText }],
    });
    const remaining = await client.diagnostics('env.template', (list) =>
      list.every((diagnostic) => diagnostic.code !== 'env-duplicate-key'),
    );
    assert.equal(remaining.filter((diagnostic) => diagnostic.code === 'env-duplicate-key').length, 0);
  });
});

describe('knob hovers', () => {
  const root = createWorkspace({
    'settings.py': 'DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024\n',
    'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    command: postgres -c max_connections=200\n    mem_limit: 1g\n',
  });
  let client: TestClient;

  before(async () => {
    client = new TestClient(root);
    await client.start();
    await client.connection.sendRequest('shipshape/checkWorkspace');
  });

  after(async () => {
    await client.stop();
  });

  async function hoverText(file: string, line: number, character: number): Promise<string> {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri(file) },
      position: { line, character },
    })) as Hover | null;
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  }

  test('django setting with value in effect', async () => {
    const text = await hoverText('settings.py', 0, 5);
    assert.match(text, /DATA_UPLOAD_MAX_MEMORY_SIZE/);
    assert.match(text, /20971520/);
  });

  test('compose key', async () => {
    assert.match(await hoverText('docker-compose.yml', 4, 6), /mem_limit/);
  });

  test('postgres parameter', async () => {
    assert.match(await hoverText('docker-compose.yml', 3, 28), /max_connections/);
  });
});
