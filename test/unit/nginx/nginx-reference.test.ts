import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  directiveNames,
  lookupDirective,
  lookupDirectiveVariants,
  moduleDocsPath,
  moduleProtocol,
} from '../../../server/src/parsers/nginx/nginx-reference.js';

test('reference add_header facts', () => {
  const reference = lookupDirective('add_header')!;
  assert.equal(reference.module, 'ngx_http_headers_module');
  assert.deepEqual(reference.contexts, ['http', 'server', 'location', 'if in location']);
  assert.equal(reference.isBlock, false);
  assert.equal(reference.defaultValue, undefined);
  assert.equal(reference.protocol, 'http');
  assert.equal(
    reference.docsUrl,
    'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header',
  );
});

test('reference description is markdown', () => {
  const reference = lookupDirective('add_header')!;
  assert.match(reference.description, /`add_header`/);
  assert.doesNotMatch(reference.description, /<p>/);
  assert.match(reference.syntax[0]!, /`always`/);
});

test('reference default value', () => {
  assert.equal(lookupDirective('client_max_body_size')!.defaultValue, '1m');
  assert.equal(lookupDirective('proxy_read_timeout')!.defaultValue, '60s');
});

test('reference core module url', () => {
  const reference = lookupDirective('worker_connections')!;
  assert.equal(
    reference.docsUrl,
    'https://nginx.org/en/docs/ngx_core_module.html#worker_connections',
  );
  assert.deepEqual(reference.contexts, ['events']);
  assert.equal(reference.protocol, undefined);
});

test('reference include any context', () => {
  assert.deepEqual(lookupDirective('include')!.contexts, []);
});

test('reference protocol picks variant', () => {
  assert.equal(lookupDirective('proxy_pass')!.module, 'ngx_http_proxy_module');
  assert.equal(lookupDirective('proxy_pass', 'stream')!.module, 'ngx_stream_proxy_module');
  assert.equal(
    lookupDirective('proxy_pass', 'stream')!.docsUrl,
    'https://nginx.org/en/docs/stream/ngx_stream_proxy_module.html#proxy_pass',
  );
  assert.ok(lookupDirectiveVariants('server').length >= 3);
});

test('reference unknown and case-sensitive', () => {
  assert.equal(lookupDirective('lisen'), undefined);
  assert.equal(lookupDirective('Listen'), undefined);
  assert.deepEqual(lookupDirectiveVariants('lisen'), []);
});

test('reference module docs paths', () => {
  assert.equal(moduleDocsPath('ngx_http_proxy_module'), 'http/ngx_http_proxy_module.html');
  assert.equal(moduleDocsPath('ngx_mail_core_module'), 'mail/ngx_mail_core_module.html');
  assert.equal(moduleDocsPath('Core functionality'), 'ngx_core_module.html');
  assert.equal(moduleDocsPath('ngx_otel_module'), 'ngx_otel_module.html');
  assert.equal(moduleProtocol('ngx_otel_module'), 'http');
  assert.equal(moduleProtocol('ngx_mgmt_module'), undefined);
});

test('reference lists directive names', () => {
  const names = directiveNames();
  assert.ok(names.length > 700);
  assert.ok(names.includes('proxy_set_header'));
});
