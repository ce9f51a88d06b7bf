// Byte and millisecond multiples, and the checks every unit reader and writer shares.

export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;
export const TIB = 1024 * GIB;
export const PIB = 1024 * TIB;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/**
 * Returns the amount when it is a finite number from 0 to `Number.MAX_SAFE_INTEGER`, else
 * undefined, and `-0` as `0`. Readers reject amounts past that bound because a larger number is
 * no longer exact here, even where the program itself would accept it.
 */
export function safeAmount(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) return undefined;
  return value + 0;
}

/**
 * Text the writers return for an amount no format can express (negative, not finite, or above
 * `Number.MAX_SAFE_INTEGER`). Every target program rejects it, so a fix built from a bad value
 * fails its syntax check instead of setting an unintended limit.
 */
export const UNWRITABLE_AMOUNT = 'NaN';

/** One unit of a written format: its size in the amount's unit, and its suffix. */
export type WrittenUnit = readonly [size: number, suffix: string];

/**
 * Writes `amount` in the largest of `units` (largest first) that divides it exactly, after
 * rounding it up to a whole number of the smallest unit, so a raised limit never ends below its
 * target. Zero is written as `zero`.
 */
export function writeInLargestUnit(
  amount: number,
  units: readonly WrittenUnit[],
  zero: string,
): string {
  if (safeAmount(amount) === undefined) return UNWRITABLE_AMOUNT;
  const [smallest] = units[units.length - 1]!;
  const whole = Math.ceil(amount / smallest) * smallest;
  if (whole === 0) return zero;
  if (whole > Number.MAX_SAFE_INTEGER) return UNWRITABLE_AMOUNT;
  for (const [size, suffix] of units) {
    if (whole % size === 0) return `${whole / size}${suffix}`;
  }
  return UNWRITABLE_AMOUNT;
}

/** C `rint` in its default rounding mode: to the nearest integer, halves to the even one. */
export function roundHalfEven(value: number): number {
  if (Math.abs(value % 1) !== 0.5) return Math.round(value);
  return 2 * Math.round(value / 2);
}
