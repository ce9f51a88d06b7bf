import appServers from '../../../schemas/knobs/app-servers.json' with { type: 'json' };
import compose from '../../../schemas/knobs/compose.json' with { type: 'json' };
import django from '../../../schemas/knobs/django.json' with { type: 'json' };
import postgres from '../../../schemas/knobs/postgres.json' with { type: 'json' };
import redis from '../../../schemas/knobs/redis.json' with { type: 'json' };
import traefik from '../../../schemas/knobs/traefik.json' with { type: 'json' };
import variables from '../../../schemas/knobs/variables.json' with { type: 'json' };
import { foldCase, isPatternKey, splitKey } from './knob-names.js';
import { KNOB_FAMILIES, type Knob, type KnobFamily, type KnobFile } from './knob.js';

/**
 * Every knob of the data files, indexed per family. The files are checked against
 * `schemas/knobs.schema.json` by the unit tests, so they are read here without a second check.
 */

/** One key of a knob (its path, name or an alias), split into segments for pattern matching. */
export interface PatternKey {
  segments: string[];
  knob: Knob;
}

export interface FamilyIndex {
  /** Placeholder-free paths, case-folded where the family ignores case. */
  paths: Map<string, Knob>;
  /** Placeholder-free names and aliases. */
  names: Map<string, Knob>;
  /** Paths with `*` or `<name>` placeholders, in file order. */
  pathPatterns: PatternKey[];
  /** Names and aliases with placeholders, in file order. */
  namePatterns: PatternKey[];
  /** All knobs of the family in file order. */
  knobs: Knob[];
}

const DATA_FILES: KnobFile[] = [
  django as KnobFile,
  compose as KnobFile,
  postgres as KnobFile,
  redis as KnobFile,
  appServers as KnobFile,
  traefik as KnobFile,
  variables as KnobFile,
];

let catalog: Map<KnobFamily, FamilyIndex> | undefined;

function emptyIndex(): FamilyIndex {
  return { paths: new Map(), names: new Map(), pathPatterns: [], namePatterns: [], knobs: [] };
}

/** Adds a key to the exact map unless an earlier knob took it, or to the pattern list. */
function addKey(exact: Map<string, Knob>, patterns: PatternKey[], key: string, knob: Knob): void {
  const folded = foldCase(knob.family, key);
  if (isPatternKey(folded)) {
    patterns.push({ segments: splitKey(folded), knob });
  } else if (!exact.has(folded)) {
    exact.set(folded, knob);
  }
}

function buildCatalog(): Map<KnobFamily, FamilyIndex> {
  const built = new Map<KnobFamily, FamilyIndex>();
  for (const family of KNOB_FAMILIES) built.set(family, emptyIndex());
  for (const file of DATA_FILES) {
    for (const family of KNOB_FAMILIES) {
      const index = built.get(family)!;
      for (const entry of file.families[family] ?? []) {
        const knob: Knob = { ...entry, family };
        index.knobs.push(knob);
        if (knob.path !== undefined) addKey(index.paths, index.pathPatterns, knob.path, knob);
        addKey(index.names, index.namePatterns, knob.name, knob);
        for (const alias of knob.aliases ?? []) {
          addKey(index.names, index.namePatterns, alias, knob);
        }
      }
    }
  }
  return built;
}

/** Returns the index of one family, building the whole catalog on first use. */
export function familyIndex(family: KnobFamily): FamilyIndex {
  catalog ??= buildCatalog();
  return catalog.get(family)!;
}

/** Returns every knob of a family in file order, for completion lists and tests. */
export function listKnobs(family: KnobFamily): readonly Knob[] {
  return familyIndex(family).knobs;
}
