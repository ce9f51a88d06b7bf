import type { Location } from '../../core/range.js';
import type { Word } from './command-words.js';

/** One option a program accepts: its spellings (`-w`, `--workers`) and whether it takes a value. */
export interface OptionSpec {
  names: string[];
  key: string;
  takesValue: boolean;
}

/** An option read from a command line; `location` is the word that contains the value. */
export interface ParsedOption {
  key: string;
  value: string;
  location: Location;
}

export interface ParsedLine {
  /** The program word the line starts with. */
  program: Word;
  options: ParsedOption[];
  positionals: Word[];
}

/** Builds option specs from a compact table: `['-w', '--workers']` with the key and arity. */
export function spec(key: string, takesValue: boolean, ...names: string[]): OptionSpec {
  return { key, takesValue, names };
}

/**
 * Reads options the way argparse and click do: `--name value`, `--name=value`, `-wVALUE` and
 * `-w VALUE`, with `--` ending the options. An unknown `--name=value` is kept under `name`; an
 * unknown option without `=` is taken as a flag, so it never swallows the next word.
 */
export function parseOptions(words: Word[], specs: OptionSpec[]): ParsedLine {
  const byName = new Map<string, OptionSpec>();
  for (const option of specs) for (const name of option.names) byName.set(name, option);
  const options: ParsedOption[] = [];
  const positionals: Word[] = [];
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const text = word.value;
    if (text === '--') {
      positionals.push(...words.slice(index + 1));
      break;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = equals < 0 ? text : text.slice(0, equals);
      const option = byName.get(name);
      const key = option?.key ?? name.slice(2);
      if (equals >= 0) {
        options.push({ key, value: text.slice(equals + 1), location: word.location });
      } else if (option?.takesValue && index + 1 < words.length) {
        const value = words[++index]!;
        options.push({ key, value: value.value, location: value.location });
      } else {
        options.push({ key, value: 'true', location: word.location });
      }
      continue;
    }
    if (text.length > 1 && text.startsWith('-') && !/^-\d/.test(text)) {
      const option = byName.get(text.slice(0, 2));
      if (!option) continue;
      if (!option.takesValue) {
        options.push({ key: option.key, value: 'true', location: word.location });
      } else if (text.length > 2) {
        const value = text.slice(2).replace(/^=/, '');
        options.push({ key: option.key, value, location: word.location });
      } else if (index + 1 < words.length) {
        const value = words[++index]!;
        options.push({ key: option.key, value: value.value, location: value.location });
      }
      continue;
    }
    positionals.push(word);
  }
  return { program: words[0]!, options, positionals };
}

/** Returns the last value given for `key`, since later options override earlier ones. */
export function lastOption(line: ParsedLine, key: string): ParsedOption | undefined {
  for (let index = line.options.length - 1; index >= 0; index--) {
    if (line.options[index]!.key === key) return line.options[index];
  }
  return undefined;
}

export function allOptions(line: ParsedLine, key: string): ParsedOption[] {
  return line.options.filter((option) => option.key === key);
}

/** Parses a whole non-negative integer, or undefined for anything else (`4.5`, `auto`, `$N`). */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}
