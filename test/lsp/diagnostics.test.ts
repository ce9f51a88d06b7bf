import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag, FileChangeType } from 'vscode-languageserver';
import { codes, fixture, TestClient } from './lsp-client.js';

const largeUploads = 'DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024\n';
const smallUploads = 'DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024\n';

describe('diagnostics of unopened files', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
  });

  after(() => client.stop());

  test('env template without opening', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('env-duplicate-key'));
  });

  test('nginx file gets cross-file finding', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('request-body-limit'));
  });

  test('diagnostic fields', async () => {
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
    const body = diagnostics.find((diagnostic) => diagnostic.code === 'request-body-limit')!;
    assert.equal(body.source, 'shipshape');
    assert.equal(body.severity, DiagnosticSeverity.Warning);
    assert.match(body.codeDescription?.href ?? '', /^https:\/\//);
    assert.equal(typeof (body.data as { index: number }).index, 'number');
    const related = body.relatedInformation ?? [];
    assert.ok(related.some((info) => info.location.uri === client.uri('settings.py')));
  });

  test('unused variable is tagged unnecessary', async () => {
    const diagnostics = await client.diagnostics('env.template', (list) => list.length > 0);
    const unused = diagnostics.find((diagnostic) => diagnostic.code === 'variable-unused')!;
    assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
  });

  test('status counts problems', async () => {
    const status = await client.status();
    assert.equal(status.folder, client.uri('').replace(/\/$/, ''));
    assert.equal(status.status, 'ready');
    assert.equal(status.errors, 0);
    assert.equal(status.warnings, 4);
    assert.equal(status.files, 2);
  });

  test('file watchers registered', () => {
    const watch = client.registrations.find(
      (registration) => registration.method === 'workspace/didChangeWatchedFiles',
    );
    const globs = (watch?.registerOptions as { watchers: { globPattern: string }[] }).watchers;
    const patterns = globs.map((watcher) => watcher.globPattern);
    assert.ok(patterns.some((pattern) => pattern.includes('*compose*.y*ml')));
    assert.ok(patterns.some((pattern) => pattern.includes('shipshape.json')));
  });
});

describe('edits across files', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
  });

  after(() => client.stop());

  test('settings edit clears nginx problem', async () => {
    await client.open('settings.py');
    await client.replace('settings.py', smallUploads);
    const diagnostics = await client.diagnostics(
      'nginx/site.conf',
      (list) => !codes(list).includes('request-body-limit'),
    );
    assert.ok(!codes(diagnostics).includes('request-body-limit'));
    assert.ok(codes(diagnostics).includes('nginx-server-tokens-on'));
  });

  test('re-check parses only edited file', async () => {
    const { folders } = await client.stats();
    const last = folders[0]!.recent.at(-1)!;
    assert.equal(last.trigger, 'edit');
    assert.equal(last.parses, 1);
    assert.equal(folders[0]!.recent[0]!.trigger, 'initial');
    assert.ok(folders[0]!.recent[0]!.parses >= 4);
  });

  test('close restores disk text', async () => {
    await client.close('settings.py');
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) =>
      codes(list).includes('request-body-limit'),
    );
    assert.ok(codes(diagnostics).includes('request-body-limit'));
  });

  test('opening unchanged file skips analysis', async () => {
    const before = (await client.stats()).folders[0]!.analyses;
    await client.open('env.template');
    const after = (await client.stats()).folders[0]!.analyses;
    assert.equal(after, before);
    await client.close('env.template');
  });
});

describe('debounce and stale edits', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.diagnostics('nginx/site.conf', (list) => list.length > 0);
    await client.open('settings.py');
  });

  after(() => client.stop());

  test('burst of edits analyses once', async () => {
    const before = (await client.stats()).folders[0]!;
    const status = client.nextStatus();
    for (let size = 1; size <= 5; size++) {
      await client.replace('settings.py', `DATA_UPLOAD_MAX_MEMORY_SIZE = ${size} * 1024\n`);
    }
    await status;
    const after = (await client.stats()).folders[0]!;
    assert.equal(after.analyses, before.analyses + 1);
    assert.equal(after.dropped, before.dropped + 4);
    assert.equal(client.text('settings.py'), 'DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024\n');
  });

  test('latest edit wins', async () => {
    await client.replace('settings.py', smallUploads);
    await client.replace('settings.py', largeUploads);
    const diagnostics = await client.diagnostics('nginx/site.conf', (list) =>
      codes(list).includes('request-body-limit'),
    );
    assert.ok(codes(diagnostics).includes('request-body-limit'));
  });
});

describe('watched file events', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-'));
  cpSync(fixture('deployment'), root, { recursive: true });
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(root);
    await client.diagnostics('env.template', (list) => list.length > 0);
  });

  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function notify(file: string, type: FileChangeType): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri(file), type }],
    });
  }

  test('created file gets diagnostics', async () => {
    writeFileSync(join(root, '.env.example'), 'SPARE=1\nSPARE=2\n');
    await notify('.env.example', FileChangeType.Created);
    const diagnostics = await client.diagnostics('.env.example', (list) => list.length > 0);
    assert.ok(codes(diagnostics).includes('env-duplicate-key'));
  });

  test('deleted file is cleared', async () => {
    unlinkSync(join(root, 'env.template'));
    await notify('env.template', FileChangeType.Deleted);
    const diagnostics = await client.diagnostics('env.template', (list) => list.length === 0);
    assert.equal(diagnostics.length, 0);
  });

  test('changed file on disk', async () => {
    writeFileSync(join(root, 'settings.py'), smallUploads);
    await notify('settings.py', FileChangeType.Changed);
    const diagnostics = await client.diagnostics(
      'nginx/site.conf',
      (list) => !codes(list).includes('request-body-limit'),
    );
    assert.ok(!codes(diagnostics).includes('request-body-limit'));
  });
});

describe('workspace folder changes', () => {
  let client: TestClient;
  const added = pathToFileURL(fixture('configured')).href;
  const addedTemplate = `${added}/env.template`;

  before(async () => {
    client = await TestClient.start(fixture('deployment'));
    await client.status();
  });

  after(() => client.stop());

  async function changeFolders(event: { added: object[]; removed: object[] }): Promise<void> {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event });
  }

  test('added folder analysed', async () => {
    const status = client.nextStatus((next) => next.folder === added);
    await changeFolders({ added: [{ uri: added, name: 'configured' }], removed: [] });
    assert.equal((await status).status, 'ready');
    const { folders } = await client.stats();
    assert.deepEqual(
      folders.map((folder) => folder.folder),
      [pathToFileURL(fixture('deployment')).href, added],
    );
  });

  test('removed folder cleared', async () => {
    const cleared = client.diagnosticsOf(addedTemplate, (list) => list.length === 0);
    await changeFolders({ added: [], removed: [{ uri: added, name: 'configured' }] });
    assert.deepEqual(await cleared, []);
    const { folders } = await client.stats();
    assert.equal(folders.length, 1);
  });
});
