import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { ParseError } from '../../core/problem.js';
import { comparePositions } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import { collectInterpolations } from './collect-interpolations.js';
import type { ComposeFile, Scalar } from './compose-model.js';
import {
  duplicateKeyMessage,
  INVALID_VALUE_CODE,
  missingFieldMessage,
  moreErrorsMessage,
  parseError,
  serviceNameMessage,
  wrongTypeMessage,
  YAML_SYNTAX_CODE,
} from './compose-errors.js';
import { rememberReader } from './find-node-range.js';
import { readService } from './read-service.js';
import { isNull, kindOf, readString, readStringList } from './read-values.js';
import { YamlReader } from './yaml-reader.js';

export { findNodeRange } from './find-node-range.js';

// Options for the `yaml` package. Integers come back as bigint so that int and float literals
// stay apart, as they do in compose-go's Go YAML reader. Duplicate keys are errors there too.
const YAML_OPTIONS = {
  merge: true,
  intAsBigInt: true,
  uniqueKeys: true,
  prettyErrors: false,
} as const;

// NOTE: a guessed cap: a file with more YAML errors than this is not YAML, and listing them all
// would only cost memory.
const MAX_YAML_ERRORS = 50;

/** Compose's rule for service names (`schema/compose-spec.json`). */
const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;

/**
 * Parses a compose file into its services, includes and interpolations, with exact ranges.
 * Never throws: YAML errors and values compose would reject come back as `errors`, and
 * whatever could be read is still returned.
 */
export function parseCompose(source: SourceFile): ComposeFile {
  const file: ComposeFile = {
    source,
    services: [],
    interpolations: [],
    includes: [],
    extensions: [],
    errors: [],
  };
  let documents: Document[];
  try {
    documents = [...parseAllDocuments(source.text, YAML_OPTIONS)];
  } catch (error) {
    file.errors.push(unexpectedError(source, 'could not be read as YAML', error));
    return file;
  }
  file.errors = yamlErrors(source, documents);

  const reader = new YamlReader(source, documents);
  rememberReader(file, reader, documents);
  if (documents[0]) file.document = documents[0];
  try {
    for (const document of documents) readTopLevel(reader, document, file);
    file.interpolations = collectInterpolations(reader, documents);
  } catch (error) {
    // A bug here must not stop the whole analysis, so keep what was read and report the failure.
    file.errors.push(unexpectedError(source, 'was only partly read', error));
  }
  file.errors = file.errors.concat(withoutRecoveryArtifacts(source, documents, reader.errors));
  file.errors.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return file;
}

/**
 * Drops the value errors at or after the first YAML syntax error. From there on the tree is the
 * YAML parser's guess at recovery (a key missing its colon joins the next line into one key), so
 * a "service name may only contain letters" there would blame the user for the parser's guess.
 * Duplicate keys leave the tree intact, so they do not count as such an error.
 */
function withoutRecoveryArtifacts(source: SourceFile, documents: Document[], valueErrors: ParseError[]): ParseError[] {
  const offsets = documents
    .flatMap((document) => document.errors)
    .filter((error) => error.code !== 'DUPLICATE_KEY')
    .map((error) => error.pos[0]);
  if (offsets.length === 0) return valueErrors;
  const first = source.positionAt(Math.min(...offsets));
  return valueErrors.filter((error) => comparePositions(error.range.start, first) < 0);
}

function unexpectedError(source: SourceFile, outcome: string, error: unknown): ParseError {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `The file ${outcome}: ${reason}`;
  return parseError(YAML_SYNTAX_CODE, message, source.rangeAt(0, 0));
}

function yamlErrors(source: SourceFile, documents: Document[]): ParseError[] {
  const all: YAMLError[] = documents.flatMap((document) => document.errors);
  const errors = all.slice(0, MAX_YAML_ERRORS).map((error) => {
    const [start, end] = error.pos;
    const key = error.code === 'DUPLICATE_KEY' ? keyAt(source.text, start) : undefined;
    if (key) {
      const range = source.rangeAt(start, start + key.length);
      return parseError(YAML_SYNTAX_CODE, duplicateKeyMessage(key), range);
    }
    const range = source.rangeAt(outsideLineBreak(source.text, start), outsideLineBreak(source.text, end));
    return parseError(YAML_SYNTAX_CODE, yamlErrorMessage(error), range);
  });
  if (all.length > MAX_YAML_ERRORS) {
    const last = all[MAX_YAML_ERRORS]!.pos;
    const message = moreErrorsMessage(all.length - MAX_YAML_ERRORS);
    const range = source.rangeAt(outsideLineBreak(source.text, last[0]), outsideLineBreak(source.text, last[1]));
    errors.push(parseError(YAML_SYNTAX_CODE, message, range));
  }
  return errors;
}

/**
 * Moves an offset that falls between the `\r` and `\n` of a CRLF back before the `\r`. The
 * `yaml` package may end an error after the `\r`, which is no position an editor can show.
 */
function outsideLineBreak(text: string, offset: number): number {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset - 1 : offset;
}

/** Text of the mapping key that starts at `offset`: quoted, or plain up to its `:`. */
function keyAt(text: string, offset: number): string | undefined {
  const match = /^("[^"\n]*"|'[^'\n]*'|[^\n]+?)(?=[ \t]*:(?:[ \t]|\r?\n|$))/.exec(
    text.slice(offset, offset + 1000),
  );
  return match?.[1];
}

function yamlErrorMessage(error: YAMLError): string {
  if (error.code === 'RESOURCE_EXHAUSTION') {
    return 'The YAML nests too deeply to be read here; the rest of this branch was skipped.';
  }
  const message = error.message.replace(/\.$/, '');
  return `Invalid YAML: ${message}. Compose cannot load this file.`;
}

function readTopLevel(reader: YamlReader, document: Document, file: ComposeFile): void {
  const root = reader.resolve(document.contents);
  if (isNull(root)) return;
  if (!isMap(root)) {
    reader.invalid(
      root!,
      `The top level of a compose file must be a mapping, not ${kindOf(root)}.`,
    );
    return;
  }
  for (const entry of reader.entries(root)) {
    if (entry.key.startsWith('x-')) file.extensions.push(entry.key);
    else if (entry.key === 'services') readServices(reader, entry.value, file);
    else if (entry.key === 'include')
      file.includes = file.includes.concat(readIncludes(reader, entry.value));
    else if (entry.key === 'name') {
      const name = readString(reader, entry.value, 'name');
      if (name) file.name = name;
    }
  }
}

function readServices(reader: YamlReader, value: unknown, file: ComposeFile): void {
  const node = reader.resolve(value);
  if (isNull(node)) return;
  if (!isMap(node)) {
    reader.invalid(
      node!,
      wrongTypeMessage('services', 'a mapping of service names to services', kindOf(node)),
    );
    return;
  }
  for (const entry of reader.entries(node)) {
    if (!SERVICE_NAME.test(entry.key)) {
      reader.report(INVALID_VALUE_CODE, entry.keyNode, serviceNameMessage(entry.key));
    }
    const service = readService(reader, entry.keyNode, entry.key, entry.value);
    if (service) file.services.push(service);
  }
}

/** Top-level `include`: paths, or mappings whose `path` is one path or a list. */
function readIncludes(reader: YamlReader, value: unknown): Scalar<string>[] {
  const node = reader.resolve(value);
  if (isNull(node)) return [];
  if (!isSeq(node)) {
    reader.invalid(node!, wrongTypeMessage('include', 'a list', kindOf(node)));
    return [];
  }
  const paths: Scalar<string>[] = [];
  reader.items(node).forEach((item, index) => {
    const path = `include[${index}]`;
    if (isScalar(item) && typeof item.value === 'string') {
      paths.push({ value: item.value, range: reader.range(item) });
    } else if (isMap(item)) {
      const pathValue = reader.get(item, 'path')?.value ?? null;
      const pathNode = reader.resolve(pathValue);
      if (isSeq(pathNode)) {
        for (const single of readStringList(reader, pathNode, `${path}.path`)) paths.push(single);
      } else if (!isNull(pathNode)) {
        const single = readString(reader, pathValue, `${path}.path`);
        if (single) paths.push(single);
      } else {
        reader.invalid(item, missingFieldMessage(path, 'path'));
      }
    } else {
      reader.invalid(item ?? node, wrongTypeMessage(path, 'a string or a mapping', kindOf(item)));
    }
  });
  return paths;
}
