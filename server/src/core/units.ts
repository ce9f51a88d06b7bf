// Sizes and durations in the notation of each layer of a deployment: nginx, compose, Go and
// Traefik, PostgreSQL, Redis and Python servers' command-line seconds.
//
// Conventions for every function exported here:
// - Readers take the value's text as the program receives it (after the file format's own
//   unquoting) and return bytes or milliseconds, or undefined when the program would reject the
//   text. They also return undefined for negative amounts and for amounts above
//   `Number.MAX_SAFE_INTEGER`, even where the program accepts them. They never throw.
// - Writers (`to…`) take bytes or milliseconds and return text in the target's own units,
//   rounded up to the smallest unit the target writes (`toGoDuration` rounds to the nearest
//   nanosecond). They never throw. For a negative or non-finite amount they return
//   `UNWRITABLE_AMOUNT`, which every target rejects.
// - `formatBytes` and `formatDuration` write for people, not for configuration files.
export { UNWRITABLE_AMOUNT } from './units/amounts.js';
export { parseComposeBytes, toComposeBytes } from './units/compose-bytes.js';
export { formatBytes, formatDuration } from './units/format.js';
export { parseComposeDuration, parseGoDuration, toGoDuration } from './units/go-duration.js';
export {
  parseNginxSize,
  parseNginxTime,
  toNginxSize,
  toNginxTime,
  type NginxSizeKind,
  type NginxTimeSlot,
} from './units/nginx.js';
export {
  parsePostgresMemory,
  parsePostgresTime,
  toPostgresMemory,
  toPostgresTime,
} from './units/postgres.js';
export { parseRedisMemory, toRedisMemory } from './units/redis.js';
export { parseSeconds } from './units/seconds.js';
