// Plain numbers of seconds on Python servers' command lines: gunicorn `--timeout` and
// `--graceful-timeout`, Daphne `--http-timeout`, uvicorn `--timeout-keep-alive`. All of these
// read a whole number with Python's `int()`, and none takes a unit.
import { SECOND, safeAmount } from './amounts.js';

/** Python `int(text)`: digits with single underscores between them and an optional sign. */
const PYTHON_INT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;
const DIGITS = '[0-9]+(?:_[0-9]+)*';
const MANTISSA = `(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})`;
/** Python `float(text)` for finite decimals, without `inf` and `nan`. */
const PYTHON_FLOAT = new RegExp(`^[+-]?${MANTISSA}(?:[eE][+-]?${DIGITS})?$`);

/**
 * Reads a number of seconds and returns milliseconds. By default it takes a whole number as
 * Python's `int()` does: surrounding whitespace, a `+` sign and underscores between digits
 * (`1_000`) are allowed, decimals are not (gunicorn rejects `--timeout 2.5`). With
 * `allowFraction`, decimals and exponents are read as Python's `float()` reads them. Returns
 * undefined for invalid text and for negative numbers, so the `-1` that Daphne's WebSocket
 * timeouts take for "no limit" must be checked before calling this.
 *
 * NOTE: a gunicorn config file's string value (`timeout = "30"`) goes through `int(text, 0)`,
 * which also takes `0x1e` and rejects `010`. Only the command line's `int()` is modelled here.
 */
export function parseSeconds(text: string, allowFraction = false): number | undefined {
  const trimmed = text.trim();
  if (!(allowFraction ? PYTHON_FLOAT : PYTHON_INT).test(trimmed)) return undefined;
  const seconds = Number(trimmed.replace(/_/g, ''));
  if (seconds < 0) return undefined;
  return safeAmount(seconds * SECOND);
}
