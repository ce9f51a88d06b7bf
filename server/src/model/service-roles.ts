import type { ComposeService } from '../parsers/compose/compose-model.js';
import type { ServiceRole } from './deployment.js';

const appServers = /\b(gunicorn|daphne|uvicorn|uwsgi|hypercorn|granian|runserver|manage\.py)\b/;

/**
 * Roles of a compose service judged from its image, command and environment. A service may have
 * several (a Celery worker also reads the Django settings) or none (a front end).
 */
export function serviceRoles(services: ComposeService[]): Set<ServiceRole> {
  const roles = new Set<ServiceRole>();
  for (const service of services) {
    const image = (service.image?.value ?? '').toLowerCase();
    const imageName = image.split('@')[0]!.split(':')[0]!.split('/').pop() ?? '';
    const command = [...(service.entrypoint?.args ?? []), ...(service.command?.args ?? [])]
      .map((arg) => arg.value)
      .join(' ');
    if (/^(nginx|openresty|nginx-unprivileged|angie)/.test(imageName)) roles.add('nginx');
    if (/^(postgres|postgis|timescaledb|pgvector)/.test(imageName)) roles.add('postgres');
    if (/^(redis|valkey|keydb|redis-stack)/.test(imageName)) roles.add('redis');
    if (imageName === 'traefik') roles.add('traefik');
    if (/\bcelery\b/.test(command)) roles.add('celery');
    if (appServers.test(command) || /django/.test(imageName)) roles.add('django');
    if (service.environment.some((entry) => entry.key === 'DJANGO_SETTINGS_MODULE')) {
      if (!roles.has('celery')) roles.add('django');
    }
  }
  if (roles.size === 0) {
    const service = services[services.length - 1];
    if (service && /^(nginx|proxy|web-?server)$/.test(service.name) && !service.build) roles.add('nginx');
  }
  return roles;
}

/** True when a service reads the Django settings: an app server or a Celery process. */
export function readsDjangoSettings(roles: Set<ServiceRole>): boolean {
  return roles.has('django') || roles.has('celery');
}
