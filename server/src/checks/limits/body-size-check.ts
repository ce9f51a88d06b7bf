import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import { formatBytes, parseNginxSize, toNginxSize } from '../../core/units.js';
import type { Deployment, DjangoApp } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { effectiveDirective } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import {
  directiveLocation,
  headLocation,
  insertAfter,
  pythonBytes,
  replaceArgument,
  settingEdit,
} from './limit-edits.js';
import { requestBodyLimit } from './limit-rules.js';
import {
  type ProxyRoute,
  describeLocations,
  groupRoutes,
  isDjangoWeb,
  proxyRoutes,
  reachesDjango,
} from './nginx-routes.js';
import { type SettingValue, envRelated, numberOf, settingValue } from './setting-values.js';
import { traefikBodyLimits } from './traefik-config.js';

/** nginx's `client_max_body_size` when no level sets it: 1m. */
const nginxDefaultBodySize = 1024 * 1024;

interface DjangoLimit {
  setting: SettingValue;
  bytes: number;
  name: 'DATA_UPLOAD_MAX_MEMORY_SIZE' | 'FILE_UPLOAD_MAX_MEMORY_SIZE';
}

/**
 * Compares the body-size limit of each proxy in front of Django with the upload size the
 * settings accept. Only settings the project sets count: with both sides at their defaults
 * (nginx 1m, Django 2.5 MB) no size was chosen, so nothing is reported.
 */
export const bodySizeCheck: Check = {
  name: 'request-body-limit',
  rules: [requestBodyLimit],
  run(deployment, context) {
    const django = deployment.django;
    if (!django) return [];
    const limits = djangoLimits(django);
    if (limits.length === 0) return [];
    const problems: Problem[] = [];
    const routes = proxyRoutes(deployment).filter((route) => reachesDjango(route, deployment));
    // One finding per directive in effect, or per location where the default applies.
    const groups = groupRoutes(routes, (route) => bodySizeDirective(route) ?? route.location);
    for (const group of groups.values()) {
      const problem = nginxProblem(group, limits, deployment, context.workspace);
      if (problem) problems.push(problem);
    }
    problems.push(...traefikProblems(deployment, limits));
    return problems;
  },
};

/** Upload limits the settings set, DATA_UPLOAD first; None (no limit) is skipped. */
function djangoLimits(django: DjangoApp): DjangoLimit[] {
  const limits: DjangoLimit[] = [];
  for (const name of ['DATA_UPLOAD_MAX_MEMORY_SIZE', 'FILE_UPLOAD_MAX_MEMORY_SIZE'] as const) {
    const setting = settingValue(django, name);
    const bytes = numberOf(setting?.value);
    if (setting && bytes !== undefined && bytes > 0) limits.push({ setting, bytes, name });
  }
  return limits;
}

function bodySizeDirective(route: ProxyRoute): NginxDirective | undefined {
  return effectiveDirective(route.pass, 'client_max_body_size', route.config.directives);
}

function nginxProblem(
  routes: ProxyRoute[],
  limits: DjangoLimit[],
  deployment: Deployment,
  workspace: Workspace,
): Problem | undefined {
  const route = routes[0]!;
  const directive = bodySizeDirective(route);
  const bytes = directive ? parseNginxSize(directive.args[0]?.value ?? '') : nginxDefaultBodySize;
  if (bytes === undefined || bytes === 0) return undefined;
  const limit = limits.find((candidate) => candidate.bytes > bytes);
  if (!limit) return undefined;

  const where = describeLocations(routes);
  const size = `(${formatBytes(bytes)})`;
  const nginxSide = directive
    ? `nginx's client_max_body_size ${directive.args[0]!.value} ${size} in effect at ${where}`
    : `nginx's default client_max_body_size of 1m ${size} at ${where}`;
  const message =
    `${nginxSide} is below ${limit.name} (${formatBytes(limit.bytes)}): ` +
    consequence(limit, bytes);
  const target = toNginxSize(limit.bytes);
  const raise = directive
    ? replaceArgument(directive, target)
    : insertAfter(workspace, insertionAnchor(route), [`client_max_body_size ${target};`]);
  const fixes: Fix[] = [];
  if (raise) {
    fixes.push({ title: `Raise client_max_body_size to ${target}`, edits: [raise], safe: true });
  }
  fixes.push(...lowerDjango(deployment, limit, bytes));
  const location = directive ? directiveLocation(directive) : headLocation(route.location);
  const options = { related: djangoRelated(limit), fixes, severity: severityOf(limit) };
  return createProblem(requestBodyLimit, location, message, options);
}

function djangoRelated(limit: DjangoLimit): RelatedLocation[] {
  const message = `${limit.name} is ${formatBytes(limit.bytes)} here.`;
  return [{ location: limit.setting.location, message }, ...envRelated(limit.setting)];
}

/** Builds the fix in the other direction: Django's setting lowered to the proxy's size. */
function lowerDjango(deployment: Deployment, limit: DjangoLimit, bytes: number): Fix[] {
  const edit = settingEdit(deployment, limit.setting, pythonBytes(bytes), String(bytes));
  if (!edit) return [];
  return [{ title: `Lower ${limit.name} to ${formatBytes(bytes)}`, edits: [edit], safe: false }];
}

/** FILE_UPLOAD_MAX_MEMORY_SIZE is the threshold for keeping uploads in memory: weaker evidence. */
function severityOf(limit: DjangoLimit): 'information' | undefined {
  return limit.name === 'FILE_UPLOAD_MAX_MEMORY_SIZE' ? 'information' : undefined;
}

/** Directive of the location to insert after; `client_max_body_size` is not allowed in `if`. */
function insertionAnchor(route: ProxyRoute): NginxDirective {
  if (route.pass.parent === route.location) return route.pass;
  return route.location.block?.[0] ?? route.pass;
}

function consequence(limit: DjangoLimit, proxyBytes: number): string {
  const range = `between ${formatBytes(proxyBytes)} and ${formatBytes(limit.bytes)}`;
  if (limit.name === 'DATA_UPLOAD_MAX_MEMORY_SIZE') {
    return (
      `requests with bodies ${range} get 413 Request Entity Too Large from the proxy although ` +
      'Django would accept them.'
    );
  }
  return (
    `the settings expect uploads of up to ${formatBytes(limit.bytes)} in memory, but uploads ` +
    `${range} get 413 Request Entity Too Large from the proxy.`
  );
}

function traefikProblems(deployment: Deployment, limits: DjangoLimit[]): Problem[] {
  const problems: Problem[] = [];
  for (const body of traefikBodyLimits(deployment)) {
    if (!body.services.some(isDjangoWeb)) continue;
    const limit = limits.find((candidate) => candidate.bytes > body.bytes);
    if (!limit) continue;
    const message =
      `Traefik middleware ${body.middleware} limits request bodies to maxRequestBodyBytes ` +
      `${body.bytes} (${formatBytes(body.bytes)}), below ${limit.name} ` +
      `(${formatBytes(limit.bytes)}): ${consequence(limit, body.bytes)}`;
    const newText = String(limit.bytes);
    const raise = { file: body.location.file, range: body.valueRange, newText };
    const fixes: Fix[] = [
      { title: `Raise maxRequestBodyBytes to ${limit.bytes}`, edits: [raise], safe: true },
      ...lowerDjango(deployment, limit, body.bytes),
    ];
    const options = { related: djangoRelated(limit), fixes, severity: severityOf(limit) };
    problems.push(createProblem(requestBodyLimit, body.location, message, options));
  }
  return problems;
}
