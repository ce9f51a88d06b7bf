import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expandSnippet } from './expand-snippet.js';

describe('expandSnippet', () => {
  test('placeholder takes its default', () => {
    assert.equal(expandSnippet(['image: postgres:${1:16}']), 'image: postgres:16');
  });

  test('mirror repeats the default', () => {
    assert.equal(expandSnippet(['${1:web}:', '  - ${1}', '  - $1']), 'web:\n  - web\n  - web');
  });

  test('choice takes its first option', () => {
    assert.equal(expandSnippet(['PRELOAD = ${1|False,True|}']), 'PRELOAD = False');
  });

  test('nested placeholder expands', () => {
    assert.equal(expandSnippet(['${1:http://${2:web}:8000}']), 'http://web:8000');
  });

  test('escapes become literal text', () => {
    const redirect = expandSnippet(['return 301 https://\\$host\\$request_uri;']);
    assert.equal(redirect, 'return 301 https://$host$request_uri;');
    assert.equal(expandSnippet(['${1:a\\}b}']), 'a}b');
    const pattern = expandSnippet(['"~^https://${1:app\\.example\\.com}\\$"']);
    assert.equal(pattern, '"~^https://app\\.example\\.com$"');
  });

  test('unescaped variable throws', () => {
    const nginxLine = ['proxy_set_header Host $host;'];
    assert.throws(() => expandSnippet(nginxLine), /unsupported variable \$host/);
    const composeLine = ['POSTGRES_DB: ${POSTGRES_DB}'];
    assert.throws(() => expandSnippet(composeLine), /unsupported variable \$POSTGRES_DB/);
  });

  test('final tabstop takes its text', () => {
    assert.equal(expandSnippet(['a', '$0', 'b'], { tabstopText: { 0: 'middle' } }), 'a\nmiddle\nb');
    assert.equal(expandSnippet(['a$0']), 'a');
  });

  test('tabstop without default throws', () => {
    assert.throws(() => expandSnippet(['listen $1;']), /\$1 has no default/);
  });

  test('tabs and base indentation', () => {
    const text = expandSnippet(['location / {', '\treturn 204;', '', '}'], {
      indentUnit: '  ',
      baseIndent: '    ',
    });
    assert.equal(text, 'location / {\n      return 204;\n\n    }');
  });
});
