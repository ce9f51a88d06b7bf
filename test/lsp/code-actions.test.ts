import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { codes, fixture, TestClient } from './lsp-client.js';

const fixAll = 'source.fixAll.shipshape';

function find(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code);
  assert.ok(found, `a ${code} diagnostic`);
  return found;
}

describe('quick fixes', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
  });

  after(() => client.stop());

  test('safe fix is preferred', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf');
    const tokens = find(diagnostics, 'nginx-server-tokens-on');
    const actions = await client.codeActions('nginx/site.conf', tokens.range, [tokens]);
    const quickFixes = actions.filter((action) => action.kind === CodeActionKind.QuickFix);
    assert.equal(quickFixes.length, 1);
    assert.equal(quickFixes[0]!.isPreferred, true);
    assert.deepEqual(quickFixes[0]!.diagnostics, [tokens]);
  });

  test('unsafe fix not preferred', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    const duplicate = find(diagnostics, 'env-duplicate-key');
    const actions = await client.codeActions('env.template', duplicate.range, [duplicate], [
      CodeActionKind.QuickFix,
    ]);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((action) => action.isPreferred === false));
  });

  test('quickfix only excludes fix-all', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf');
    const tokens = find(diagnostics, 'nginx-server-tokens-on');
    const actions = await client.codeActions('nginx/site.conf', tokens.range, [tokens], [
      CodeActionKind.QuickFix,
    ]);
    assert.ok(actions.every((action) => action.kind === CodeActionKind.QuickFix));
  });

  test('range without diagnostics', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf');
    const tokens = find(diagnostics, 'nginx-server-tokens-on');
    const actions = await client.codeActions('nginx/site.conf', tokens.range, [], [
      CodeActionKind.QuickFix,
    ]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Set server_tokens off'],
    );
  });

  test('file outside folder', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'untitled:Untitled-1' },
      range,
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  test('applied fix is re-checked', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf');
    const tokens = find(diagnostics, 'nginx-server-tokens-on');
    const [action] = await client.codeActions('nginx/site.conf', tokens.range, [tokens], [
      CodeActionKind.QuickFix,
    ]);
    await client.applyEdit(action!.edit!);
    assert.match(client.text('nginx/site.conf')!, /server_tokens off;/);
    const after = await client.diagnostics(
      'nginx/site.conf',
      (list) => !codes(list).includes('nginx-server-tokens-on'),
    );
    assert.ok(codes(after).includes('request-body-limit'));
  });
});

describe('fix all', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
  });

  after(() => client.stop());

  test('applies every safe fix', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions('nginx/site.conf', range, [], [
      CodeActionKind.SourceFixAll,
    ]);
    assert.deepEqual(
      actions.map((action) => action.kind),
      [fixAll],
    );
    const changes = actions[0]!.edit!.changes!;
    assert.deepEqual(Object.keys(changes), [client.uri('nginx/site.conf')]);
    assert.equal(changes[client.uri('nginx/site.conf')]!.length, 3);
    await client.applyEdit(actions[0]!.edit!);
    const after = await client.diagnostics('nginx/site.conf', (list) => list.length === 0);
    assert.deepEqual(after, []);
  });

  test('fixed text', () => {
    const text = client.text('nginx/site.conf')!;
    assert.match(text, /server_tokens off;/);
    assert.match(text, /add_header X-Frame-Options DENY always;/);
    assert.match(text, /client_max_body_size 20m;/);
  });

  test('nothing left to fix', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions('nginx/site.conf', range, [], [fixAll]);
    assert.deepEqual(actions, []);
  });

  test('env file has no safe fix', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions('env.template', range, [], [fixAll]);
    assert.deepEqual(actions, []);
  });
});

describe('code action after unanalysed edit', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
    await client.open('nginx/site.conf');
  });

  after(() => client.stop());

  test('edit ranges follow new text', async () => {
    // Two lines inserted above: a code action sent before the debounced analysis ran must still
    // return edits for the new line of server_tokens.
    const start = { line: 0, character: 0 };
    await client.edit('nginx/site.conf', [{ range: { start, end: start }, newText: '\n\n' }]);
    const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 21 } };
    const actions = await client.codeActions('nginx/site.conf', range, [], [
      CodeActionKind.QuickFix,
    ]);
    const edit = actions[0]?.edit?.changes?.[client.uri('nginx/site.conf')]?.[0];
    assert.equal(edit?.range.start.line, 4);
    assert.equal(edit?.newText, 'off');
  });
});
