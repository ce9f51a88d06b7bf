import { familyIndex, type FamilyIndex, type PatternKey } from './knob-catalog.js';
import { foldCase, matchesPattern, queryKeys, splitKey } from './knob-names.js';
import { KNOB_FAMILIES, type Knob, type KnobFamily } from './knob.js';

/**
 * Maximum key depth, in segments, that a lookup considers. Deeper names are first cut to their
 * parent at this depth. The deepest documented key has 7 segments
 * (`traefik.http.services.<name>.loadbalancer.server.port`), so the cut changes no result and
 * keeps hostile input from costing quadratic time.
 */
const MAX_KEY_SEGMENTS = 16;

/** Prefix of service keys, tried for Compose keys written without it (`deploy.replicas`). */
const COMPOSE_SERVICE_PREFIX = 'services.*.';

/**
 * Finds the documentation of a knob from a name as it appears in a file. Accepted forms:
 * - Django: `CONN_MAX_AGE`, `DATABASES.default.CONN_MAX_AGE`, `DATABASES['default']['OPTIONS']`,
 *   `REST_FRAMEWORK.PAGE_SIZE` or just `PAGE_SIZE`.
 * - Compose: `services.web.deploy.resources.limits.memory` or `deploy.resources.limits.memory`.
 * - Traefik: flags and labels with user-chosen names, such as
 *   `traefik.http.middlewares.security.headers.stsSeconds`.
 * - Flags: `--workers=4`, `-w`, `-w4`, and gunicorn setting names such as `worker_class`.
 * - PostgreSQL `-c name=value`, Redis `--name value`, variables `${NAME:-default}`.
 *
 * A name deeper than any knob (`DATABASES.default.OPTIONS.sslmode`) resolves to the nearest
 * documented parent. When a bare name fits several knobs (Django's `OPTIONS` exists for
 * databases and caches), the first in file order wins. Returns undefined for an unknown
 * family or name.
 */
export function lookupKnob(family: KnobFamily, name: string): Knob | undefined {
  if (!(KNOB_FAMILIES as readonly string[]).includes(family)) return undefined;
  const index = familyIndex(family);
  for (const key of queryKeys(family, name)) {
    const found = lookupKey(family, index, foldCase(family, key));
    if (found) return found;
  }
  return undefined;
}

/** Tries the key, then its parents, so that a value inside a mapping finds the mapping. */
function lookupKey(family: KnobFamily, index: FamilyIndex, key: string): Knob | undefined {
  const segments = splitKey(key).slice(0, MAX_KEY_SEGMENTS);
  for (let length = segments.length; length > 0; length--) {
    const found = lookupSegments(family, index, segments.slice(0, length));
    if (found) return found;
  }
  return undefined;
}

/**
 * Looks one key up: full paths before names, so a top-level Compose `volumes` is not taken for
 * the service key, and exact keys before patterns of the same kind.
 */
function lookupSegments(
  family: KnobFamily,
  index: FamilyIndex,
  segments: string[],
): Knob | undefined {
  const key = segments.join('.');
  const direct =
    index.paths.get(key) ??
    matchPatterns(index.pathPatterns, segments) ??
    index.names.get(key) ??
    matchPatterns(index.namePatterns, segments);
  if (direct || family !== 'compose' || key.startsWith('services.')) return direct;
  return matchPatterns(index.pathPatterns, splitKey(`${COMPOSE_SERVICE_PREFIX}${key}`));
}

function matchPatterns(patterns: PatternKey[], segments: string[]): Knob | undefined {
  return patterns.find((pattern) => matchesPattern(pattern.segments, segments))?.knob;
}
