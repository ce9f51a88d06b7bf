// Go durations: `time.ParseDuration` (Traefik, Go programs) and the `str2duration` variant that
// compose-go uses for compose durations (`healthcheck.interval`, `stop_grace_period`).
import { HOUR, MINUTE, SECOND, UNWRITABLE_AMOUNT, safeAmount } from './amounts.js';

const NANOSECONDS_PER_MS = 1e6;
/** Go's `time.Duration` is an int64 count of nanoseconds, so BigInt keeps its bound exact. */
const MAX_DURATION_NS = 2n ** 63n - 1n;

const GO_UNITS_NS = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // micro sign
  ['\u03bcs', 1_000n], // Greek small letter mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

/** `str2duration` (xhit/go-str2duration v2) adds days and weeks to Go's units. */
const COMPOSE_UNITS_NS = new Map<string, bigint>([
  ...GO_UNITS_NS,
  ['d', 86_400_000_000_000n],
  ['w', 604_800_000_000_000n],
]);

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Reads Go duration syntax in milliseconds, which may be fractional (`1500ns` is 0.0015): an
 * optional sign, then one or more decimal numbers, each with a unit (`1h30m`, `1.5s`, `.5h`),
 * or the bare `0`. No spaces. Returns undefined for text Go rejects, for a sum past Go's
 * int64 nanoseconds (about 292 years), and for a negative duration.
 */
function readGoDuration(text: string, units: ReadonlyMap<string, bigint>): number | undefined {
  let rest = text;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let totalNs = 0n;
  let index = 0;
  while (index < rest.length) {
    const integerStart = index;
    while (isDigit(rest[index])) index++;
    const integerDigits = rest.slice(integerStart, index);
    let fractionDigits = '';
    if (rest[index] === '.') {
      const fractionStart = ++index;
      while (isDigit(rest[index])) index++;
      fractionDigits = rest.slice(fractionStart, index);
    }
    if (integerDigits === '' && fractionDigits === '') return undefined;
    const unitStart = index;
    while (index < rest.length && rest[index] !== '.' && !isDigit(rest[index])) index++;
    const unitNs = units.get(rest.slice(unitStart, index));
    if (unitNs === undefined) return undefined;
    const integer = BigInt(integerDigits === '' ? '0' : integerDigits);
    if (integer > MAX_DURATION_NS / unitNs) return undefined;
    totalNs += integer * unitNs + fractionNanoseconds(fractionDigits, unitNs);
    if (totalNs > MAX_DURATION_NS) return undefined;
  }
  if (negative && totalNs > 0n) return undefined;
  return safeAmount(Number(totalNs) / NANOSECONDS_PER_MS);
}

/** Go keeps at most 18 fraction digits, multiplies in float64 and truncates toward zero. */
function fractionNanoseconds(digits: string, unitNs: bigint): bigint {
  const significant = digits.slice(0, 18);
  if (significant === '') return 0n;
  const scale = 10 ** significant.length;
  return BigInt(Math.trunc(Number(significant) * (Number(unitNs) / scale)));
}

/**
 * Reads a Go duration (`time.ParseDuration`) in milliseconds: units `ns`, `us` (or `µs`, `μs`),
 * `ms`, `s`, `m`, `h`, combined as `1h30m`, with decimals as `1.5s`. A bare number is invalid
 * except `0`, unless `bareSeconds` is set: then a whole number (`strconv.ParseInt`) counts as
 * seconds, as Traefik's duration type reads it. Returns undefined for invalid or negative
 * durations.
 */
export function parseGoDuration(text: string, bareSeconds = false): number | undefined {
  if (bareSeconds && /^[+-]?[0-9]+$/.test(text)) {
    const seconds = Number(text);
    return seconds < 0 ? undefined : safeAmount(seconds * 1000);
  }
  return readGoDuration(text, GO_UNITS_NS);
}

/**
 * Reads a compose duration in milliseconds. compose-go reads it with `str2duration`, which is
 * Go's syntax plus `d` (24 h) and `w` (7 days): `1m30s`, `1h5m30s20ms`, `1.5s`, `2d`. A bare
 * number other than `0` is invalid. Returns undefined for invalid or negative durations.
 */
export function parseComposeDuration(text: string): number | undefined {
  return readGoDuration(text, COMPOSE_UNITS_NS);
}

/**
 * Writes milliseconds as a duration that Go, Traefik and compose all read, rounded to the
 * nearest nanosecond: `1h30m`, `1m30.5s`, `45s`, `500ms`, `1500us`, `0s`. Returns
 * `UNWRITABLE_AMOUNT` for a negative or non-finite amount or one past Go's int64 nanoseconds.
 */
export function toGoDuration(ms: number): string {
  if (safeAmount(ms) === undefined || ms * NANOSECONDS_PER_MS > Number(MAX_DURATION_NS)) {
    return UNWRITABLE_AMOUNT;
  }
  let wholeMs = Math.floor(ms);
  let subMillisecondNs = Math.round((ms - wholeMs) * NANOSECONDS_PER_MS);
  if (subMillisecondNs === NANOSECONDS_PER_MS) {
    wholeMs++;
    subMillisecondNs = 0;
  }
  if (wholeMs < SECOND) return subSecond(wholeMs * NANOSECONDS_PER_MS + subMillisecondNs);
  const hours = Math.floor(wholeMs / HOUR);
  const minutes = Math.floor((wholeMs % HOUR) / MINUTE);
  const seconds = Math.floor((wholeMs % MINUTE) / SECOND);
  const millisecondDigits = String(wholeMs % SECOND).padStart(3, '0');
  const nanosecondDigits = String(subMillisecondNs).padStart(6, '0');
  const fraction = (millisecondDigits + nanosecondDigits).replace(/0+$/, '');
  let text = '';
  if (hours > 0) text += `${hours}h`;
  if (minutes > 0) text += `${minutes}m`;
  if (fraction !== '') text += `${seconds}.${fraction}s`;
  else if (seconds > 0) text += `${seconds}s`;
  return text;
}

/** Writes a duration under one second in the largest of `ms`, `us` and `ns` that divides it. */
function subSecond(ns: number): string {
  if (ns === 0) return '0s';
  if (ns % NANOSECONDS_PER_MS === 0) return `${ns / NANOSECONDS_PER_MS}ms`;
  if (ns % 1000 === 0) return `${ns / 1000}us`;
  return `${ns}ns`;
}
