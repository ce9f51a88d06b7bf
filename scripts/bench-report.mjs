// Formats the benchmark's measurements as the Markdown report that scripts/bench.mjs prints.
import { cpus, totalmem } from 'node:os';

const ms = (value) => `${value.toFixed(0)} ms`;
const mb = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);

export function formatReport({ runs, edits, cliRows, lspRows, dclintRows }) {
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}.`,
    `Runs per figure: BENCH_RUNS=${runs}; edits per language server session: BENCH_EDITS=${edits}.`,
    '',
    ...cliTable(runs, cliRows),
    '',
    ...lspTable(runs, lspRows),
    '',
    ...dclintTable(runs, cliRows, dclintRows),
  ];
  return `${lines.join('\n')}\n`;
}

function cliTable(runs, rows) {
  const lines = [
    '### Command-line analysis',
    '',
    `Each figure is the median wall time of ${runs} runs of one analysis in a fresh process (discovery, parsing, model, every check), and the highest peak resident memory of those runs.`,
    '',
    '| workspace | files read | deployments | problems | median time | peak memory | time vs. previous size |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  rows.forEach((row, index) => {
    const growth = index === 0 ? '' : `${(row.ms / rows[index - 1].ms).toFixed(1)}×`;
    lines.push(
      `| ${row.name} | ${row.files} | ${row.deployments} | ${row.problems} | ${ms(row.ms)} | ${mb(row.rss)} | ${growth} |`,
    );
  });
  return lines;
}

function lspTable(runs, rows) {
  const lines = [
    '### Language server',
    '',
    `Start-up columns: median of ${runs} sessions, each with a fresh server. Edit columns: the first session, percentiles by nearest rank; edit → diagnostics includes the 250 ms debounce, analysis is the server's own duration from \`shipshape/stats\`.`,
    '',
    '| workspace | files with diagnostics | initialize → result | initialize → all diagnostics | initial analysis | edits | edit → diagnostics p50 / p95 | analysis p50 / p95 | peak memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const edit = row.edits;
    const editCells = edit
      ? `${edit.count} | ${ms(edit.latencyP50Ms)} / ${ms(edit.latencyP95Ms)} | ${ms(edit.analysisP50Ms)} / ${ms(edit.analysisP95Ms)}`
      : '0 | | ';
    lines.push(
      `| ${row.name} | ${row.filesWithDiagnostics} | ${ms(row.initializeResultMs)} | ${ms(row.initialMs)} | ${ms(row.initialAnalysisMs)} | ${editCells} | ${mb(row.peakRssMb)} |`,
    );
  }
  lines.push('');
  for (const row of rows) {
    const edit = row.edits;
    if (!edit) continue;
    lines.push(
      `- ${row.name}: parses per edit: ${edit.parsesMin === edit.parsesMax ? edit.parsesMin : 'varies'} (min ${edit.parsesMin}, max ${edit.parsesMax}) over ${edit.count} edits` +
        ` (initial analysis: ${row.initialParses} parses); deployments re-checked per edit: ${edit.deploymentsCheckedMin} to ${edit.deploymentsCheckedMax} of ${edit.deployments};` +
        ` ${edit.editTriggered} of ${edit.count} re-analyses triggered by the edit, at most ${edit.targetAnalysesMax} per edit;` +
        ` analyses of the other folder: ${edit.otherAnalyses}; superseded: ${edit.superseded}; opening the edited files re-analysed ${edit.analysesOnOpen} times;` +
        ` ${edit.affectedChanged} of ${edit.count} edits changed the diagnostics of another file.`,
    );
  }
  return lines;
}

function dclintTable(runs, cliRows, rows) {
  const version = rows[0]?.dclint.version ?? 'unknown';
  const lines = [
    '### dclint and shipshape check',
    '',
    `Median wall time of ${runs} runs per tool, each a fresh \`node\` process started by the benchmark (start-up, reading, output included). dclint ${version} lints the compose files only; \`shipshape check\` reads every env, compose, nginx and settings file.`,
    '',
    '| workspace | compose files | dclint findings (errors) | dclint median | Shipshape files read | Shipshape findings | shipshape check median |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  rows.forEach((row, index) => {
    const dclint = row.dclint;
    const findings = dclint.findings === null ? 'failed' : `${dclint.findings} (${dclint.errors})`;
    lines.push(
      `| ${row.name} | ${row.composeFiles} | ${findings} | ${ms(dclint.ms)} | ${cliRows[index].files} | ${row.shipshape.findings} | ${ms(row.shipshape.ms)} |`,
    );
  });
  lines.push('');
  for (const row of rows) {
    const dclint = row.dclint;
    if (dclint.failures.length > 0) {
      lines.push(`- ${row.name}: dclint failed in ${dclint.failures.length} of ${runs} runs: ${dclint.failures[0]}`);
    }
    if (dclint.unreadableFiles > 0) {
      lines.push(`- ${row.name}: dclint could not parse or validate ${dclint.unreadableFiles} files.`);
    }
  }
  return lines;
}
