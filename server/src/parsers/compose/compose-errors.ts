import type { ParseError, Severity } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import { countOf } from '../../core/count-words.js';

/** YAML that does not parse, including duplicate keys, which compose's YAML reader rejects. */
export const YAML_SYNTAX_CODE = 'compose-yaml-syntax';
/** A value of a type or form compose rejects when it loads the file. */
export const INVALID_VALUE_CODE = 'compose-invalid-value';
/** A `${` that starts no valid reference; compose rejects the whole project. */
export const INVALID_INTERPOLATION_CODE = 'compose-invalid-interpolation';
/** A mapping key with `$NAME` or `${...}`: compose interpolates values only, never keys. */
export const KEY_NOT_INTERPOLATED_CODE = 'compose-key-not-interpolated';
/** A command string with an unquoted `;`, `&`, `|`, `<` or `>`, where compose stops reading it. */
export const COMMAND_TRUNCATED_CODE = 'compose-command-truncated';

export function parseError(
  code: string,
  message: string,
  range: Range,
  severity: Severity = 'error',
): ParseError {
  return { code, message, range, severity };
}

/** Name of a YAML value's type for messages: `a string`, `a mapping`. */
export type ValueKind = 'a string' | 'a number' | 'a boolean' | 'null' | 'a mapping' | 'a list';

export function wrongTypeMessage(path: string, expected: string, actual: ValueKind): string {
  return `${path} must be ${expected}, not ${actual}; compose rejects this file.`;
}

/** Describes a value of the right type that compose still rejects. */
export function wrongValueMessage(path: string, value: string, expected: string): string {
  return `${path} must be ${expected}, but it is "${value}"; compose rejects this file.`;
}

export function invalidInterpolationMessage(path: string, template: string): string {
  return (
    `Invalid interpolation "${template}" in ${path}: compose rejects the whole project. A ` +
    'reference is $NAME or ${NAME}, optionally with :-, -, :?, ?, :+ or + and a word ' +
    '(${NAME:-default}). Write $$ for a literal dollar sign.'
  );
}

export function keyNotInterpolatedMessage(path: string, key: string): string {
  return (
    `Compose does not interpolate mapping keys, so the key "${key}" in ${path} is used as typed. ` +
    'Use the list form ("- KEY=value") where the key needs a variable.'
  );
}

export function commandTruncatedMessage(path: string, operator: string): string {
  return (
    `Compose splits ${path} into words and stops at the unquoted "${operator}": everything from ` +
    'there on is dropped, not run. Use a list such as ["sh", "-c", "..."] to run a shell.'
  );
}

export function duplicateKeyMessage(key: string): string {
  const quotedKey = /^["']/.test(key) ? key : `"${key}"`;
  return `Duplicate key ${quotedKey} in one mapping; compose's YAML reader rejects the file.`;
}

export function moreErrorsMessage(count: number): string {
  const verb = count === 1 ? 'follows' : 'follow';
  return `${countOf(count, 'more YAML error')} ${verb}; fix the ones above first.`;
}

export function serviceNameMessage(name: string): string {
  return (
    `The service name "${name}" may only contain letters, digits, ".", "_" and "-"; ` +
    'compose rejects this file.'
  );
}

export function keySpaceMessage(path: string, key: string): string {
  const name = key.trimEnd();
  return `The variable "${name}" in ${path} has a space before "=", which compose rejects.`;
}

export function missingFieldMessage(path: string, field: string, hint = ''): string {
  return `${path} needs a "${field}"${hint}; compose rejects this file.`;
}

export function invalidCommandMessage(path: string, problem: string): string {
  return `${path} has ${problem}; compose cannot split it into arguments and rejects this file.`;
}
