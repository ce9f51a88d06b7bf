import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGlobPattern, matchGlob } from '../../../server/src/parsers/nginx/match-glob.js';

test('glob star within segment', () => {
  assert.equal(matchGlob('conf.d/*.conf', 'conf.d/default.conf'), true);
  assert.equal(matchGlob('conf.d/*.conf', 'conf.d/default.conf.bak'), false);
  assert.equal(matchGlob('conf.d/*.conf', 'conf.d/sub/a.conf'), false);
  assert.equal(matchGlob('sites-enabled/*', 'sites-enabled/example'), true);
  assert.equal(matchGlob('*', ''), true);
});

test('glob skips dotfiles', () => {
  assert.equal(matchGlob('conf.d/*', 'conf.d/.hidden.conf'), false);
  assert.equal(matchGlob('conf.d/?hidden.conf', 'conf.d/.hidden.conf'), false);
  assert.equal(matchGlob('conf.d/.*', 'conf.d/.hidden.conf'), true);
});

test('glob question mark', () => {
  assert.equal(matchGlob('a?.conf', 'ab.conf'), true);
  assert.equal(matchGlob('a?.conf', 'a.conf'), false);
});

test('glob bracket expressions', () => {
  assert.equal(matchGlob('[0-9]*.conf', '10-site.conf'), true);
  assert.equal(matchGlob('[0-9]*.conf', 'site.conf'), false);
  assert.equal(matchGlob('[!0-9]*.conf', 'site.conf'), true);
  assert.equal(matchGlob('[^0-9]*.conf', '1.conf'), false);
  assert.equal(matchGlob('[]a].conf', '].conf'), true);
  assert.equal(matchGlob('a[.conf', 'a[.conf'), true);
});

test('glob escapes and literals', () => {
  assert.equal(matchGlob('a\\*.conf', 'a*.conf'), true);
  assert.equal(matchGlob('a\\*.conf', 'ab.conf'), false);
  assert.equal(matchGlob('/etc/nginx/nginx.conf', '/etc/nginx/nginx.conf'), true);
  assert.equal(matchGlob('/etc/nginx/nginx.conf', '/etc/nginx/other.conf'), false);
});

test('glob many stars stays fast', () => {
  const started = Date.now();
  assert.equal(matchGlob('*a*a*a*a*a*a*a*b', 'a'.repeat(200)), false);
  assert.ok(Date.now() - started < 1000);
});

test('glob pattern detection', () => {
  assert.equal(isGlobPattern('conf.d/*.conf'), true);
  assert.equal(isGlobPattern('a?.conf'), true);
  assert.equal(isGlobPattern('[ab].conf'), true);
  assert.equal(isGlobPattern('/etc/nginx/mime.types'), false);
});
