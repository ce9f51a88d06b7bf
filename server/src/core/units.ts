// Sizes in bytes and durations in milliseconds, read in each program's own notation. Every
// parser returns undefined for text the program itself would reject.

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;
const TIB = 1024 * GIB;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function finite(value: number): number | undefined {
  return Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER ? value : undefined;
}

/**
 * nginx size (`ngx_parse_size`): a whole number with an optional `k`/`K`, `m`/`M` or `g`/`G`
 * suffix, binary multiples; no decimals, no spaces.
 */
export function parseNginxSize(text: string): number | undefined {
  const match = /^(\d+)([kKmMgG]?)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === 'k' ? KIB : unit === 'm' ? MIB : unit === 'g' ? GIB : 1;
  return finite(Number(match[1]) * factor);
}

const nginxTimeUnits: Record<string, number> = {
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
  M: 30 * DAY,
  y: 365 * DAY,
};

/**
 * nginx time (`ngx_parse_time`): whole numbers with `ms`, `s`, `m`, `h`, `d`, `w`, `M` (30 days)
 * or `y` (365 days), combinable as `1h30m` or `1h 30m`; a bare number is seconds.
 */
export function parseNginxTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return finite(Number(trimmed) * SECOND);
  const pattern = /(\d+)(ms|[smhdwMy])\s*/y;
  let total = 0;
  let matched = false;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < trimmed.length) {
    const match = pattern.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * nginxTimeUnits[match[2]!]!;
    matched = true;
  }
  return matched ? finite(total) : undefined;
}

/**
 * Compose byte value (`mem_limit`, `deploy.resources.limits.memory`): a number, decimals allowed,
 * with `b`, `k`/`kb`, `m`/`mb`, `g`/`gb` in any case, binary multiples; a bare number is bytes.
 */
export function parseComposeBytes(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)b?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === 'k' ? KIB : unit === 'm' ? MIB : unit === 'g' ? GIB : unit === 't' ? TIB : 1;
  return finite(Math.round(Number(match[1]) * factor));
}

const goUnits: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/**
 * Go `time.ParseDuration` (compose durations, Traefik): signed decimal numbers with `ns`, `us`,
 * `µs`, `ms`, `s`, `m`, `h`, combinable as `1h30m` or `1.5s`. With `bareSeconds`, a plain number
 * is seconds, as Traefik also accepts.
 */
export function parseGoDuration(text: string, bareSeconds = false): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return bareSeconds ? finite(Number(trimmed) * SECOND) : undefined;
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let matched = false;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < trimmed.length) {
    const match = pattern.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * goUnits[match[2]!]!;
    matched = true;
  }
  return matched ? finite(total) : undefined;
}

/** Compose duration (`healthcheck.interval`, `stop_grace_period`): Go syntax. */
export function parseComposeDuration(text: string): number | undefined {
  return parseGoDuration(text);
}

const postgresMemoryUnits: Record<string, number> = { B: 1, kB: KIB, MB: MIB, GB: GIB, TB: TIB };

/**
 * PostgreSQL memory parameter: a number with `B`, `kB`, `MB`, `GB` or `TB` (case-sensitive,
 * binary multiples); a bare number counts in the parameter's base unit, 8 kB blocks for
 * `shared_buffers` and `effective_cache_size`, kilobytes for `work_mem`.
 */
export function parsePostgresMemory(text: string, baseUnitBytes = KIB): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(B|kB|MB|GB|TB)?$/.exec(text.trim().replace(/^'(.*)'$/, '$1'));
  if (!match) return undefined;
  const factor = match[2] ? postgresMemoryUnits[match[2]]! : baseUnitBytes;
  return finite(Math.round(Number(match[1]) * factor));
}

const postgresTimeUnits: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: SECOND,
  min: MINUTE,
  h: HOUR,
  d: DAY,
};

/**
 * PostgreSQL time parameter: a number with `us`, `ms`, `s`, `min`, `h` or `d` (case-sensitive);
 * a bare number counts in the parameter's base unit, milliseconds for `statement_timeout`,
 * `lock_timeout` and `idle_in_transaction_session_timeout`.
 */
export function parsePostgresTime(text: string, baseUnitMs = 1): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?$/.exec(text.trim().replace(/^'(.*)'$/, '$1'));
  if (!match) return undefined;
  const factor = match[2] ? postgresTimeUnits[match[2]]! : baseUnitMs;
  return finite(Number(match[1]) * factor);
}

/**
 * Redis memory value (`maxmemory`): `1k` is 1000 and `1kb` is 1024, likewise `m`/`mb` and
 * `g`/`gb`, in any case; a bare number is bytes.
 */
export function parseRedisMemory(text: string): number | undefined {
  const match = /^(\d+)(k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factors: Record<string, number> = { '': 1, k: 1e3, kb: KIB, m: 1e6, mb: MIB, g: 1e9, gb: GIB };
  return finite(Number(match[1]) * factors[unit]!);
}

/** Seconds as gunicorn (`--timeout`), Daphne (`--http-timeout`) and uvicorn take them; decimals allowed. */
export function parseSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return finite(Number(trimmed) * SECOND);
}

/**
 * Human size in binary multiples written with the familiar letters: `10 MB` is 10 × 1024 × 1024
 * bytes, as Django's and nginx's documentation write it.
 */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [TIB, 'TB'],
    [GIB, 'GB'],
    [MIB, 'MB'],
    [KIB, 'kB'],
  ];
  for (const [size, name] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/, '')} ${name}`;
    }
  }
  return `${bytes} bytes`;
}

/** Human duration: `500 ms`, `30 s`, `1 min 30 s`, `24 h`, `7 d`. */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${ms} ms`;
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [size, name] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0 && parts.length < 2) parts.push(`${rest} ms`);
  return parts.slice(0, 2).join(' ');
}

/** nginx size in the largest unit that writes it exactly: `20m`, `1536k`, `100`. */
export function toNginxSize(bytes: number): string {
  const whole = Math.ceil(bytes);
  if (whole % GIB === 0 && whole > 0) return `${whole / GIB}g`;
  if (whole % MIB === 0 && whole > 0) return `${whole / MIB}m`;
  if (whole % KIB === 0 && whole > 0) return `${whole / KIB}k`;
  return String(whole);
}

/** nginx time in the largest unit that writes it exactly: `90s`, `2m`, `1h`, `500ms`. */
export function toNginxTime(ms: number): string {
  const whole = Math.ceil(ms);
  for (const [size, unit] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
  ] as const) {
    if (whole % size === 0 && whole > 0) return `${whole / size}${unit}`;
  }
  return `${whole}ms`;
}

/** Compose byte value in the largest exact unit: `512m`, `1g`. */
export function toComposeBytes(bytes: number): string {
  const size = toNginxSize(bytes);
  return size;
}

/** Redis memory value in the largest exact binary unit: `512mb`, `1gb`. */
export function toRedisMemory(bytes: number): string {
  const whole = Math.ceil(bytes);
  if (whole % GIB === 0 && whole > 0) return `${whole / GIB}gb`;
  if (whole % MIB === 0 && whole > 0) return `${whole / MIB}mb`;
  if (whole % KIB === 0 && whole > 0) return `${whole / KIB}kb`;
  return String(whole);
}

/** PostgreSQL time in the largest exact unit: `30s`, `5min`, `1500ms`. */
export function toPostgresTime(ms: number): string {
  const whole = Math.ceil(ms);
  for (const [size, unit] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ] as const) {
    if (whole % size === 0 && whole > 0) return `${whole / size}${unit}`;
  }
  return `${whole}ms`;
}
