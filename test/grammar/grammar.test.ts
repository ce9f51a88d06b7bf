// Runs vscode-tmgrammar-test on each grammar test file, so `npm test` covers the grammars.
// The test files carry their assertions as comments (see test/grammar/cases/*.grammar-test).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const testFolder = dirname(fileURLToPath(import.meta.url));
const root = resolve(testFolder, '..', '..');
const casesFolder = join(testFolder, 'cases');
// VS Code's YAML grammar is not on npm, so a stand-in gives the same scope names to the
// scalars that the compose injection targets.
const yamlStandIn = join(testFolder, 'yaml-stand-in.tmLanguage.json');

function toolPath(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('vscode-tmgrammar-test/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: Record<string, string>;
  };
  return join(dirname(manifestPath), manifest.bin['vscode-tmgrammar-test']!);
}

function runTool(caseFile: string) {
  // The tool reads the grammars from package.json in its working folder.
  return spawnSync(process.execPath, [toolPath(), '--compact', '-g', yamlStandIn, caseFile], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('grammar test files', () => {
  const caseFiles = readdirSync(casesFolder)
    .filter((name) => name.endsWith('.grammar-test'))
    .sort();

  test('one file per grammar', () => {
    assert.deepEqual(caseFiles, [
      'compose-interpolation.grammar-test',
      'dotenv.grammar-test',
      'nginx.grammar-test',
    ]);
  });

  for (const name of caseFiles) {
    test(`${name} passes`, () => {
      const result = runTool(join(casesFolder, name));
      assert.equal(result.error, undefined, String(result.error));
      assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    });
  }

  test('broken assertion fails the tool', () => {
    // Guards against a run that passes without checking anything.
    const text = readFileSync(join(casesFolder, 'dotenv.grammar-test'), 'utf8');
    const broken = text.replace('keyword.other.export.dotenv', 'keyword.other.exported.dotenv');
    assert.notEqual(broken, text);
    const folder = mkdtempSync(join(tmpdir(), 'shipshape-grammar-'));
    const brokenFile = join(folder, 'broken.grammar-test');
    writeFileSync(brokenFile, broken);
    const result = runTool(brokenFile);
    rmSync(folder, { recursive: true, force: true });
    assert.notEqual(result.status, 0);
    assert.match(result.stdout + result.stderr, /keyword\.other\.exported\.dotenv/);
  });
});
