import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  KNOB_FAMILIES,
  listKnobs,
  type KnobEntry,
  type KnobFamily,
} from '../../../server/src/knobs/index.js';
import { validateJsonSchema } from './json-schema-subset.js';

const SCHEMAS = new URL('../../../schemas/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('knobs.schema.json', SCHEMAS), 'utf8'));
const dataFiles = readdirSync(new URL('knobs/', SCHEMAS))
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({
    name,
    data: JSON.parse(readFileSync(new URL(`knobs/${name}`, SCHEMAS), 'utf8')) as {
      families: Partial<Record<KnobFamily, KnobEntry[]>>;
    },
  }));

/** Hosts of official documentation that the data files may link to. */
const OFFICIAL_DOCS = [
  'https://docs.djangoproject.com/en/stable/',
  'https://www.django-rest-framework.org/',
  'https://github.com/adamchainz/django-cors-headers',
  'https://channels.readthedocs.io/',
  'https://github.com/django/channels_redis',
  'https://github.com/jazzband/django-redis',
  'https://github.com/jazzband/dj-database-url',
  'https://github.com/django/daphne',
  'https://docs.docker.com/',
  'https://hub.docker.com/_/',
  'https://www.postgresql.org/docs/current/',
  'https://redis.io/docs/latest/',
  'https://gunicorn.org/',
  'https://uvicorn.dev/',
  'https://docs.celeryq.dev/en/stable/',
  'https://doc.traefik.io/traefik/',
  'https://docs.python.org/3/',
  'https://docs.sentry.io/',
];

function entriesOf(family: KnobFamily): KnobEntry[] {
  return dataFiles.flatMap((file) => file.data.families[family] ?? []);
}

/** Builds a data file with one Redis knob, with the fields of `extra` added or replaced. */
function redisFile(extra: Record<string, unknown>): unknown {
  const entry = { name: 'port', summary: 'TCP port Redis listens on.', docs: 'https://redis.io/' };
  return { families: { redis: [{ ...entry, ...extra }] } };
}

test('schema validator accepts a valid file', () => {
  assert.deepEqual(validateJsonSchema(schema, redisFile({ unit: 'connections' })), []);
});

test('schema validator rejects an unknown family', () => {
  const entry = { name: 'listen', summary: 'Address and port to listen on.', docs: 'https://x/' };
  const errors = validateJsonSchema(schema, { families: { nginx: [entry] } });
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /families\/nginx \(name\)/);
});

test('schema validator rejects missing docs', () => {
  const file = { families: { redis: [{ name: 'port', summary: 'TCP port Redis listens on.' }] } };
  assert.deepEqual(validateJsonSchema(schema, file), [
    '/families/redis/0: missing required property docs',
  ]);
});

test('schema validator rejects plain http docs', () => {
  const errors = validateJsonSchema(schema, redisFile({ docs: 'http://redis.io/' }));
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /\/families\/redis\/0\/docs/);
});

test('schema validator rejects extra properties', () => {
  const errors = validateJsonSchema(schema, redisFile({ range: '1-65535' }));
  assert.deepEqual(errors, ['/families/redis/0/range: property is not allowed']);
});

test('schema validator rejects wrong value types', () => {
  const errors = validateJsonSchema(schema, redisFile({ default: 6379, secret: 'no' }));
  assert.deepEqual(errors, [
    '/families/redis/0/default: expected string, found integer',
    '/families/redis/0/secret: expected boolean, found string',
  ]);
});

test('schema validator rejects unknown units', () => {
  const errors = validateJsonSchema(schema, redisFile({ unit: 'seconds' }));
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /unit: "seconds" is not one of/);
});

test('schema validator rejects empty families', () => {
  const errors = validateJsonSchema(schema, { families: { redis: [] } });
  assert.deepEqual(errors, ['/families/redis: fewer than 1 items']);
});

test('schema validator reports unsupported keywords', () => {
  const errors = validateJsonSchema({ type: 'string', format: 'uri' }, 'x');
  assert.deepEqual(errors, ['/: schema keyword format is not supported by this validator']);
});

for (const file of dataFiles) {
  test(`data file ${file.name} matches schema`, () => {
    assert.deepEqual(validateJsonSchema(schema, file.data), []);
  });
}

test('data files cover every family', () => {
  for (const family of KNOB_FAMILIES) {
    assert.ok(entriesOf(family).length > 0, `no knobs for ${family}`);
  }
});

test('catalog loads every data file entry', () => {
  for (const family of KNOB_FAMILIES) {
    assert.equal(listKnobs(family).length, entriesOf(family).length, family);
  }
});

test('django family has at least 70 entries', () => {
  assert.ok(entriesOf('django').length >= 70, `only ${entriesOf('django').length}`);
});

test('knob keys are unique per family', () => {
  for (const family of KNOB_FAMILIES) {
    const seen = new Map<string, string>();
    for (const entry of entriesOf(family)) {
      const fold = (key: string) =>
        ['postgres', 'redis', 'traefik'].includes(family) ? key.toLowerCase() : key;
      const keys = [entry.path ?? entry.name, ...(entry.aliases ?? [])].map(fold);
      for (const key of keys) {
        const owner = seen.get(key);
        assert.ok(owner === undefined, `${family}: ${key} is used by ${owner} and ${entry.name}`);
        seen.set(key, entry.name);
      }
    }
  }
});

test('shared names always carry paths', () => {
  for (const family of KNOB_FAMILIES) {
    const byName = new Map<string, KnobEntry[]>();
    for (const entry of entriesOf(family)) {
      byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
    }
    for (const [name, entries] of byName) {
      if (entries.length < 2) continue;
      assert.ok(entries.every((entry) => entry.path !== undefined), `${family}: ${name}`);
    }
  }
});

test('docs links point to official sites', () => {
  for (const family of KNOB_FAMILIES) {
    for (const entry of entriesOf(family)) {
      const official = OFFICIAL_DOCS.some((prefix) => entry.docs.startsWith(prefix));
      assert.ok(official, `${family} ${entry.name}: ${entry.docs}`);
    }
  }
});

test('summaries are one or two sentences', () => {
  for (const family of KNOB_FAMILIES) {
    for (const entry of entriesOf(family)) {
      assert.match(entry.summary, /[.)]$/, `${family} ${entry.name} must end with a period`);
      const sentences = entry.summary.split(/[.!?]\s+(?=[A-Z`])/).length;
      assert.ok(sentences <= 2, `${family} ${entry.name} has ${sentences} sentences`);
    }
  }
});

test('duration and size knobs state a unit or default', () => {
  for (const family of KNOB_FAMILIES) {
    for (const entry of entriesOf(family)) {
      if (entry.type !== 'duration' && entry.type !== 'size') continue;
      const described = entry.unit !== undefined || entry.default !== undefined;
      assert.ok(described, `${family} ${entry.name} has neither unit nor default`);
    }
  }
});

test('postgres memory knobs use base units', () => {
  const units = new Map(entriesOf('postgres').map((entry) => [entry.name, entry.unit]));
  assert.equal(units.get('shared_buffers'), '8kB');
  assert.equal(units.get('effective_cache_size'), '8kB');
  assert.equal(units.get('wal_buffers'), '8kB');
  assert.equal(units.get('work_mem'), 'kB');
  assert.equal(units.get('maintenance_work_mem'), 'kB');
  assert.equal(units.get('max_wal_size'), 'MB');
  assert.equal(units.get('statement_timeout'), 'ms');
  assert.equal(units.get('idle_in_transaction_session_timeout'), 'ms');
  assert.equal(units.get('log_min_duration_statement'), 'ms');
});

test('credential knobs are marked secret', () => {
  const secrets: [KnobFamily, string][] = [
    ['django', 'SECRET_KEY'],
    ['django', 'PASSWORD'],
    ['django', 'EMAIL_HOST_PASSWORD'],
    ['redis', 'requirepass'],
    ['variable', 'POSTGRES_PASSWORD'],
    ['variable', 'PGPASSWORD'],
    ['variable', 'DATABASE_URL'],
  ];
  for (const [family, name] of secrets) {
    const entry = entriesOf(family).find((candidate) => candidate.name === name);
    assert.equal(entry?.secret, true, `${family} ${name}`);
  }
});
