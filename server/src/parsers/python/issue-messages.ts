import { quoteString } from './py-values.js';

/** Sentences that describe what a value from the environment does at start-up. */

/** Names whose values are kept out of messages. */
const SECRET_NAME =
  /SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_KEY|_KEY$/i;

/** Values longer than this are shortened in messages. */
const MAX_SHOWN_LENGTH = 40;

/** Formats the value as Python prints it, or as `the value` for a variable that looks secret. */
export function shownValue(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return 'the value';
  const shortened =
    value.length > MAX_SHOWN_LENGTH ? `${value.slice(0, MAX_SHOWN_LENGTH - 3)}...` : value;
  return quoteString(shortened);
}

/** `int('twenty') raises ValueError at start-up.` and the like, per conversion. */
export function castFailedMessage(
  conversion: string,
  name: string,
  value: string,
  exception: string,
): string {
  const shown = shownValue(name, value);
  switch (conversion) {
    case 'decouple-bool':
      return (
        `cast=bool raises ValueError on ${shown} at start-up, because python-decouple accepts ` +
        'only y, yes, t, true, on, 1, n, no, f, false, off and 0 (in any case).'
      );
    case 'csv':
      return (
        `Csv() raises ValueError on ${shown} at start-up, ` +
        'because a quote is not closed or a backslash ends the value.'
      );
    case 'json':
      return `json.loads raises JSONDecodeError on ${shown} at start-up, because it is not JSON.`;
    case 'db':
      return (
        `dj_database_url raises ${exception} on ${shown} at start-up, ` +
        'because it is not a database URL with a known scheme.'
      );
    default:
      return `${conversion}(${shown}) raises ${exception} at start-up.`;
  }
}

/** Describes a comparison that reads a spelling of one boolean as the other boolean. */
export function boolCompareMessage(
  name: string,
  value: string,
  operator: string,
  expected: string,
  result: boolean,
): string {
  const shown = shownValue(name, value);
  const outcome = result ? 'True' : 'False';
  const meaning = result ? 'False' : 'True';
  return (
    `${shown} ${operator} ${expected} is ${outcome}, ` +
    `so the setting reads as ${outcome} although ${shown} means ${meaning}.`
  );
}

/** Describes `bool()` of a string that spells false, which is True like any non-empty string. */
export function boolOfStringMessage(name: string, value: string): string {
  const shown = shownValue(name, value);
  return (
    `bool(${shown}) is True, because any non-empty string is true, ` +
    `so this reads as True although ${shown} means False.`
  );
}
