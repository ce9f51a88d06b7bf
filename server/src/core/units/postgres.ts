// PostgreSQL integer parameters with units (`shared_buffers`, `work_mem`, `statement_timeout`),
// read as `parse_int` and `convert_to_base_unit` in src/backend/utils/misc/guc.c read them in
// PostgreSQL 12 and later. Older servers reject fractions and `us`, and before 11 also `B`.
import {
  DAY,
  GIB,
  HOUR,
  KIB,
  MIB,
  MINUTE,
  SECOND,
  TIB,
  roundHalfEven,
  safeAmount,
  writeInLargestUnit,
  type WrittenUnit,
} from './amounts.js';
import { readGucNumber, readGucUnit } from './postgres-number.js';

/** A unit name and its size, largest first, as in PostgreSQL's conversion tables. */
type GucUnit = readonly [name: string, size: number];

const MEMORY_UNITS: readonly GucUnit[] = [
  ['TB', TIB],
  ['GB', GIB],
  ['MB', MIB],
  ['kB', KIB],
  ['B', 1],
];

/** Sizes in milliseconds. */
const TIME_UNITS: readonly GucUnit[] = [
  ['d', DAY],
  ['h', HOUR],
  ['min', MINUTE],
  ['s', SECOND],
  ['ms', 1],
  ['us', 0.001],
];

const INT_MAX = 2 ** 31 - 1;

/**
 * Reads an integer parameter and returns it as a whole number of `baseUnit`, or undefined.
 * A value with a unit is rounded to the next smaller unit first (`1.5GB` to whole MB), then to
 * a whole base unit. PostgreSQL rejects a result outside C `int` ("Value exceeds integer range").
 */
function readGucInteger(
  text: string,
  units: readonly GucUnit[],
  baseUnit: number,
): number | undefined {
  if (!(baseUnit > 0) || !Number.isFinite(baseUnit)) return undefined;
  const number = readGucNumber(text);
  if (number === undefined) return undefined;
  let value = number.value;
  const unit = readGucUnit(text, number.end);
  if (unit === undefined) return undefined;
  if (unit !== '') {
    const index = units.findIndex(([name]) => name === unit);
    if (index < 0) return undefined;
    value *= units[index]![1] / baseUnit;
    const next = units[index + 1];
    if (next) {
      const nextMultiplier = next[1] / baseUnit;
      value = roundHalfEven(value / nextMultiplier) * nextMultiplier;
    }
  }
  value = roundHalfEven(value);
  if (value > INT_MAX || value < 0) return undefined;
  return value;
}

/**
 * Reads a PostgreSQL memory parameter in bytes. The case-sensitive units are `B`, `kB`, `MB`,
 * `GB` and `TB`, each 1024 times the last, so `mb` is invalid. A number without a unit counts
 * in the parameter's base unit, `baseUnitBytes`: 8192 (blocks) for `shared_buffers` and
 * `effective_cache_size`, 1024 for `work_mem` and `maintenance_work_mem`. The number may be
 * decimal, octal (`010`) or hex (`0x10`), and fractions are rounded as PostgreSQL rounds them.
 * Whitespace may surround number and unit. Returns undefined for text PostgreSQL rejects, for
 * a value past its `int` range in base units, and for a negative value, so the `-1` some
 * parameters take for "disabled" must be checked before calling this.
 */
export function parsePostgresMemory(text: string, baseUnitBytes = KIB): number | undefined {
  const units = readGucInteger(text, MEMORY_UNITS, baseUnitBytes);
  return units === undefined ? undefined : safeAmount(units * baseUnitBytes);
}

/**
 * Reads a PostgreSQL time parameter in milliseconds. The case-sensitive units are `us`, `ms`,
 * `s`, `min`, `h` and `d`, so `5m` and `5S` are invalid. A number without a unit counts in the
 * parameter's base unit, `baseUnitMs`: 1 for `statement_timeout`, `lock_timeout` and
 * `idle_in_transaction_session_timeout`, 1000 for `authentication_timeout`. Number syntax,
 * rounding and undefined results are those of `parsePostgresMemory`. Rounding makes `100us`
 * zero, which disables `statement_timeout`.
 */
export function parsePostgresTime(text: string, baseUnitMs = 1): number | undefined {
  const units = readGucInteger(text, TIME_UNITS, baseUnitMs);
  return units === undefined ? undefined : safeAmount(units * baseUnitMs);
}

const WRITTEN_TIME_UNITS: readonly WrittenUnit[] = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'min'],
  [SECOND, 's'],
  [1, 'ms'],
];

/**
 * Writes milliseconds as a PostgreSQL time in the largest unit that divides it exactly: `30s`,
 * `5min`, `1500ms`. The unit is always written, so the text means the same whatever the
 * parameter's base unit, though PostgreSQL still rounds it to that unit.
 */
export function toPostgresTime(ms: number): string {
  return writeInLargestUnit(ms, WRITTEN_TIME_UNITS, '0');
}

const WRITTEN_MEMORY_UNITS: readonly WrittenUnit[] = MEMORY_UNITS.map(([name, size]) => [
  size,
  name,
]);

/**
 * Writes bytes as a PostgreSQL memory value in the largest unit that divides it exactly: `128MB`,
 * `1GB`, `64kB`, and `100B`, which needs PostgreSQL 11 or later.
 */
export function toPostgresMemory(bytes: number): string {
  return writeInLargestUnit(bytes, WRITTEN_MEMORY_UNITS, '0');
}
