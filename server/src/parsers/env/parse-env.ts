import type { ParseError } from '../../core/problem.js';
import type { SourceFile } from '../../core/source-file.js';
import { ComposeCursor } from './compose-cursor.js';
import { compareWithCompose } from './compose-notes.js';
import { ComposeReader } from './compose-scanner.js';
import { scanDotenv, type DotenvMatch } from './dotenv-scanner.js';
import { EnvErrorCollector } from './env-errors.js';
import { BINARY_FILE_CODE, binaryFileMessage } from './env-messages.js';
import type { EnvEntry, EnvFile } from './env-model.js';
import { NormalizedText, PositionWalker } from './line-endings.js';

/**
 * Parses an env file. Entries and their values follow npm dotenv's `parse()` (version 18.0.10)
 * exactly, including its quirks. Each entry also carries `composeValue` and `composeNote` when
 * Docker Compose v2 reads the same line differently. `composeValue` interpolates `$NAME` from
 * earlier lines of the file only, as if the shell set none of them. A `composeNote` without a
 * `composeValue` means Compose rejects the file at that entry or does not set the key there.
 *
 * Errors (`env-invalid-line`) cover lines dotenv ignores, unclosed quotes, assignments split
 * over lines and the first line Compose rejects. A file with a NUL byte is reported once as
 * `env-binary-file`, with no entries. The parser does not throw, and its time grows linearly
 * with the file size (the unit tests check this up to 20 MB).
 *
 * NOTE: memory is about 500 bytes per entry, so a 20 MB file of four-byte lines (5 million
 * entries) needs a heap of about 2.7 GB, measured with Node 20.
 */
export function parseEnv(source: SourceFile): EnvFile {
  const text = source.text;
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = source.positionAt(nul).line;
    const range = source.rangeAt(nul, nul + 1);
    const message = binaryFileMessage(line);
    const error: ParseError = { code: BINARY_FILE_CODE, severity: 'error', message, range };
    return { source, entries: [], errors: [error] };
  }

  const normalized = NormalizedText.from(text);
  const cursor = new ComposeCursor(new ComposeReader(text));
  const collector = new EnvErrorCollector(source, normalized, cursor);
  const positions = new PositionWalker(source);
  const entries: EnvEntry[] = [];
  scanDotenv(normalized.text, {
    match(match) {
      entries.push(buildEntry(source.text, normalized, positions, match, cursor));
      collector.match(match);
    },
    ignoredLine(offset) {
      collector.ignoredLine(offset);
    },
  });
  return { source, entries, errors: collector.finish() };
}

function buildEntry(
  text: string,
  normalized: NormalizedText,
  positions: PositionWalker,
  match: DotenvMatch,
  cursor: ComposeCursor,
): EnvEntry {
  // Offsets and positions are requested in file order, which `PositionWalker` needs to be fast.
  const exported = match.exportStart !== -1;
  const exportStart = exported
    ? positions.positionAt(normalized.originalOffset(match.exportStart))
    : undefined;
  const keyStart = normalized.originalOffset(match.keyStart);
  const keyStartPosition = positions.positionAt(keyStart);
  const keyEndPosition = positions.positionAt(normalized.originalOffset(match.keyEnd));
  const valueStart = normalized.originalOffset(match.valueStart);
  const valueStartPosition = positions.positionAt(valueStart);
  const valueEnd = normalized.originalOffset(match.valueEnd);
  const valueEndPosition = positions.positionAt(valueEnd);
  // The ranges share Position objects, which saves memory on files of millions of lines.
  const entry: EnvEntry = {
    key: normalized.text.slice(match.keyStart, match.keyEnd),
    keyRange: { start: keyStartPosition, end: keyEndPosition },
    value: match.value,
    valueRange: { start: valueStartPosition, end: valueEndPosition },
    quote: match.quote,
    exported,
    range: { start: exportStart ?? keyStartPosition, end: valueEndPosition },
  };
  const { value, quote, form } = match;
  const reading = { key: entry.key, value, quote, form, valueStart, valueEnd };
  const statement = cursor.statementAt(keyStart);
  const compose = compareWithCompose(text, reading, statement);
  if (compose.composeValue !== undefined && statement) {
    entry.composeValue = compose.composeValue;
    const start = positions.positionAt(statement.valueStart);
    entry.composeValueRange = { start, end: positions.positionAt(statement.valueEnd) };
  }
  if (compose.composeNote !== undefined) entry.composeNote = compose.composeNote;
  return entry;
}

/** Maps each key to the entry that wins: the last one, as in every common parser. */
export function lastValues(file: EnvFile): Map<string, EnvEntry> {
  const values = new Map<string, EnvEntry>();
  for (const entry of file.entries) values.set(entry.key, entry);
  return values;
}

/** Lists each entry whose key was assigned earlier, paired with the first assignment. */
export function findDuplicates(file: EnvFile): { first: EnvEntry; duplicate: EnvEntry }[] {
  const firsts = new Map<string, EnvEntry>();
  const duplicates: { first: EnvEntry; duplicate: EnvEntry }[] = [];
  for (const entry of file.entries) {
    const first = firsts.get(entry.key);
    if (first === undefined) firsts.set(entry.key, entry);
    else duplicates.push({ first, duplicate: entry });
  }
  return duplicates;
}
