import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import { stageOfPath } from '../../model/stage.js';
import type { ComposeFile, ComposeService, PortMapping } from '../../parsers/compose/compose-model.js';
import { substitute } from '../../parsers/compose/interpolation.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import {
  composeDatabasePortPublic,
  composeDockerSocket,
  composePrivileged,
  composeRedisNoPassword,
  composeSecretLiteral,
} from './compose-rules.js';
import { isDevelopmentFile } from './deployment-facts.js';
import { isSecretName } from './secret-values.js';
import { textAt } from './source-edits.js';

/** Default ports of the data stores whose publication the port rule reports. */
const dataStorePorts: Record<string, string> = {
  '5432': 'PostgreSQL',
  '6379': 'Redis',
  '3306': 'MySQL',
  '27017': 'MongoDB',
  '11211': 'memcached',
};

const dataStoreImages: [RegExp, string][] = [
  [/^(postgres|postgis|timescaledb|pgvector)/, 'PostgreSQL'],
  [/^(redis|valkey|keydb)/, 'Redis'],
  [/^(mysql|mariadb|percona)/, 'MySQL'],
  [/^mongo/, 'MongoDB'],
  [/^memcached/, 'memcached'],
];

/** Compose settings that expose the host or its data: ports, Redis auth, socket, privileges, secrets. */
export const composeSecurityCheck: Check = {
  name: 'security-compose',
  rules: [composeDatabasePortPublic, composeRedisNoPassword, composeDockerSocket, composePrivileged, composeSecretLiteral],
  run(deployment) {
    if (deployment.stage === 'development') return [];
    const problems: Problem[] = [];
    for (const service of deployment.services) {
      for (const { file, service: definition } of service.definitions) {
        if (isDevelopmentFile(file.source.path)) continue;
        const production = isProductionFile(file, deployment);
        problems.push(...portProblems(deployment, service, file, definition, production));
        problems.push(...socketProblems(file, definition));
        problems.push(...privilegedProblems(file, definition));
        problems.push(...secretProblems(file, definition, production));
      }
    }
    return problems;
  },
};

/**
 * True for compose files that run in production: named so (`docker-compose.prod.yml`), or the
 * only compose file of a deployment whose env file names mark it as production.
 */
function isProductionFile(file: ComposeFile, deployment: Deployment): boolean {
  const stage = stageOfPath(file.source.path);
  if (stage === 'production') return true;
  return stage === 'unknown' && deployment.stage === 'production' && deployment.composeFiles.length === 1;
}

function dataStoreOf(service: ServiceModel, definition: ComposeService, port: PortMapping): string | undefined {
  const image = (definition.image?.value ?? '').toLowerCase().split('@')[0]!.split(':')[0]!.split('/').pop() ?? '';
  for (const [pattern, name] of dataStoreImages) if (pattern.test(image)) return name;
  if (service.roles.has('postgres')) return 'PostgreSQL';
  if (service.roles.has('redis')) return 'Redis';
  return dataStorePorts[port.target.split('-')[0]!];
}

function interpolate(deployment: Deployment, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return substitute(text, (name) => deployment.interpolationEnv.get(name)?.value).value;
}

/** True when the host side of a mapping listens on every interface (no address, 0.0.0.0 or ::). */
function isPublic(deployment: Deployment, port: PortMapping): boolean {
  const host = interpolate(deployment, port.hostIp);
  return host === undefined || host === '' || host === '0.0.0.0' || host === '::';
}

function loopbackFix(file: ComposeFile, port: PortMapping): Fix[] {
  const written = textAt(file.source, port.range);
  const index = written.indexOf(port.raw);
  if (index < 0 || port.raw === '') return [];
  const start = file.source.offsetAt(port.range.start) + index;
  const explicitAll = /^(0\.0\.0\.0|\[::\]|::):/.exec(port.raw)?.[0];
  const range = file.source.rangeAt(start, start + (explicitAll?.length ?? 0));
  const newText = port.published === undefined && !explicitAll ? `127.0.0.1::` : '127.0.0.1:';
  return [{ title: 'Publish on 127.0.0.1 only', edits: [{ file: file.source.path, range, newText }], safe: false }];
}

function portProblems(
  deployment: Deployment,
  service: ServiceModel,
  file: ComposeFile,
  definition: ComposeService,
  production: boolean,
): Problem[] {
  // A compose file not named for production may be the developers' own; the finding stays
  // visible there as information, since the same file is often deployed as it is.
  const problems: Problem[] = [];
  for (const port of definition.ports) {
    const store = dataStoreOf(service, definition, port);
    if (!store || !isPublic(deployment, port)) continue;
    const location: Location = { file: file.source.path, range: port.range };
    const published = port.published ? `host port ${port.published}` : 'a random host port';
    problems.push(
      createProblem(
        composeDatabasePortPublic,
        location,
        `${store} (service ${service.name}) is published on ${published} on every interface of the host, and Docker's own firewall rules bypass ufw, so it is reachable from the internet.`,
        { fixes: loopbackFix(file, port), ...(production ? {} : { severity: 'information' as const }) },
      ),
    );
    if (store === 'Redis' && production) problems.push(...redisProblems(service, definition, location));
  }
  return problems;
}

/** Redis published outside the compose network without a password, from `--requirepass` or the image's variable. */
function redisProblems(service: ServiceModel, definition: ComposeService, location: Location): Problem[] {
  const args = service.command.map((argument) => argument.value);
  if (args.some((arg) => /\.conf$/.test(arg) || /^--aclfile/.test(arg))) return [];
  const index = args.findIndex((arg) => arg === '--requirepass' || arg.startsWith('--requirepass='));
  let password: string | undefined;
  if (index >= 0) password = args[index]!.includes('=') ? args[index]!.split('=').slice(1).join('=') : args[index + 1];
  const fromEnvironment = service.environment.get('REDIS_PASSWORD')?.value;
  if (/bitnami/.test(definition.image?.value ?? '') && fromEnvironment) return [];
  if (password !== undefined && password !== '' && !password.startsWith('--')) return [];
  const related: RelatedLocation[] = [];
  const requirepass = service.command[index];
  if (requirepass) related.push({ location: { file: requirepass.file, range: requirepass.range }, message: '--requirepass gets an empty value here' });
  const reason = index >= 0 ? '--requirepass is given an empty value (its variable is not set)' : 'its command sets no --requirepass';
  return [
    createProblem(
      composeRedisNoPassword,
      location,
      `Redis (service ${service.name}) is published outside the compose network and ${reason}, so anyone who can reach the port can read and change every key and write files with CONFIG SET.`,
      { related },
    ),
  ];
}

function socketProblems(file: ComposeFile, definition: ComposeService): Problem[] {
  const problems: Problem[] = [];
  for (const volume of definition.volumes) {
    if (volume.type !== 'bind' || !/(^|\/)docker\.sock$/.test(volume.source ?? '')) continue;
    const location: Location = { file: file.source.path, range: volume.range };
    if (volume.readOnly) {
      problems.push(
        createProblem(
          composeDockerSocket,
          location,
          `Service ${definition.name} mounts the Docker socket read-only; :ro only protects the socket file, and the Docker API still accepts every call, so the container can control the host.`,
          { severity: 'information' },
        ),
      );
      continue;
    }
    problems.push(
      createProblem(
        composeDockerSocket,
        location,
        `Service ${definition.name} mounts the Docker socket, so whoever controls the container can start containers with the host's root folder mounted and take over the host.`,
      ),
    );
  }
  return problems;
}

function privilegedProblems(file: ComposeFile, definition: ComposeService): Problem[] {
  if (definition.privileged?.value !== true) return [];
  return [
    createProblem(
      composePrivileged,
      { file: file.source.path, range: definition.privileged.range },
      `Service ${definition.name} runs privileged: it has every capability and the host's devices, so a compromise of the service is a compromise of the host.`,
    ),
  ];
}

function secretProblems(file: ComposeFile, definition: ComposeService, production: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const entry of definition.environment) {
    const value = entry.value;
    if (value === null || value.trim() === '' || !isSecretName(entry.key)) continue;
    if (value.includes('$') || value.startsWith('/run/secrets/')) continue;
    problems.push(
      createProblem(
        composeSecretLiteral,
        { file: file.source.path, range: entry.range },
        `${entry.key} of service ${definition.name} is written in ${file.source.path}, so everyone who can read the repository knows it.`,
        {
          ...(production ? {} : { severity: 'information' as const }),
          fixes: [{ title: `Read ${entry.key} from .env`, edits: [{ file: file.source.path, range: entry.valueRange, newText: `\${${entry.key}}` }], safe: false }],
        },
      ),
    );
  }
  return problems;
}
