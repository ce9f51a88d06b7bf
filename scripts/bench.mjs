// Benchmark: times `shipshape check` on the example and on generated workspaces 10x and 100x its
// size, in fresh processes. It also drives the language server over stdio on the same workspaces
// and times dclint on their compose files next to `shipshape check`. Prints a Markdown report
// (also written to .bench/report.md).
//   npm run bench            (builds first)
// BENCH_RUNS (default 5) sets the runs per figure, BENCH_EDITS (default 40) the edits per
// workspace in the language server session.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReport } from './bench-report.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const edits = Number(process.env.BENCH_EDITS ?? 40);
const work = new URL('../.bench/', import.meta.url).pathname;
mkdirSync(work, { recursive: true });

function node(args) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// `stack` is the copy of the example deployment that the language server session edits.
const sizes = [
  { name: 'examples/ (1x)', folder: new URL('../examples', import.meta.url).pathname, scale: 1, stack: '' },
  { name: 'generated 10x', folder: join(work, 'scale-10'), scale: 10, stack: 'stack-000' },
  { name: 'generated 100x', folder: join(work, 'scale-100'), scale: 100, stack: 'stack-000' },
];
for (const size of sizes) {
  if (size.scale > 1) node(['scripts/generate-workspace.mjs', String(size.scale), size.folder]);
}
// A second workspace folder in each language server session, which no edit may re-analyse.
const otherFolder = join(work, 'other-folder');
node(['scripts/generate-workspace.mjs', '1', otherFolder]);

const cliRows = [];
for (const size of sizes) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(node(['scripts/bench-cli.mjs', size.folder])));
  cliRows.push({
    ...size,
    ms: median(samples.map((sample) => sample.ms)),
    rss: Math.max(...samples.map((sample) => sample.maxRssMb)),
    files: samples[0].files,
    deployments: samples[0].deployments,
    problems: samples[0].problems,
  });
}

// One session per run, each with a fresh server. Only the first one also measures the edits.
const lspRows = [];
for (const size of sizes) {
  const sessions = [];
  for (let i = 0; i < runs; i++) {
    const editCount = i === 0 ? edits : 0;
    const args = ['scripts/bench-lsp.mjs', size.folder, size.stack, otherFolder, String(editCount)];
    sessions.push(JSON.parse(node(args)));
  }
  lspRows.push({
    ...size,
    initializeResultMs: median(sessions.map((session) => session.initializeResultMs)),
    initialMs: median(sessions.map((session) => session.initialMs)),
    initialAnalysisMs: median(sessions.map((session) => session.initialAnalysisMs)),
    initialParses: sessions[0].initialParses,
    filesWithDiagnostics: sessions[0].filesWithDiagnostics,
    edits: sessions[0].edits,
    peakRssMb: Math.max(...sessions.map((session) => session.peakRssMb ?? 0)) || null,
  });
}

const dclintRows = sizes.map((size) => ({
  ...size,
  ...JSON.parse(node(['scripts/bench-dclint.mjs', size.folder, String(runs)])),
}));

const report = formatReport({ runs, edits, cliRows, lspRows, dclintRows });
writeFileSync(join(work, 'report.md'), report);
process.stdout.write(report);
