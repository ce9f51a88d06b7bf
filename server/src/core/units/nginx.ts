// nginx sizes and times, read as nginx's `ngx_parse_size`, `ngx_parse_offset` and
// `ngx_parse_time` (src/core/ngx_parse.c) read a directive argument after unquoting.
import {
  DAY,
  GIB,
  HOUR,
  KIB,
  MIB,
  MINUTE,
  SECOND,
  WEEK,
  safeAmount,
  writeInLargestUnit,
  type WrittenUnit,
} from './amounts.js';

/**
 * The nginx reader a directive's argument goes through. A `size` (`proxy_buffer_size`,
 * `client_body_buffer_size`) takes `k` and `m`, and an `offset` (`client_max_body_size`,
 * `proxy_max_temp_file_size`) also takes `g`.
 */
export type NginxSizeKind = 'size' | 'offset';

/**
 * The nginx time slot a directive's argument goes through. The `msec` slot
 * (`proxy_read_timeout`, `keepalive_timeout`, `send_timeout`) takes `ms` but rejects `M` and
 * `y`. The `sec` slot (`ssl_session_timeout`, `open_file_cache_valid`) takes `M` (30 days) and
 * `y` (365 days) but rejects `ms`.
 */
export type NginxTimeSlot = 'msec' | 'sec';

/**
 * Reads an nginx size in bytes: ASCII digits, then an optional `k`/`K` (× 1024), `m`/`M`
 * (× 1024²) or, for an offset, `g`/`G` (× 1024³). nginx rejects decimals (`1.5m`), a sign,
 * spaces and two-letter units (`1mb`). Returns undefined for text nginx rejects. `kind`
 * defaults to `offset` because `client_max_body_size`, the size most checks read, is one.
 */
export function parseNginxSize(text: string, kind: NginxSizeKind = 'offset'): number | undefined {
  if (text.length === 0) return undefined;
  const last = text[text.length - 1];
  let scale = 1;
  if (last === 'k' || last === 'K') scale = KIB;
  else if (last === 'm' || last === 'M') scale = MIB;
  else if ((last === 'g' || last === 'G') && kind === 'offset') scale = GIB;
  const digits = scale === 1 ? text : text.slice(0, -1);
  if (!/^[0-9]+$/.test(digits)) return undefined;
  return safeAmount(Number(digits) * scale);
}

// Steps of `ngx_parse_time`. Units must appear in this order, largest first, each at most once.
const START = 0;
const YEAR = 1;
const MONTH = 2;
const WEEK_STEP = 3;
const DAY_STEP = 4;
const HOUR_STEP = 5;
const MINUTE_STEP = 6;
const SECOND_STEP = 7;
const MILLISECOND_STEP = 8;
const BARE_NUMBER_STEP = 9;

/** Single-letter time units: the step each takes and its length in milliseconds. */
const TIME_LETTERS = new Map<string, readonly [step: number, ms: number]>([
  ['y', [YEAR, 365 * DAY]],
  ['M', [MONTH, 30 * DAY]],
  ['w', [WEEK_STEP, WEEK]],
  ['d', [DAY_STEP, DAY]],
  ['h', [HOUR_STEP, HOUR]],
  ['m', [MINUTE_STEP, MINUTE]],
  ['s', [SECOND_STEP, SECOND]],
]);

/**
 * Reads an nginx time in milliseconds. Whole numbers take the case-sensitive units `ms`, `s`,
 * `m`, `h`, `d`, `w`, and in the `sec` slot also `M` (30 days) and `y` (365 days). Units combine
 * largest first, each once, with or without spaces (`1h30m`, `1h 30m`). A number without a
 * unit is seconds. nginx also accepts quirks that follow from its state machine, and so does this:
 * a bare number after units adds seconds (`1m 30` is 90 s), and a space ends a bare number
 * (`5 ` is 5 s). Returns undefined for text nginx rejects.
 */
export function parseNginxTime(text: string, slot: NginxTimeSlot = 'msec'): number | undefined {
  const secondsSlot = slot === 'sec';
  let step = secondsSlot ? START : MONTH;
  let value = 0;
  let total = 0;
  let sawDigit = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    index++;
    if (char >= '0' && char <= '9') {
      value = value * 10 + (char.charCodeAt(0) - 48);
      if (value > Number.MAX_SAFE_INTEGER) return undefined;
      sawDigit = true;
      continue;
    }
    let unitMs: number;
    if (char === 'm' && text[index] === 's') {
      if (secondsSlot || step >= MILLISECOND_STEP) return undefined;
      index++;
      step = MILLISECOND_STEP;
      unitMs = 1;
    } else if (char === ' ') {
      if (step >= SECOND_STEP) return undefined;
      step = BARE_NUMBER_STEP;
      unitMs = SECOND;
    } else {
      const letter = TIME_LETTERS.get(char);
      if (letter === undefined || step >= letter[0]) return undefined;
      [step, unitMs] = letter;
    }
    total += value * unitMs;
    if (total > Number.MAX_SAFE_INTEGER) return undefined;
    value = 0;
    while (text[index] === ' ') index++;
  }
  if (!sawDigit) return undefined;
  return safeAmount(total + value * SECOND);
}

const OFFSET_UNITS: readonly WrittenUnit[] = [
  [GIB, 'g'],
  [MIB, 'm'],
  [KIB, 'k'],
  [1, ''],
];
const SIZE_UNITS = OFFSET_UNITS.slice(1);

/**
 * Writes bytes as an nginx size in the largest unit that divides it exactly: `20m`, `1536k`,
 * `100`, and `1g` for an offset only. See `writeInLargestUnit` for rounding and bad input.
 */
export function toNginxSize(bytes: number, kind: NginxSizeKind = 'offset'): string {
  return writeInLargestUnit(bytes, kind === 'offset' ? OFFSET_UNITS : SIZE_UNITS, '0');
}

const MSEC_SLOT_UNITS: readonly WrittenUnit[] = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
  [1, 'ms'],
];
const SEC_SLOT_UNITS = MSEC_SLOT_UNITS.slice(0, -1);

/**
 * Writes milliseconds as an nginx time in one unit, the largest that divides it exactly (`90s`,
 * `5m`, `1h`, `500ms`), rounded up to whole seconds in the `sec` slot. It never writes `w`, `M`
 * or `y`, so the text reads the same in both slots.
 */
export function toNginxTime(ms: number, slot: NginxTimeSlot = 'msec'): string {
  return writeInLargestUnit(ms, slot === 'msec' ? MSEC_SLOT_UNITS : SEC_SLOT_UNITS, '0s');
}
