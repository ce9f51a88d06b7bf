import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolverFor } from '../../../server/src/parsers/python/evaluate-settings.js';
import { evaluateSettingsOnce } from '../../../server/src/parsers/python/evaluation-memo.js';
import type { PythonModule } from '../../../server/src/parsers/python/python-ast.js';
import type { EnvLookup } from '../../../server/src/parsers/python/settings-model.js';
import { parse } from './helpers.js';

const production = 'from .base import *\nimport os\nDEBUG = os.environ.get("DEBUG") == "True"\n';
const base = 'TIME_ZONE = "UTC"\n';

function lookup(values: Record<string, string>, file = '.env'): EnvLookup {
  return (name) => {
    const value = values[name];
    if (value === undefined) return undefined;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: name.length } };
    return { value, location: { file, range } };
  };
}

function modules(entry: PythonModule, baseModule: PythonModule): Map<string, PythonModule> {
  return new Map([
    ['shop/settings/production.py', entry],
    ['shop/settings/base.py', baseModule],
  ]);
}

describe('settings evaluation memo', () => {
  const entry = parse(production, 'shop/settings/production.py');
  const baseModule = parse(base, 'shop/settings/base.py');

  test('same inputs reuse the evaluation', () => {
    const resolve = resolverFor(modules(entry, baseModule));
    const first = evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False' }));
    assert.equal(evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False' })), first);
  });

  test('unread variable change reuses it', () => {
    const resolve = resolverFor(modules(entry, baseModule));
    const first = evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False', OTHER: '1' }));
    assert.equal(evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False', OTHER: '2' })), first);
  });

  test('changed value evaluates again', () => {
    const resolve = resolverFor(modules(entry, baseModule));
    evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False' }));
    const again = evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'True' }));
    assert.deepEqual(again.settings.get('DEBUG')?.value, { type: 'bool', value: true });
  });

  test('moved declaration evaluates again', () => {
    const resolve = resolverFor(modules(entry, baseModule));
    const first = evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False' }, '.env'));
    const again = evaluateSettingsOnce(entry, resolve, lookup({ DEBUG: 'False' }, 'env.template'));
    assert.notEqual(again, first);
    assert.equal(again.reads[0]?.name, 'DEBUG');
  });

  test('changed import evaluates again', () => {
    const first = evaluateSettingsOnce(entry, resolverFor(modules(entry, baseModule)), lookup({}));
    const edited = parse('TIME_ZONE = "Europe/Paris"\n', 'shop/settings/base.py');
    const again = evaluateSettingsOnce(entry, resolverFor(modules(entry, edited)), lookup({}));
    assert.notEqual(again, first);
    assert.deepEqual(again.settings.get('TIME_ZONE')?.value, { type: 'str', value: 'Europe/Paris' });
  });
});
