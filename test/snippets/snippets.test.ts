// Every snippet, expanded with its defaults and inserted into a small workspace, must pass
// Shipshape's own checks: no error or warning (information findings are allowed).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Problem } from '../../server/src/core/problem.js';
import { analyzeFiles } from '../helpers/temp-workspace.js';
import { expandSnippet } from './expand-snippet.js';
import {
  buildScenarios,
  loadSnippets,
  type Scenario,
  type SnippetRange,
} from './snippet-workspaces.js';

const snippets = loadSnippets();
const scenarios = buildScenarios();

function isSerious(problem: Problem): boolean {
  return problem.severity === 'error' || problem.severity === 'warning';
}

function describeProblem(problem: Problem): string {
  const { file, range } = problem.location;
  return `${file}:${range.start.line + 1} ${problem.code}: ${problem.message}`;
}

/** Finds the innermost inserted snippet that contains the problem's first line. */
function ownerOf(problem: Problem, ranges: SnippetRange[]): SnippetRange | undefined {
  const line = problem.location.range.start.line;
  const containing = ranges.filter(
    (range) =>
      range.file === problem.location.file && range.startLine <= line && line <= range.endLine,
  );
  containing.sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine));
  return containing[0];
}

describe('snippet expansion', () => {
  for (const [prefix, snippet] of snippets) {
    test(`${prefix} expands`, () => {
      const text = expandSnippet(snippet.body, { tabstopText: { 0: '' } });
      assert.ok(text.trim().length > 0);
      assert.doesNotMatch(text, /\$\{\d|\$\d/, 'placeholder left in the expanded text');
    });
  }

  test('every snippet is in a workspace', () => {
    const used = new Set(
      scenarios.flatMap((scenario) => scenario.ranges.map((range) => range.prefix)),
    );
    assert.deepEqual([...snippets.keys()].filter((prefix) => !used.has(prefix)), []);
  });
});

for (const scenario of scenarios) {
  describe(`snippets in ${scenario.name}`, () => {
    const analysis = analyzeFiles(scenario.files);
    const serious = analysis.problems.filter(isSerious);

    test('no error or warning', () => {
      assert.deepEqual(serious.map(describeProblem), []);
    });

    test('every file was read', () => {
      const kinds = analysis.workspace.discovered.byKind;
      const read = [...kinds.compose, ...kinds.env, ...kinds.nginx, ...kinds.python];
      for (const path of Object.keys(scenario.files)) {
        if (!/\.(ya?ml|conf|template)$|settings\.py$/.test(path)) continue;
        assert.ok(read.includes(path), path);
      }
    });

    for (const range of scenario.ranges) {
      test(`${range.prefix} clean`, () => {
        const own = serious.filter((problem) => ownerOf(problem, scenario.ranges) === range);
        assert.deepEqual(own.map(describeProblem), []);
      });
    }
  });
}

/** Edits that break one snippet. Each must make its rule fire, which shows the checks read it. */
const mutations: { scenario: number; file: string; from: string; to: string; rule: string }[] = [
  {
    scenario: 0,
    file: 'docker-compose.yml',
    from: '--maxmemory 192mb',
    to: '--maxmemory 300mb',
    rule: 'redis-maxmemory',
  },
  {
    scenario: 0,
    file: 'docker-compose.yml',
    from: 'shared_buffers=256MB',
    to: 'shared_buffers=1100MB',
    rule: 'postgres-memory',
  },
  {
    scenario: 0,
    file: 'docker-compose.yml',
    from: '--bind 0.0.0.0:8000',
    to: '--bind 127.0.0.1:8000',
    rule: 'proxy-port-mismatch',
  },
  {
    scenario: 0,
    file: 'docker-compose.yml',
    from: '--timeout 30',
    to: '--timeout 90',
    rule: 'timeout-order',
  },
  {
    scenario: 0,
    file: 'nginx/conf.d/default.conf',
    from: 'proxy_set_header X-Forwarded-Proto $scheme;',
    to: '',
    rule: 'nginx-forwarded-proto-missing',
  },
  {
    scenario: 0,
    file: 'env.template',
    from: 'DJANGO_ALLOWED_HOSTS=example.com',
    to: '',
    rule: 'variable-missing',
  },
  {
    scenario: 1,
    file: 'env.template',
    from: 'DJANGO_CONN_MAX_AGE=0',
    to: 'DJANGO_CONN_MAX_AGE=60',
    rule: 'conn-max-age-asgi',
  },
  {
    scenario: 1,
    file: 'nginx/conf.d/default.conf',
    from: 'proxy_set_header Upgrade $http_upgrade;',
    to: '',
    rule: 'websocket-upgrade-missing',
  },
  {
    scenario: 1,
    file: 'nginx/conf.d/default.conf',
    from: 'Access-Control-Allow-Origin $cors_origin',
    to: 'Access-Control-Allow-Origin $http_origin',
    rule: 'nginx-cors-origin-reflected',
  },
  {
    scenario: 1,
    file: 'nginx/conf.d/default.conf',
    // The CORS location's copy of a server-level header, found by the line after it.
    from:
      'add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;\n' +
      '        add_header Access',
    to: 'add_header Access',
    rule: 'nginx-add-header-dropped',
  },
  {
    scenario: 2,
    file: 'docker-compose.yml',
    from: 'loadbalancer.server.port=8000',
    to: 'loadbalancer.server.port=8080',
    rule: 'proxy-port-mismatch',
  },
  {
    scenario: 2,
    file: 'config/settings.py',
    from: 'CORS_ALLOW_CREDENTIALS = True',
    to: 'CORS_ALLOW_CREDENTIALS = True\nCORS_ALLOW_ALL_ORIGINS = True',
    rule: 'cors-allow-all-with-credentials',
  },
];

describe('broken snippets fire', () => {
  for (const mutation of mutations) {
    const scenario: Scenario = scenarios[mutation.scenario]!;
    test(`${mutation.rule} after edit`, () => {
      const text = scenario.files[mutation.file]!;
      assert.ok(text.includes(mutation.from), `${mutation.file} lacks ${mutation.from}`);
      const files = {
        ...scenario.files,
        [mutation.file]: text.replace(mutation.from, mutation.to),
      };
      const codes = analyzeFiles(files).problems.map((problem) => problem.code);
      assert.ok(codes.includes(mutation.rule), `${mutation.rule} not in ${codes.join(', ')}`);
    });
  }
});
