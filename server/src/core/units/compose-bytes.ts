// Compose byte values (`mem_limit`, `shm_size`, `deploy.resources.limits.memory`). compose-go
// reads a string with `strconv.ParseInt` and then docker/go-units `RAMInBytes`, whose rules
// (go-units 0.5) this follows.
import {
  GIB,
  KIB,
  MIB,
  PIB,
  TIB,
  safeAmount,
  writeInLargestUnit,
  type WrittenUnit,
} from './amounts.js';

const PREFIXES = new Map<string, number>([
  ['k', KIB],
  ['m', MIB],
  ['g', GIB],
  ['t', TIB],
  ['p', PIB],
]);

/** Go `strconv.ParseFloat` decimal syntax, without Go's hex floats, `Inf` and `NaN`. */
const GO_DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * Reads a compose byte value in bytes. The number may have decimals (`1.5g`, truncated to whole
 * bytes) and the unit is `b`, or `k`, `m`, `g`, `t`, `p` (× 1024 each step) optionally followed
 * by `b` or `ib`, in any case: `512m`, `1gb`, `100KiB`, `2048`. One space may separate number
 * and unit (`1 gb`). Returns undefined for text compose rejects and for negative values, so the
 * `-1` that `memswap_limit` takes for "unlimited" must be checked before calling this.
 */
export function parseComposeBytes(text: string): number | undefined {
  let number: string;
  let suffix: string;
  const space = text.indexOf(' ');
  if (space >= 0) {
    number = text.slice(0, space);
    suffix = text.slice(space + 1);
  } else {
    const numberEnd = Math.max(text.lastIndexOf('.'), lastDigitIndex(text)) + 1;
    if (numberEnd === 0) return undefined;
    number = text.slice(0, numberEnd);
    suffix = text.slice(numberEnd);
  }
  if (!GO_DECIMAL.test(number)) return undefined;
  const size = Number(number);
  if (size < 0) return undefined;
  const multiplier = suffixMultiplier(suffix.toLowerCase());
  if (multiplier === undefined) return undefined;
  return safeAmount(Math.trunc(size * multiplier));
}

function lastDigitIndex(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) {
    if (text[index]! >= '0' && text[index]! <= '9') return index;
  }
  return -1;
}

function suffixMultiplier(suffix: string): number | undefined {
  if (suffix === '' || suffix === 'b') return 1;
  const multiplier = PREFIXES.get(suffix[0]!);
  if (multiplier === undefined) return undefined;
  const rest = suffix.slice(1);
  return rest === '' || rest === 'b' || rest === 'ib' ? multiplier : undefined;
}

const COMPOSE_UNITS: readonly WrittenUnit[] = [
  [GIB, 'g'],
  [MIB, 'm'],
  [KIB, 'k'],
  [1, 'b'],
];

/**
 * Writes bytes as a compose byte value in the largest unit of the compose specification
 * (`g`, `m`, `k`, `b`) that divides it exactly: `512m`, `1g`, `1536k`, `100b`.
 */
export function toComposeBytes(bytes: number): string {
  return writeInLargestUnit(bytes, COMPOSE_UNITS, '0');
}
