import type { Fix } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import type { EnvEntry, EnvFile } from '../../parsers/env/env-model.js';
import type { EnvRead } from '../../parsers/python/settings-model.js';
import { isSecretName } from '../security/secret-values.js';

/** Env values written bare; anything else is single-quoted, which compose and dotenv read literally. */
const bareValue = /^[A-Za-z0-9_.,:/@+=-]*$/;

/**
 * Fix that declares a variable the settings read in the env file the Django service reads (the
 * template standing in for a missing `.env` when there is one), with the read's default as its
 * value. Some defaults cannot be written so that the read turns them back into the same value:
 * a secret, a computed default, or `False` under `bool()`, which is True for "False". Then the
 * fix writes an empty placeholder, but only into a template and only for a read without a cast,
 * because in a real env file, or under `int()`, an empty value would change what Django gets or
 * stop it. Not safe: the value is the user's choice.
 */
export function declareVariableFix(deployment: Deployment, read: EnvRead): Fix[] {
  const file = envFileOfDjango(deployment);
  if (!file) return [];
  const value = envDefault(read);
  const cast = read.cast ?? 'str';
  if (value === '' && (cast !== 'str' || !isTemplateEnvFile(file.source.path))) return [];
  const text = file.source.text;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  const end = file.source.positionAt(text.length);
  const declaration = value === '' ? read.name : `${read.name}=${value}`;
  return [
    {
      title: `Add ${declaration} to ${file.source.path}`,
      edits: [{ file: file.source.path, range: { start: end, end }, newText: `${separator}${read.name}=${value}\n` }],
      safe: false,
    },
  ];
}

/**
 * Fix that deletes an env file line that nothing reads, with the lines of a multi-line value.
 * Not safe: a program Shipshape does not read (a cron job, a script in another repository) may
 * still use it.
 */
export function removeDeclarationFix(file: EnvFile, entry: EnvEntry): Fix[] {
  const source = file.source;
  const start = { line: entry.range.start.line, character: 0 };
  const nextLine = entry.range.end.line + 1;
  const end = nextLine < source.lineCount ? { line: nextLine, character: 0 } : source.positionAt(source.text.length);
  return [{ title: `Remove ${entry.key} from ${source.path}`, edits: [{ file: source.path, range: { start, end }, newText: '' }], safe: false }];
}

/**
 * Env file whose values reach the Django app: the first `env_file` of the service that runs it,
 * or, without compose, the template among the env files read alone (else the first of them).
 */
function envFileOfDjango(deployment: Deployment): EnvFile | undefined {
  const primary = deployment.django?.services[0];
  if (primary) {
    const link = primary.envFiles.find((candidate) => candidate.standIn ?? candidate.file);
    return link?.standIn ?? link?.file;
  }
  if (deployment.services.length > 0) return undefined;
  const files = deployment.envFiles;
  return files.find((file) => isTemplateEnvFile(file.source.path)) ?? files[0];
}

/** Env text that the read turns back into its own default, or an empty string. */
function envDefault(read: EnvRead): string {
  const value = read.default;
  if (!read.hasDefault || !value || isSecretName(read.name)) return '';
  const cast = read.cast ?? 'str';
  let text: string | undefined;
  // A string default goes through the same cast as the environment's string, so writing it
  // gives the same value whatever the cast.
  if (value.type === 'str') text = value.value;
  else if (value.type === 'int' && (cast === 'int' || cast === 'float')) text = String(value.value);
  else if (value.type === 'float' && cast === 'float') text = String(value.value);
  else if (value.type === 'bool' && cast === 'bool') text = value.value ? 'True' : 'False';
  if (text === undefined) return '';
  if (bareValue.test(text)) return text;
  return /['\n\r]/.test(text) ? '' : `'${text}'`;
}
