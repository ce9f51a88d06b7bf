import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceForHost } from '../../../server/src/checks/limits/nginx-routes.js';
import { analyzeFixture, lines, problemAt, problems } from './helpers.js';

describe('proxy-host-unknown', () => {
  test('host that is no service', () => {
    assert.deepEqual(lines('targets-fires', 'proxy-host-unknown'), ['nginx.conf:17']);
    assert.match(problems('targets-fires', 'proxy-host-unknown')[0]!.message, /backend/);
  });

  test('services and domains stay silent', () => {
    assert.deepEqual(lines('targets-silent', 'proxy-host-unknown'), []);
  });

  test('container names and aliases resolve', () => {
    const deployment = analyzeFixture('targets-silent').deployments[0]!;
    assert.equal(serviceForHost(deployment, 'shop-web')?.name, 'web');
    assert.equal(serviceForHost(deployment, 'api')?.name, 'web');
    assert.equal(serviceForHost(deployment, 'backend'), undefined);
  });
});

describe('proxy-port-mismatch', () => {
  test('wrong port and loopback bind', () => {
    assert.deepEqual(lines('targets-fires', 'proxy-port-mismatch'), [
      'docker-compose.yml:9',
      'nginx.conf:2',
      'nginx.conf:13',
    ]);
  });

  test('loopback message', () => {
    const problem = problemAt('targets-fires', 'proxy-port-mismatch', 'nginx.conf:13');
    assert.match(problem.message, /127\.0\.0\.1:9000/);
    assert.equal(problem.severity, 'error');
  });

  test('matching ports stay silent', () => {
    assert.deepEqual(lines('targets-silent', 'proxy-port-mismatch'), []);
  });
});
