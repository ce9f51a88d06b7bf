// Named hostile inputs: each must end quickly with a diagnostic, and the files around it must
// still be checked (the known finding of every other base file still appears).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Problem } from '../../server/src/core/problem.js';
import { AnalysisWorker } from './bounded-analysis.js';
import { problemViolations } from './invariants.js';
import { baseFiles, describeProblems, markersExcept, writeWorkspace } from './workspaces.js';

/**
 * Bound on one analysis, in ms: a hang detector, not a timing assertion. Cases take up to about
 * 3 s alone; the test runner runs files in parallel on two cores, so the bound leaves room.
 */
const boundMs = 20_000;
const worker = new AnalysisWorker();
after(() => worker.close());

interface Checked {
  problems: Problem[];
  /** Findings as `code file:line`. */
  found: string[];
}

/** Analyses `root` in the worker and asserts the invariants every analysis must keep. */
async function analyse(root: string): Promise<Checked> {
  const outcome = await worker.analyze(root, 60_000);
  assert.equal(outcome.status, 'done', `analysis did not finish: ${JSON.stringify(outcome).slice(0, 500)}`);
  if (outcome.status !== 'done') throw new Error('unreachable');
  assert.equal(outcome.thrown, undefined);
  assert.deepEqual(outcome.checkErrors, []);
  assert.ok(outcome.elapsedMs < boundMs, `took ${Math.round(outcome.elapsedMs)} ms`);
  assert.deepEqual(problemViolations(root, outcome.problems), []);
  return { problems: outcome.problems, found: describeProblems(outcome.problems) };
}

function assertIncludes(found: string[], expected: string[]): void {
  for (const item of expected) assert.ok(found.includes(item), `missing ${item} in:\n${found.join('\n')}`);
}

function codesIn(problems: Problem[], file: string): string[] {
  return problems.filter((problem) => problem.location.file === file).map((problem) => problem.code);
}

/** Builds a billion-laughs document: nine levels of nine aliases each, 9^9 strings expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi'.split('');
  const lines = [`x-a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < names.length; level++) {
    lines.push(`x-${names[level]}: &${names[level]} [${Array(9).fill(`*${names[level - 1]}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

test('alias bomb referenced by a service', async () => {
  const bomb = aliasBomb();
  const compose = `${bomb}${baseFiles['docker-compose.yml']}  bomb:\n    image: x\n    command: *i\n    environment: *i\n`;
  const { problems, found } = await analyse(writeWorkspace({ 'docker-compose.yml': compose }));
  assert.ok(codesIn(problems, 'docker-compose.yml').includes('compose-invalid-value'));
  const shift = bomb.split('\n').length - 1;
  assertIncludes(found, [...markersExcept('docker-compose.yml'), `compose-secret-literal docker-compose.yml:${8 + shift}`]);
});

test('alias bomb in an extension field', async () => {
  const compose = `${baseFiles['docker-compose.yml']}${aliasBomb()}`;
  const { found } = await analyse(writeWorkspace({ 'docker-compose.yml': compose }));
  assertIncludes(found, markersExcept());
});

test('20 MB env file is skipped', async () => {
  const line = 'PADDING=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd\n';
  const text = baseFiles['.env'] + line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
  const { found } = await analyse(writeWorkspace({ '.env': text }));
  assertIncludes(found, ['file-unreadable .env:1', ...markersExcept('.env')]);
});

test('env file just under the size limit', async () => {
  const lines = Array.from({ length: 90_000 }, (_, index) => `KEY_${index}=value-${index}`);
  const { problems, found } = await analyse(writeWorkspace({ '.env': `${baseFiles['.env']}${lines.join('\n')}\n` }));
  assert.ok(codesIn(problems, '.env').includes('too-many-problems'));
  assertIncludes(found, markersExcept());
});

test('nginx 10,000 nested blocks', async () => {
  const text = `${baseFiles['nginx/default.conf']}${'http { '.repeat(10_000)}\n`;
  const { problems, found } = await analyse(writeWorkspace({ 'nginx/default.conf': text }));
  // Each nested http is out of context; the per-file cap lists 200 of them and a count.
  assert.ok(codesIn(problems, 'nginx/default.conf').includes('nginx-directive-context'));
  assert.ok(codesIn(problems, 'nginx/default.conf').includes('too-many-problems'));
  assertIncludes(found, markersExcept());
});

test('nginx 10,000 closed nested locations', async () => {
  const nested = `${'location / { '.repeat(10_000)}${'} '.repeat(10_000)}`;
  const text = `${baseFiles['nginx/default.conf']}server {\n    listen 81;\n    ${nested}\n}\n`;
  const { found } = await analyse(writeWorkspace({ 'nginx/default.conf': text }));
  assertIncludes(found, markersExcept());
});

test('compose 10,000 nested flow sequences', async () => {
  const text = `${baseFiles['docker-compose.yml']}x-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const { problems, found } = await analyse(writeWorkspace({ 'docker-compose.yml': text }));
  assert.ok(codesIn(problems, 'docker-compose.yml').includes('compose-yaml-syntax'));
  assertIncludes(found, markersExcept());
});

test('compose 10,000 nested flow mappings', async () => {
  const text = `${baseFiles['docker-compose.yml']}x-deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
  const { problems, found } = await analyse(writeWorkspace({ 'docker-compose.yml': text }));
  assert.ok(codesIn(problems, 'docker-compose.yml').includes('compose-yaml-syntax'));
  assertIncludes(found, markersExcept());
});

test('compose 1,500 nested block mappings', async () => {
  // Block nesting needs one more space per level, so 1,500 levels already take 1.1 MB.
  const levels = Array.from({ length: 1500 }, (_, index) => `${' '.repeat(index + 1)}k${index}:`);
  const text = `${baseFiles['docker-compose.yml']}x-deep:\n${levels.join('\n')} v\n`;
  const { found } = await analyse(writeWorkspace({ 'docker-compose.yml': text }));
  assertIncludes(found, markersExcept());
});

test('compose thousands of unclosed interpolations', async () => {
  const text = `${baseFiles['docker-compose.yml']}x-long: "${'${A:-${B:-'.repeat(20_000)}"\n`;
  const { problems, found } = await analyse(writeWorkspace({ 'docker-compose.yml': text }));
  assert.ok(codesIn(problems, 'docker-compose.yml').includes('compose-invalid-interpolation'));
  assertIncludes(found, markersExcept());
});

for (const [name, open, close] of [
  ['lists', '[', ']'],
  ['parentheses', '(', ')'],
  ['dicts', '{"k": ', '}'],
] as const) {
  test(`settings 10,000 nested ${name}`, async () => {
    const deep = `X = ${open.repeat(10_000)}1${close.repeat(10_000)}`;
    const lines = baseFiles['config/settings.py']!.split('\n');
    lines.splice(4, 0, deep);
    const { problems, found } = await analyse(writeWorkspace({ 'config/settings.py': lines.join('\n') }));
    assert.ok(codesIn(problems, 'config/settings.py').includes('python-syntax'));
    assertIncludes(found, [...markersExcept('config/settings.py'), 'django-allowed-hosts-wildcard config/settings.py:6']);
  });
}

test('settings of unclosed brackets', async () => {
  const text = `${baseFiles['config/settings.py']}${'X = {\n'.repeat(300_000)}`;
  const { problems, found } = await analyse(writeWorkspace({ 'config/settings.py': text }));
  assert.ok(codesIn(problems, 'config/settings.py').includes('python-syntax'));
  assertIncludes(found, markersExcept());
});

test('settings syntax errors mid-file', async () => {
  const lines = baseFiles['config/settings.py']!.split('\n');
  lines.splice(4, 0, 'def broken(:', '    pass', 'x = = 1', 'class', 'y = (1,', '');
  const { problems, found } = await analyse(writeWorkspace({ 'config/settings.py': lines.join('\n') }));
  assert.ok(codesIn(problems, 'config/settings.py').includes('python-syntax'));
  assertIncludes(found, [...markersExcept('config/settings.py'), 'django-allowed-hosts-wildcard config/settings.py:11']);
});

test('binary file named .env', async () => {
  const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x3d, 0x0a]);
  const { found } = await analyse(writeWorkspace({ '.env': Buffer.concat([bytes, bytes, bytes]) }));
  assertIncludes(found, ['file-unreadable .env:1', ...markersExcept('.env')]);
});

/** `code file:line:character-line:character` of every finding, to compare ranges exactly. */
function exactRanges(problems: Problem[]): string[] {
  return problems.map(({ code, location: { file, range } }) => {
    return `${code} ${file}:${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  });
}

test('BOM keeps every range', async () => {
  const bom = '\ufeff';
  const withBom = Object.fromEntries(Object.entries(baseFiles).map(([path, text]) => [path, bom + text]));
  const plain = await analyse(writeWorkspace());
  const marked = await analyse(writeWorkspace(withBom));
  assert.deepEqual(exactRanges(marked.problems), exactRanges(plain.problems));
});

test('invalid UTF-8 in a value', async () => {
  const env = Buffer.concat([Buffer.from(baseFiles['.env']!), Buffer.from('BROKEN='), Buffer.from([0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('\n')]);
  const { found } = await analyse(writeWorkspace({ '.env': env }));
  assertIncludes(found, [...markersExcept(), 'variable-unused .env:4']);
});

test('CRLF keeps every range', async () => {
  const crlf = Object.fromEntries(Object.entries(baseFiles).map(([path, text]) => [path, text.replace(/\n/g, '\r\n')]));
  const plain = await analyse(writeWorkspace());
  const windows = await analyse(writeWorkspace(crlf));
  assert.deepEqual(exactRanges(windows.problems), exactRanges(plain.problems));
});

test('nginx include of itself', async () => {
  const text = baseFiles['nginx/default.conf']!.replace('listen 80;', 'listen 80;\n    include /etc/nginx/conf.d/default.conf;');
  const { found } = await analyse(writeWorkspace({ 'nginx/default.conf': text }));
  assertIncludes(found, [...markersExcept('nginx/default.conf'), 'nginx-include-cycle nginx/default.conf:3', 'nginx-server-tokens-on nginx/default.conf:4']);
});

test('nginx files including each other', async () => {
  const files = {
    'nginx/a.conf': 'include b.conf;\nserver_tokens on;\n',
    'nginx/b.conf': 'include a.conf;\n',
  };
  const { found } = await analyse(writeWorkspace(files));
  assertIncludes(found, [...markersExcept(), 'nginx-include-cycle nginx/b.conf:1', 'nginx-server-tokens-on nginx/a.conf:2']);
});

test('compose file including itself', async () => {
  const text = `include:\n  - docker-compose.yml\n${baseFiles['docker-compose.yml']}`;
  const { found } = await analyse(writeWorkspace({ 'docker-compose.yml': text }));
  assertIncludes(found, [
    ...markersExcept('docker-compose.yml'),
    'compose-include-cycle docker-compose.yml:2',
    'compose-secret-literal docker-compose.yml:10',
  ]);
});

test('compose files including each other', async () => {
  const files = {
    'docker-compose.yml': `include:\n  - ops/compose.yaml\n${baseFiles['docker-compose.yml']}`,
    'ops/compose.yaml': 'include:\n  - ../docker-compose.yml\nservices:\n  cache:\n    image: redis:7\n',
  };
  const { found } = await analyse(writeWorkspace(files));
  assertIncludes(found, [
    ...markersExcept('docker-compose.yml'),
    'compose-include-cycle ops/compose.yaml:2',
    'compose-secret-literal docker-compose.yml:10',
  ]);
});

test('symlink loops in the workspace', async () => {
  const root = writeWorkspace();
  symlinkSync('.', join(root, 'loop'));
  symlinkSync('..', join(root, 'nginx', 'up'));
  mkdirSync(join(root, 'deep'));
  symlinkSync('../deep', join(root, 'deep', 'again'));
  symlinkSync('missing-target', join(root, 'dangling'));
  symlinkSync('/', join(root, 'machine-root'));
  const { problems, found } = await analyse(root);
  assertIncludes(found, markersExcept());
  const viaLinks = problems.filter((problem) => /^(loop|nginx\/up|deep|machine-root)\//.test(problem.location.file));
  assert.deepEqual(describeProblems(viaLinks), []);
});

test('files outside the workspace are not read', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'shipshape-outside-'));
  after(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'shared.env'), 'OUTSIDE_ONLY_VARIABLE=1\nSECRET_KEY=short\n');
  const compose = baseFiles['docker-compose.yml']!.replace(
    '    env_file: .env',
    `    env_file:\n      - .env\n      - ../${outside.split('/').pop()}/shared.env\n      - ${join(outside, 'shared.env')}`,
  );
  const root = writeWorkspace({ 'docker-compose.yml': compose });
  symlinkSync(join(outside, 'shared.env'), join(root, '.env.production'));
  const { problems, found } = await analyse(root);
  assertIncludes(found, ['file-unreadable .env.production:1', ...markersExcept('docker-compose.yml')]);
  const mentions = problems.filter((problem) => JSON.stringify(problem).includes('OUTSIDE_ONLY_VARIABLE'));
  assert.deepEqual(describeProblems(mentions), []);
  const files = problems.filter((problem) => problem.location.file.startsWith('..'));
  assert.deepEqual(describeProblems(files), []);
});

test('FIFO named .env does not block', async (context) => {
  const root = writeWorkspace();
  rmSync(join(root, '.env'));
  const mkfifo = spawnSync('mkfifo', [join(root, '.env')]);
  if (mkfifo.status !== 0) {
    context.skip('mkfifo is not available');
    return;
  }
  const { found } = await analyse(root);
  assertIncludes(found, markersExcept('.env'));
});

/** Milliseconds to analyse the base workspace plus one server of `count` proxied locations. */
test('nginx 20,000 sibling locations', async () => {
  const locations = '    location /a { proxy_pass http://web:8000; }\n'.repeat(20_000);
  const server = `server {\n    listen 81;\n${locations}}\n`;
  const root = writeWorkspace({ 'nginx/default.conf': baseFiles['nginx/default.conf'] + server });
  const { found } = await analyse(root);
  assertIncludes(found, markersExcept());
});

test('thousands of env files', async () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 3000; index++) files[`.envs/service-${index}/.env`] = `VALUE_${index}=1\n`;
  const { found } = await analyse(writeWorkspace(files));
  assertIncludes(found, markersExcept());
});
