import type { ServiceModel } from '../../model/deployment.js';
import { splitShellWords } from '../../parsers/compose/shell-split.js';
import {
  type AppServer,
  type Count,
  type ListenAddress,
  environmentValue,
  exactCount,
  parseAddress,
  seconds,
  unknownCount,
} from './app-server.js';
import type { Word } from './command-words.js';
import {
  type ParsedOption,
  allOptions,
  lastOption,
  parseCount,
  parseOptions,
  spec,
} from './parse-options.js';

// Options as gunicorn's settings reference lists them
// (https://docs.gunicorn.org/en/stable/settings.html).
const gunicornOptions = [
  spec('workers', true, '-w', '--workers'),
  spec('threads', true, '--threads'),
  spec('timeout', true, '-t', '--timeout'),
  spec('bind', true, '-b', '--bind'),
  spec('worker-class', true, '-k', '--worker-class'),
  spec('worker-connections', true, '--worker-connections'),
  spec('keep-alive', true, '--keep-alive'),
  spec('config', true, '-c', '--config'),
  spec('env', true, '-e', '--env'),
  spec('pid', true, '-p', '--pid'),
  spec('user', true, '-u', '--user'),
  spec('group', true, '-g', '--group'),
  spec('name', true, '-n', '--name'),
  spec('chdir', true, '--chdir'),
  spec('log-level', true, '--log-level'),
  spec('access-logfile', true, '--access-logfile'),
  spec('error-logfile', true, '--error-logfile', '--log-file'),
  spec('daemon', false, '-D', '--daemon'),
  spec('reload', false, '--reload'),
  spec('preload', false, '--preload'),
];

/** Worker classes whose workers are not killed for a long request, only for a frozen process. */
const asyncClasses = /(gthread|gevent|eventlet|tornado|uvicorn|asyncio|gaiohttp)/i;
const greenletClasses = /(gevent|eventlet)/i;

/**
 * Reads gunicorn's settings from its command line, then `GUNICORN_CMD_ARGS`, then the
 * environment defaults (`WEB_CONCURRENCY` for workers, `PORT` for bind), in gunicorn's order of
 * precedence. `hasDefaultConfig` is true when a `gunicorn.conf.py` may be loaded from the
 * working directory, in which case unset values are unknown rather than defaults.
 */
export function readGunicorn(
  words: Word[],
  service: ServiceModel,
  hasDefaultConfig: boolean,
): AppServer {
  const line = parseOptions(words, gunicornOptions);
  const envArgs = environmentValue(service, 'GUNICORN_CMD_ARGS');
  const fromEnv: ParsedOption[] = [];
  if (envArgs?.value) {
    const envWords = splitShellWords(envArgs.value).args.map((arg) => ({
      value: arg.value,
      location: envArgs.location,
    }));
    fromEnv.push(...parseOptions([line.program, ...envWords], gunicornOptions).options);
  }
  const option = (key: string): ParsedOption | undefined =>
    lastOption(line, key) ?? [...fromEnv].reverse().find((parsed) => parsed.key === key);
  const configFile = hasDefaultConfig || option('config') !== undefined;

  const workerClass = option('worker-class')?.value ?? 'sync';
  const threadsOption = option('threads');
  const threads = parseCount(threadsOption?.value);
  const effectiveClass = workerClass === 'sync' && (threads ?? 1) > 1 ? 'gthread' : workerClass;
  const asgi = /uvicorn/i.test(effectiveClass);

  return {
    kind: 'gunicorn',
    service,
    program: line.program,
    asgi,
    processes: workers(option('workers'), service, configFile),
    concurrency: concurrency(
      effectiveClass,
      threadsOption,
      option('worker-connections'),
      configFile,
    ),
    requestTimeout: timeout(option('timeout'), effectiveClass, configFile),
    keepAlive: keepAlive(option('keep-alive'), effectiveClass, configFile),
    listen: binds(allOptions(line, 'bind'), fromEnv, service, configFile),
    configFile,
  };
}

function workers(
  parsed: ParsedOption | undefined,
  service: ServiceModel,
  configFile: boolean,
): Count {
  const count = parseCount(parsed?.value);
  if (parsed && count !== undefined) {
    return exactCount(count, `--workers ${count}`, parsed.location);
  }
  if (parsed) return unknownCount(`--workers ${parsed.value}`);
  if (configFile) return unknownCount('workers from the gunicorn config file');
  const concurrencyVariable = environmentValue(service, 'WEB_CONCURRENCY');
  const fromEnv = parseCount(concurrencyVariable?.value);
  if (concurrencyVariable && fromEnv !== undefined) {
    return exactCount(fromEnv, `WEB_CONCURRENCY=${fromEnv}`, concurrencyVariable.location);
  }
  return exactCount(1, 'the default of 1 worker');
}

function concurrency(
  workerClass: string,
  threadsOption: ParsedOption | undefined,
  connectionsOption: ParsedOption | undefined,
  configFile: boolean,
): Count {
  if (greenletClasses.test(workerClass)) {
    // Each greenlet runs a request with its own Django connection, up to --worker-connections.
    const connections = parseCount(connectionsOption?.value);
    if (connectionsOption && connections !== undefined) {
      const text = `--worker-connections ${connections}`;
      return exactCount(connections, text, connectionsOption.location);
    }
    return configFile
      ? unknownCount('greenlets per worker')
      : exactCount(1000, 'the default of 1000 worker connections');
  }
  if (/uvicorn/i.test(workerClass)) return unknownCount('threads per ASGI worker');
  const threads = parseCount(threadsOption?.value);
  if (threadsOption && threads !== undefined) {
    return exactCount(threads, `--threads ${threads}`, threadsOption.location);
  }
  return configFile ? unknownCount('threads per worker') : exactCount(1, 'one thread per worker');
}

function timeout(
  parsed: ParsedOption | undefined,
  workerClass: string,
  configFile: boolean,
): AppServer['requestTimeout'] {
  // Only sync workers are killed while a request runs: other classes keep notifying the
  // arbiter, so for them the timeout bounds no request.
  if (asyncClasses.test(workerClass)) return undefined;
  if (parsed) {
    const value = Number(parsed.value);
    if (!Number.isFinite(value) || value <= 0) return undefined;
    const text = `gunicorn --timeout ${parsed.value}`;
    return { value: seconds(value), location: parsed.location, text, kills: true };
  }
  if (configFile) return undefined;
  return { value: seconds(30), text: "gunicorn's default --timeout of 30 s", kills: true };
}

function keepAlive(
  parsed: ParsedOption | undefined,
  workerClass: string,
  configFile: boolean,
): AppServer['keepAlive'] {
  // The sync worker closes every connection after its response, so it has no keep-alive.
  if (!asyncClasses.test(workerClass)) return undefined;
  if (parsed) {
    const value = Number(parsed.value);
    if (!Number.isFinite(value)) return undefined;
    const text = `gunicorn --keep-alive ${parsed.value}`;
    return { value: seconds(value), location: parsed.location, text };
  }
  if (configFile) return undefined;
  return { value: seconds(2), text: "gunicorn's default --keep-alive of 2 s" };
}

function binds(
  fromLine: ParsedOption[],
  fromEnv: ParsedOption[],
  service: ServiceModel,
  configFile: boolean,
): ListenAddress[] {
  const chosen = fromLine.length > 0 ? fromLine : fromEnv.filter((parsed) => parsed.key === 'bind');
  if (chosen.length > 0) {
    return chosen.map((parsed) => ({
      ...parseAddress(parsed.value),
      location: parsed.location,
      explicit: true,
    }));
  }
  if (configFile) return [];
  const port = environmentValue(service, 'PORT');
  if (port && /^\d+$/.test(port.value!)) {
    const address = { host: '0.0.0.0', port: Number(port.value), unix: false };
    return [{ ...address, location: port.location, explicit: true }];
  }
  return [{ host: '127.0.0.1', port: 8000, unix: false, explicit: false }];
}
