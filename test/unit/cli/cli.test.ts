import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli, type CliIo } from '../../../server/src/cli/main.js';
import { createWorkspace } from '../../helpers/temp-workspace.js';

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false };
  return { status: runCli(args, io), stdout, stderr };
}

const faulty = { '.env.example': 'A=1\nnot a variable\n', 'settings.py': 'import os\nA = os.environ["A"]\n' };

describe('shipshape check', () => {
  test('errors exit with 1', () => {
    assert.equal(run(['check', createWorkspace(faulty)]).status, 1);
  });

  test('clean workspace exits with 0', () => {
    assert.equal(run(['check', createWorkspace({ 'settings.py': 'DEBUG = False\n' })]).status, 0);
  });

  test('unknown command exits with 2', () => {
    assert.equal(run(['lint']).status, 2);
  });

  test('bad format exits with 2', () => {
    assert.equal(run(['check', '.', '--format', 'xml']).status, 2);
  });

  test('missing folder exits with 2', () => {
    assert.equal(run(['check', '/nonexistent/shipshape']).status, 2);
  });

  test('invalid shipshape.json exits with 2', () => {
    assert.equal(run(['check', createWorkspace({ 'shipshape.json': '{', 'settings.py': 'X = 1\n' })]).status, 2);
  });

  test('json output follows the contract', () => {
    const { stdout } = run(['check', createWorkspace(faulty), '--format', 'json']);
    const [diagnostic] = (JSON.parse(stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics;
    assert.deepEqual(Object.keys(diagnostic!).sort(), [
      'code', 'column', 'endColumn', 'endLine', 'file', 'fixes', 'line', 'message', 'related', 'severity',
    ]);
    assert.equal(diagnostic!['file'], '.env.example');
    assert.equal(diagnostic!['line'], 2);
    assert.equal(diagnostic!['column'], 1);
  });

  test('sarif output is version 2.1.0', () => {
    const { stdout } = run(['check', createWorkspace(faulty), '--format', 'sarif']);
    const log = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0]!.results.some((result) => result.ruleId === 'env-invalid-line'));
  });

  test('text output ends with counts', () => {
    const { stdout } = run(['check', createWorkspace(faulty), '--no-color']);
    assert.match(stdout, /^\.env\.example:2:1 error /m);
    assert.match(stdout, /1 error, 0 warnings, 0 information, 0 hints in \d+\.\d\d s\n$/);
  });

  test('empty folder says nothing was found', () => {
    const { stderr } = run(['check', createWorkspace({ 'README.md': '# none\n' })]);
    assert.match(stderr, /no env, compose, nginx or Django settings files found/);
  });

  test('fix applies safe edits only', () => {
    const root = createWorkspace({
      'nginx/site.conf': 'server {\n    listen 80;\n    server_tokens on;\n}\n',
    });
    const { stderr } = run(['check', root, '--fix']);
    assert.match(stderr, /^1 fix applied in 1 file\.$/m);
  });

  test('fix summary counts in plural', () => {
    const root = createWorkspace({
      'nginx/a.conf': 'server {\n    listen 80;\n    server_tokens on;\n}\n',
      'nginx/b.conf': 'server {\n    listen 81;\n    server_tokens on;\n}\n',
    });
    const { stderr } = run(['check', root, '--fix']);
    assert.match(stderr, /^2 fixes applied in 2 files\.$/m);
  });
});
