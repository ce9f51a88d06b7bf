// Redis memory values (`maxmemory`, `client-output-buffer-limit`), read as Redis's `memtoull`
// (src/util.c) reads them.
import { GIB, KIB, MIB, safeAmount, writeInLargestUnit, type WrittenUnit } from './amounts.js';

/** Units in lower case: a bare letter is a power of 1000, the letter plus `b` a power of 1024. */
const REDIS_UNITS = new Map<string, number>([
  ['', 1],
  ['b', 1],
  ['k', 1000],
  ['kb', KIB],
  ['m', 1000 ** 2],
  ['mb', MIB],
  ['g', 1000 ** 3],
  ['gb', GIB],
]);

/** `memtoull` copies the digits into a 128-byte buffer and rejects longer numbers. */
const MAX_DIGITS = 127;

/**
 * Reads a Redis memory value in bytes: ASCII digits, then `b`, `k` (1000), `kb` (1024), `m`
 * (1000²), `mb` (1024²), `g` (1000³) or `gb` (1024³), in any case, or no unit for bytes.
 * Returns undefined for text Redis rejects (a sign, decimals, spaces, `1t`) and for a unit
 * without digits, which Redis 7 reads as 0 but is always a mistake.
 */
export function parseRedisMemory(text: string): number | undefined {
  const match = /^([0-9]+)([a-zA-Z]*)$/.exec(text);
  if (!match || match[1]!.length > MAX_DIGITS) return undefined;
  const multiplier = REDIS_UNITS.get(match[2]!.toLowerCase());
  if (multiplier === undefined) return undefined;
  return safeAmount(Number(match[1]) * multiplier);
}

const BINARY_UNITS: readonly WrittenUnit[] = [
  [GIB, 'gb'],
  [MIB, 'mb'],
  [KIB, 'kb'],
  [1, ''],
];

/**
 * Writes bytes as a Redis memory value in the largest binary unit that divides it exactly:
 * `512mb`, `1gb`, `1536kb`, `100`. It never writes the decimal `k`, `m` or `g`.
 */
export function toRedisMemory(bytes: number): string {
  return writeInLargestUnit(bytes, BINARY_UNITS, '0');
}
