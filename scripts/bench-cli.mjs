// Runs one analysis of FOLDER with the compiled core and prints its wall time, peak memory
// (resident set size) and counts as JSON. The benchmark starts it in a fresh process per run.
import { analyzeWorkspace } from '../out/server/src/analysis/analyze.js';

const folder = process.argv[2];
const started = performance.now();
const analysis = analyzeWorkspace(folder);
const ms = performance.now() - started;
const files = new Set(analysis.workspace.loaded().map((file) => file.path)).size;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    files,
    deployments: analysis.deployments.length,
    problems: analysis.problems.length,
    parses: analysis.workspace.cache.parses,
  }) + '\n',
);
