import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeWorkspace } from '../analysis/analyze.js';
import { applyFixes } from '../analysis/apply-fixes.js';
import { defaultConfig, parseConfig, type ShipshapeConfig } from '../analysis/config.js';
import { allRules } from '../checks/all-checks.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { countOf } from '../core/count-words.js';

const usage = `Usage: shipshape check [DIR] [--format text|json|sarif] [--fix]

Checks the deployment configuration under DIR (default: the current folder): env files,
docker compose files, nginx configuration and Django settings, read together.

Options:
  --format FORMAT  Output format: text (default), json or sarif.
  --fix            Apply the fixes marked safe, print what changed, then check again.
  --no-color       Print text output without colors.
  -h, --help       Print this help.
  --version        Print the version.

Exit status: 0 without errors, 1 when an error-severity problem is found, 2 on a usage error or
an internal failure.
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
};

function packageVersion(): string {
  try {
    const manifest = new URL('../../../../package.json', import.meta.url);
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Reads `shipshape.json`; undefined when it is not valid JSON, which is a usage error. */
function readConfig(root: string, io: CliIo): ShipshapeConfig | undefined {
  const file = path.join(root, 'shipshape.json');
  if (!fs.existsSync(file)) return defaultConfig;
  const text = fs.readFileSync(file, 'utf8');
  const { config, errors } = parseConfig(text);
  for (const error of errors) io.stderr(`shipshape: ${error}\n`);
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  return config;
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit status. */
export function runCli(args: string[], io: CliIo = processIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr(`shipshape: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const [command, folder, ...extra] = positionals;
  if (command !== 'check' || extra.length > 0) {
    io.stderr(`shipshape: expected "check [DIR]", got "${positionals.join(' ')}".\n\n${usage}`);
    return 2;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    io.stderr(`shipshape: --format must be text, json or sarif, not "${format}".\n`);
    return 2;
  }
  const root = path.resolve(folder ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    io.stderr(`shipshape: ${root} is not a folder.\n`);
    return 2;
  }
  const started = performance.now();
  const config = readConfig(root, io);
  if (!config) return 2;
  const onCheckError = (check: string, error: unknown) =>
    io.stderr(`shipshape: the ${check} check failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  let analysis = analyzeWorkspace(root, { config, onCheckError });
  if (values.fix) {
    const result = applyFixes(analysis.problems, (file) => analysis.workspace.source(file)?.text);
    for (const [file, text] of result.texts) fs.writeFileSync(path.join(root, file), text);
    for (const { problem, fix } of result.applied) {
      const { line } = problem.location.range.start;
      io.stderr(`fixed ${problem.location.file}:${line + 1} ${fix.title} (${problem.code})\n`);
    }
    const fixes = countOf(result.applied.length, 'fix', 'fixes');
    io.stderr(`${fixes} applied in ${countOf(result.texts.size, 'file')}.\n`);
    analysis = analyzeWorkspace(root, { config, onCheckError });
  }
  const problems = analysis.problems;
  const elapsed = performance.now() - started;
  const found = Object.values(analysis.workspace.discovered.byKind).reduce((sum, list) => sum + list.length, 0);
  if (found === 0) io.stderr(`shipshape: no env, compose, nginx or Django settings files found under ${root}.\n`);
  if (format === 'json') io.stdout(formatJson(problems));
  else if (format === 'sarif') io.stdout(formatSarif(problems, allRules(), packageVersion()));
  else io.stdout(formatText(problems, elapsed, io.isTty && !values['no-color']));
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

/** Entry point of the `shipshape` binary; internal failures exit with 2. */
export function main(args: string[]): void {
  try {
    process.exitCode = runCli(args);
  } catch (error) {
    process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  }
}
