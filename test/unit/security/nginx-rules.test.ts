import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyzeFiles,
  analyzeFixture,
  assertFixesResolve,
  findings,
  fixtureFiles,
  patched,
  problemsOf,
} from './helpers.js';

const tls = 'nginx-tls';
const tlsConf = 'nginx/site.conf';
const inheritance = 'nginx-inheritance';

describe('nginx-tls-legacy-protocols', () => {
  test('TLSv1 and TLSv1.1 fire', () => {
    assert.deepEqual(findings(analyzeFixture(tls), 'nginx-tls-legacy-protocols'), ['nginx/site.conf:5']);
  });

  test('modern protocols stay silent', () => {
    const files = patched(fixtureFiles(tls), tlsConf, 'TLSv1 TLSv1.1 TLSv1.2', 'TLSv1.2 TLSv1.3');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-tls-legacy-protocols'), []);
  });

  test('fix keeps TLSv1.2 and TLSv1.3', () => {
    assertFixesResolve(fixtureFiles(tls), 'nginx-tls-legacy-protocols');
  });
});

describe('nginx-server-tokens-on', () => {
  test('explicit on fires', () => {
    assert.deepEqual(findings(analyzeFixture(tls), 'nginx-server-tokens-on'), ['nginx/site.conf:6']);
  });

  test('off stays silent', () => {
    const files = patched(fixtureFiles(tls), tlsConf, 'server_tokens on;', 'server_tokens off;');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-server-tokens-on'), []);
  });

  test('fix is safe and resolves', () => {
    const [problem] = problemsOf(analyzeFixture(tls), 'nginx-server-tokens-on');
    assert.equal(problem!.fixes[0]!.safe, true);
    assertFixesResolve(fixtureFiles(tls), 'nginx-server-tokens-on');
  });
});

describe('nginx-hsts-short', () => {
  test('max-age 600 fires', () => {
    assert.deepEqual(findings(analyzeFixture(tls), 'nginx-hsts-short'), ['nginx/site.conf:7']);
  });

  test('one year stays silent', () => {
    const files = patched(fixtureFiles(tls), tlsConf, 'max-age=600', 'max-age=31536000');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-hsts-short'), []);
  });

  test('fix raises max-age', () => {
    assertFixesResolve(fixtureFiles(tls), 'nginx-hsts-short');
  });
});

describe('nginx-host-from-http-host', () => {
  test('http_host is information', () => {
    const problems = problemsOf(analyzeFixture(tls), 'nginx-host-from-http-host');
    assert.deepEqual(findings(analyzeFixture(tls), 'nginx-host-from-http-host'), ['nginx/site.conf:11']);
    assert.equal(problems[0]!.severity, 'information');
  });

  test('wildcard ALLOWED_HOSTS makes it a warning', () => {
    const files = { ...fixtureFiles(tls), 'settings.py': 'ALLOWED_HOSTS = ["*"]\n' };
    const problems = problemsOf(analyzeFiles(files), 'nginx-host-from-http-host');
    assert.equal(problems[0]?.severity, 'warning');
  });

  test('$host stays silent', () => {
    const files = patched(fixtureFiles(tls), tlsConf, 'Host $http_host', 'Host $host');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-host-from-http-host'), []);
  });

  test('fix writes $host', () => {
    assertFixesResolve(fixtureFiles(tls), 'nginx-host-from-http-host');
  });
});

describe('nginx-add-header-dropped', () => {
  test('location add_header drops server headers', () => {
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-add-header-dropped'), [
      'nginx/site.conf:9',
      'nginx/site.conf:24',
    ]);
  });

  test('related lists the dropped headers', () => {
    const [problem] = problemsOf(analyzeFixture(inheritance), 'nginx-add-header-dropped');
    assert.deepEqual(
      problem!.related.map((item) => item.location.range.start.line + 1),
      [3, 4, 5],
    );
  });

  test('merge inheritance stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', '    listen 80;\n', '    listen 80;\n    add_header_inherit merge;\n');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-add-header-dropped'), []);
  });

  test('non-security outer header stays silent', () => {
    const files = {
      'nginx/site.conf': 'server {\n    add_header X-Served-By edge;\n    location / {\n        add_header Cache-Control no-store;\n    }\n}\n',
    };
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-add-header-dropped'), []);
  });

  test('fix repeats the headers', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'nginx-add-header-dropped');
  });
});

describe('nginx-preflight-drops-headers', () => {
  test('if with return fires at the if', () => {
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-preflight-drops-headers'), ['nginx/site.conf:17']);
  });

  test('if with only return stays silent', () => {
    assert.deepEqual(findings(analyzeFixture('nginx-cors-map'), 'nginx-preflight-drops-headers'), []);
  });

  test('fix copies the headers into the if', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'nginx-preflight-drops-headers');
  });
});

describe('nginx-alias-traversal', () => {
  test('prefix without slash fires as error', () => {
    const problems = problemsOf(analyzeFixture(inheritance), 'nginx-alias-traversal');
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-alias-traversal'), ['nginx/site.conf:12']);
    assert.equal(problems[0]!.severity, 'error');
  });

  test('trailing slash on both stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', 'location /media {', 'location /media/ {');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-alias-traversal'), []);
  });

  test('alias without slash stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', 'alias /srv/media/;', 'alias /srv/media;');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-alias-traversal'), []);
  });

  test('fix adds the slash', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'nginx-alias-traversal');
  });
});

describe('nginx-header-missing-always', () => {
  test('security header without always', () => {
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-header-missing-always'), ['nginx/site.conf:5']);
  });

  test('headers in a 204 preflight stay silent', () => {
    const lines = findings(analyzeFixture(inheritance), 'nginx-header-missing-always');
    assert.equal(lines.includes('nginx/site.conf:18'), false);
  });

  test('fix appends always', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'nginx-header-missing-always');
  });
});

describe('nginx-add-header-forwarded', () => {
  test('add_header X-Forwarded-Proto fires', () => {
    assert.deepEqual(findings(analyzeFixture(inheritance), 'nginx-add-header-forwarded'), ['nginx/site.conf:24']);
  });

  test('proxy_set_header stays silent', () => {
    const files = patched(fixtureFiles(inheritance), 'nginx/site.conf', 'add_header X-Forwarded-Proto', 'proxy_set_header X-Forwarded-Proto');
    assert.deepEqual(findings(analyzeFiles(files), 'nginx-add-header-forwarded'), []);
  });

  test('fix renames the directive', () => {
    assertFixesResolve(fixtureFiles(inheritance), 'nginx-add-header-forwarded');
  });
});

describe('nginx development files', () => {
  test('dev-named config stays silent', () => {
    const files = { 'nginx/dev.conf': fixtureFiles(tls)[tlsConf]! };
    const analysis = analyzeFiles(files);
    assert.deepEqual(findings(analysis, 'nginx-tls-legacy-protocols'), []);
    assert.deepEqual(findings(analysis, 'nginx-hsts-short'), []);
  });
});
