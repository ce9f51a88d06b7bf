// Workspace content that would write files, start processes and open a socket if anything in it
// were run: Python settings and entry points, shell in env values and compose commands, nginx
// Perl and Lua, a Dockerfile and a script. The CLI and the language server run as child processes
// and must leave the sentinel folder empty, the loopback listener unconnected and the workspace
// unchanged, while a preloaded guard records any child process or socket they start.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { LspSession } from './lsp-session.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const guard = fileURLToPath(new URL('./process-guard.ts', import.meta.url));

/** Python that acts on import: each line leaves a sentinel file or a connection behind. */
function hostilePython(sentinels: string, port: number): string {
  return [
    'import os',
    'import socket',
    'import subprocess',
    `os.system("touch ${sentinels}/os-system")`,
    `subprocess.run(["touch", "${sentinels}/subprocess-run"], check=False)`,
    `subprocess.Popen("touch ${sentinels}/popen", shell=True)`,
    `open("${sentinels}/open-write", "w").write("executed")`,
    `socket.create_connection(("127.0.0.1", ${port}))`,
    `__import__("os").system("touch ${sentinels}/dunder-import")`,
    `exec("open('${sentinels}/exec', 'w').write('x')")`,
    `eval("__import__('os').system('touch ${sentinels}/eval')")`,
    '',
  ].join('\n');
}

function hostileFiles(sentinels: string, port: number): Record<string, string> {
  const python = hostilePython(sentinels, port);
  return {
    'config/__init__.py': python,
    'config/settings.py': `${python}SECRET_KEY = os.environ["SECRET_KEY"]\nALLOWED_HOSTS = ["*"]\n`,
    'config/wsgi.py': `${python}os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n`,
    'config/asgi.py': python,
    'config/celery.py': python,
    'manage.py': `#!/usr/bin/env python\n${python}`,
    'setup.py': python,
    'conftest.py': python,
    '.env': [
      `SECRET_KEY=$(touch ${sentinels}/env-subshell)`,
      `DEBUG=\`touch ${sentinels}/env-backtick\``,
      `HOOK=\${HOME:-$(touch ${sentinels}/env-default)}`,
      `export QUOTED="$(touch ${sentinels}/env-quoted)"`,
      '',
    ].join('\n'),
    'docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    image: shop/web',
      `    command: sh -c "touch ${sentinels}/compose-command"`,
      `    entrypoint: ["sh", "-c", "touch ${sentinels}/compose-entrypoint"]`,
      '    env_file: .env',
      '    environment:',
      '      DJANGO_SETTINGS_MODULE: config.settings',
      `      HOOK: \${HOOK:-$(touch ${sentinels}/compose-interpolation)}`,
      '    healthcheck:',
      `      test: ["CMD-SHELL", "touch ${sentinels}/compose-healthcheck"]`,
      '  nginx:',
      '    image: nginx:1.27',
      '    volumes:',
      '      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro',
      '      - /etc:/etc/nginx/host-etc:ro',
      '',
    ].join('\n'),
    Dockerfile: `FROM python:3.12\nRUN touch ${sentinels}/dockerfile\n`,
    'entrypoint.sh': `#!/bin/sh\ntouch ${sentinels}/script\nexec "$@"\n`,
    'nginx/default.conf': [
      'include /etc/passwd;',
      'include /etc/shadow;',
      'include ../../../../../../etc/passwd;',
      'include host-etc/passwd;',
      'server {',
      '    listen 80;',
      '    server_tokens on;',
      `    perl_set $hook 'sub { system("touch ${sentinels}/nginx-perl"); }';`,
      `    location /lua { content_by_lua_block { os.execute("touch ${sentinels}/nginx-lua") } }`,
      `    location / { proxy_pass http://127.0.0.1:${port}; }`,
      '}',
      '',
    ].join('\n'),
  };
}

/** SHA-256 of every file under `root`, by relative path, to prove nothing was changed or added. */
function snapshot(root: string, relative = ''): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(hashes, snapshot(root, path));
    else hashes[path] = createHash('sha256').update(readFileSync(join(root, path))).digest('hex');
  }
  return hashes;
}

describe('hostile workspace is only read', () => {
  let sentinels: string;
  let root: string;
  let guardLog: string;
  let server: Server;
  let port: number;
  /** Connections accepted so far, the probes of connectionsBeforeProbe included. */
  let accepted = 0;
  let onProbe: ((earlier: number) => void) | undefined;
  let before_: Record<string, string>;

  before(async () => {
    sentinels = mkdtempSync(join(tmpdir(), 'shipshape-sentinels-'));
    root = mkdtempSync(join(tmpdir(), 'shipshape-hostile-'));
    guardLog = join(mkdtempSync(join(tmpdir(), 'shipshape-guard-')), 'guard.log');
    server = createServer((socket) => {
      const index = accepted++;
      socket.on('error', () => undefined);
      socket.once('data', (data) => {
        if (data.toString() === 'probe') onProbe?.(index);
      });
      socket.once('end', () => socket.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    for (const [path, text] of Object.entries(hostileFiles(sentinels, port))) {
      const absolute = join(root, ...path.split('/'));
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
    chmodSync(join(root, 'entrypoint.sh'), 0o755);
    chmodSync(join(root, 'manage.py'), 0o755);
    before_ = snapshot(root);
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const folder of [sentinels, root, dirname(guardLog)]) rmSync(folder, { recursive: true, force: true });
  });

  /** Runs the CLI from the sources with the guard preloaded. */
  function runCli(args: string[]) {
    const script = join(repository, 'scripts', 'dev-cli.ts');
    return spawnSync(process.execPath, ['--import', 'tsx', '--import', guard, script, ...args], {
      cwd: repository,
      env: { ...process.env, SHIPSHAPE_GUARD_LOG: guardLog },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  /**
   * Connections the listener accepted before a probe of our own. The listener accepts in order,
   * so a connection the checked processes had opened is counted before the probe arrives.
   */
  function connectionsBeforeProbe(): Promise<number> {
    return new Promise((resolve, reject) => {
      onProbe = resolve;
      const probe = createConnection({ host: '127.0.0.1', port }, () => probe.end('probe'));
      probe.on('error', reject);
    });
  }

  for (const format of ['text', 'json', 'sarif']) {
    test(`cli ${format} run starts nothing`, () => {
      const result = runCli(['check', root, '--format', format]);
      assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
      assert.match(result.stdout, /django-allowed-hosts-wildcard/);
      assert.doesNotMatch(result.stdout + result.stderr, /root:x:0:0/);
    });
  }

  test('cli fix run starts nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'shipshape-hostile-fix-'));
    after(() => rmSync(copy, { recursive: true, force: true }));
    for (const path of Object.keys(before_)) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), readFileSync(join(root, path)));
    }
    const result = runCli(['check', copy, '--fix']);
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  });

  test('language server starts nothing', async () => {
    const session = new LspSession(root, {
      nodeArgs: ['--import', guard],
      env: { ...process.env, SHIPSHAPE_GUARD_LOG: guardLog },
    });
    try {
      await session.initialize();
      for (const file of ['config/settings.py', '.env', 'docker-compose.yml', 'nginx/default.conf']) await session.open(file);
      await session.diagnosticsOf('config/settings.py', (list) => list.some((item) => item.code === 'django-allowed-hosts-wildcard'));
    } finally {
      await session.stop();
    }
    assert.doesNotMatch(session.stdout + session.stderr, /root:x:0:0/);
  });

  test('no sentinel file was written', () => {
    assert.deepEqual(readdirSync(sentinels), []);
  });

  test('no connection reached the listener', async () => {
    assert.equal(await connectionsBeforeProbe(), 0);
  });

  test('no child process or socket was started', () => {
    const started = existsSync(guardLog) ? readFileSync(guardLog, 'utf8').trim().split('\n') : [];
    assert.deepEqual(started, []);
  });

  test('workspace files are unchanged', () => {
    assert.deepEqual(snapshot(root), before_);
  });
});
