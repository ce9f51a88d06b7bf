// Times dclint (a compose-only linter) and `shipshape check` on the same workspace, RUNS times
// each in a fresh process, and prints both median wall times and what each tool reported as JSON.
// dclint gets exactly the compose files Shipshape's discovery finds in FOLDER.
//   node scripts/bench-dclint.mjs FOLDER RUNS
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { discoverFiles } from '../out/server/src/workspace/discover.js';
import { nodeFileSystem } from '../out/server/src/workspace/file-system.js';

const [folder, runsText] = process.argv.slice(2);
const runs = Number(runsText);
if (!folder || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node scripts/bench-dclint.mjs FOLDER RUNS\n');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const dclintPackage = require.resolve('dclint/package.json');
const dclintBin = join(dirname(dclintPackage), 'bin', 'dclint.cjs');
const dclintVersion = require(dclintPackage).version;
const shipshapeBin = new URL('../bin/shipshape.js', import.meta.url).pathname;
// dclint 3.1.0 prints its report with console.log and then calls process.exit, which cuts the
// report short when stdout is a pipe (about 220 kB of 1.8 MB at 100x), so it writes to a file.
const reportFile = new URL('../.bench/dclint-report.json', import.meta.url).pathname;
const composeFiles = discoverFiles(folder, nodeFileSystem).byKind.compose.map((file) =>
  join(folder, file),
);

/** Runs `node ARGS` once; returns its wall time in ms, exit status, stdout and stderr. */
function timeNode(args) {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - started, ...child };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * dclint exits with 1 both when it finds a problem and when it fails, so a run counts as failed
 * when its JSON report is missing, unreadable or lacks one of the files it was given.
 */
function readDclint(child) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    const stderr = child.stderr.trim().slice(0, 300);
    return { failure: `exit status ${child.status}, no JSON report: ${stderr}` };
  }
  if (!Array.isArray(report) || report.length !== composeFiles.length) {
    const covered = Array.isArray(report) ? report.length : 0;
    return { failure: `report covers ${covered} of ${composeFiles.length} files` };
  }
  const messages = report.flatMap((file) => file.messages);
  // dclint reports a file it cannot parse or validate as one message of these rules.
  const unreadableRules = new Set(['invalid-yaml', 'invalid-schema']);
  const unreadable = report.filter((file) =>
    file.messages.some((message) => unreadableRules.has(message.rule)),
  );
  return {
    findings: messages.length,
    errors: messages.filter((message) => message.type === 'error').length,
    unreadableFiles: unreadable.length,
  };
}

const dclintRuns = [];
const shipshapeRuns = [];
for (let i = 0; i < runs; i++) {
  rmSync(reportFile, { force: true });
  const dclint = timeNode([dclintBin, ...composeFiles, '--formatter', 'json', '--output-file', reportFile]);
  dclintRuns.push({ ms: dclint.ms, ...readDclint(dclint) });
  const shipshape = timeNode([shipshapeBin, 'check', folder, '--format', 'json']);
  // Exit status 1 means error-severity findings, and 2 a usage error or an internal failure.
  if (shipshape.status !== 0 && shipshape.status !== 1) {
    throw new Error(`shipshape check ${folder} failed with ${shipshape.status}: ${shipshape.stderr}`);
  }
  shipshapeRuns.push({ ms: shipshape.ms, findings: JSON.parse(shipshape.stdout).diagnostics.length });
}

const failures = dclintRuns.filter((run) => run.failure).map((run) => run.failure);
const succeeded = dclintRuns.find((run) => !run.failure);
process.stdout.write(
  JSON.stringify({
    composeFiles: composeFiles.length,
    dclint: {
      version: dclintVersion,
      ms: median(dclintRuns.map((run) => run.ms)),
      findings: succeeded?.findings ?? null,
      errors: succeeded?.errors ?? null,
      unreadableFiles: succeeded?.unreadableFiles ?? null,
      failures,
    },
    shipshape: {
      ms: median(shipshapeRuns.map((run) => run.ms)),
      findings: shipshapeRuns[0].findings,
    },
  }) + '\n',
);
