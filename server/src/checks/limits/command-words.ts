import type { Location } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import type { CommandArgument, Deployment, ServiceModel } from '../../model/deployment.js';
import { splitShellWords } from '../../parsers/compose/shell-split.js';

/** One word of a command line with where it is written. */
export interface Word {
  value: string;
  location: Location;
}

const shells = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh)$/;

/**
 * Splits a service's `entrypoint` and `command` into simple commands. A shell script passed with
 * `sh -c` is split at `&&`, `||`, `;`, `|` and line breaks, and each part into words, so
 * `sh -c "python manage.py migrate && gunicorn app.wsgi"` gives two commands. Words read from
 * a script are located by searching the script's source text, or at the whole script when the
 * text does not contain them as written (escapes, folded YAML).
 */
export function commandLines(service: ServiceModel, deployment: Deployment): Word[][] {
  const args = service.command;
  const lines: Word[][] = [];
  let current: Word[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    if (shells.test(arg.value) && next !== undefined && /^-[a-z]*c[a-z]*$/.test(next.value)) {
      const script = args[index + 2];
      if (current.length > 0) lines.push(current);
      current = [];
      if (script) lines.push(...scriptLines(script, sourceOf(deployment, script.file)));
      index += 2;
      continue;
    }
    current.push({ value: arg.value, location: { file: arg.file, range: arg.range } });
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

function sourceOf(deployment: Deployment, file: string): SourceFile | undefined {
  return deployment.composeFiles.find((compose) => compose.source.path === file)?.source;
}

/** Splits a shell script into simple commands, locating each word in the script's source. */
function scriptLines(script: CommandArgument, source: SourceFile | undefined): Word[][] {
  const whole: Location = { file: script.file, range: script.range };
  const raw = source
    ? source.text.slice(source.offsetAt(script.range.start), source.offsetAt(script.range.end))
    : '';
  const rawStart = source ? source.offsetAt(script.range.start) : 0;
  let cursor = 0;
  const locate = (text: string): Location => {
    if (!source || text === '') return whole;
    const found = raw.indexOf(text, cursor);
    if (found < 0) return whole;
    cursor = found + text.length;
    return { file: script.file, range: source.rangeAt(rawStart + found, rawStart + cursor) };
  };
  const lines: Word[][] = [];
  for (const part of splitScript(script.value)) {
    const split = splitShellWords(part);
    const words = split.args.map((word) => ({
      value: word.value,
      location: locate(part.slice(word.start, word.end)),
    }));
    if (words.length > 0) lines.push(words);
  }
  return lines;
}

/** Splits a script at unquoted `&&`, `||`, `;`, `|`, `&` and line breaks. */
export function splitScript(script: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let index = 0; index < script.length; index++) {
    const char = script[index]!;
    if (quote !== '') {
      if (char === quote) quote = '';
      else if (char === '\\' && quote === '"') index++;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '\\') index++;
    else if (char === ';' || char === '\n' || char === '&' || char === '|') {
      parts.push(script.slice(start, index));
      while (script[index + 1] === '&' || script[index + 1] === '|') index++;
      start = index + 1;
    }
  }
  parts.push(script.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Finds `program` in one of the command lines and returns its words from the program name on.
 * It matches the name as a path's last part (`/usr/local/bin/gunicorn`) and after `python -m`,
 * so launchers such as `exec`, `poetry run` or a `wait-for-it.sh db:5432 --` prefix are skipped.
 */
export function findProgram(lines: Word[][], programs: readonly string[]): Word[] | undefined {
  for (const line of lines) {
    for (let index = 0; index < line.length; index++) {
      const word = line[index]!.value;
      const name = word.split('/').pop() ?? word;
      if (programs.includes(name)) return line.slice(index);
      if (/^python[0-9.]*$/.test(name) && line[index + 1]?.value === '-m') {
        const module = line[index + 2]?.value;
        if (module !== undefined && programs.includes(module)) return line.slice(index + 2);
      }
    }
  }
  return undefined;
}
