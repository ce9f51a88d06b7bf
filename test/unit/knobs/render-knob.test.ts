import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KNOB_FAMILIES,
  listKnobs,
  lookupKnob,
  renderKnobMarkdown,
  type Knob,
  type KnobFamily,
} from '../../../server/src/knobs/index.js';

function knob(family: KnobFamily, name: string): Knob {
  const found = lookupKnob(family, name);
  assert.ok(found, `${family} ${name} not found`);
  return found;
}

test('render shows name and kind', () => {
  const markdown = renderKnobMarkdown(knob('django', 'CONN_MAX_AGE'));
  assert.match(markdown, /^\*\*`CONN_MAX_AGE`\*\* · Django setting\n/);
});

test('render shows summary', () => {
  const entry = knob('django', 'CONN_MAX_AGE');
  assert.ok(renderKnobMarkdown(entry).includes(entry.summary));
});

test('render shows key path', () => {
  const markdown = renderKnobMarkdown(knob('django', 'CONN_MAX_AGE'));
  assert.ok(markdown.includes('- Key: `DATABASES.*.CONN_MAX_AGE`'));
});

test('render shows default', () => {
  assert.ok(renderKnobMarkdown(knob('django', 'CONN_MAX_AGE')).includes('- Default: `0`'));
  assert.ok(renderKnobMarkdown(knob('gunicorn', '--timeout')).includes('- Default: `30`'));
});

test('render shows unit in words', () => {
  assert.ok(renderKnobMarkdown(knob('gunicorn', '--timeout')).includes('- Unit: seconds\n'));
  const statementTimeout = renderKnobMarkdown(knob('postgres', 'statement_timeout'));
  assert.ok(statementTimeout.includes('- Unit: milliseconds'));
});

test('render explains bare numbers', () => {
  const markdown = renderKnobMarkdown(knob('postgres', 'shared_buffers'));
  const unit = '- Unit: 8 kB blocks (a number without a unit counts in 8 kB blocks)';
  assert.ok(markdown.includes(unit));
  assert.ok(markdown.includes('- Default: `128MB`'));
});

test('render omits absent facts', () => {
  const markdown = renderKnobMarkdown(knob('django', 'INSTALLED_APPS'));
  assert.ok(!markdown.includes('Unit:'));
  assert.ok(!markdown.includes('Key:'));
  assert.ok(!markdown.includes('In this deployment'));
  assert.ok(!markdown.includes('Since:'));
});

test('render links documentation last', () => {
  const entry = knob('traefik', 'traefik.http.middlewares.security.headers.stsSeconds');
  const markdown = renderKnobMarkdown(entry);
  assert.ok(markdown.endsWith(`[Documentation](${entry.docs})`));
  assert.match(entry.docs, /^https:\/\/doc\.traefik\.io\//);
});

test('render shows value in effect', () => {
  const entry = knob('django', 'CONN_MAX_AGE');
  const markdown = renderKnobMarkdown(entry, { value: '600', where: 'config/settings.py line 88' });
  assert.ok(markdown.includes('- In this deployment: `600` (config/settings.py line 88)'));
});

test('render without value in effect', () => {
  const markdown = renderKnobMarkdown(knob('redis', 'maxmemory'));
  assert.ok(!markdown.includes('In this deployment'));
});

test('render empty value in effect', () => {
  const markdown = renderKnobMarkdown(knob('variable', 'PGHOST'), { value: '', where: '.env' });
  assert.ok(markdown.includes('- In this deployment: (empty) (.env)'));
});

test('render hides secret value', () => {
  const entry = knob('django', 'SECRET_KEY');
  const markdown = renderKnobMarkdown(entry, { value: 'hunter2-very-secret', where: '.env' });
  assert.ok(!markdown.includes('hunter2'));
  assert.ok(markdown.includes('- In this deployment: set, value hidden (.env)'));
});

test('render reports empty secret', () => {
  const entry = knob('variable', 'POSTGRES_PASSWORD');
  const markdown = renderKnobMarkdown(entry, { value: '', where: 'compose.yaml' });
  assert.ok(markdown.includes('- In this deployment: empty (compose.yaml)'));
});

test('render fences backticks in value', () => {
  const entry = knob('traefik', 'traefik.http.routers.app.rule');
  const inEffect = { value: 'Host(`example.com`)', where: 'compose.yaml' };
  const markdown = renderKnobMarkdown(entry, inEffect);
  assert.ok(markdown.includes('``Host(`example.com`)``'));
});

test('render keeps value on one line', () => {
  const entry = knob('compose', 'command');
  const inEffect = { value: 'gunicorn\n  --workers 4', where: 'compose.yaml' };
  const markdown = renderKnobMarkdown(entry, inEffect);
  assert.ok(markdown.includes('`gunicorn --workers 4`'));
});

test('render cuts long values', () => {
  const entry = knob('django', 'ALLOWED_HOSTS');
  const markdown = renderKnobMarkdown(entry, { value: 'a'.repeat(1000), where: 'settings.py' });
  assert.ok(markdown.includes(`\`${'a'.repeat(200)}…\``));
  assert.ok(!markdown.includes('a'.repeat(201)));
});

test('render escapes where text', () => {
  const entry = knob('django', 'DEBUG');
  const markdown = renderKnobMarkdown(entry, { value: 'True', where: '[x](https://evil.example)' });
  assert.ok(markdown.includes('(\\[x\\]\\(https://evil.example\\))'));
});

test('render names library component', () => {
  const markdown = renderKnobMarkdown(knob('django', 'PAGE_SIZE'));
  assert.match(markdown, /^\*\*`PAGE_SIZE`\*\* · Django setting, read by Django REST framework\n/);
});

test('render lists aliases and values', () => {
  const markdown = renderKnobMarkdown(knob('celery', '--pool'));
  assert.ok(markdown.includes('- Also written: `-P`'));
  assert.ok(markdown.includes('`prefork`, `eventlet`'));
});

test('render shows since and notes', () => {
  const entry = knob('django', 'CONN_HEALTH_CHECKS');
  assert.ok(renderKnobMarkdown(entry).includes('- Since: Django 4.1'));
  const notes = knob('postgres', 'statement_timeout').notes!;
  assert.ok(renderKnobMarkdown(knob('postgres', 'statement_timeout')).includes(notes));
});

test('render every knob without error', () => {
  for (const family of KNOB_FAMILIES) {
    for (const entry of listKnobs(family)) {
      const markdown = renderKnobMarkdown(entry, { value: 'x', where: 'y' });
      assert.ok(markdown.includes(`[Documentation](${entry.docs})`), `${family} ${entry.name}`);
    }
  }
});
