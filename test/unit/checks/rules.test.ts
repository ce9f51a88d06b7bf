import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allChecks, allRules } from '../../../server/src/checks/all-checks.js';

const rules = [...allRules().values()];

test('rule ids are kebab-case', () => {
  for (const rule of rules) assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, rule.id);
});

test('rule ids are unique', () => {
  const ids = allChecks.flatMap((check) => check.rules.map((rule) => rule));
  for (const rule of ids) {
    const same = ids.filter((other) => other.id === rule.id);
    assert.ok(same.every((other) => other === rule), `${rule.id} is defined twice`);
  }
});

test('every rule has a doc paragraph', () => {
  for (const rule of rules) {
    assert.ok(rule.title.length > 0, `${rule.id} has no title`);
    assert.ok(rule.doc.length >= 120, `${rule.id} doc is shorter than a paragraph`);
  }
});

test('checked rules cite a source', () => {
  for (const rule of rules.filter((candidate) => candidate.family !== 'syntax')) {
    assert.ok(rule.sources.length > 0, `${rule.id} cites no source`);
    for (const source of rule.sources) assert.match(source, /^https:\/\//, `${rule.id}: ${source}`);
  }
});

test('docs/rules.md lists every rule', () => {
  const page = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  for (const rule of rules) assert.ok(page.includes(`\`${rule.id}\``), `${rule.id} missing from docs/rules.md; run scripts/rules-doc.ts`);
});
