import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import { assignmentLocation, type DjangoFacts } from './django-facts.js';
import { productionDirectives, listensTls, plainHttpServers, redirectsToHttps, proxiesToDjango } from './nginx-facts.js';
import { numberValue, truthiness } from './python-values.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { isDevelopmentFile } from './deployment-facts.js';

/** A sign that the deployment serves HTTPS, with where it was seen. */
export interface TlsEvidence {
  /** Setting name, or `nginx` / `traefik` for proxy configuration. */
  source: string;
  /** Short phrase for messages: `SECURE_SSL_REDIRECT is on`, `nginx listens with ssl`. */
  description: string;
  location: Location;
}

const settingEvidence: { name: string; description: string; test: (facts: DjangoFacts) => boolean }[] = [
  { name: 'SECURE_SSL_REDIRECT', description: 'SECURE_SSL_REDIRECT is on', test: (facts) => truthiness(facts.value('SECURE_SSL_REDIRECT')) === true },
  { name: 'SECURE_PROXY_SSL_HEADER', description: 'SECURE_PROXY_SSL_HEADER is set', test: (facts) => truthiness(facts.value('SECURE_PROXY_SSL_HEADER')) === true },
  { name: 'SECURE_HSTS_SECONDS', description: 'SECURE_HSTS_SECONDS is set', test: (facts) => (numberValue(facts.value('SECURE_HSTS_SECONDS')) ?? 0) > 0 },
  { name: 'SESSION_COOKIE_SECURE', description: 'SESSION_COOKIE_SECURE is on', test: (facts) => truthiness(facts.value('SESSION_COOKIE_SECURE')) === true },
  { name: 'CSRF_COOKIE_SECURE', description: 'CSRF_COOKIE_SECURE is on', test: (facts) => truthiness(facts.value('CSRF_COOKIE_SECURE')) === true },
];

/** Signs of HTTPS in the settings, nginx (`listen ... ssl`) and Traefik router labels. */
export function tlsEvidence(deployment: Deployment, facts: DjangoFacts | undefined): TlsEvidence[] {
  const evidence: TlsEvidence[] = [];
  if (facts) {
    for (const setting of settingEvidence) {
      const assignment = facts.final(setting.name);
      if (assignment && setting.test(facts)) {
        evidence.push({ source: setting.name, description: setting.description, location: assignmentLocation(assignment) });
      }
    }
  }
  for (const config of deployment.nginx) {
    for (const listen of productionDirectives(config, 'listen')) {
      if (!listensTls(listen)) continue;
      evidence.push({ source: 'nginx', description: `nginx listens with TLS (${listen.file})`, location: { file: listen.file, range: listen.range } });
    }
  }
  for (const label of traefikLabels(deployment)) {
    if (/^traefik\.http\.routers\.[^.]+\.tls(\.|$)/i.test(label.key) && label.value.toLowerCase() !== 'false') {
      evidence.push({ source: 'traefik', description: `a Traefik router terminates TLS (${label.file})`, location: { file: label.file, range: label.range } });
    }
  }
  return evidence;
}

interface LabelWithFile {
  key: string;
  value: string;
  file: string;
  range: Location['range'];
  valueRange: Location['range'];
}

/** Traefik labels of every service outside development compose files. */
export function traefikLabels(deployment: Deployment): LabelWithFile[] {
  const labels: LabelWithFile[] = [];
  for (const service of deployment.services) {
    for (const { file, service: definition } of service.definitions) {
      if (isDevelopmentFile(file.source.path)) continue;
      for (const label of definition.labels) {
        if (!label.key.toLowerCase().startsWith('traefik.')) continue;
        labels.push({ key: label.key, value: label.value, file: file.source.path, range: label.range, valueRange: label.valueRange });
      }
    }
  }
  return labels;
}

/**
 * True when a proxy redirects plain HTTP to HTTPS for the deployment. Traefik does so with an
 * entry point redirection or a `redirectscheme` middleware. nginx does so when every server that
 * accepts plain HTTP and proxies to Django redirects to an `https://` URL.
 */
export function proxyRedirectsToHttps(deployment: Deployment): boolean {
  for (const service of deployment.services) {
    const args = service.command.map((argument) => argument.value);
    if (args.some((arg) => /^--entrypoints\.[^.=]+\.http\.redirections\.entrypoint\.(to|scheme)=/i.test(arg))) return true;
  }
  if (traefikLabels(deployment).some((label) => /\.redirectscheme\.scheme$/i.test(label.key) && /^https$/i.test(label.value))) {
    return true;
  }
  const servers = plainEntryServers(deployment);
  if (servers.length === 0) return false;
  return servers.every((server) => redirectsToHttps(server));
}

/** nginx servers that accept plain HTTP and either proxy requests to Django or redirect them. */
export function plainEntryServers(deployment: Deployment): NginxDirective[] {
  const servers: NginxDirective[] = [];
  for (const config of deployment.nginx) {
    for (const server of plainHttpServers(config)) {
      const proxies = [...productionDirectives({ ...config, directives: server.block ?? [] }, 'proxy_pass')];
      if (proxies.some((proxy) => proxiesToDjango(proxy, config, deployment)) || redirectsToHttps(server)) {
        servers.push(server);
      }
    }
  }
  return servers;
}
