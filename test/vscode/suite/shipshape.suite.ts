// Mocha suite that runs inside a real VS Code extension host, on a copy of test/fixtures/vscode/
// opened as the workspace folder. It drives the installed extension only through VS Code's own
// API and commands, as a user's editor would. The tests run in order: the first one needs a
// workspace where no file has been opened yet.
import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import {
  CodeAction,
  commands,
  extensions,
  Hover,
  MarkdownString,
  Position,
  Uri,
  workspace,
  WorkspaceEdit,
  type Command,
  type MarkedString,
} from 'vscode';
import {
  awaitDiagnostics,
  codeOf,
  excluding,
  including,
  shipshapeCodes,
} from './diagnostics-events.js';

const extensionId = 'shipshape.shipshape';

function fileUri(path: string): Uri {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code opened no workspace folder; the runner passes one');
  return Uri.joinPath(folder.uri, ...path.split('/'));
}

function hoverText(hovers: Hover[]): string {
  const parts = hovers.flatMap((hover) => hover.contents as (MarkdownString | MarkedString)[]);
  return parts
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('\n');
}

describe('shipshape in VS Code', () => {
  const envTemplate = () => fileUri('env.template');
  const nginxSite = () => fileUri('nginx/site.conf');
  const settings = () => fileUri('settings.py');

  before(async () => {
    await extensions.getExtension(extensionId)?.activate();
  });

  it('extension is active', () => {
    const extension = extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    assert.equal(extension.isActive, true);
  });

  it('unopened file gets diagnostics', async () => {
    const opened = workspace.textDocuments.map((document) => document.uri.toString());
    assert.ok(!opened.includes(nginxSite().toString()), 'nginx/site.conf is already open');

    await awaitDiagnostics(nginxSite(), including('request-body-limit'));
    assert.deepEqual(shipshapeCodes(nginxSite()), ['request-body-limit']);
  });

  it('env template gets its diagnostic', async () => {
    await awaitDiagnostics(envTemplate(), including('env-duplicate-key'));
    assert.deepEqual(shipshapeCodes(envTemplate()), ['env-duplicate-key']);
  });

  it('hover shows nginx reference', async () => {
    // Line 4 (0-based 3) is `        proxy_pass http://web:8000;`; character 10 is inside the name.
    const hovers = await commands.executeCommand<Hover[]>(
      'vscode.executeHoverProvider',
      nginxSite(),
      new Position(3, 10),
    );
    assert.match(hoverText(hovers), /ngx_http_proxy_module/);
  });

  it('hover shows knob value', async () => {
    const hovers = await commands.executeCommand<Hover[]>(
      'vscode.executeHoverProvider',
      settings(),
      new Position(3, 5),
    );
    assert.match(hoverText(hovers), /DATA_UPLOAD_MAX_MEMORY_SIZE/);
  });

  it('quick fix removes duplicate key', async () => {
    const [duplicate] = await awaitDiagnostics(envTemplate(), including('env-duplicate-key'));
    assert.ok(duplicate);
    assert.equal(codeOf(duplicate), 'env-duplicate-key');

    // The code action command reads the document's model in the workbench, so the file is
    // opened first, as it is when a user invokes a quick fix.
    await workspace.openTextDocument(envTemplate());
    const actions = await commands.executeCommand<(CodeAction | Command)[]>(
      'vscode.executeCodeActionProvider',
      envTemplate(),
      duplicate.range,
    );
    const fix = actions.find(
      (action): action is CodeAction =>
        action instanceof CodeAction && action.title.startsWith('Remove the earlier declaration'),
    );
    assert.ok(fix, `no removal among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(fix.edit, 'the quick fix carries no workspace edit');

    assert.equal(await workspace.applyEdit(fix.edit), true);
    await awaitDiagnostics(envTemplate(), excluding('env-duplicate-key'));
    const document = await workspace.openTextDocument(envTemplate());
    const remaining = 'DJANGO_ALLOWED_HOSTS=shop.example.com,www.shop.example.com\n';
    assert.equal(document.getText(), remaining);
  });

  it('settings edit clears nginx diagnostic', async () => {
    const document = await workspace.openTextDocument(settings());
    const line = document.lineAt(3);
    assert.equal(line.text, 'DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024');

    // 512 KiB is below nginx's default client_max_body_size of 1m, so the limits agree.
    const edit = new WorkspaceEdit();
    edit.replace(settings(), line.range, 'DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024');
    assert.equal(await workspace.applyEdit(edit), true);

    await awaitDiagnostics(nginxSite(), excluding('request-body-limit'));
    assert.deepEqual(shipshapeCodes(nginxSite()), []);
  });

  it('settings edit restores nginx diagnostic', async () => {
    const document = await workspace.openTextDocument(settings());
    const edit = new WorkspaceEdit();
    const raised = 'DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024';
    edit.replace(settings(), document.lineAt(3).range, raised);
    assert.equal(await workspace.applyEdit(edit), true);

    await awaitDiagnostics(nginxSite(), including('request-body-limit'));
    assert.deepEqual(shipshapeCodes(nginxSite()), ['request-body-limit']);
  });
});
