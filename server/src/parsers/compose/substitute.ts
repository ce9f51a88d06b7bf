import { scanTemplate, type TemplateToken } from './scan-template.js';

/** Value of a variable, or undefined when it is unset. */
export type VariableLookup = (name: string) => string | undefined;

/** First failure compose would stop at; it then loads nothing. */
export type SubstitutionError =
  | { kind: 'invalid-template'; message: string }
  | { kind: 'missing-required'; name: string; message: string };

export interface SubstitutionResult {
  /** The value compose would use; failed parts become empty strings. */
  value: string;
  /**
   * Names compose reads but finds unset with no default to fall back on: bare references (it
   * warns and uses "") and failed `?`/`:?` requirements. In text order, without repeats.
   */
  unresolved: string[];
  error?: SubstitutionError;
}

// Same bound as the scanner: arguments nested deeper are used as typed.
const MAX_DEPTH = 32;

/**
 * Evaluates `text` the way compose-go's `template.Substitute` does (compose-go e70e961): `:-`
 * falls back when unset or empty, `-` only when unset, `:+`/`+` use the argument when set and
 * non-empty / set, `:?`/`?` fail when unset or empty / unset. Arguments are interpolated only
 * when they are used.
 */
export function substitute(text: string, lookup: VariableLookup): SubstitutionResult {
  const state: State = { lookup, unresolved: [] };
  const value = evaluate(text, 0, text.length, state, 0);
  const result: SubstitutionResult = { value, unresolved: state.unresolved };
  if (state.error) result.error = state.error;
  return result;
}

interface State {
  lookup: VariableLookup;
  unresolved: string[];
  error?: SubstitutionError;
}

function evaluate(text: string, from: number, to: number, state: State, depth: number): string {
  if (depth > MAX_DEPTH) return text.slice(from, to);
  let out = '';
  let copied = from;
  for (const token of scanTemplate(text, from, to)) {
    out += text.slice(copied, token.start) + replacement(text, token, state, depth);
    // compose-go replaces only the `${` of an invalid template and keeps scanning after it.
    copied = token.kind === 'invalid' ? token.start + 2 : token.end;
  }
  return out + text.slice(copied, to);
}

function replacement(text: string, token: TemplateToken, state: State, depth: number): string {
  switch (token.kind) {
    case 'escape':
      return '$';
    case 'invalid': {
      const template = text.slice(token.start, token.end);
      state.error ??= { kind: 'invalid-template', message: `Invalid template: "${template}"` };
      return '';
    }
    case 'reference':
      break;
  }
  const { name, operator } = token;
  const current = state.lookup(name);
  const isSet = current !== undefined;
  const isNonEmpty = isSet && current !== '';
  const argument = (): string =>
    evaluate(text, token.argumentStart, token.argumentEnd, state, depth + 1);
  switch (operator) {
    case '':
      if (!isSet) addUnresolved(state, name);
      return current ?? '';
    case ':-':
      return isNonEmpty ? current : argument();
    case '-':
      return isSet ? current : argument();
    case ':+':
      return isNonEmpty ? argument() : (current ?? '');
    case '+':
      return isSet ? argument() : '';
    case ':?':
    case '?': {
      const satisfied = operator === ':?' ? isNonEmpty : isSet;
      if (satisfied) return current!;
      const reason = argument();
      addUnresolved(state, name);
      const message = reason
        ? `required variable ${name} is missing a value: ${reason}`
        : `required variable ${name} is missing a value`;
      state.error ??= { kind: 'missing-required', name, message };
      return '';
    }
  }
}

function addUnresolved(state: State, name: string): void {
  if (!state.unresolved.includes(name)) state.unresolved.push(name);
}
