// Sizes and durations written for people, in problem messages and hovers.
import { DAY, GIB, HOUR, KIB, MIB, MINUTE, PIB, SECOND, TIB } from './amounts.js';

const BYTE_UNITS: readonly (readonly [number, string])[] = [
  [PIB, 'PB'],
  [TIB, 'TB'],
  [GIB, 'GB'],
  [MIB, 'MB'],
  [KIB, 'KB'],
];

/** Writes `value` with at most two decimals, prefixed with `about` when that rounds it. */
function approximately(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === value ? String(rounded) : `about ${rounded}`;
}

/**
 * Writes a byte count for people in binary multiples with the letters Django's
 * `filesizeformat` and its settings documentation use: `10 MB` is 10 × 1024 × 1024 bytes and
 * `2.5 MB` is 2621440. Values that two decimals cannot hold exactly read `about 1.05 MB`.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return `${bytes} bytes`;
  if (bytes < 0) return `-${formatBytes(-bytes)}`;
  for (const [size, name] of BYTE_UNITS) {
    if (bytes >= size) return `${approximately(bytes / size)} ${name}`;
  }
  return bytes === 1 ? '1 byte' : `${approximately(bytes)} bytes`;
}

const DAY_PARTS: readonly (readonly [number, string])[] = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'min'],
  [SECOND, 's'],
];
const HOUR_PARTS = DAY_PARTS.slice(1);

/**
 * Writes milliseconds for people as every non-zero part, largest first: `30 s`, `1 min 30 s`,
 * `1 h 500 ms`. Days appear from 48 hours on, so one day reads `24 h` and two weeks `14 d`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return `${ms} ms`;
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms === 0) return '0 s';
  const parts: string[] = [];
  let rest = ms;
  for (const [size, name] of ms >= 2 * DAY ? DAY_PARTS : HOUR_PARTS) {
    if (rest < size) continue;
    const count = Math.floor(rest / size);
    parts.push(`${count} ${name}`);
    rest -= count * size;
  }
  // Six significant digits hide binary rounding noise such as 0.30000000000000004.
  if (rest > 0) parts.push(`${Number(rest.toPrecision(6))} ms`);
  return parts.join(' ');
}
