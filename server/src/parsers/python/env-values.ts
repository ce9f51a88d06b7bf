import type { Location } from '../../core/range.js';
import {
  decoupleBool,
  decoupleCsv,
  environBool,
  environFloat,
  environList,
  environTuple,
  jsonLoads,
  toFloat,
  toInt,
  toStr,
  type Conversion,
} from './conversions.js';
import { parseDatabaseUrl } from './database-url.js';
import type { EnvReadMatch } from './env-reads.js';
import { castFailedMessage } from './issue-messages.js';
import { NONE, pyEquals, truthiness } from './py-values.js';
import type { EnvCast, EnvLookup, PyValue } from './settings-model.js';

/**
 * Value of an environment read under one environment, with the library's rules for unset
 * variables, defaults and casts (python-decouple 3.6 to 3.8, django-environ 0.4.4 to 0.12,
 * dj-database-url 2.x and 3.x).
 */

/** A conversion with its options: decouple's `Csv(cast=int, delimiter=";")`, environ's `[int]`. */
export interface CastSpec {
  cast: EnvCast;
  item?: CastSpec;
  delimiter?: string;
  strip?: string;
  post?: 'list' | 'tuple' | 'set';
}

export interface ReadInputs {
  match: EnvReadMatch;
  lookup: EnvLookup;
  /** Evaluated default, when the read has one. */
  defaultValue?: PyValue;
  cast?: CastSpec;
  /** Evaluated keyword arguments (`conn_max_age=600`). */
  keywords: Map<string, PyValue>;
}

export interface ReadOutcome {
  value: PyValue;
  /** True when the value is the variable's raw string (or derived from it by a cast). */
  fromEnv: boolean;
  raw?: string;
  location?: Location;
  /** A cast of the environment value that raises: the message for a value issue. */
  failure?: string;
  /** The exception the read raises at import time, by type. */
  raised?: string;
}

/** Length at which a chain of `$NAME` values, which django-environ follows, stops. */
const MAX_PROXY_DEPTH = 10;

const WHITESPACE = ' \t\n\r\x0b\x0c';

export function executeRead(inputs: ReadInputs): ReadOutcome {
  switch (inputs.match.library) {
    case 'os':
      return osValue(inputs);
    case 'decouple':
      return decoupleValue(inputs);
    case 'environ':
      return environValue(inputs);
    case 'dj-database-url':
      return databaseUrlValue(inputs);
  }
}

function osValue(inputs: ReadInputs): ReadOutcome {
  const found = inputs.lookup(inputs.match.read.name);
  if (found) return fromEnvironment(found, { type: 'str', value: found.value });
  if (inputs.match.method === 'subscript')
    return { value: unknownOf('KeyError'), fromEnv: false, raised: 'KeyError' };
  return { value: inputs.defaultValue ?? NONE, fromEnv: false };
}

function fromEnvironment(
  found: { value: string; location?: Location },
  value: PyValue,
): ReadOutcome {
  const outcome: ReadOutcome = { value, fromEnv: true, raw: found.value };
  if (found.location) outcome.location = found.location;
  return outcome;
}

function unknownOf(exception: string): PyValue {
  return { type: 'unknown', reason: `raises ${exception}` };
}

/** Applies a conversion. A failure on an environment value carries the issue message. */
function converted(
  outcome: ReadOutcome,
  conversion: Conversion,
  name: string,
  kind: string,
): ReadOutcome {
  if (conversion.ok) return { ...outcome, value: conversion.value };
  const result: ReadOutcome = {
    ...outcome,
    value: unknownOf(conversion.exception),
    raised: conversion.exception,
  };
  if (outcome.fromEnv && outcome.raw !== undefined)
    result.failure = castFailedMessage(kind, name, outcome.raw, conversion.exception);
  return result;
}

function decoupleValue(inputs: ReadInputs): ReadOutcome {
  const { match } = inputs;
  const name = match.read.name;
  const found = inputs.lookup(name);
  let outcome: ReadOutcome;
  if (found) outcome = fromEnvironment(found, { type: 'str', value: found.value });
  else if (inputs.defaultValue) outcome = { value: inputs.defaultValue, fromEnv: false };
  else
    return {
      value: unknownOf('UndefinedValueError'),
      fromEnv: false,
      raised: 'UndefinedValueError',
    };
  const cast = inputs.cast;
  if (!cast) return outcome;
  return applyCast(outcome, cast, name, 'decouple');
}

function environValue(inputs: ReadInputs): ReadOutcome {
  const { match } = inputs;
  const name = match.read.name;
  const defaultValue = inputs.defaultValue;
  let found = inputs.lookup(name);
  for (let depth = 0; found?.value.startsWith('$') && depth < MAX_PROXY_DEPTH; depth++) {
    found = inputs.lookup(found.value.slice(1));
  }
  let outcome: ReadOutcome;
  if (found) outcome = fromEnvironment(found, { type: 'str', value: found.value });
  else if (defaultValue) outcome = { value: defaultValue, fromEnv: false };
  else
    return {
      value: unknownOf('ImproperlyConfigured'),
      fromEnv: false,
      raised: 'ImproperlyConfigured',
    };

  if (
    match.method === 'url' ||
    match.method === 'cache_url' ||
    match.method === 'cache' ||
    match.method.startsWith('email') ||
    match.method.startsWith('search') ||
    match.method.startsWith('channels')
  ) {
    return outcome.value.type === 'none'
      ? outcome
      : { ...outcome, value: { type: 'unknown', reason: 'parsed URL' } };
  }
  if (match.method === 'db_url' || match.method === 'db') {
    if (outcome.value.type !== 'str')
      return { ...outcome, value: { type: 'unknown', reason: 'database URL default' } };
    const config = parseDatabaseUrl(outcome.value.value, { flavour: 'environ' });
    return { ...outcome, value: config ?? { type: 'dict', entries: [] } };
  }
  // django-environ casts to the default's type when no cast is given (0.4.5+), reads an empty
  // value as None when the default is None, and parses a default only on request.
  let cast = inputs.cast;
  if (!cast && defaultValue && defaultValue.type !== 'none' && defaultValue.type !== 'unknown') {
    cast = {
      cast:
        defaultValue.type === 'tuple'
          ? 'list'
          : defaultValue.type === 'dict' || defaultValue.type === 'set'
            ? 'unknown'
            : defaultValue.type,
    };
    if (defaultValue.type === 'tuple') cast.post = 'tuple';
  }
  if (defaultValue?.type === 'none' && outcome.value.type === 'str' && outcome.value.value === '') {
    return { ...outcome, value: NONE };
  }
  const differs = defaultValue === undefined || pyEquals(outcome.value, defaultValue) !== true;
  if (!cast || !(differs || (match.parseDefault && outcome.value.type !== 'none'))) return outcome;
  return applyCast(outcome, cast, name, 'environ');
}

function databaseUrlValue(inputs: ReadInputs): ReadOutcome {
  const found = inputs.lookup(inputs.match.read.name);
  const outcome: ReadOutcome = found
    ? fromEnvironment(found, { type: 'str', value: found.value })
    : { value: inputs.defaultValue ?? NONE, fromEnv: false };
  const url = outcome.value;
  if (url.type === 'unknown') return outcome;
  if (truthiness(url) === false) return { ...outcome, value: { type: 'dict', entries: [] } };
  if (url.type !== 'str')
    return { ...outcome, value: { type: 'unknown', reason: 'database URL that is not a string' } };
  const options = {
    flavour: 'dj-database-url' as const,
    connMaxAge: inputs.keywords.get('conn_max_age'),
    connHealthChecks: inputs.keywords.get('conn_health_checks'),
    sslRequire:
      inputs.keywords.get('ssl_require')?.type === 'bool' &&
      truthiness(inputs.keywords.get('ssl_require')!) === true,
  };
  const config = parseDatabaseUrl(url.value, options);
  const conversion: Conversion = config
    ? { ok: true, value: config }
    : { ok: false, exception: 'ValueError' };
  return converted(outcome, conversion, inputs.match.read.name, 'db');
}

/** Applies a decouple or django-environ cast to a read's value. */
function applyCast(
  outcome: ReadOutcome,
  spec: CastSpec,
  name: string,
  library: 'decouple' | 'environ',
): ReadOutcome {
  const value = outcome.value;
  if (value.type === 'unknown') return outcome;
  switch (spec.cast) {
    case 'bool':
      return converted(
        outcome,
        library === 'decouple' ? decoupleBool(value) : environBool(value),
        name,
        library === 'decouple' ? 'decouple-bool' : 'bool',
      );
    case 'int':
      return converted(outcome, toInt(value), name, 'int');
    case 'float':
      return converted(
        outcome,
        library === 'environ' ? environFloat(value) : toFloat(value),
        name,
        'float',
      );
    case 'str':
      return converted(outcome, toStr(value), name, 'str');
    case 'json': {
      if (value.type !== 'str')
        return {
          ...outcome,
          value:
            library === 'environ'
              ? value
              : { type: 'unknown', reason: 'json.loads of a value that is not a string' },
        };
      const parsed = jsonLoads(value.value);
      return converted(
        outcome,
        parsed ? { ok: true, value: parsed } : { ok: false, exception: 'JSONDecodeError' },
        name,
        'json',
      );
    }
    case 'list':
    case 'csv':
      return listCast(outcome, spec, name, library);
    case 'db': {
      if (value.type !== 'str')
        return {
          ...outcome,
          value: { type: 'unknown', reason: 'database URL that is not a string' },
        };
      const config = parseDatabaseUrl(value.value, { flavour: 'dj-database-url' });
      return converted(
        outcome,
        config ? { ok: true, value: config } : { ok: false, exception: 'ValueError' },
        name,
        'db',
      );
    }
    default:
      return { ...outcome, value: { type: 'unknown', reason: `${spec.cast} cast` } };
  }
}

function listCast(
  outcome: ReadOutcome,
  spec: CastSpec,
  name: string,
  library: 'decouple' | 'environ',
): ReadOutcome {
  const value = outcome.value;
  let items: string[] | undefined;
  if (spec.cast === 'csv') {
    if (value.type === 'none')
      return { ...outcome, value: { type: spec.post ?? 'list', items: [] } };
    if (value.type !== 'str')
      return {
        ...outcome,
        value: { type: 'unknown', reason: 'Csv() of a value that is not a string' },
      };
    items = decoupleCsv(value.value, spec.delimiter ?? ',', spec.strip ?? WHITESPACE);
    if (!items) return converted(outcome, { ok: false, exception: 'ValueError' }, name, 'csv');
  } else if (library === 'environ') {
    if (value.type !== 'str') return outcome;
    items = spec.post === 'tuple' ? environTuple(value.value) : environList(value.value);
  } else {
    // decouple's `cast=list` is the builtin: a string becomes a list of its characters.
    if (value.type === 'str') items = [...value.value];
    else if (value.type === 'list' || value.type === 'tuple' || value.type === 'set')
      return { ...outcome, value: { type: 'list', items: value.items } };
    else return { ...outcome, value: { type: 'unknown', reason: 'list() of this value' } };
  }
  const values: PyValue[] = [];
  for (const item of items) {
    const itemOutcome = spec.item
      ? applyCast({ ...outcome, value: { type: 'str', value: item } }, spec.item, name, library)
      : undefined;
    if (itemOutcome?.raised) return { ...itemOutcome, value: unknownOf(itemOutcome.raised) };
    values.push(itemOutcome ? itemOutcome.value : { type: 'str', value: item });
  }
  return { ...outcome, value: { type: spec.post ?? 'list', items: values } };
}
