// Measures the language server over the real protocol on FOLDER and prints the figures as JSON.
// The first is the time from the `initialize` request to the end of the initial analysis (every
// file's publishDiagnostics, then `shipshape/status`). Then, for each of EDITS keystroke-like
// edits, it records the time from `didChange` to the end of the re-analysis and the
// `shipshape/stats` counters of that re-analysis.
//   node scripts/bench-lsp.mjs FOLDER STACK OTHER_FOLDER EDITS
// STACK is the folder, relative to FOLDER, that holds the edited copy of the example deployment
// ('' for examples/ itself). OTHER_FOLDER is a second workspace folder, added after the initial
// analysis, that an edit in FOLDER must not re-analyse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { folderUri, LspSession } from './lsp-session.mjs';

const [folder, stack, otherFolder, editsText] = process.argv.slice(2);
const editCount = Number(editsText);
if (!folder || stack === undefined || !otherFolder || !Number.isInteger(editCount) || editCount < 0) {
  process.stderr.write('usage: node scripts/bench-lsp.mjs FOLDER STACK OTHER_FOLDER EDITS\n');
  process.exit(2);
}
const targetUri = folderUri(folder);
const otherUri = folderUri(otherFolder);

const session = new LspSession();
const initialDone = session.nextStatus(targetUri);
const initializeSent = performance.now();
const initializeAnswered = await session.initialize([folder]);
const initial = await initialDone;
const initialStats = folderStats(await session.stats(), targetUri);
const result = {
  initializeResultMs: initializeAnswered - initializeSent,
  initialMs: initial.receivedAt - initializeSent,
  initialAnalysisMs: initial.status.durationMs,
  initialParses: initialStats.recent[0].parses,
  filesWithDiagnostics: [...session.diagnostics.values()].filter((list) => list.length > 0).length,
  edits: editCount > 0 ? await measureEdits() : undefined,
  peakRssMb: peakRssMb(session.pid),
};
await session.stop();
process.stdout.write(JSON.stringify(result) + '\n');

/**
 * Steps that cycle over the edits. Each is one keystroke, a backspace or the character typed back,
 * and changes a finding in a file other than the one edited:
 * - env.template: DATA_UPLOAD_MAX_MEMORY_SIZE=20971520 loses its last 0 and becomes 2 MiB, equal to
 *   nginx's client_max_body_size 2m, so request-body-limit in nginx/conf.d/app.conf goes away;
 * - base.py: the read of API_PAGE_SIZE loses its final E, so the invalid value 'twenty-five' in
 *   env.template is no longer read and its variable-invalid-value error goes away.
 */
function editSteps() {
  const env = join(folder, stack, 'env.template');
  const settings = join(folder, stack, 'backend/config/settings/base.py');
  const nginx = join(folder, stack, 'nginx/conf.d/app.conf');
  const envLine = lineOf(env, 'DATA_UPLOAD_MAX_MEMORY_SIZE=20971520');
  const envColumn = 'DATA_UPLOAD_MAX_MEMORY_SIZE=2097152'.length;
  const settingsLine = lineOf(settings, 'env.int("API_PAGE_SIZE"');
  const settingsColumn =
    readFileSync(settings, 'utf8').split('\n')[settingsLine].indexOf('API_PAGE_SIZE') + 12;
  return {
    open: [
      { path: env, languageId: 'dotenv' },
      { path: settings, languageId: 'python' },
    ],
    steps: [
      { path: env, line: envLine, start: envColumn, end: envColumn + 1, text: '', affected: nginx },
      { path: env, line: envLine, start: envColumn, end: envColumn, text: '0', affected: nginx },
      {
        path: settings,
        line: settingsLine,
        start: settingsColumn,
        end: settingsColumn + 1,
        text: '',
        affected: env,
      },
      {
        path: settings,
        line: settingsLine,
        start: settingsColumn,
        end: settingsColumn,
        text: 'E',
        affected: env,
      },
    ],
  };
}

async function measureEdits() {
  const { open, steps } = editSteps();
  const otherDone = session.nextStatus(otherUri);
  await session.addFolder(otherFolder);
  await otherDone;
  for (const document of open) await session.open(document.path, document.languageId);
  let previous = await session.stats();
  const analysesOnOpen = folderStats(previous, targetUri).analyses - initialStats.analyses;

  const samples = [];
  for (let i = 0; i < editCount; i++) {
    const step = steps[i % steps.length];
    const affectedUri = pathToFileURL(step.affected).href;
    const affectedBefore = JSON.stringify(session.diagnostics.get(affectedUri) ?? []);
    const done = session.nextStatus(targetUri);
    const sent = performance.now();
    await session.change(step.path, step.line, step.start, step.end, step.text);
    const { receivedAt } = await done;
    const stats = await session.stats();
    const target = folderStats(stats, targetUri);
    const targetBefore = folderStats(previous, targetUri);
    const record = target.recent.at(-1);
    samples.push({
      latencyMs: receivedAt - sent,
      analysisMs: record.durationMs,
      trigger: record.trigger,
      parses: record.parses,
      deployments: record.deployments,
      deploymentsChecked: record.deploymentsChecked,
      targetAnalyses: target.analyses - targetBefore.analyses,
      otherAnalyses: folderStats(stats, otherUri).analyses - folderStats(previous, otherUri).analyses,
      superseded: target.dropped - targetBefore.dropped,
      affectedChanged:
        JSON.stringify(session.diagnostics.get(affectedUri) ?? []) !== affectedBefore,
    });
    previous = stats;
  }

  const parses = samples.map((sample) => sample.parses);
  return {
    count: samples.length,
    analysesOnOpen,
    latencyP50Ms: percentile(samples.map((sample) => sample.latencyMs), 50),
    latencyP95Ms: percentile(samples.map((sample) => sample.latencyMs), 95),
    analysisP50Ms: percentile(samples.map((sample) => sample.analysisMs), 50),
    analysisP95Ms: percentile(samples.map((sample) => sample.analysisMs), 95),
    parsesMin: Math.min(...parses),
    parsesMax: Math.max(...parses),
    parsesTotal: parses.reduce((sum, count) => sum + count, 0),
    deployments: Math.max(...samples.map((sample) => sample.deployments)),
    deploymentsCheckedMin: Math.min(...samples.map((sample) => sample.deploymentsChecked)),
    deploymentsCheckedMax: Math.max(...samples.map((sample) => sample.deploymentsChecked)),
    editTriggered: samples.filter((sample) => sample.trigger === 'edit').length,
    targetAnalysesMax: Math.max(...samples.map((sample) => sample.targetAnalyses)),
    otherAnalyses: samples.reduce((sum, sample) => sum + sample.otherAnalyses, 0),
    superseded: samples.reduce((sum, sample) => sum + sample.superseded, 0),
    affectedChanged: samples.filter((sample) => sample.affectedChanged).length,
  };
}

function folderStats(stats, uri) {
  const found = stats.folders.find((entry) => entry.folder === uri);
  if (!found) throw new Error(`shipshape/stats has no folder ${uri}`);
  return found;
}

/** 0-based index of the first line of `path` that contains `fragment`. */
function lineOf(path, fragment) {
  const line = readFileSync(path, 'utf8').split('\n').findIndex((text) => text.includes(fragment));
  if (line < 0) throw new Error(`${path} has no line with ${fragment}`);
  return line;
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak resident set size of a process (VmHWM in /proc, Linux only) in MB, or null elsewhere. */
function peakRssMb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
