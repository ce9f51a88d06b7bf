import type { TextEdit } from '../../core/problem.js';
import { comparePositions, type Location, type Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Deployment } from '../../model/deployment.js';
import type { EnvEntry, EnvFile } from '../../parsers/env/env-model.js';
import type { PythonModule } from '../../parsers/python/python-ast.js';
import type { EnvRead } from '../../parsers/python/settings-model.js';

export function replaceEdit(location: Location, newText: string): TextEdit {
  return { file: location.file, range: location.range, newText };
}

export function insertEdit(file: string, at: Range['start'], newText: string): TextEdit {
  return { file, range: { start: at, end: at }, newText };
}

/** Text of a range of a source file. */
export function textAt(source: SourceFile, range: Range): string {
  return source.text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

/** Leading whitespace of a line. */
export function indentationOf(source: SourceFile, line: number): string {
  return /^[ \t]*/.exec(source.lineText(line))![0];
}

/** Inserts `text` as a new line after `line`, with the same indentation. */
export function insertLineAfter(source: SourceFile, line: number, text: string): TextEdit {
  const end = source.positionAt(source.lineEnd(line));
  return insertEdit(source.path, end, `\n${indentationOf(source, line)}${text}`);
}

/** Inserts `text` as a new line before `line`, with that line's indentation. */
export function insertLineBefore(source: SourceFile, line: number, text: string): TextEdit {
  return insertEdit(source.path, { line, character: 0 }, `${indentationOf(source, line)}${text}\n`);
}

/**
 * Replaces a Python literal with `value`: a string literal keeps its quote character, anything
 * else becomes the Python source `value` as given.
 */
export function replacePythonLiteral(source: SourceFile, range: Range, value: string, asString: boolean): TextEdit {
  const written = textAt(source, range);
  const quote = /^[rbuRBU]*(['"])/.exec(written)?.[1];
  const newText = asString ? `${quote ?? '"'}${value}${quote ?? '"'}` : value;
  return { file: source.path, range, newText };
}

/**
 * Removes a read's default argument with the comma before it (`os.environ.get("X", "d")` to
 * `os.environ.get("X")`, `config("X", default=True)` to `config("X")`), so an unset variable
 * no longer falls back to it. Returns undefined when the text around the default is not the
 * plain `, default` or `, default=value` form.
 */
export function removeDefaultEdit(source: SourceFile, read: EnvRead): TextEdit | undefined {
  if (!read.defaultRange) return undefined;
  const text = source.text;
  let start = source.offsetAt(read.defaultRange.start);
  const end = source.offsetAt(read.defaultRange.end);
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] === '=') {
    i--;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    const nameEnd = i + 1;
    while (i >= 0 && /\w/.test(text[i]!)) i--;
    if (text.slice(i + 1, nameEnd) !== 'default') return undefined;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
  }
  if (text[i] !== ',') return undefined;
  start = i;
  return { file: source.path, range: source.rangeAt(start, end), newText: '' };
}

/** True when the module imports `os` at the top level (`import os`). */
export function importsOs(module: PythonModule): boolean {
  return module.body.some(
    (statement) =>
      statement.kind === 'import' && statement.names.some((name) => name.name === 'os' && !name.asname),
  );
}

/**
 * Returns an edit adding `import os` after the module's last top-level import, or at the top
 * (after a docstring) when there is none. Returns no edit when `os` is already imported.
 */
export function importOsEdit(module: PythonModule): TextEdit[] {
  if (importsOs(module)) return [];
  const imports = module.body.filter((statement) => statement.kind === 'import' || statement.kind === 'from');
  const last = imports[imports.length - 1];
  if (last) {
    const line = last.range.end.line;
    return [insertEdit(module.source.path, module.source.positionAt(module.source.lineEnd(line)), '\nimport os')];
  }
  const first = module.body[0];
  const docstring = first?.kind === 'expr' && first.value.kind === 'str' ? first : undefined;
  if (docstring) {
    const line = docstring.range.end.line;
    return [insertEdit(module.source.path, module.source.positionAt(module.source.lineEnd(line)), '\nimport os')];
  }
  return [insertEdit(module.source.path, { line: 0, character: 0 }, 'import os\n')];
}

/** Finds the env file entry whose key is at `location`, with its file. */
export function findEnvEntry(
  deployment: Deployment,
  location: Location,
): { file: EnvFile; entry: EnvEntry } | undefined {
  const file = deployment.envFiles.find((candidate) => candidate.source.path === location.file);
  if (!file) return undefined;
  const entry = file.entries.find(
    (candidate) =>
      candidate.keyRange.start.line === location.range.start.line &&
      candidate.keyRange.start.character === location.range.start.character,
  );
  return entry ? { file, entry } : undefined;
}

/**
 * Replaces an env entry's value, keeping its quotes. Where docker compose reads more of the line
 * than dotenv (`KEY=abc#def`, whose `#def` dotenv drops as a comment), the whole text compose
 * reads is replaced, so no part of the old value stays behind.
 */
export function replaceEnvValue(file: EnvFile, entry: EnvEntry, value: string): TextEdit {
  const quotes: Record<EnvEntry['quote'], string> = { double: '"', single: "'", backtick: '`', none: '' };
  const quote = quotes[entry.quote];
  const range = widerRange(entry.valueRange, entry.composeValueRange);
  return { file: file.source.path, range, newText: `${quote}${value}${quote}` };
}

/** Returns the range that ends later; both start at the value. */
function widerRange(dotenv: Range, compose: Range | undefined): Range {
  if (!compose || comparePositions(compose.start, dotenv.start) !== 0) return dotenv;
  return comparePositions(compose.end, dotenv.end) > 0 ? compose : dotenv;
}
