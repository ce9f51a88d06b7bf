import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node.js';
import { SymbolKind, type DocumentSymbol, type Location } from 'vscode-languageserver';
import { fixture, TestClient } from './lsp-client.js';

/** Path of a URI under the client's root, with `/`. */
function fileOf(client: TestClient, uri: string): string {
  return uri.slice(client.uri('').length + 1);
}

/** `file:line` (1-based, relative to the client's root) of each location. */
function lines(client: TestClient, locations: Location[] | null): string[] {
  return (locations ?? []).map((location) => `${fileOf(client, location.uri)}:${location.range.start.line + 1}`);
}

/** Name of a `SymbolKind` value, such as `Variable` for 13. */
function kindName(kind: SymbolKind): string {
  return Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0] ?? String(kind);
}

/** `name (kind)` of each symbol, children indented by two spaces per level. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} (${kindName(symbol.kind)})`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

describe('navigation capabilities', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('navigation'));
  });

  after(() => client.stop());

  test('initialize lists every provider', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.equal(capabilities.documentSymbolProvider, true);
  });
});

describe('definition and references', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('navigation'));
    await client.status();
  });

  after(() => client.stop());

  test('settings read to template', async () => {
    const found = await client.definition('settings.py', 2, 27);
    assert.deepEqual(lines(client, found), ['env.template:1']);
    assert.deepEqual(found![0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
  });

  test('compose interpolation to template', async () => {
    const found = await client.definition('docker-compose.yml', 8, 25);
    assert.deepEqual(lines(client, found), ['env.template:2']);
  });

  test('references across file kinds', async () => {
    const found = await client.references('env.template', 1, 2, true);
    assert.deepEqual(lines(client, found), ['docker-compose.yml:9', 'env.template:2', 'settings.py:5']);
  });

  test('references without declaration', async () => {
    const found = await client.references('env.template', 1, 2, false);
    assert.deepEqual(lines(client, found), ['docker-compose.yml:9', 'settings.py:5']);
  });

  test('reference range is the name', async () => {
    const found = await client.references('env.template', 1, 2, false);
    const settings = found!.find((location) => location.uri.endsWith('settings.py'))!;
    assert.deepEqual(settings.range, { start: { line: 4, character: 21 }, end: { line: 4, character: 28 } });
  });

  test('non-variable position gives none', async () => {
    assert.deepEqual(await client.definition('settings.py', 0, 3), []);
    assert.deepEqual(await client.references('settings.py', 0, 3, true), []);
  });

  test('file outside folder', async () => {
    const found = await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: 'file:///nowhere/settings.py' },
      position: { line: 0, character: 0 },
    });
    assert.deepEqual(found, []);
  });
});

describe('rename', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('navigation'));
    await client.status();
  });

  after(() => client.stop());

  test('prepare returns name range', async () => {
    const prepared = await client.prepareRename('settings.py', 4, 22);
    assert.deepEqual(prepared, {
      range: { start: { line: 4, character: 21 }, end: { line: 4, character: 28 } },
      placeholder: 'DB_HOST',
    });
  });

  test('prepare rejects non-variable', async () => {
    await assert.rejects(client.prepareRename('settings.py', 0, 3), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.match(error.message, /^No variable at this position/);
      return true;
    });
  });

  test('invalid new name rejected', async () => {
    await assert.rejects(client.rename('settings.py', 4, 22, '9HOST'), /"9HOST" is not a valid variable name/);
  });

  test('rename applied and rechecked', async () => {
    const edit = await client.rename('settings.py', 2, 27, 'DJANGO_SECRET_KEY');
    const files = Object.keys(edit?.changes ?? {}).map((uri) => fileOf(client, uri));
    assert.deepEqual(files.sort(), ['env.template', 'settings.py']);

    await client.applyEdit(edit!);
    assert.equal(client.text('env.template'), 'DJANGO_SECRET_KEY=\nDB_HOST=db\n');
    assert.match(client.text('settings.py')!, /os\.environ\["DJANGO_SECRET_KEY"\]/);

    // The request first runs the analysis the edits scheduled, so the latest status is the re-check.
    const found = await client.references('settings.py', 2, 27, true);
    assert.deepEqual(lines(client, found), ['env.template:1', 'settings.py:3']);
    const status = await client.status();
    assert.equal(status.errors, 0);
    assert.equal(status.warnings, 0);
    assert.equal(status.notes, 0);
  });

  test('partial rename is reported', async () => {
    await client.replace('env.template', 'SECRET_KEY=\nDB_HOST=db\n');
    const diagnostics = await client.diagnostics('settings.py', (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['variable-missing'],
    );
  });
});

describe('document links and symbols', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start(fixture('navigation'));
    await client.status();
  });

  after(() => client.stop());

  test('compose env_file and mount', async () => {
    const links = (await client.documentLinks('docker-compose.yml')) ?? [];
    assert.deepEqual(
      links.map((link) => [link.range.start.line + 1, link.target]),
      [
        [7, client.uri('shop.env')],
        [13, client.uri('nginx/nginx.conf')],
      ],
    );
    assert.deepEqual(links[0]!.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 16 } });
  });

  test('nginx include glob', async () => {
    const links = (await client.documentLinks('nginx/nginx.conf')) ?? [];
    assert.deepEqual(links.map((link) => link.target), [client.uri('nginx/conf.d/gzip.conf')]);
    assert.deepEqual(links[0]!.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 25 } });
  });

  test('settings have no links', async () => {
    assert.deepEqual(await client.documentLinks('settings.py'), []);
  });

  test('env file symbols', async () => {
    const symbols = (await client.documentSymbols('env.template')) ?? [];
    assert.deepEqual(outline(symbols), ['SECRET_KEY (Variable)', 'DB_HOST (Variable)']);
    assert.deepEqual(symbols[1]!.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });

  test('nginx file symbols', async () => {
    const symbols = (await client.documentSymbols('nginx/nginx.conf')) ?? [];
    assert.deepEqual(outline(symbols), [
      'events (Namespace)',
      'http (Namespace)',
      '  include (Property)',
      '  server shop.example.com (Class)',
      '    listen (Property)',
      '    server_name (Property)',
      '    location / (Method)',
      '      proxy_pass (Property)',
    ]);
  });

  test('compose has no symbols', async () => {
    assert.deepEqual(await client.documentSymbols('docker-compose.yml'), []);
  });
});
