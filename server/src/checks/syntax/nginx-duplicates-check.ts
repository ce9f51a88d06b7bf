import type { Problem } from '../../core/problem.js';
import type { Rule } from '../../core/rule.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { walk } from '../../parsers/nginx/walk-nginx.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';

export const nginxDuplicateDirective: Rule = {
  id: 'nginx-duplicate-directive',
  family: 'syntax',
  severity: 'error',
  title: 'nginx directive set twice in one block',
  doc:
    'Directives that take one value, such as `proxy_read_timeout`, `client_max_body_size`, ' +
    '`root` or `proxy_pass`, may appear once per block. A second one makes `nginx -t` fail with ' +
    '"directive is duplicate", so nginx does not start or reload. It often happens through an ' +
    '`include`: a snippet sets `proxy_read_timeout 60s` and the location sets it again. Keep one ' +
    'of them, or move the other to an enclosing block, where the inner one overrides it.',
  sources: ['https://nginx.org/en/docs/switches.html'],
};

/**
 * Directives nginx rejects as duplicate in one block whatever their arguments. Checked with
 * `nginx -t` of nginx 1.22: the `*_timeout` and `*_size` directives and the names below. Others,
 * such as `add_header`, `proxy_set_header`, `error_page` or `limit_req` with another zone, may
 * repeat, and are left alone.
 */
const singleValued = new Set([
  'alias',
  'default_type',
  'expires',
  'gzip',
  'keepalive_requests',
  'proxy_buffering',
  'proxy_buffers',
  'proxy_http_version',
  'proxy_pass',
  'root',
  'sendfile',
  'server_tokens',
  'try_files',
  'uwsgi_pass',
]);

function isSingleValued(name: string): boolean {
  return singleValued.has(name) || /_(timeout|size)$/.test(name);
}

/** A second single-valued directive in the same block, includes expanded. */
export const nginxDuplicatesCheck: Check = {
  name: 'nginx-duplicates',
  rules: [nginxDuplicateDirective],
  run(deployment) {
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      problems.push(...duplicatesIn(config.directives));
      walk(config.directives, (directive) => {
        if (directive.entry === true) return 'skip-children';
        if (directive.block) problems.push(...duplicatesIn(directive.block));
        return undefined;
      });
    }
    return problems;
  },
};

function duplicatesIn(children: readonly NginxDirective[]): Problem[] {
  const first = new Map<string, NginxDirective>();
  const problems: Problem[] = [];
  for (const child of children) {
    if (child.entry === true || !isSingleValued(child.name)) continue;
    const earlier = first.get(child.name);
    if (!earlier) {
      first.set(child.name, child);
      continue;
    }
    const where = earlier.file === child.file ? `line ${earlier.range.start.line + 1}` : `${earlier.file} line ${earlier.range.start.line + 1}`;
    problems.push(
      createProblem(
        nginxDuplicateDirective,
        { file: child.file, range: child.nameRange },
        `${child.name} is already set in this block (${where}), so nginx -t fails with "${child.name}" directive is duplicate and nginx does not start.`,
        { related: [{ location: { file: earlier.file, range: earlier.nameRange }, message: `${child.name} is first set here` }] },
      ),
    );
  }
  return problems;
}
