import { isScalar, isSeq, type Scalar as YamlScalar } from 'yaml';
import type { ComposeCommand, Scalar } from './compose-model.js';
import {
  COMMAND_TRUNCATED_CODE,
  commandTruncatedMessage,
  invalidCommandMessage,
  wrongTypeMessage,
} from './compose-errors.js';
import { isNull, kindOf } from './read-values.js';
import { goString } from './scalar-values.js';
import { scanTemplate } from './scan-template.js';
import { splitShellWords } from './shell-split.js';
import type { YamlReader } from './yaml-reader.js';

/**
 * Reads `command` or `entrypoint`: null (the image's default), a string that compose splits
 * into words, or a list of strings used as they are.
 */
export function readCommand(
  reader: YamlReader,
  value: unknown,
  path: string,
): ComposeCommand | undefined {
  const node = reader.resolve(value);
  if (isNull(node)) return undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    return { form: 'string', args: splitCommand(reader, node, path), range: reader.range(node) };
  }
  if (isSeq(node)) {
    const args: Scalar<string>[] = [];
    reader.items(node).forEach((item, index) => {
      if (isScalar(item) && typeof item.value === 'string') {
        args.push({ value: item.value, range: reader.range(item) });
        return;
      }
      reader.invalid(item ?? node, wrongTypeMessage(`${path}[${index}]`, 'a string', kindOf(item)));
      if (isScalar(item) && !isNull(item))
        args.push({ value: goString(item.value) ?? '', range: reader.range(item) });
    });
    return { form: 'list', args, range: reader.range(node) };
  }
  reader.invalid(node!, wrongTypeMessage(path, 'a string or a list of strings', kindOf(node)));
  return undefined;
}

/**
 * Splits a command string into arguments with exact ranges, reporting what makes compose
 * reject it or drop part of it. `${...}` references stay whole inside one argument.
 */
export function splitCommand(reader: YamlReader, node: YamlScalar, path: string): Scalar<string>[] {
  const text = reader.text(node).value;
  const verbatim = scanTemplate(text, 0, text.length)
    .filter((token) => token.kind === 'reference' && token.braced)
    .map((token) => [token.start, token.end] as const);
  const split = splitShellWords(text, { verbatim });
  if (split.error) {
    const { offset, message } = split.error;
    reader.invalid(
      reader.textRange(node, offset, offset + 1),
      invalidCommandMessage(path, message),
    );
  }
  if (split.stop) {
    const range = reader.textRange(node, split.stop.offset, text.length);
    reader.report(
      COMMAND_TRUNCATED_CODE,
      range,
      commandTruncatedMessage(path, split.stop.operator),
      'warning',
    );
  }
  return split.args.map((arg) => ({
    value: arg.value,
    range: reader.textRange(node, arg.start, arg.end),
  }));
}
