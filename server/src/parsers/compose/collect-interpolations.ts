import { isMap, isPair, isScalar, isSeq, type Document, type Scalar as YamlScalar } from 'yaml';
import type { Interpolation } from './compose-model.js';
import {
  INVALID_INTERPOLATION_CODE,
  invalidInterpolationMessage,
  KEY_NOT_INTERPOLATED_CODE,
  keyNotInterpolatedMessage,
} from './compose-errors.js';
import { parseInterpolations, type InterpolationSpan } from './interpolation.js';
import { scanTemplate } from './scan-template.js';
import { goString } from './scalar-values.js';
import { isMergeKey, type YamlReader } from './yaml-reader.js';

/** Path of a node as a chain of links, so deep trees do not copy arrays. */
interface PathLink {
  parent: PathLink | undefined;
  segment: string | number;
}

/**
 * Finds the references in every string value of the documents, in text order, as compose
 * interpolates them: values only, never keys, and each written value once (an alias does not
 * repeat the references of its anchor). Reports invalid templates and keys that hold a
 * reference. Walks without recursion, so nesting depth cannot exhaust the stack.
 */
export function collectInterpolations(reader: YamlReader, documents: Document[]): Interpolation[] {
  const found: Interpolation[] = [];
  const stack: { node: unknown; path: PathLink | undefined }[] = [];
  for (let d = documents.length - 1; d >= 0; d--)
    stack.push({ node: documents[d]!.contents, path: undefined });
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.value.includes('$'))
        scanValue(reader, node, path, found);
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && isMergeKey(pair.key)) {
          stack.push({ node: pair.value, path });
          continue;
        }
        const key = isScalar(pair.key) ? (goString(pair.key.value) ?? '') : '?';
        if (isScalar(pair.key) && key.includes('$')) checkKey(reader, pair.key, key, path);
        stack.push({ node: pair.value, path: { parent: path, segment: key } });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push({ node: node.items[i], path: { parent: path, segment: i } });
      }
    }
  }
  return found;
}

/** Dotted path with list indexes in brackets: `services.web.command[2]`. */
export function formatPath(path: PathLink | undefined): string {
  const segments: (string | number)[] = [];
  for (let link = path; link; link = link.parent) segments.push(link.segment);
  let text = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

function scanValue(
  reader: YamlReader,
  node: YamlScalar,
  path: PathLink | undefined,
  found: Interpolation[],
): void {
  const text = reader.text(node).value;
  const { interpolations, errors } = parseInterpolations(text);
  if (interpolations.length === 0 && errors.length === 0) return;
  const pathText = formatPath(path);
  const convert = (span: InterpolationSpan): Interpolation => {
    const interpolation: Interpolation = {
      name: span.name,
      range: reader.textRange(node, span.start, span.end),
      nameRange: reader.textRange(node, span.nameStart, span.nameEnd),
      operator: span.operator,
      nested: span.nested.map(convert),
      braced: span.braced,
      path: pathText,
    };
    if (span.argument !== undefined) interpolation.argument = span.argument;
    return interpolation;
  };
  for (const span of interpolations) found.push(convert(span));
  for (const error of errors) {
    const range = reader.textRange(node, error.start, error.end);
    reader.report(
      INVALID_INTERPOLATION_CODE,
      range,
      invalidInterpolationMessage(pathText, error.template),
    );
  }
}

function checkKey(
  reader: YamlReader,
  keyNode: YamlScalar,
  key: string,
  path: PathLink | undefined,
): void {
  const references = scanTemplate(key, 0, key.length).filter((token) => token.kind === 'reference');
  if (references.length === 0) return;
  const where = formatPath(path) || 'the top level';
  reader.report(
    KEY_NOT_INTERPOLATED_CODE,
    keyNode,
    keyNotInterpolatedMessage(where, key),
    'warning',
  );
}
