import type { Rule } from '../../core/rule.js';

const composeServices = 'https://docs.docker.com/reference/compose-file/services/';

export const composeDatabasePortPublic: Rule = {
  id: 'compose-port-public',
  family: 'security',
  severity: 'warning',
  title: 'Database or cache port published on all interfaces',
  doc:
    'A `ports` entry without a host address (`"5432:5432"`) publishes the port on every ' +
    'interface of the host, and Docker adds its own firewall rules, so a host firewall such as ' +
    'ufw does not block it. PostgreSQL, MySQL, MongoDB, Redis and memcached then face the ' +
    'internet, where they are scanned within hours. Other containers reach the service through ' +
    'the compose network without `ports`; remove the entry, or bind it to the loopback ' +
    'interface (`"127.0.0.1:5432:5432"`) for access from the host.',
  sources: [`${composeServices}#ports`, 'https://github.com/docker/for-linux/issues/690'],
};

export const composeRedisNoPassword: Rule = {
  id: 'compose-redis-no-password',
  family: 'security',
  severity: 'warning',
  title: 'Reachable Redis without a password',
  doc:
    'Redis accepts every command from anyone who can connect unless `--requirepass` (or an ACL ' +
    'file) sets a password; `--requirepass ${REDIS_PASSWORD}` with an unset variable sets none. ' +
    'A Redis port published outside the compose network is open to the network, and an ' +
    'attacker can read the cache and sessions or write files with `CONFIG SET`. Set a password ' +
    'from a variable that is provided, and do not publish the port.',
  sources: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/', `${composeServices}#ports`],
};

export const composeDockerSocket: Rule = {
  id: 'compose-docker-socket',
  family: 'security',
  severity: 'warning',
  title: 'Docker socket mounted into a container',
  doc:
    'A container with `/var/run/docker.sock` can start other containers with the host\'s root ' +
    'folder mounted, so whoever controls the container controls the host. Mounting it `:ro` ' +
    'does not help: it only stops the socket file from being replaced, and the Docker API still ' +
    'accepts every call (that case is reported as information). Mount it only into the service ' +
    'that needs it, preferably through a socket proxy that allows read-only API calls.',
  sources: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
};

export const composePrivileged: Rule = {
  id: 'compose-privileged',
  family: 'security',
  severity: 'warning',
  title: 'privileged container',
  doc:
    '`privileged: true` gives the container every capability and access to the host\'s devices, ' +
    'so a compromise of the service is a compromise of the host. Grant only the capabilities ' +
    'the service needs with `cap_add`.',
  sources: [`${composeServices}#privileged`, 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities'],
};

export const composeSecretLiteral: Rule = {
  id: 'compose-secret-literal',
  family: 'security',
  severity: 'warning',
  title: 'Secret written in a compose environment entry',
  doc:
    'A password, token or key written as a literal in `environment` is committed with the ' +
    'compose file and visible to everyone who can read the repository or run `docker inspect`. ' +
    'Interpolate it from the git-ignored `.env` (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}`), or ' +
    'use compose `secrets` and the image\'s `_FILE` variables. Rotate the committed value.',
  sources: [`${composeServices}#environment`, 'https://docs.docker.com/compose/how-tos/use-secrets/'],
};

export const traefikHstsShort: Rule = {
  id: 'traefik-hsts-short',
  family: 'security',
  severity: 'warning',
  title: 'Traefik headers middleware with short HSTS',
  doc:
    'The `stsSeconds` of a Traefik headers middleware is the `max-age` of the ' +
    '`Strict-Transport-Security` header it sends. Below 31536000 seconds (one year) the ' +
    'protection lapses between visits and hstspreload.org rejects the site. Raise it to ' +
    '31536000.',
  sources: ['https://doc.traefik.io/traefik/middlewares/http/headers/', 'https://hstspreload.org/'],
};

export const envTemplateSecret: Rule = {
  id: 'env-template-secret',
  family: 'security',
  severity: 'warning',
  title: 'Real-looking secret committed in an env template',
  doc:
    'Env templates (`.env.example`, `env.template`) are committed so that people know which ' +
    'variables to set; their secret values should be empty or obvious placeholders. A value that ' +
    'looks like a real key or password is readable by everyone with the repository, and ' +
    'deployments that copy the template use it unchanged. Replace it with an empty value and ' +
    'rotate the secret.',
  sources: ['https://docs.docker.com/compose/how-tos/environment-variables/best-practices/'],
};

export const composeRules: Rule[] = [
  composeDatabasePortPublic,
  composeRedisNoPassword,
  composeDockerSocket,
  composePrivileged,
  composeSecretLiteral,
  traefikHstsShort,
  envTemplateSecret,
];
