// Secrets planted in workspaces built to trigger findings about those same secrets (short key,
// committed template, hard-coded key, secret literal in compose, secret default in code, a cast
// that fails on a password). Every output is searched for the marker the planted values share:
// CLI text, JSON and SARIF with stderr, `--fix` output, and everything the language server sends
// over stdio (diagnostics, logs, hovers, code actions).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { LspSession } from './lsp-session.js';
import { writeFiles } from './workspaces.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** Substring of every planted secret value and of no file name, key or rule id. */
const marker = /canary/i;

// NOTE: values avoid real vendor token prefixes, so secret scanners do not flag this file.
const envWorkspace: Record<string, string> = {
  '.env': [
    'DJANGO_SETTINGS_MODULE=config.settings',
    'SECRET_KEY=s3cr3t-CANARY-k3y',
    'POSTGRES_PASSWORD=pg-CANARY-pass',
    'API_TOKEN=CANARYtok9f8e7d6c5b4a3f2e1d0c',
    'EMAIL_HOST_PASSWORD=mail-CANARY-pw',
    'PAYMENT_SECRET_KEY=pay-CANARY-4eC39HqLyjWDarjtT1zdp7dc',
    'BROKEN_SECRET="unterminated-CANARY-quote',
    'export WEIRD_TOKEN = spaced-CANARY-value',
    'REDIS_PASSWORD=re$dis-CANARY-pw',
    '',
  ].join('\n'),
  'docker-compose.yml': [
    'services:',
    '  web:',
    '    image: shop/web:1.0',
    '    command: gunicorn config.wsgi -b 0.0.0.0:8000',
    '    env_file: .env',
    '    environment:',
    '      API_TOKEN: "compose-CANARY-Xy9Lm2Qw8Rt4Kp7Zw3Nc"',
    '      FALLBACK_PASSWORD: ${MISSING_PASSWORD:-default-CANARY-pw}',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_PASSWORD: pgc-CANARY-Lm2Qw8Rt4Kp7Zw3',
    '  redis:',
    '    image: redis:7',
    '    command: redis-server --requirepass redis-CANARY-pw --maxmemory 64mb',
    '',
  ].join('\n'),
  'config/settings.py': [
    'import os',
    '',
    'SECRET_KEY = os.environ.get("SECRET_KEY", "fallback-CANARY-default")',
    'EMAIL_PORT = int(os.environ["EMAIL_HOST_PASSWORD"])',
    'EMAIL_HOST_PASSWORD = os.environ.get("SMTP_PASSWORD", "dflt-CANARY-pw")',
    'PAYMENT_KEY = os.environ.get("PAYMENT_SECRET_KEYS", "pay-test-CANARY-default")',
    'ALLOWED_HOSTS = ["*"]',
    'SECRET_KEY_FALLBACKS = ["old-CANARY-key"]',
    '',
  ].join('\n'),
};

const envFindings = [
  'django-secret-key-weak .env:2',
  'variable-invalid-value .env:5',
  'django-secret-key-hardcoded config/settings.py:3',
  'variable-default-used config/settings.py:5',
  'variable-name-mismatch config/settings.py:6',
  'django-secret-key-weak config/settings.py:8',
  'compose-secret-literal docker-compose.yml:7',
  'compose-secret-literal docker-compose.yml:12',
];

const templateWorkspace: Record<string, string> = {
  'env.template': [
    'DJANGO_SETTINGS_MODULE=config.settings',
    'SECRET_KEY=django-insecure-CANARY-committed-k3y-0123456789abcdefghij',
    'POSTGRES_PASSWORD=tmpl-CANARY-Pg9xQ2LmVz8RtYw',
    'API_TOKEN=CANARYtemplatetok9f8e7d6c5b4a3f',
    'DEBUG=True',
    '',
  ].join('\n'),
  'docker-compose.prod.yml': [
    'services:',
    '  web:',
    '    image: shop/web:1.0',
    '    command: gunicorn config.wsgi -b 0.0.0.0:8000',
    '    env_file: .env',
    '    environment:',
    '      DJANGO_SETTINGS_MODULE: config.settings',
    '      DEPLOY_TOKEN: dpl_CANARY0123456789abcdefABCDEF012345',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_PASSWORD: prod-CANARY-Lm2Qw8Rt4Kp7Zw3',
    '',
  ].join('\n'),
  'config/settings.py': [
    'import os',
    '',
    'SECRET_KEY = "hardcoded-CANARY-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"',
    'DEBUG = os.environ.get("DEBUG", "False") == "True"',
    'API_TOKEN = os.environ["API_TOKEN"]',
    'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": os.environ["POSTGRES_PASSWORD"]}}',
    '',
  ].join('\n'),
};

const templateFindings = [
  'django-secret-key-hardcoded config/settings.py:3',
  'env-template-secret env.template:2',
  'env-template-secret env.template:3',
  'env-template-secret env.template:4',
  'django-debug-enabled env.template:5',
  'compose-secret-literal docker-compose.prod.yml:8',
  'compose-secret-literal docker-compose.prod.yml:12',
];

/** Lines of `text` that contain the marker, for a failure message that shows the leak. */
function leaks(text: string): string[] {
  return text.split('\n').filter((line) => marker.test(line));
}

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repository, 'scripts', 'dev-cli.ts'), ...args], {
    cwd: repository,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return result;
}

function jsonFindings(stdout: string): string[] {
  const report = JSON.parse(stdout) as { diagnostics: { code: string; file: string; line: number }[] };
  return report.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}:${diagnostic.line}`);
}

/**
 * Opens every file in the language server, waits until `file` shows `code`, then requests a
 * hover at several columns of every line and the code actions of every file. Returns all the
 * server wrote.
 */
async function serverOutput(root: string, files: string[], file: string, code: string): Promise<string> {
  const session = new LspSession(root);
  try {
    await session.initialize();
    for (const path of files) await session.open(path);
    await session.diagnosticsOf(file, (list) => list.some((item) => item.code === code));
    for (const path of files) {
      const lines = readFileSync(join(root, ...path.split('/')), 'utf8').split('\n');
      for (const [line, text] of lines.entries()) {
        const separator = Math.max(text.indexOf('='), text.indexOf(':'));
        const columns = new Set([0, 2, Math.floor(text.length / 2), separator + 2, text.length - 1]);
        for (const column of columns) if (column >= 0) await session.hover(path, line, column);
      }
      await session.codeActions(path, session.diagnostics.get(session.uri(path)) ?? []);
    }
  } finally {
    await session.stop();
  }
  return session.stdout + session.stderr;
}

for (const [name, files, expected] of [
  ['env files', envWorkspace, envFindings],
  ['committed template', templateWorkspace, templateFindings],
] as const) {
  describe(`secrets in ${name}`, () => {
    const root = writeFiles(files);

    test('json output has the findings', () => {
      const found = jsonFindings(runCli(['check', root, '--format', 'json']).stdout);
      for (const finding of expected) assert.ok(found.includes(finding), `missing ${finding} in:\n${found.join('\n')}`);
    });

    for (const format of ['text', 'json', 'sarif']) {
      test(`${format} output hides them`, () => {
        const result = runCli(['check', root, '--format', format]);
        assert.deepEqual(leaks(result.stdout), []);
        assert.deepEqual(leaks(result.stderr), []);
      });
    }

    test('fix output hides them', () => {
      const copy = writeFiles(files);
      const result = runCli(['check', copy, '--fix']);
      assert.deepEqual(leaks(result.stdout + result.stderr), []);
    });

    test('language server hides them', async () => {
      const paths = Object.keys(files);
      const output = await serverOutput(root, paths, 'config/settings.py', 'django-secret-key-hardcoded');
      assert.ok(output.includes('django-secret-key-hardcoded'), 'the server sent no diagnostics');
      assert.deepEqual(leaks(output), []);
    });
  });
}

test('hover hides nested secrets', async () => {
  const root = writeFiles({
    '.env': 'DJANGO_SETTINGS_MODULE=config.settings\n',
    'config/settings.py': [
      'DATABASES = {"default": {"PASSWORD": "lit-CANARY-db-pw", "HOST": "db"}}',
      'CACHES = {"default": {"LOCATION": "redis://:cache-CANARY@redis:6379"}}',
      'ALLOWED_HOSTS = ["*"]',
      '',
    ].join('\n'),
  });
  const output = await serverOutput(root, ['config/settings.py'], 'config/settings.py', 'django-allowed-hosts-wildcard');
  assert.deepEqual(leaks(output), []);
});

test('default of PGPASSWORD is hidden', () => {
  const root = writeFiles({
    '.env': 'DJANGO_SETTINGS_MODULE=config.settings\n',
    'config/settings.py': 'import os\nPASSWORD = os.environ.get("PGPASSWORD", "pgdflt-CANARY")\n',
  });
  const result = runCli(['check', root]);
  assert.deepEqual(leaks(result.stdout), []);
});
