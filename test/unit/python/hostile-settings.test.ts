import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SourceFile } from '../../../server/src/core/source-file.js';
import {
  evaluateSettings,
  resolverFor,
} from '../../../server/src/parsers/python/evaluate-settings.js';
import { parsePython } from '../../../server/src/parsers/python/parse-python.js';
import type { SettingsEvaluation } from '../../../server/src/parsers/python/settings-model.js';

const fixture = join(import.meta.dirname, '../../fixtures/python-hostile/settings.py');

describe('hostile settings are only read', () => {
  let target: string;
  let server: Server;
  let port: number;
  let connections = 0;
  let result: SettingsEvaluation;

  before(async () => {
    target = mkdtempSync(join(tmpdir(), 'shipshape-hostile-'));
    writeFileSync(join(target, 'sentinel.txt'), 'still here');
    server = createServer((socket) => {
      connections++;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const env: Record<string, string> = {
      HOSTILE_TARGET: target,
      HOSTILE_PORT: String(port),
      DEBUG: 'True',
    };
    const module = parsePython(new SourceFile('settings.py', readFileSync(fixture, 'utf8')));
    result = evaluateSettings(module, resolverFor(new Map([['settings.py', module]])), (name) =>
      env[name] === undefined ? undefined : { value: env[name]! },
    );
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(target, { recursive: true, force: true });
  });

  test('sentinel file survives', () => {
    assert.equal(readFileSync(join(target, 'sentinel.txt'), 'utf8'), 'still here');
  });

  test('no file is created', () => {
    assert.equal(existsSync(join(target, 'created.txt')), false);
  });

  test('no connection reaches the server', async () => {
    // Connections are accepted in order, so when the test's own connection arrives, any
    // connection the evaluation had opened would have been counted first.
    await new Promise<void>((resolve, reject) => {
      const probe = createConnection({ host: '127.0.0.1', port }, () => probe.end());
      probe.on('close', () => resolve());
      probe.on('error', reject);
    });
    assert.equal(connections, 1);
  });

  test('settings after the calls are still read', () => {
    assert.deepEqual(
      result.reads.map((read) => read.name),
      ['HOSTILE_TARGET', 'HOSTILE_PORT', 'SECRET_KEY', 'DEBUG'],
    );
    assert.deepEqual(result.settings.get('DEBUG')?.value, { type: 'bool', value: true });
    assert.equal(result.settings.get('PORT')?.value.type, 'int');
  });

  test('dangerous calls evaluate to unknown', () => {
    assert.equal(result.settings.get('connection')?.value.type, 'unknown');
  });
});
