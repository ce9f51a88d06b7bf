// Fuzz suite: mutated copies of a small realistic deployment (test/fixtures/robustness/seed) are
// analysed one workspace at a time. Each must finish within the bound, without an exception or
// an internal-error problem, and with every location inside its file.
//
//   FUZZ_COUNT=5000 FUZZ_SEED=7 node --import tsx --test test/robustness/fuzz.test.ts
//   FUZZ_SEED=7 FUZZ_CASE=123 FUZZ_KEEP=1 node --import tsx --test test/robustness/fuzz.test.ts
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { AnalysisWorker } from './bounded-analysis.js';
import { generateCase, readSeedFiles, type FuzzCase } from './fuzz-generator.js';
import { problemViolations } from './invariants.js';

function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${text}"`);
  return value;
}

const seed = numberFromEnv('FUZZ_SEED', 20_240_601);
const count = numberFromEnv('FUZZ_COUNT', 150);
const onlyCase = process.env.FUZZ_CASE ? numberFromEnv('FUZZ_CASE', 0) : undefined;
const keepFailures = process.env.FUZZ_KEEP === '1';
/** Bound on one workspace's analysis, in ms: a hang detector, far above the usual 20-200 ms. */
const boundMs = numberFromEnv('FUZZ_BOUND_MS', 15_000);
/** Time after which the worker is terminated, in ms; it includes the worker's start-up. */
const deadlineMs = Math.max(30_000, boundMs * 4);

const seeds = readSeedFiles();
const workRoot = mkdtempSync(join(tmpdir(), 'shipshape-fuzz-'));
const worker = new AnalysisWorker();
after(async () => {
  await worker.close();
  if (!keepFailures) rmSync(workRoot, { recursive: true, force: true });
});

function writeCase(fuzzCase: FuzzCase): string {
  const root = join(workRoot, `case-${fuzzCase.index}`);
  for (const [path, bytes] of fuzzCase.files) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, bytes);
  }
  return root;
}

/** Rule ids seen over the run, to show that the mutations reach the parsers and the checks. */
const codesSeen = new Set<string>();

/** Broken invariants of one case; an empty list means the case passed. */
async function runCase(fuzzCase: FuzzCase): Promise<string[]> {
  const root = writeCase(fuzzCase);
  const outcome = await worker.analyze(root, deadlineMs, true);
  const faults: string[] = [];
  if (outcome.status === 'timeout') faults.push(`no result after ${deadlineMs} ms (worker terminated)`);
  else if (outcome.status === 'crashed') faults.push(`worker crashed: ${outcome.error}`);
  else {
    if (outcome.thrown) faults.push(`analyzeWorkspace threw: ${outcome.thrown}`);
    if (outcome.fixError) faults.push(`applyFixes threw: ${outcome.fixError}`);
    for (const error of outcome.checkErrors) faults.push(`check failed: ${error}`);
    if (outcome.elapsedMs > boundMs) faults.push(`took ${Math.round(outcome.elapsedMs)} ms, above ${boundMs} ms`);
    faults.push(...problemViolations(root, outcome.problems));
    for (const problem of outcome.problems) codesSeen.add(problem.code);
  }
  if (faults.length === 0 || !keepFailures) rmSync(root, { recursive: true, force: true });
  return faults;
}

function report(fuzzCase: FuzzCase, faults: string[]): string {
  const replay = `FUZZ_SEED=${fuzzCase.seed} FUZZ_CASE=${fuzzCase.index} FUZZ_KEEP=1`;
  const kept = keepFailures ? `\n  kept in ${join(workRoot, `case-${fuzzCase.index}`)}` : '';
  return [
    `case ${fuzzCase.index} of seed ${fuzzCase.seed} (replay: ${replay})${kept}`,
    ...fuzzCase.log.map((line) => `  mutation ${line}`),
    ...faults.slice(0, 5).map((fault) => `  ${fault.split('\n').slice(0, 6).join('\n    ')}`),
  ].join('\n');
}

test('fuzz generator is reproducible', () => {
  const first = generateCase(seed, 3, seeds);
  const second = generateCase(seed, 3, seeds);
  assert.deepEqual([...second.files.entries()], [...first.files.entries()]);
});

test('fuzz cases differ from the seeds', () => {
  let changed = 0;
  for (let index = 0; index < 20; index++) {
    const fuzzCase = generateCase(seed, index, seeds);
    const same = [...seeds].every(([path, bytes]) => fuzzCase.files.get(path)?.equals(bytes));
    if (!same || fuzzCase.files.size !== seeds.size) changed++;
  }
  assert.ok(changed >= 18, `only ${changed} of 20 cases changed a file`);
});

test('fuzzed workspaces analyse cleanly', async () => {
  const indexes = onlyCase === undefined ? Array.from({ length: count }, (_, index) => index) : [onlyCase];
  const failures: string[] = [];
  const started = performance.now();
  for (const index of indexes) {
    const fuzzCase = generateCase(seed, index, seeds);
    const faults = await runCase(fuzzCase);
    if (faults.length > 0) failures.push(report(fuzzCase, faults));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: ${indexes.length} workspaces of seed ${seed} in ${seconds} s, ${failures.length} failed`);
  console.log(`fuzz: rule ids seen: ${[...codesSeen].sort().join(' ')}`);
  assert.equal(failures.length, 0, `${failures.length} fuzz cases failed:\n${failures.slice(0, 10).join('\n')}`);
});
