import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

const code = 'nginx-duplicate-directive';
const compose =
  'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi -b 0.0.0.0:8000\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/site.conf:/etc/nginx/conf.d/default.conf:ro\n      - ./nginx/proxy.conf:/etc/nginx/snippets/proxy.conf:ro\n';

function site(location: string): string {
  return `server {\n    listen 80;\n    location / {\n${location}        proxy_pass http://web:8000;\n    }\n}\n`;
}

describe('nginx-duplicate-directive', () => {
  test('twice in one location', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      'nginx/site.conf': site('        proxy_read_timeout 60s;\n        proxy_read_timeout 90s;\n'),
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, code), ['nginx/site.conf:5']);
    assert.match(problemsOf(analysis, code)[0]!.message, /already set in this block \(line 4\)/);
  });

  test('once in a snippet, once after', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      'nginx/site.conf': site('        include /etc/nginx/snippets/proxy.conf;\n        proxy_read_timeout 3600s;\n'),
      'nginx/proxy.conf': 'proxy_read_timeout 60s;\nproxy_set_header Host $host;\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, code), ['nginx/site.conf:5']);
    assert.equal(problemsOf(analysis, code)[0]!.related[0]!.location.file, 'nginx/proxy.conf');
  });

  test('repeatable directives stay silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      'nginx/site.conf': site('        add_header X-A 1;\n        add_header X-B 2;\n        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n'),
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('levels apart stay silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      'nginx/site.conf': 'server {\n    listen 80;\n    proxy_read_timeout 60s;\n    location / {\n        proxy_read_timeout 90s;\n        proxy_pass http://web:8000;\n    }\n}\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });

  test('two locations each with one', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      'nginx/site.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n    }\n    location /api/ {\n        proxy_pass http://web:8000;\n    }\n}\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, code), []);
  });
});
