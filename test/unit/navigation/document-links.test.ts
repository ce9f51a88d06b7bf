import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeLinks, nginxLinks, type FileLink } from '../../../server/src/navigation/document-links.js';
import { analyzeFiles } from '../../helpers/temp-workspace.js';
import { deploymentFiles, textAt } from './helpers.js';

/** `written text -> target` of each link, for assertions that read like the file. */
function describeLinks(analysis: ReturnType<typeof analyzeFiles>, file: string, links: FileLink[]): string[] {
  return links.map((link) => `${textAt(analysis, { file, range: link.range })} -> ${link.target}`);
}

describe('compose links', () => {
  const analysis = analyzeFiles(deploymentFiles);
  const compose = analysis.workspace.load('compose', 'docker-compose.yml')!;

  test('include and bind mounts', () => {
    assert.deepEqual(describeLinks(analysis, 'docker-compose.yml', composeLinks(analysis.workspace, compose)), [
      'db.yaml -> db.yaml',
      './settings.py -> settings.py',
      './nginx/nginx.conf -> nginx/nginx.conf',
      './nginx/nginx.conf -> nginx/nginx.conf',
    ]);
  });

  test('env_file entries linked', () => {
    const local = analyzeFiles({
      'deploy/docker-compose.yml':
        'services:\n  web:\n    build: .\n    env_file:\n      - ../app.env\n      - path: "./local.env"\n        required: false\n',
      'app.env': 'A=1\n',
      'deploy/local.env': 'B=1\n',
    });
    const file = local.workspace.load('compose', 'deploy/docker-compose.yml')!;
    assert.deepEqual(describeLinks(local, 'deploy/docker-compose.yml', composeLinks(local.workspace, file)), [
      '../app.env -> app.env',
      './local.env -> deploy/local.env',
    ]);
  });

  test('extends file linked', () => {
    const local = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    extends:\n      file: common.yml\n      service: base\n',
      'common.yml': 'services:\n  base:\n    image: python:3.12\n',
    });
    const file = local.workspace.load('compose', 'docker-compose.yml')!;
    assert.deepEqual(describeLinks(local, 'docker-compose.yml', composeLinks(local.workspace, file)), [
      'common.yml -> common.yml',
    ]);
  });

  test('missing folder and outside skipped', () => {
    const targets = composeLinks(analysis.workspace, compose).map((link) => link.target);
    assert.ok(!targets.includes('missing.env'));
    assert.ok(!targets.some((target) => target.includes('outside')));
    assert.ok(!targets.includes('static'));
    assert.ok(!targets.includes('nginx/conf.d'));
  });

  test('variable in path skipped', () => {
    const local = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: ${ENV_DIR}/app.env\n',
      'app.env': 'A=1\n',
    });
    const file = local.workspace.load('compose', 'docker-compose.yml')!;
    assert.deepEqual(composeLinks(local.workspace, file), []);
  });
});

describe('nginx links', () => {
  const analysis = analyzeFiles(deploymentFiles);

  test('glob gives each match', () => {
    const links = nginxLinks(analysis.deployments, analysis.workspace.source('nginx/nginx.conf')!);
    assert.deepEqual(describeLinks(analysis, 'nginx/nginx.conf', links), [
      'conf.d/*.conf -> nginx/conf.d/a.conf',
      'conf.d/*.conf -> nginx/conf.d/b.conf',
    ]);
  });

  test('unmounted file resolves beside it', () => {
    const local = analyzeFiles({
      'nginx/nginx.conf': 'events {}\nhttp {\n    include "snippets/proxy.conf";\n    include mime.types;\n}\n',
      'nginx/snippets/proxy.conf': 'proxy_read_timeout 30s;\n',
    });
    const links = nginxLinks(local.deployments, local.workspace.source('nginx/nginx.conf')!);
    assert.deepEqual(describeLinks(local, 'nginx/nginx.conf', links), [
      'snippets/proxy.conf -> nginx/snippets/proxy.conf',
    ]);
  });

  test('file without includes', () => {
    const links = nginxLinks(analysis.deployments, analysis.workspace.source('nginx/conf.d/a.conf')!);
    assert.deepEqual(links, []);
  });
});
