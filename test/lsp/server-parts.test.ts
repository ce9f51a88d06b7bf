import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Problem } from '../../server/src/core/problem.js';
import {
  configDiagnostics,
  toDiagnostic,
  toWorkspaceEdit,
} from '../../server/src/lsp/diagnostics.js';
import { FolderSet } from '../../server/src/lsp/folder-set.js';
import { guard } from '../../server/src/lsp/guard.js';
import { Logger, type LogSink } from '../../server/src/lsp/logger.js';
import { OverlayFileSystem } from '../../server/src/lsp/overlay-file-system.js';
import { redactValue } from '../../server/src/lsp/hover/redact-value.js';
import { mergeConfig, parseEditorSettings } from '../../server/src/lsp/settings.js';
import { pathOf, uriOf } from '../../server/src/lsp/uris.js';
import type { FileSystem } from '../../server/src/workspace/file-system.js';

function recordingSink(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    error: (message) => lines.push(`error ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    info: (message) => lines.push(`info ${message}`),
    log: (message) => lines.push(`log ${message}`),
  };
}

function diskWith(files: Record<string, string>): FileSystem {
  return {
    readFile: (file) => files[file],
    readDirectory: () => [],
    fileSize: (file) => files[file]?.length,
    realPath: (file) => file,
    isDirectory: () => false,
  };
}

const zero = { line: 0, character: 0 };

describe('logger', () => {
  test('error reported once', () => {
    const sink = recordingSink();
    const logger = new Logger(sink);
    logger.error('hover failed', new Error('boom'));
    logger.error('hover failed', new Error('boom'));
    assert.equal(sink.lines.length, 1);
    assert.match(sink.lines[0]!, /^error hover failed: boom\n/);
  });

  test('new cause reported again', () => {
    const sink = recordingSink();
    const logger = new Logger(sink);
    logger.error('hover failed', new Error('boom'));
    logger.error('hover failed', new Error('other'));
    assert.equal(sink.lines.length, 2);
  });

  test('level filters lines', () => {
    const sink = recordingSink();
    const logger = new Logger(sink, 'warn');
    logger.info('started');
    logger.debug('details');
    logger.warn('careful');
    assert.deepEqual(sink.lines, ['warn careful']);
  });

  test('debug goes to log', () => {
    const sink = recordingSink();
    new Logger(sink, 'debug').debug('details');
    assert.deepEqual(sink.lines, ['log details']);
  });
});

describe('guard', () => {
  test('returns handler result', () => {
    const logger = new Logger(recordingSink());
    assert.equal(
      guard(logger, 'hover', 'empty', () => 'result'),
      'result',
    );
  });

  test('exception gives fallback', () => {
    const sink = recordingSink();
    const result = guard(new Logger(sink), 'hover', 'empty', () => {
      throw new Error('boom');
    });
    assert.equal(result, 'empty');
    assert.match(sink.lines[0]!, /^error hover failed: boom/);
  });
});

describe('editor settings', () => {
  test('null section gives defaults', () => {
    const { settings, warnings } = parseEditorSettings(null);
    assert.equal(settings.enable, true);
    assert.deepEqual(settings.config.disabledRules, []);
    assert.deepEqual(warnings, []);
  });

  test('valid section read', () => {
    const { settings } = parseEditorSettings({
      enable: false,
      disabledRules: ['variable-unused', 3],
      severity: { 'env-duplicate-key': 'off' },
      productionPatterns: ['deploy/live/'],
      logLevel: 'debug',
    });
    assert.equal(settings.enable, false);
    assert.deepEqual(settings.config.disabledRules, ['variable-unused']);
    assert.deepEqual(settings.config.severity, { 'env-duplicate-key': 'off' });
    assert.deepEqual(settings.config.productionPatterns, ['deploy/live/']);
    assert.equal(settings.logLevel, 'debug');
  });

  test('invalid entries warned', () => {
    const { settings, warnings } = parseEditorSettings({
      severity: { 'env-duplicate-key': 'fatal' },
      logLevel: 'loud',
    });
    assert.deepEqual(settings.config.severity, {});
    assert.equal(settings.logLevel, undefined);
    assert.equal(warnings.length, 2);
  });

  test('merge adds lists', () => {
    const merged = mergeConfig(
      { disabledRules: ['a'], severity: {}, productionPatterns: ['live/'] },
      { disabledRules: ['b', 'a'], severity: {}, productionPatterns: [] },
    );
    assert.deepEqual(merged.disabledRules, ['a', 'b']);
    assert.deepEqual(merged.productionPatterns, ['live/']);
  });

  test('merge severity editor wins', () => {
    const merged = mergeConfig(
      { disabledRules: [], severity: { a: 'error', b: 'hint' }, productionPatterns: [] },
      { disabledRules: [], severity: { a: 'warning' }, productionPatterns: [] },
    );
    assert.deepEqual(merged.severity, { a: 'warning', b: 'hint' });
  });
});

describe('overlay file system', () => {
  test('open text wins', () => {
    const overlay = new OverlayFileSystem(diskWith({ '/w/.env': 'A=1\n' }));
    overlay.setDocument('/w/.env', 'A=2\n');
    assert.equal(overlay.readFile('/w/.env'), 'A=2\n');
  });

  test('same text is no change', () => {
    const overlay = new OverlayFileSystem(diskWith({ '/w/.env': 'A=1\n' }));
    assert.equal(overlay.setDocument('/w/.env', 'A=1\n'), false);
    assert.equal(overlay.setDocument('/w/.env', 'A=2\n'), true);
  });

  test('close reports unsaved text', () => {
    const overlay = new OverlayFileSystem(diskWith({ '/w/.env': 'A=1\n' }));
    overlay.setDocument('/w/.env', 'A=2\n');
    assert.equal(overlay.deleteDocument('/w/.env'), true);
    assert.equal(overlay.readFile('/w/.env'), 'A=1\n');
  });

  test('close of saved text', () => {
    const overlay = new OverlayFileSystem(diskWith({ '/w/.env': 'A=1\n' }));
    overlay.setDocument('/w/.env', 'A=1\n');
    assert.equal(overlay.deleteDocument('/w/.env'), false);
  });

  test('size counts utf-8 bytes', () => {
    const overlay = new OverlayFileSystem(diskWith({}));
    overlay.setDocument('/w/.env', 'A=é\n');
    assert.equal(overlay.fileSize('/w/.env'), 5);
  });
});

describe('folder set', () => {
  const root = join('/work', 'repo');

  test('deepest folder owns file', () => {
    const folders = new FolderSet(diskWith({}));
    folders.add(pathToFileURL(root).href);
    folders.add(pathToFileURL(join(root, 'deploy')).href);
    const found = folders.find(join(root, 'deploy', '.env'));
    assert.equal(found?.folder.root, join(root, 'deploy'));
    assert.equal(found?.file, '.env');
  });

  test('outside every folder', () => {
    const folders = new FolderSet(diskWith({}));
    folders.add(pathToFileURL(root).href);
    assert.equal(folders.find(join('/work', 'other', '.env')), undefined);
    assert.equal(folders.findUri('untitled:Untitled-1'), undefined);
  });

  test('duplicate folder ignored', () => {
    const folders = new FolderSet(diskWith({}));
    folders.add(pathToFileURL(root).href);
    assert.equal(folders.add(pathToFileURL(root).href), undefined);
    assert.equal(folders.all().length, 1);
  });

  test('removed folder', () => {
    const folders = new FolderSet(diskWith({}));
    folders.add(pathToFileURL(root).href);
    folders.remove(pathToFileURL(root).href);
    assert.equal(folders.find(join(root, '.env')), undefined);
  });
});

describe('diagnostic conversion', () => {
  const root = join('/work', 'repo');
  const problem: Problem = {
    code: 'request-body-limit',
    severity: 'warning',
    message: 'Body limit below Django',
    location: { file: 'nginx/site.conf', range: { start: zero, end: { line: 0, character: 6 } } },
    related: [
      { location: { file: 'settings.py', range: { start: zero, end: zero } }, message: 'set here' },
    ],
    fixes: [
      {
        title: 'Raise both',
        safe: true,
        edits: [
          { file: 'nginx/site.conf', range: { start: zero, end: zero }, newText: 'a' },
          { file: 'settings.py', range: { start: zero, end: zero }, newText: 'b' },
          { file: 'nginx/site.conf', range: { start: zero, end: zero }, newText: 'c' },
        ],
      },
    ],
  };

  test('fields mapped', () => {
    const rule = {
      id: 'request-body-limit',
      family: 'limits' as const,
      severity: 'warning' as const,
      title: 'Body limit',
      doc: 'Doc.',
      sources: ['https://nginx.org/'],
    };
    const diagnostic = toDiagnostic(problem, 7, root, rule);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.code, 'request-body-limit');
    assert.equal(diagnostic.source, 'shipshape');
    assert.deepEqual(diagnostic.codeDescription, { href: 'https://nginx.org/' });
    assert.deepEqual(diagnostic.data, { index: 7 });
    assert.equal(diagnostic.relatedInformation?.[0]?.location.uri, uriOf(root, 'settings.py'));
  });

  test('no rule no href', () => {
    assert.equal(toDiagnostic(problem, 0, root, undefined).codeDescription, undefined);
  });

  test('edit spans files', () => {
    const edit = toWorkspaceEdit(problem.fixes, root);
    const nginx = edit.changes?.[uriOf(root, 'nginx/site.conf')];
    const settings = edit.changes?.[uriOf(root, 'settings.py')];
    assert.deepEqual(
      nginx?.map((change) => change.newText),
      ['a', 'c'],
    );
    assert.deepEqual(
      settings?.map((change) => change.newText),
      ['b'],
    );
  });

  test('config errors at file start', () => {
    const [diagnostic] = configDiagnostics(['shipshape.json: unknown or invalid key "x".'], false);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic?.range, { start: zero, end: zero });
  });

  test('uri round trip', () => {
    assert.equal(pathOf(uriOf(root, 'nginx/a b.conf')), join(root, 'nginx', 'a b.conf'));
    assert.equal(pathOf('untitled:Untitled-1'), undefined);
  });
});

describe('hover value redaction', () => {
  const str = (value: string) => ({ type: 'str' as const, value });

  test('secret key in dict', () => {
    const redacted = redactValue({
      type: 'dict',
      entries: [
        { key: str('PASSWORD'), value: str('pw') },
        { key: str('HOST'), value: str('db') },
      ],
    });
    assert.deepEqual(redacted, {
      type: 'dict',
      entries: [
        { key: str('PASSWORD'), value: str('***') },
        { key: str('HOST'), value: str('db') },
      ],
    });
  });

  test('url credentials in list', () => {
    const redacted = redactValue({ type: 'list', items: [str('postgres://app:pw@db:5432/app')] });
    assert.deepEqual(redacted, { type: 'list', items: [str('postgres://app:***@db:5432/app')] });
  });

  test('url without password kept', () => {
    assert.deepEqual(redactValue(str('redis://redis:6379/0')), str('redis://redis:6379/0'));
  });
});
