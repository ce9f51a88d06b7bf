import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeWorkspace } from '../../../server/src/analysis/analyze.js';
import { applyFixes } from '../../../server/src/analysis/apply-fixes.js';
import { analyzeFiles, createWorkspace, findings, problemsOf } from '../../helpers/temp-workspace.js';

const code = 'variable-padded-entry';
const hostsFromEnv = 'import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")\n';

describe('variable-padded-entry', () => {
  test('space after comma in hosts', () => {
    const analysis = analyzeFiles({ '.env': 'ALLOWED_HOSTS=shop.example.com, www.shop.example.com\n', 'settings.py': hostsFromEnv });
    assert.deepEqual(findings(analysis, code), ['.env:1']);
    assert.match(problemsOf(analysis, code)[0]!.message, /" www\.shop\.example\.com"/);
  });

  test('space separated origins', () => {
    const analysis = analyzeFiles({
      '.env': 'CSRF_TRUSTED_ORIGINS=https://a.example.com https://b.example.com\n',
      'settings.py': 'import os\nCSRF_TRUSTED_ORIGINS = os.environ["CSRF_TRUSTED_ORIGINS"].split(",")\n',
    });
    assert.deepEqual(findings(analysis, code), ['.env:1']);
    assert.match(problemsOf(analysis, code)[0]!.message, /403 Forbidden/);
  });

  test('literal entry in settings', () => {
    const analysis = analyzeFiles({ 'settings.py': 'ALLOWED_HOSTS = ["shop.example.com", " www.shop.example.com"]\n' });
    assert.deepEqual(findings(analysis, code), ['settings.py:1']);
  });

  test('no spaces stays silent', () => {
    const analysis = analyzeFiles({ '.env': 'ALLOWED_HOSTS=shop.example.com,www.shop.example.com\n', 'settings.py': hostsFromEnv });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('stripped entries stay silent', () => {
    const analysis = analyzeFiles({
      '.env': 'ALLOWED_HOSTS=shop.example.com, www.shop.example.com\n',
      'settings.py': 'import os\nALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",")]\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('decouple Csv stays silent', () => {
    const analysis = analyzeFiles({
      '.env': 'ALLOWED_HOSTS=shop.example.com, www.shop.example.com\n',
      'settings.py': 'from decouple import config, Csv\nALLOWED_HOSTS = config("ALLOWED_HOSTS", cast=Csv())\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('other list settings ignored', () => {
    const analysis = analyzeFiles({
      '.env': 'ADMINS_LIST=a@example.com, b@example.com\n',
      'settings.py': 'import os\nADMINS_LIST = os.environ["ADMINS_LIST"].split(",")\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('fix removes the spaces', () => {
    const root = createWorkspace({ '.env': 'ALLOWED_HOSTS="shop.example.com , www.shop.example.com"\n', 'settings.py': hostsFromEnv });
    const problem = problemsOf(analyzeWorkspace(root), code)[0]!;
    const fix = problem.fixes[0]!;
    assert.equal(fix.safe, true);
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const result = applyFixes([problem], read);
    assert.equal(result.texts.get('.env'), 'ALLOWED_HOSTS="shop.example.com,www.shop.example.com"\n');
    writeFileSync(join(root, '.env'), result.texts.get('.env')!);
    assert.deepEqual(findings(analyzeWorkspace(root), code), []);
  });

  test('space separated value gets no fix', () => {
    const analysis = analyzeFiles({ '.env': 'ALLOWED_HOSTS=a.example.com b.example.com\n', 'settings.py': hostsFromEnv });
    assert.deepEqual(problemsOf(analysis, code)[0]?.fixes, []);
  });
});
