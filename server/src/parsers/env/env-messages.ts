import type { ComposeError } from './compose-scanner.js';
import { isComposeKeyChar, isDotenvKey, isDotenvKeyChar, isJsSpace } from './char-classes.js';

// Messages of the env-file parse errors. They never quote the text of the line, because a
// line that is not an assignment may be a pasted secret. At most they name one character.

export const BINARY_FILE_CODE = 'env-binary-file';
export const INVALID_LINE_CODE = 'env-invalid-line';

export function binaryFileMessage(line: number): string {
  return (
    `This file contains a NUL byte on line ${line + 1}, so it is binary data, not an env file, ` +
    'and neither dotenv nor Docker Compose can read it. Check that the path names the right file.'
  );
}

/** Explains why dotenv ignores `line`, a line of the file from its first non-blank character. */
export function ignoredLineMessage(line: string): string {
  const exported = /^export\s/.test(line);
  const body = exported ? line.slice(6).trimStart() : line;
  const equals = body.indexOf('=');
  const colon = body.indexOf(':');
  let separator = equals;
  if (separator === -1 || (colon !== -1 && colon < separator)) separator = colon;

  if (separator === -1) {
    if (!isBareName(body)) return notAnAssignment();
    const start = exported ? 'This "export" line has' : 'This line has a variable name but';
    return (
      `${start} no "=", so dotenv ignores it and Docker Compose copies the variable from ` +
      'the shell environment. Add "=" and the value after the name, or only "=" for an empty value.'
    );
  }

  const name = body.slice(0, separator);
  if (separator === colon && isDotenvKey(name.trimEnd())) {
    return (
      'dotenv reads "NAME: value" only with a blank right after the colon, so it ignores this ' +
      'line, while Docker Compose reads it. Write "=" in place of the colon, as in NAME=value.'
    );
  }
  const trimmed = name.trim();
  if (trimmed === '') {
    return (
      'This line has no variable name before "=", so dotenv ignores it. ' +
      'Put the name before "=".'
    );
  }
  const composeClause = rejectedByCompose(trimmed)
    ? 'and Docker Compose rejects the file'
    : 'while Docker Compose reads it';
  if (/^['"`]/.test(trimmed)) {
    return (
      `The variable name is in quotes, so dotenv ignores the line ${composeClause}. ` +
      'Remove the quotes around the name.'
    );
  }
  for (const character of trimmed) {
    const code = character.codePointAt(0)!;
    if (isDotenvKeyChar(code)) continue;
    if (isJsSpace(code)) {
      return (
        `The variable name contains a blank, so dotenv ignores the line ${composeClause}. ` +
        'Use "_" in place of the blank.'
      );
    }
    return (
      `The variable name contains "${character}", which dotenv does not accept, so it ignores ` +
      `the line ${composeClause}. Use only ASCII letters, digits, "_", "." and "-" in names.`
    );
  }
  return notAnAssignment();
}

function notAnAssignment(): string {
  return (
    'This line is not a variable assignment, so dotenv ignores it and Docker Compose rejects ' +
    'the file. Write NAME=value, or start the line with "#" to make it a comment.'
  );
}

function isBareName(text: string): boolean {
  if (text.length === 0) return false;
  for (const character of text) {
    if (!isComposeKeyChar(character.codePointAt(0)!)) return false;
  }
  return true;
}

function rejectedByCompose(name: string): boolean {
  if (name.includes(' ')) return true;
  for (const character of name) {
    const code = character.codePointAt(0)!;
    if (!isComposeKeyChar(code) && !isJsSpace(code)) return true;
  }
  return false;
}

export function unclosedQuoteMessage(quote: 'single' | 'double'): string {
  return (
    `The value starts with a ${quote} quote that is not closed on this line. dotenv keeps the ` +
    'quote as part of the value, and Docker Compose reads on to the next matching quote or ' +
    'rejects the file. Close the quote at the end of the value, or remove it.'
  );
}

export function splitAssignmentMessage(): string {
  return (
    'This assignment continues onto the next line: dotenv joins the lines, but Docker Compose ' +
    'reads each line on its own. Write the name, "=" and the value on one line.'
  );
}

/** Position of a Compose-only error relative to the lines dotenv reads. */
export type ComposeErrorContext = 'after-closing-quote' | 'inside-multiline-value' | 'own-line';

export function composeRejectionMessage(
  error: ComposeError,
  context: ComposeErrorContext,
  backslashBeforeQuote: boolean,
): string {
  switch (error.kind) {
    case 'unexpected-character':
    case 'key-space': {
      const what = error.kind === 'key-space' ? 'a space' : `"${error.detail}"`;
      if (context === 'after-closing-quote') {
        return (
          'Docker Compose ends the quoted value at the first closing quote and reads the rest of ' +
          `the line as a new variable name, which contains ${what}, so it rejects the file. ` +
          'Use double quotes around a value that contains single quotes, or the reverse.'
        );
      }
      if (context === 'inside-multiline-value') {
        return (
          'Docker Compose reads this line as a new variable and rejects the file, because a ' +
          `name cannot contain ${what}. dotenv reads the line as part of the quoted value ` +
          'above. Use double quotes for a value that spans lines.'
        );
      }
      return `Docker Compose rejects the file because the variable name contains ${what}.`;
    }
    case 'unterminated-quote':
      if (backslashBeforeQuote) {
        return (
          'Docker Compose reads the backslash before the closing quote as an escape, so it finds ' +
          'no closing quote and rejects the file, while dotenv ends the value at that quote. ' +
          'Remove the backslash before the closing quote.'
        );
      }
      return 'Docker Compose finds no closing quote for this value and rejects the file.';
    case 'invalid-interpolation':
      return (
        'Docker Compose rejects the file because "${" in this value does not start a valid ' +
        'reference such as ${NAME} or ${NAME:-default}. Put the value in single quotes so that ' +
        'Compose keeps it as written.'
      );
    case 'missing-key':
      return (
        'Docker Compose rejects the file because "export" at its end has no variable name ' +
        'after it. Remove it or add the assignment.'
      );
    case 'required-variable':
      return (
        `Docker Compose rejects the file unless ${error.detail} is set in the shell or earlier ` +
        'in this file.'
      );
  }
}

export function tooManyErrorsMessage(limit: number): string {
  return (
    `This file has more than ${limit} invalid lines, so the ones from here on are not ` +
    'reported. Check that it is an env file.'
  );
}
