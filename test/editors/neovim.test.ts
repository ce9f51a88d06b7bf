// Runs the Neovim configuration of docs/editors.md in a headless Neovim against the compiled
// server (bin/shipshape-language-server.js, which loads out/ from `npm run build`), and checks
// the diagnostics Neovim receives. Needs the `nvim` command (Debian's neovim package).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const initLua = join(repository, 'test', 'editors', 'neovim', 'init.lua');
const bin = join(repository, 'bin', 'shipshape-language-server.js');
const compiled = join(repository, 'out', 'server', 'src', 'lsp-main.js');
const workspace = join(repository, 'test', 'fixtures', 'editors', 'deployment');

/** How long init.lua waits for the first analysis, in milliseconds. */
const analysisTimeoutMs = 20_000;
/** Time after which the test kills Neovim by its PID, in milliseconds. */
const killAfterMs = analysisTimeoutMs + 10_000;

interface NeovimDiagnostic {
  file: string;
  code: string;
  line: number;
}

interface NeovimResult {
  error?: string;
  timedOut: boolean;
  statuses: { status: string }[];
  clients: { name: string; root: string }[];
  diagnostics: NeovimDiagnostic[];
}

function skipReason(): string | false {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error) return 'nvim is not installed (Debian package neovim)';
  if (!existsSync(compiled)) return 'out/ is missing; run npm run build';
  return false;
}

/** Starts Neovim on `file`, kills it by PID when it outlives `killAfterMs`, returns its JSON. */
async function runNeovim(file: string, home: string): Promise<NeovimResult> {
  // The recipe starts `shipshape-language-server` from PATH, as after `npm link`.
  const binFolder = join(home, 'bin');
  mkdirSync(binFolder);
  symlinkSync(bin, join(binFolder, 'shipshape-language-server'));
  const output = join(home, 'result.json');
  const child = spawn('nvim', ['--headless', '--clean', '-u', initLua, file], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: [binFolder, dirname(process.execPath), process.env.PATH].join(delimiter),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      SHIPSHAPE_NVIM_OUTPUT: output,
      SHIPSHAPE_NVIM_TIMEOUT_MS: String(analysisTimeoutMs),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), killAfterMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(killer);
  if (!existsSync(output)) {
    throw new Error(`nvim wrote no result (exit ${code ?? signal}): ${stderr}`);
  }
  return JSON.parse(readFileSync(output, 'utf8')) as NeovimResult;
}

function codesOf(result: NeovimResult, file: string): string[] {
  const absolute = join(workspace, file);
  return result.diagnostics.filter((item) => item.file === absolute).map((item) => item.code);
}

describe('neovim recipe', { skip: skipReason() }, () => {
  let home: string;
  let result: NeovimResult;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'shipshape-nvim-'));
    result = await runNeovim(join(workspace, 'env.template'), home);
  });

  after(() => rmSync(home, { recursive: true, force: true }));

  test('recipe loads from docs', () => {
    assert.equal(result.error, undefined);
  });

  test('analysis finishes in time', () => {
    assert.equal(result.timedOut, false);
    assert.equal(result.statuses[0]?.status, 'ready');
  });

  test('one client at marker root', () => {
    assert.deepEqual(result.clients, [{ name: 'shipshape', root: workspace }]);
  });

  test('opened file gets diagnostics', () => {
    assert.deepEqual(codesOf(result, 'env.template').sort(), [
      'env-duplicate-key',
      'variable-unused',
      'variable-unused',
    ]);
  });

  test('unopened file gets diagnostics', () => {
    assert.deepEqual(codesOf(result, 'nginx/site.conf'), ['request-body-limit']);
  });
});
