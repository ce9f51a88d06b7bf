import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { codes, fixture, TestClient } from './lsp-client.js';

// In the `configured` fixture, shipshape.json disables variable-unused. env.template sets
// LEFTOVER twice (env-duplicate-key, a warning by default, and variable-unused on both lines)
// and TZ, which settings.py reads.

describe('settings over shipshape.json', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('configured'), {
      settings: () => ({ severity: { 'env-duplicate-key': 'error' }, disabledRules: [] }),
    });
  });

  after(() => client.stop());

  test('file and settings both apply', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.deepEqual(codes(diagnostics), ['env-duplicate-key']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
  });

  test('settings change re-analyses', async () => {
    await client.changeSettings(() => ({ severity: { 'env-duplicate-key': 'hint' } }));
    const diagnostics = await client.diagnostics(
      'env.template',
      (list) => list[0]?.severity === DiagnosticSeverity.Hint,
    );
    assert.deepEqual(codes(diagnostics), ['env-duplicate-key']);
  });

  test('disable clears diagnostics', async () => {
    const status = client.nextStatus((next) => next.status === 'disabled');
    await client.changeSettings(() => ({ enable: false }));
    const diagnostics = await client.diagnostics('env.template', (list) => list.length === 0);
    assert.deepEqual(diagnostics, []);
    assert.equal((await status).status, 'disabled');
  });

  test('enable again', async () => {
    await client.changeSettings(() => ({ enable: true }));
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.deepEqual(codes(diagnostics), ['env-duplicate-key']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
  });

  test('invalid setting is logged', async () => {
    await client.changeSettings(() => ({ severity: { 'env-duplicate-key': 'fatal' } }));
    const line = await client.logLine((text) => text.includes('shipshape.severity'));
    assert.match(line, /shipshape\.severity\.env-duplicate-key must be error, warning/);
  });
});

describe('shipshape.json edits', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('configured'));
    await client.diagnostics('env.template', (list) => list.length > 0);
    await client.open('shipshape.json');
  });

  after(() => client.stop());

  test('open config is read', async () => {
    await client.replace('shipshape.json', '{ "disabledRules": ["env-duplicate-key"] }');
    const diagnostics = await client.diagnostics(
      'env.template',
      (list) => !codes(list).includes('env-duplicate-key'),
    );
    assert.deepEqual(codes(diagnostics), ['variable-unused', 'variable-unused']);
  });

  test('invalid JSON is an error', async () => {
    await client.replace('shipshape.json', '{ "disabledRules": ');
    const diagnostics = await client.diagnostics('shipshape.json', (list) => list.length > 0);
    assert.deepEqual(codes(diagnostics), ['config-invalid']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
  });

  test('unknown key is a warning', async () => {
    await client.replace('shipshape.json', '{ "rules": [] }');
    const diagnostics = await client.diagnostics(
      'shipshape.json',
      (list) => list[0]?.severity === DiagnosticSeverity.Warning,
    );
    assert.match(diagnostics[0]!.message, /"rules"/);
  });

  test('closing restores file', async () => {
    await client.close('shipshape.json');
    const config = await client.diagnostics('shipshape.json', (list) => list.length === 0);
    assert.deepEqual(config, []);
    const diagnostics = await client.diagnostics('env.template', (list) => list.length === 1);
    assert.deepEqual(codes(diagnostics), ['env-duplicate-key']);
  });
});

describe('settings pushed by client', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('configured'), { minimalCapabilities: true });
    await client.diagnostics('env.template', (list) => list.length > 0);
  });

  after(() => client.stop());

  test('no registrations requested', () => {
    assert.deepEqual(client.registrations, []);
  });

  test('pushed section applies', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { shipshape: { disabledRules: ['env-duplicate-key'] } },
    });
    const diagnostics = await client.diagnostics('env.template', (list) => list.length === 0);
    assert.deepEqual(diagnostics, []);
  });
});

describe('log level setting', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('configured'), {
      settings: () => ({ logLevel: 'debug' }),
    });
    await client.status();
  });

  after(() => client.stop());

  test('debug lines written', async () => {
    await client.connection.sendRequest('shipshape/checkWorkspace');
    const line = await client.logLine((text) => text.includes('(command)'));
    assert.match(line, /^Analysed .* \(command\): \d+ ms, 0 parses$/);
  });
});
