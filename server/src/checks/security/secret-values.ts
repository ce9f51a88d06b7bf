import { randomInt } from 'node:crypto';

/** Django's `check --deploy` limits for `SECRET_KEY` (`django/core/checks/security/base.py`). */
const minLength = 50;
const minDistinct = 5;
const insecurePrefix = 'django-insecure-';

/** Values people write where a secret belongs (`changeme`, `your-secret-key`, `xxx`). */
const placeholder =
  /^(x+|\*+|\.+|-+|_+|0+|1234.*|secret|password|passwd|pass|token|key|test|dummy|example|sample|default|none|null|todo|tbd|fixme|insecure|placeholder)$|change[-_ ]?(me|it|this)|replace[-_ ]?(me|this)|your[-_ ]|^<.*>$|^\{\{.*\}\}$|^\$\{.*\}$|not[-_]?(a[-_])?secret|^set[-_ ]|fill[-_ ]?in|put[-_ ]/i;

/** Variable names that hold a secret: `SECRET_KEY`, `DB_PASSWORD`, `GITHUB_TOKEN`, `STRIPE_API_KEY`. */
const secretName =
  /(^|_)(SECRET|SECRET_KEY|PASSWORD|PASSWD|PASS|TOKEN|AUTH_TOKEN|ACCESS_TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY|SECRET_ACCESS_KEY|SIGNING_KEY|ENCRYPTION_KEY|CLIENT_SECRET|WEBHOOK_SECRET)$/i;

/** Names ending in a secret word without a separator, such as libpq's `PGPASSWORD`. */
const joinedSecretName = /(PASSWORD|PASSWD|SECRET)$|(^|_)MYSQL_PWD$/i;

export function isSecretName(name: string): boolean {
  return (secretName.test(name) || joinedSecretName.test(name)) && !/_FILE$/i.test(name);
}

/** Words that mark a value to hide from display: `PAYMENT_SECRET_KEYS`, `SENTRY_DSN`, `API_TOKENS`. */
const secretWord = /(^|_)(SECRETS?|PASSWORDS?|PASSWD|PASS|PWD|TOKENS?|KEYS?|CREDENTIALS?|SALT|DSN|PRIVATE)(_|$)/i;

/**
 * True for a name whose value hovers and completions hide. Broader than `isSecretName`, which
 * decides findings: hiding a harmless value such as `CACHE_KEY_PREFIX` costs a reader little,
 * while showing a secret cannot be taken back.
 */
export function mayHoldSecret(name: string): boolean {
  if (/_FILE$/i.test(name)) return false;
  return isSecretName(name) || secretWord.test(name);
}

export function isPlaceholder(value: string): boolean {
  return placeholder.test(value.trim());
}

/**
 * Reasons a `SECRET_KEY` value fails Django's W009 test, or is a placeholder, as phrases that
 * never quote the value.
 */
export function secretKeyWeaknesses(key: string): string[] {
  const reasons: string[] = [];
  if (key.startsWith(insecurePrefix)) {
    reasons.push('starts with django-insecure-, the prefix of keys generated for development');
  }
  if (isPlaceholder(key)) reasons.push('is a placeholder rather than a generated key');
  if (key.length < minLength) reasons.push(`is ${key.length} characters long, below Django's minimum of ${minLength}`);
  const distinct = new Set(key).size;
  if (distinct < minDistinct) reasons.push(`uses ${distinct} distinct characters, below Django's minimum of ${minDistinct}`);
  return reasons;
}

export function joinReasons(reasons: string[]): string {
  if (reasons.length <= 1) return reasons[0] ?? '';
  return `${reasons.slice(0, -1).join(', ')} and ${reasons[reasons.length - 1]}`;
}

/**
 * True for a value that looks generated rather than typed as an example. It needs at least 16
 * characters, no placeholder word, and either three character classes (lower, upper, digits,
 * symbols) or 24 letters and digits, as in a hex or base64 token. These thresholds are
 * Shipshape's own heuristics.
 */
export function looksLikeRealSecret(value: string): boolean {
  const text = value.trim();
  if (text.length < 16 || isPlaceholder(text) || /\s/.test(text)) return false;
  if (text.startsWith(insecurePrefix)) return true;
  if (new Set(text).size < 8) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(text)).length;
  if (classes >= 3) return true;
  return text.length >= 24 && /[0-9]/.test(text) && /[A-Za-z]/.test(text);
}

/**
 * Characters of Django's `get_random_secret_key()` without `$` and `#`, which compose would
 * interpolate and some env readers take as the start of a comment.
 */
const keyAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789!@%^&*(-_=+)';

/** New random key of 50 characters from Django's alphabet, drawn with `crypto.randomInt`. */
export function randomSecretKey(): string {
  let key = '';
  for (let i = 0; i < minLength; i++) key += keyAlphabet[randomInt(keyAlphabet.length)];
  return key;
}
