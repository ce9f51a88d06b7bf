import type { RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import { parsePostgresTime } from '../../core/units.js';
import type { Deployment, DjangoApp, ServiceModel } from '../../model/deployment.js';
import { readPostgres } from './data-servers.js';
import { serviceForHost } from './nginx-routes.js';
import { dictKeys, envRelated, settingValue, stringOf, walkValue } from './setting-values.js';

/** One `DATABASES` alias that uses PostgreSQL, with the compose service it connects to. */
export interface PostgresAlias {
  alias: string;
  /** The postgres service its `HOST` names, or the only postgres service when `HOST` is unset. */
  server?: ServiceModel;
}

/** A `statement_timeout` in milliseconds with where it is set. */
export interface StatementTimeout {
  milliseconds: number;
  location: Location;
  /** `DATABASES["default"]["OPTIONS"]["options"]` or `postgres -c statement_timeout=...`. */
  source: string;
  related: RelatedLocation[];
}

/** Aliases of `DATABASES` whose engine is PostgreSQL, or unknown when it is not a string. */
export function postgresAliases(django: DjangoApp, deployment: Deployment): PostgresAlias[] {
  const databases = django.evaluation.settings.get('DATABASES')?.value;
  const postgresServices = deployment.services.filter((service) => service.roles.has('postgres'));
  const aliases: PostgresAlias[] = [];
  for (const alias of dictKeys(databases)) {
    const engine = stringOf(walkValue(databases, [alias, 'ENGINE']));
    if (engine !== undefined && !/postgres|postgis/.test(engine)) continue;
    const host = stringOf(walkValue(databases, [alias, 'HOST']));
    let server = host ? serviceForHost(deployment, host) : undefined;
    if (server && !server.roles.has('postgres')) server = undefined;
    if (!server && !host && postgresServices.length === 1) server = postgresServices[0];
    aliases.push({ alias, server });
  }
  return aliases;
}

/**
 * Finds the `statement_timeout` Django's connections run with: `-c statement_timeout=...` in an
 * alias's `OPTIONS["options"]` (libpq sends it at connection start, and it wins over the
 * server's setting), else the server's `postgres -c statement_timeout=...`. Zero means no
 * limit and gives undefined.
 */
export function statementTimeout(
  django: DjangoApp,
  deployment: Deployment,
): StatementTimeout | undefined {
  for (const { alias, server } of postgresAliases(django, deployment)) {
    const options = settingValue(django, 'DATABASES', [alias, 'OPTIONS', 'options']);
    const fromOptions = options ? optionTimeout(stringOf(options.value)) : undefined;
    if (options && fromOptions !== undefined) {
      if (fromOptions === 0) return undefined;
      const related = envRelated(options);
      const source = options.label;
      return { milliseconds: fromOptions, location: options.location, source, related };
    }
    if (!server) continue;
    const setting = readPostgres(server, deployment).settings.get('statement_timeout');
    const milliseconds = setting ? parsePostgresTime(setting.value) : undefined;
    if (setting && milliseconds !== undefined && milliseconds > 0) {
      const source = `postgres -c statement_timeout=${setting.value}`;
      return { milliseconds, location: setting.location, source, related: [] };
    }
  }
  return undefined;
}

/** Reads `-c statement_timeout=30000`, `-cstatement_timeout=30s` or `--statement-timeout=30s`. */
export function optionTimeout(options: string | undefined): number | undefined {
  if (options === undefined) return undefined;
  const match = /(?:^|\s)(?:-c\s*|--)statement[_-]timeout\s*=\s*(['"]?)([^\s'"]+)\1/.exec(options);
  return match ? parsePostgresTime(match[2]!) : undefined;
}
