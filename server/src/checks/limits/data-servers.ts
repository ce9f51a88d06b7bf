import type { Location } from '../../core/range.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import { type Word, commandLines, findProgram } from './command-words.js';

/** A server setting given on the command line, with the word that contains its value. */
export interface ServerSetting {
  name: string;
  value: string;
  location: Location;
}

/** PostgreSQL settings from a `postgres` service's command line. */
export interface PostgresServer {
  service: ServiceModel;
  settings: Map<string, ServerSetting>;
  /** True when `config_file` names a file that may set what the command line leaves out. */
  configFile: boolean;
}

/** Redis settings from a `redis-server` command line. */
export interface RedisServer {
  service: ServiceModel;
  settings: Map<string, ServerSetting>;
  /** The config file passed as the first argument; its settings are not read. */
  configFile?: Word;
}

/**
 * Reads `postgres -c name=value`, `--name=value`, `-N` (max_connections) and `-B`
 * (shared_buffers) as the postgres server parses them. The official image's entrypoint also
 * accepts the options alone (`command: ["-c", "max_connections=200"]`).
 */
export function readPostgres(service: ServiceModel, deployment: Deployment): PostgresServer {
  const settings = new Map<string, ServerSetting>();
  const words = serverWords(service, deployment, ['postgres', 'postmaster']);
  const set = (name: string, value: string, location: Location) => {
    const key = name.toLowerCase().replace(/-/g, '_');
    settings.set(key, { name: key, value, location });
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const text = word.value;
    if (text === '-c' || text === '-N' || text === '-B') {
      const next = words[++index];
      if (!next) break;
      if (text === '-c') assign(next.value, next.location);
      else set(text === '-N' ? 'max_connections' : 'shared_buffers', next.value, next.location);
    } else if (text.startsWith('-c') && text.length > 2) {
      assign(text.slice(2), word.location);
    } else if (text.startsWith('--') && text.includes('=')) {
      assign(text.slice(2), word.location);
    }
  }
  return { service, settings, configFile: settings.has('config_file') };

  function assign(text: string, location: Location): void {
    const equals = text.indexOf('=');
    if (equals > 0) set(text.slice(0, equals), unquote(text.slice(equals + 1)), location);
  }
}

/**
 * Reads `redis-server [config-file] --name value ...`, where each `--name` takes the words up
 * to the next `--name` (`--save 900 1`). The redis image's entrypoint also accepts the options
 * alone (`command: ["--maxmemory", "256mb"]`).
 */
export function readRedis(service: ServiceModel, deployment: Deployment): RedisServer {
  const settings = new Map<string, ServerSetting>();
  const words = serverWords(service, deployment, ['redis-server', 'valkey-server', 'keydb-server']);
  let configFile: Word | undefined;
  let flag: Word | undefined;
  let values: Word[] = [];
  const flush = () => {
    if (flag !== undefined) {
      const name = flag.value.slice(2).toLowerCase();
      const value = values.map((word) => word.value).join(' ');
      settings.set(name, { name, value, location: values[0]?.location ?? flag.location });
    }
    values = [];
  };
  for (const word of words) {
    if (word.value.startsWith('--')) {
      flush();
      flag = word;
    } else if (flag === undefined) {
      if (configFile === undefined && word.value !== '-') configFile = word;
    } else {
      values.push(word);
    }
  }
  flush();
  return { service, settings, configFile };
}

/** Words after the server program, or the whole command when it starts with options. */
function serverWords(service: ServiceModel, deployment: Deployment, programs: string[]): Word[] {
  const lines = commandLines(service, deployment);
  const found = findProgram(lines, programs);
  if (found) return found.slice(1);
  const first = lines[0];
  return first && first[0]?.value.startsWith('-') ? first : [];
}

function unquote(text: string): string {
  const match = /^(['"])(.*)\1$/.exec(text);
  return match ? match[2]! : text;
}
