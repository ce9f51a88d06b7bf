import type { Fix } from '../../core/problem.js';
import type { Deployment } from '../../model/deployment.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import type { DjangoFacts } from './django-facts.js';
import type { SettingCause } from './setting-causes.js';
import { findEnvEntry, replaceEnvValue, replacePythonLiteral, textAt } from './source-edits.js';

/**
 * Fix writing the first of `candidates` into the env line of an `env` cause that makes the
 * setting safe, confirmed by evaluating the settings again with that value. Returns no fix
 * when no candidate works under the read's idiom.
 */
export function envValueFix(
  deployment: Deployment,
  facts: DjangoFacts,
  cause: Extract<SettingCause, { kind: 'env' }>,
  setting: string,
  candidates: string[],
  isSafe: (value: PyValue | undefined) => boolean,
  title: (value: string) => string,
): Fix[] {
  const found = findEnvEntry(deployment, cause.location);
  if (!found) return [];
  for (const candidate of candidates) {
    const evaluation = facts.evaluateWith({ [cause.provided.read.name]: candidate });
    if (!evaluation || !isSafe(evaluation.settings.get(setting)?.value)) continue;
    return [{ title: title(candidate), edits: [replaceEnvValue(found.file, found.entry, candidate)], safe: false }];
  }
  return [];
}

/**
 * Fix replacing the default of a `default` cause with the first candidate that makes the
 * setting safe, confirmed by parsing and evaluating the edited module. A candidate is Python
 * source, or the bare text of a string when `asString` is set (the quotes are kept). The fix is
 * safe only when this deployment provides the variable, so that the default is not in effect.
 */
export function defaultValueFix(
  facts: DjangoFacts,
  cause: Extract<SettingCause, { kind: 'default' }>,
  candidates: DefaultCandidate[],
  setting: string,
  isSafe: (value: PyValue | undefined) => boolean,
  title: (candidate: string) => string,
): Fix[] {
  const range = cause.read.defaultRange;
  const source = facts.app.modules.get(cause.read.file)?.source;
  if (!range || !source) return [];
  for (const candidate of candidates) {
    const edit = replacePythonLiteral(source, range, candidate.text, candidate.asString);
    if (edit.newText === textAt(source, range)) continue;
    const evaluation = facts.evaluateEdited(edit, {});
    if (!evaluation || !isSafe(evaluation.settings.get(setting)?.value)) continue;
    return [{ title: title(edit.newText), edits: [edit], safe: !cause.inEffect }];
  }
  return [];
}

export interface DefaultCandidate {
  text: string;
  asString: boolean;
}

/** Fix replacing the whole value of a `literal` cause with Python source `text`. */
export function literalValueFix(
  facts: DjangoFacts,
  cause: Extract<SettingCause, { kind: 'literal' }>,
  text: string,
  title: string,
): Fix[] {
  const source = facts.app.modules.get(cause.assignment.file)?.source;
  if (!source) return [];
  return [
    {
      title,
      edits: [{ file: cause.assignment.file, range: cause.assignment.valueRange, newText: text }],
      safe: false,
    },
  ];
}

/** Candidate defaults that read as false, of the same kind as `current` first. */
export function falseCandidates(current: PyValue | undefined): DefaultCandidate[] {
  const candidates: DefaultCandidate[] = [];
  if (current?.type === 'str') {
    const opposite = oppositeWord(current.value);
    if (opposite !== undefined) candidates.push({ text: opposite, asString: true });
    candidates.push({ text: '', asString: true });
  }
  if (current?.type === 'int' || current?.type === 'float') candidates.push({ text: '0', asString: false });
  candidates.push({ text: 'False', asString: false });
  return candidates;
}

const opposites: Record<string, string> = { true: 'false', '1': '0', yes: 'no', on: 'off', y: 'n', t: 'f' };

/** Returns the false spelling of a true word in the same letter case (`True` to `False`). */
function oppositeWord(word: string): string | undefined {
  const opposite = opposites[word.toLowerCase()];
  if (opposite === undefined) return undefined;
  if (word === word.toUpperCase()) return opposite.toUpperCase();
  if (word[0] === word[0]!.toUpperCase()) return opposite[0]!.toUpperCase() + opposite.slice(1);
  return opposite;
}
