import type { RelatedLocation } from '../../core/problem.js';
import { type Location, type Range, comparePositions } from '../../core/range.js';
import type { DjangoApp } from '../../model/deployment.js';
import type { Expr } from '../../parsers/python/python-ast.js';
import type { EnvRead, PyValue, SettingAssignment } from '../../parsers/python/settings-model.js';

/** A value of the evaluated settings with where it is written and the env lines it came from. */
export interface SettingValue {
  /** `DATABASES["default"]["CONN_MAX_AGE"]`, for messages. */
  label: string;
  value: PyValue;
  /** The expression that gives the value: a dict entry's value, or the assignment's. */
  location: Location;
  /** Expression the location points at, when it was found in the settings source. */
  expr?: Expr;
  /** Environment reads in that expression. */
  reads: EnvRead[];
  /** Env lines (or compose entries) that provide the variables read, with their values. */
  envSources: { name: string; value: string; location: Location }[];
}

/**
 * Looks up `name` and then `path` (dict keys) in the evaluated settings. The value is the final
 * one after every import and assignment. The location is the nearest expression that writes
 * it, found through `X = {...}`, `X["a"]["b"] = ...` and names bound to dicts (`"default": db`).
 * Returns undefined when the settings do not assign the name or the path does not exist.
 */
export function settingValue(
  django: DjangoApp,
  name: string,
  path: string[] = [],
): SettingValue | undefined {
  const assignment = django.evaluation.settings.get(name);
  if (!assignment) return undefined;
  const value = walkValue(assignment.value, path);
  if (value === undefined) return undefined;
  const label = name + path.map((key) => `["${key}"]`).join('');
  const found = locate(django, name, path);
  const range = found?.expr?.range ?? found?.assignment.valueRange ?? assignment.targetRange;
  const source = found?.assignment ?? assignment;
  const reads = source.reads.filter((read) => within(read.range, range));
  const envSources: SettingValue['envSources'] = [];
  for (const read of reads) {
    const provided = django.env(read.name);
    if (!provided?.location) continue;
    envSources.push({ name: read.name, value: provided.value, location: provided.location });
  }
  const location = { file: source.file, range };
  return { label, value, location, expr: found?.expr, reads, envSources };
}

/** Keys of a dict value that are strings, in order. */
export function dictKeys(value: PyValue | undefined): string[] {
  if (value?.type !== 'dict') return [];
  return value.entries.flatMap((entry) => (entry.key.type === 'str' ? [entry.key.value] : []));
}

export function walkValue(value: PyValue | undefined, path: string[]): PyValue | undefined {
  let current = value;
  for (const key of path) {
    if (current?.type !== 'dict') return undefined;
    const entry = current.entries.find(
      (candidate) => candidate.key.type === 'str' && candidate.key.value === key,
    );
    if (!entry) return undefined;
    current = entry.value;
  }
  return current;
}

/** Number of a value that is an int or float (not a bool), else undefined. */
export function numberOf(value: PyValue | undefined): number | undefined {
  return value?.type === 'int' || value?.type === 'float' ? value.value : undefined;
}

export function stringOf(value: PyValue | undefined): string | undefined {
  return value?.type === 'str' ? value.value : undefined;
}

/** Related entries naming where the env variables behind a setting are set. */
export function envRelated(setting: SettingValue): RelatedLocation[] {
  return setting.envSources.map((source) => ({
    location: source.location,
    message: `${source.name}=${source.value} sets ${setting.label}.`,
  }));
}

interface Found {
  assignment: SettingAssignment;
  expr?: Expr;
}

/** Finds the assignment and expression that write `name[path...]`, latest first. */
function locate(django: DjangoApp, name: string, path: string[]): Found | undefined {
  const history = django.evaluation.history;
  for (let index = history.length - 1; index >= 0; index--) {
    const assignment = history[index]!;
    if (assignment.name !== name) continue;
    const keys = subscriptKeys(django, assignment);
    if (keys === undefined) continue;
    if (keys.length > path.length || keys.some((key, position) => key !== path[position])) continue;
    const rest = path.slice(keys.length);
    return descend(django, { assignment, expr: assignment.expr }, rest, 0) ?? { assignment };
  }
  return undefined;
}

/** Returns the keys of `X["a"]["b"] = ...` from the target's text; empty for `X = ...`. */
function subscriptKeys(django: DjangoApp, assignment: SettingAssignment): string[] | undefined {
  const source = django.modules.get(assignment.file)?.source;
  if (!source) return [];
  const { start, end } = assignment.targetRange;
  const text = source.text.slice(source.offsetAt(start), source.offsetAt(end));
  if (!text.includes('[')) return [];
  const keys = [...text.matchAll(/\[\s*(['"])(.*?)\1\s*\]/g)].map((match) => match[2]!);
  return keys.length > 0 ? keys : undefined;
}

/** Follows dict literals (and names bound to them) down `path`; returns the deepest match. */
function descend(django: DjangoApp, at: Found, path: string[], depth: number): Found | undefined {
  const expr = at.expr;
  if (!expr || path.length === 0) return at;
  if (depth > 8) return undefined;
  if (expr.kind === 'name') {
    const bound = django.evaluation.settings.get(expr.id);
    if (!bound) return undefined;
    return descend(django, { assignment: bound, expr: bound.expr }, path, depth + 1);
  }
  if (expr.kind !== 'dict') return undefined;
  const entry = expr.entries.find(
    (candidate) => candidate.key?.kind === 'str' && candidate.key.value === path[0],
  );
  if (!entry) return undefined;
  const inner = { assignment: at.assignment, expr: entry.value };
  return descend(django, inner, path.slice(1), depth + 1) ?? inner;
}

function within(inner: Range, outer: Range): boolean {
  const startsInside = comparePositions(outer.start, inner.start) <= 0;
  return startsInside && comparePositions(inner.end, outer.end) <= 0;
}
