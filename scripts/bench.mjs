// Benchmark: times `shipshape check` on the example and on generated workspaces 10x and 100x its
// size, in fresh processes, and prints a Markdown report (also written to .bench/report.md).
//   npm run bench            (builds first)
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
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

const sizes = [
  { name: 'examples/ (1x)', folder: new URL('../examples/', import.meta.url).pathname, scale: 1 },
  { name: 'generated 10x', folder: join(work, 'scale-10'), scale: 10 },
  { name: 'generated 100x', folder: join(work, 'scale-100'), scale: 100 },
];
for (const size of sizes) {
  if (size.scale > 1) node(['scripts/generate-workspace.mjs', String(size.scale), size.folder]);
}

const rows = [];
for (const size of sizes) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(node(['scripts/bench-cli.mjs', size.folder])));
  rows.push({
    ...size,
    ms: median(samples.map((sample) => sample.ms)),
    rss: Math.max(...samples.map((sample) => sample.maxRssMb)),
    files: samples[0].files,
    deployments: samples[0].deployments,
    problems: samples[0].problems,
  });
}

const lines = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}.`,
  `Each figure is the median wall time of ${runs} runs of one analysis in a fresh process (discovery, parsing, model, every check), and the highest peak resident memory of those runs.`,
  '',
  '| workspace | files read | deployments | problems | median time | peak memory | time vs. previous size |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
rows.forEach((row, index) => {
  const growth = index === 0 ? '' : `${(row.ms / rows[index - 1].ms).toFixed(1)}×`;
  lines.push(
    `| ${row.name} | ${row.files} | ${row.deployments} | ${row.problems} | ${row.ms.toFixed(0)} ms | ${row.rss.toFixed(0)} MB | ${growth} |`,
  );
});
const report = `${lines.join('\n')}\n`;
writeFileSync(join(work, 'report.md'), report);
process.stdout.write(report);
