import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Deployment, NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirectives, findAll, SKIP_CHILDREN, walk } from '../../parsers/nginx/walk-nginx.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, isDevelopmentFile } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { chromiumMaxAge } from './cors-settings-check.js';
import { corsMaxAgeCapped, nginxCorsOriginReflected, nginxCorsWildcardCredentials, nginxDjangoDuplicateHeader } from './cors-rules.js';
import { directiveLocation, djangoProxies, headerName, headersAt, headerValue, productionDirectives } from './nginx-facts.js';
import { itemsOf, numberValue, truthiness } from './python-values.js';

const allowOrigin = 'access-control-allow-origin';
const allowCredentials = 'access-control-allow-credentials';

/** CORS headers nginx adds itself, and headers nginx and Django would both send. */
export const nginxCorsCheck: Check = {
  name: 'security-nginx-cors',
  rules: [nginxCorsWildcardCredentials, nginxCorsOriginReflected, corsMaxAgeCapped, nginxDjangoDuplicateHeader],
  run(deployment) {
    if (deployment.stage === 'development') return [];
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      problems.push(...credentialedOriginProblems(config));
      problems.push(...maxAgeProblems(config));
      problems.push(...duplicateProblems(deployment, config));
    }
    return problems;
  },
};

/** Header sets in effect at every level that can hold `add_header`, the top level included. */
function headerSets(config: NginxConfig): NginxDirective[][] {
  const sets: NginxDirective[][] = [config.directives.filter((directive) => directive.name === 'add_header')];
  walk(config.directives, (block) => {
    if (block.entry === true) return SKIP_CHILDREN;
    if (block.block && ['http', 'server', 'location', 'if'].includes(block.name)) sets.push(headersAt(block, config));
    return undefined;
  });
  return sets;
}

function credentialedOriginProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<NginxDirective>();
  for (const headers of headerSets(config)) {
    const origin = headers.find((header) => headerName(header) === allowOrigin);
    const credentials = headers.find((header) => headerName(header) === allowCredentials && headerValue(header).toLowerCase() === 'true');
    if (!origin || !credentials || reported.has(origin) || isDevelopmentFile(origin.file)) continue;
    const value = headerValue(origin).trim();
    const related: RelatedLocation[] = [{ location: directiveLocation(credentials), message: 'Access-Control-Allow-Credentials true is sent here' }];
    if (value === '*') {
      reported.add(origin);
      problems.push(
        createProblem(
          nginxCorsWildcardCredentials,
          directiveLocation(origin),
          'Access-Control-Allow-Origin * is sent together with Access-Control-Allow-Credentials true; browsers reject credentialed responses with a wildcard origin, so these cross-origin requests fail.',
          { related },
        ),
      );
      continue;
    }
    const reflection = unvalidatedReflection(origin, config);
    if (!reflection) continue;
    reported.add(origin);
    problems.push(
      createProblem(
        nginxCorsOriginReflected,
        directiveLocation(origin),
        `Access-Control-Allow-Origin ${reflection.how} together with Access-Control-Allow-Credentials true, so any website a logged-in user visits can call this API with the user's cookies and read the answers.`,
        { related: [...related, ...reflection.related] },
      ),
    );
  }
  return problems;
}

/**
 * Describes how an origin header echoes the request's `Origin` without an allow-list:
 * `$http_origin` outside an `if` that tests it, or a `map` variable whose default or an
 * unanchored pattern yields `$http_origin`. Returns undefined for a fixed or validated origin.
 */
function unvalidatedReflection(origin: NginxDirective, config: NginxConfig): { how: string; related: RelatedLocation[] } | undefined {
  const value = headerValue(origin);
  if (/\$(\{http_origin\}|http_origin\b)/.test(value)) {
    for (let block = origin.parent; block; block = block.parent) {
      if (block.name === 'if' && block.args.some((argument) => argument.value.includes('$http_origin'))) return undefined;
    }
    return { how: 'echoes $http_origin, the Origin header of any request,', related: [] };
  }
  const variable = /^\$\{?(\w+)\}?$/.exec(value.trim())?.[1];
  if (!variable) return undefined;
  const map = findAll(config.directives, 'map').find(
    (block) => block.args[0]?.value === '$http_origin' && block.args[1]?.value === `$${variable}`,
  );
  if (!map) return undefined;
  for (const entry of map.block ?? []) {
    if (entry.entry !== true || !/^\$\{?http_origin\}?$/.test(entry.args[0]?.value ?? '')) continue;
    const key = entry.name;
    const open = key === 'default' || (key.startsWith('~') && !(/^~\*?\^/.test(key) && key.endsWith('$')));
    if (!open) continue;
    const reason = key === 'default' ? 'its default' : `the unanchored pattern ${key}`;
    return {
      how: `comes from map $${variable}, which yields $http_origin for ${reason},`,
      related: [{ location: directiveLocation(entry), message: `map $${variable} passes any origin through here` }],
    };
  }
  return undefined;
}

function maxAgeProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const header of productionDirectives(config, 'add_header')) {
    if (headerName(header) !== 'access-control-max-age') continue;
    const seconds = Number(headerValue(header));
    if (!Number.isFinite(seconds) || seconds <= chromiumMaxAge) continue;
    const argument = header.args[1]!;
    problems.push(
      createProblem(
        corsMaxAgeCapped,
        directiveLocation(header),
        `Access-Control-Max-Age is ${seconds} seconds, but Chromium caches a preflight for at most ${chromiumMaxAge} seconds and Firefox for at most 86400, so the longer value has no effect there.`,
        { fixes: [{ title: `Set Access-Control-Max-Age to ${chromiumMaxAge}`, edits: [{ file: header.file, range: argument.range, newText: String(chromiumMaxAge) }], safe: false }] },
      ),
    );
  }
  return problems;
}

/** True when django-cors-headers adds CORS headers: its middleware is on and some origin is allowed. */
function djangoSendsCors(facts: DjangoFacts): boolean {
  if (facts.hasMiddleware('corsheaders.middleware.CorsMiddleware') !== true) return false;
  const allowAll = truthiness(facts.value('CORS_ALLOW_ALL_ORIGINS') ?? facts.value('CORS_ORIGIN_ALLOW_ALL')) === true;
  const origins = itemsOf(facts.value('CORS_ALLOWED_ORIGINS') ?? facts.value('CORS_ORIGIN_WHITELIST')) ?? [];
  const patterns = itemsOf(facts.value('CORS_ALLOWED_ORIGIN_REGEXES') ?? facts.value('CORS_ORIGIN_REGEX_WHITELIST')) ?? [];
  return allowAll || origins.length > 0 || patterns.length > 0;
}

/** True when Django sends HSTS behind the proxy: SecurityMiddleware, a max-age and a trusted proxy header. */
function djangoSendsHsts(facts: DjangoFacts): boolean {
  return (
    facts.hasMiddleware('django.middleware.security.SecurityMiddleware') === true &&
    (numberValue(facts.value('SECURE_HSTS_SECONDS')) ?? 0) > 0 &&
    truthiness(facts.value('SECURE_PROXY_SSL_HEADER')) === true
  );
}

/** True when nginx's HSTS header has the max-age Django sends, so whichever wins changes nothing. */
function sameMaxAge(value: string, facts: DjangoFacts): boolean {
  const match = /max-age\s*=\s*"?(\d+)/i.exec(value);
  return match !== null && Number(match[1]) === numberValue(facts.value('SECURE_HSTS_SECONDS'));
}

function duplicateProblems(deployment: Deployment, config: NginxConfig): Problem[] {
  if (!deployment.django || !checksProductionSettings(deployment)) return [];
  const facts = djangoFacts(deployment.django);
  const cors = djangoSendsCors(facts);
  const hsts = djangoSendsHsts(facts);
  if (!cors && !hsts) return [];
  const problems: Problem[] = [];
  const reported = new Set<NginxDirective>();
  for (const proxy of djangoProxies(config, deployment)) {
    const hidden = new Set(effectiveDirectives(proxy, 'proxy_hide_header', config.directives).map(headerName));
    const level = proxy.parent;
    const headers = level ? headersAt(level, config) : config.directives.filter((directive) => directive.name === 'add_header');
    for (const header of headers) {
      const name = headerName(header);
      if (reported.has(header) || hidden.has(name)) continue;
      if (cors && name === allowOrigin) {
        reported.add(header);
        const setting = facts.final('CORS_ALLOW_ALL_ORIGINS') ?? facts.final('CORS_ALLOWED_ORIGINS') ?? facts.final('MIDDLEWARE');
        problems.push(
          createProblem(
            nginxDjangoDuplicateHeader,
            directiveLocation(header),
            'nginx adds Access-Control-Allow-Origin to responses that django-cors-headers already gives one, so they carry two values and browsers reject them as a CORS error.',
            { related: setting ? [{ location: assignmentLocation(setting), message: 'django-cors-headers is configured here' }] : [] },
          ),
        );
      }
      if (hsts && name === 'strict-transport-security' && !sameMaxAge(headerValue(header), facts)) {
        reported.add(header);
        const seconds = facts.final('SECURE_HSTS_SECONDS')!;
        problems.push(
          createProblem(
            nginxDjangoDuplicateHeader,
            directiveLocation(header),
            'nginx adds Strict-Transport-Security to responses that Django\'s SecurityMiddleware already gives one; browsers use the first header, which is Django\'s, so this max-age is ignored.',
            { related: [{ location: assignmentLocation(seconds), message: 'Django sets its HSTS max-age here' }] },
          ),
        );
      }
    }
  }
  return problems;
}
