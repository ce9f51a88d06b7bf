import type { Fix, Problem } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment, NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirectives } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings } from './deployment-facts.js';
import { assignmentLocation, djangoFacts } from './django-facts.js';
import { addDirectiveAfter, appendToArgument } from './nginx-edits.js';
import {
  directiveLocation,
  djangoProxies,
  enclosingServer,
  headerName,
  listensTls,
  productionDirectives,
} from './nginx-facts.js';
import {
  nginxAddHeaderForwarded,
  nginxAliasTraversal,
  nginxForwardedProtoMissing,
  nginxHostFromHttpHost,
  nginxServerTokensOn,
  nginxTlsLegacyProtocols,
} from './nginx-rules.js';
import { itemsOf, knownStringItems, stringValue } from './python-values.js';
import { tlsEvidence } from './transport-facts.js';

const legacyProtocols = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** gixy-style nginx checks plus the proxy header Django's `SECURE_PROXY_SSL_HEADER` trusts. */
export const nginxServerCheck: Check = {
  name: 'security-nginx-server',
  rules: [nginxAliasTraversal, nginxHostFromHttpHost, nginxTlsLegacyProtocols, nginxServerTokensOn, nginxAddHeaderForwarded, nginxForwardedProtoMissing],
  run(deployment, context) {
    if (deployment.stage === 'development') return [];
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      problems.push(...aliasProblems(config));
      problems.push(...hostProblems(deployment, config));
      problems.push(...protocolProblems(config));
      problems.push(...tokenProblems(config));
      problems.push(...forwardedHeaderProblems(config));
      problems.push(...forwardedProtoProblems(deployment, config, context.workspace));
    }
    return problems;
  },
};

function headLocation(block: NginxDirective): Location {
  const last = block.args[block.args.length - 1];
  return { file: block.file, range: { start: block.range.start, end: last ? last.range.end : block.nameRange.end } };
}

function aliasProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const location of productionDirectives(config, 'location')) {
    const args = location.args;
    let path = args.length === 1 ? args[0] : undefined;
    if (args.length === 2 && args[0]!.value === '^~') path = args[1];
    if (!path || path.value.endsWith('/') || path.value.startsWith('@')) continue;
    const alias = (location.block ?? []).find((child) => child.name === 'alias');
    const target = alias?.args[0]?.value ?? '';
    if (!alias || !target.endsWith('/') || target.includes('$')) continue;
    problems.push(
      createProblem(
        nginxAliasTraversal,
        headLocation(location),
        `location ${path.value} has no trailing slash but its alias ${target} has one, so a request for ${path.value}../ reads files outside ${target} (path traversal).`,
        {
          related: [{ location: directiveLocation(alias), message: `alias ${target} is set here` }],
          fixes: [{ title: `Write location ${path.value}/`, edits: [appendToArgument(location.file, path, '/')], safe: true }],
        },
      ),
    );
  }
  return problems;
}

function hostProblems(deployment: Deployment, config: NginxConfig): Problem[] {
  const facts = deployment.django && checksProductionSettings(deployment) ? djangoFacts(deployment.django) : undefined;
  const hosts = facts ? facts.value('ALLOWED_HOSTS') : undefined;
  const wildcard = stringValue(hosts) === '*' || knownStringItems(hosts).includes('*');
  const problems: Problem[] = [];
  for (const header of productionDirectives(config, 'proxy_set_header')) {
    const value = header.args[1];
    if (headerName(header) !== 'host' || !value || !/^\$(http_host|\{http_host\})$/.test(value.value)) continue;
    const hostsAssignment = facts?.final('ALLOWED_HOSTS');
    const message = wildcard
      ? 'Host is passed as $http_host, the client\'s own Host header, and ALLOWED_HOSTS accepts any host, so an attacker can make Django build links to a host of their choice.'
      : 'Host is passed as $http_host, the client\'s own Host header, not $host, which nginx normalises; Django then relies on ALLOWED_HOSTS alone to reject forged hosts.';
    problems.push(
      createProblem(nginxHostFromHttpHost, directiveLocation(header), message, {
        ...(wildcard ? { severity: 'warning' as const } : {}),
        related: wildcard && hostsAssignment ? [{ location: assignmentLocation(hostsAssignment), message: 'ALLOWED_HOSTS contains * here' }] : [],
        fixes: [{ title: 'Use $host', edits: [{ file: header.file, range: value.range, newText: '$host' }], safe: false }],
      }),
    );
  }
  return problems;
}

function protocolProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const directive of productionDirectives(config, 'ssl_protocols')) {
    const legacy = directive.args.map((argument) => argument.value).filter((value) => legacyProtocols.has(value));
    if (legacy.length === 0) continue;
    const first = directive.args[0]!;
    const last = directive.args[directive.args.length - 1]!;
    problems.push(
      createProblem(
        nginxTlsLegacyProtocols,
        directiveLocation(directive),
        `ssl_protocols enables ${legacy.join(', ')}, which have known weaknesses and are deprecated (RFC 8996); keep TLSv1.2 and TLSv1.3.`,
        {
          fixes: [
            { title: 'Allow only TLSv1.2 and TLSv1.3', edits: [{ file: directive.file, range: { start: first.range.start, end: last.range.end }, newText: 'TLSv1.2 TLSv1.3' }], safe: false },
          ],
        },
      ),
    );
  }
  return problems;
}

function tokenProblems(config: NginxConfig): Problem[] {
  return productionDirectives(config, 'server_tokens')
    .filter((directive) => directive.args[0]?.value === 'on')
    .map((directive) =>
      createProblem(
        nginxServerTokensOn,
        directiveLocation(directive),
        'server_tokens on puts the nginx version in the Server header and on error pages, telling attackers which known vulnerabilities apply.',
        { fixes: [{ title: 'Set server_tokens off', edits: [{ file: directive.file, range: directive.args[0]!.range, newText: 'off' }], safe: true }] },
      ),
    );
}

function forwardedHeaderProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const header of productionDirectives(config, 'add_header')) {
    const name = headerName(header);
    if (!/^x-(forwarded-[a-z-]+|real-ip)$/.test(name)) continue;
    const fixes: Fix[] =
      header.parent?.name === 'if'
        ? []
        : [{ title: 'Use proxy_set_header', edits: [{ file: header.file, range: header.nameRange, newText: 'proxy_set_header' }], safe: false }];
    problems.push(
      createProblem(
        nginxAddHeaderForwarded,
        directiveLocation(header),
        `add_header sends ${header.args[0]!.value} to the browser, not to the upstream, so Django never receives it; use proxy_set_header for request headers.`,
        { fixes },
      ),
    );
  }
  return problems;
}

/** Request header name of a `SECURE_PROXY_SSL_HEADER` META key: `HTTP_X_FORWARDED_PROTO` to `x-forwarded-proto`. */
function headerOfMetaKey(key: string): string | undefined {
  if (!key.startsWith('HTTP_')) return undefined;
  return key.slice(5).toLowerCase().replace(/_/g, '-');
}

/** True when the block of `directive` or an enclosing one keeps an `include` that loaded nothing. */
function unresolvedIncludeAround(directive: NginxDirective): boolean {
  for (let block = directive.parent; block; block = block.parent) {
    if ((block.block ?? []).some((child) => child.name === 'include')) return true;
  }
  return false;
}

function forwardedProtoProblems(deployment: Deployment, config: NginxConfig, workspace: Workspace): Problem[] {
  if (!deployment.django || !checksProductionSettings(deployment)) return [];
  const facts = djangoFacts(deployment.django);
  const setting = facts.final('SECURE_PROXY_SSL_HEADER');
  const key = stringValue(itemsOf(setting?.value)?.[0]);
  const header = key ? headerOfMetaKey(key) : undefined;
  if (!setting || !header) return [];
  const problems: Problem[] = [];
  for (const proxy of djangoProxies(config, deployment)) {
    if (proxy.name !== 'proxy_pass') continue;
    const headers = effectiveDirectives(proxy, 'proxy_set_header', config.directives);
    if (headers.some((directive) => headerName(directive) === header)) continue;
    // An include that names no workspace file (the image's own `proxy_params`) may set it.
    if (unresolvedIncludeAround(proxy)) continue;
    const server = enclosingServer(proxy);
    const dropped = server
      ? (server.block ?? []).some((child) => child.name === 'proxy_set_header' && headerName(child) === header) && proxy.parent !== server
      : false;
    const reason = dropped
      ? 'the header set in the server block is dropped here, because this block sets proxy_set_header of its own'
      : 'nothing sets that header for this proxy_pass';
    const terminatesTls = server?.block?.some((child) => child.name === 'listen' && listensTls(child)) ?? false;
    // Behind a TLS-terminating Traefik, nginx receives plain HTTP and must pass Traefik's header on.
    const behindTraefik = tlsEvidence(deployment, undefined).some((item) => item.source === 'traefik');
    const value = !terminatesTls && behindTraefik ? '$http_x_forwarded_proto' : '$scheme';
    const fixes: Fix[] =
      header === 'x-forwarded-proto'
        ? [{ title: `Add proxy_set_header X-Forwarded-Proto ${value}`, edits: addDirectiveAfter(workspace, proxy, `proxy_set_header X-Forwarded-Proto ${value};`), safe: false }]
        : [];
    const display = header.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
    problems.push(
      createProblem(
        nginxForwardedProtoMissing,
        directiveLocation(proxy),
        `Django trusts ${display} through SECURE_PROXY_SSL_HEADER, but ${reason}; clients can then send their own value and claim HTTPS, and real HTTPS requests look like HTTP to Django.`,
        {
          related: [{ location: assignmentLocation(setting), message: 'SECURE_PROXY_SSL_HEADER is set here' }],
          fixes: fixes.filter((fix) => fix.edits.length > 0),
        },
      ),
    );
  }
  return problems;
}
