import type { ServiceModel } from '../../model/deployment.js';
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
  type ParsedLine,
  type ParsedOption,
  allOptions,
  lastOption,
  parseCount,
  parseOptions,
  spec,
} from './parse-options.js';

// Daphne's command-line interface (django/daphne `daphne/cli.py`).
const daphneOptions = [
  spec('port', true, '-p', '--port'),
  spec('bind', true, '-b', '--bind'),
  spec('unix-socket', true, '-u', '--unix-socket'),
  spec('fd', true, '--fd'),
  spec('endpoint', true, '-e', '--endpoint'),
  spec('http-timeout', true, '-t', '--http-timeout'),
  spec('websocket_timeout', true, '--websocket_timeout'),
  spec('websocket_connect_timeout', true, '--websocket_connect_timeout'),
  spec('ping-interval', true, '--ping-interval'),
  spec('ping-timeout', true, '--ping-timeout'),
  spec('verbosity', true, '-v', '--verbosity'),
  spec('access-log', true, '--access-log'),
  spec('root-path', true, '--root-path'),
  spec('proxy-headers', false, '--proxy-headers'),
];

/** Reads Daphne's command line; Daphne binds 127.0.0.1:8000 unless its options name an address. */
export function readDaphne(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, daphneOptions);
  const ping = lastOption(line, 'ping-interval');
  const server: AppServer = {
    kind: 'daphne',
    service,
    program: line.program,
    asgi: true,
    processes: exactCount(1, 'one Daphne process'),
    concurrency: unknownCount('threads that run synchronous Django code'),
    webSocketPing: durationSetting('daphne', ping, "Daphne's default --ping-interval of 20 s", 20),
    listen: daphneAddresses(line),
    configFile: false,
  };

  // `--http-timeout` has no default: without it Daphne waits for the application forever.
  const httpTimeout = lastOption(line, 'http-timeout');
  const timeoutSeconds = Number(httpTimeout?.value);
  if (httpTimeout && Number.isFinite(timeoutSeconds) && timeoutSeconds > 0) {
    server.requestTimeout = {
      value: seconds(timeoutSeconds),
      location: httpTimeout.location,
      text: `daphne --http-timeout ${httpTimeout.value}`,
      kills: false,
    };
  }
  return server;
}

/** Addresses from `-e`, `-u`, `--fd`, `-b` and `-p`, with Daphne's defaults for the rest. */
function daphneAddresses(line: ParsedLine): ListenAddress[] {
  const port = lastOption(line, 'port');
  const bind = lastOption(line, 'bind');
  const listen = allOptions(line, 'endpoint').map(twistedEndpoint);
  if (lastOption(line, 'unix-socket') || lastOption(line, 'fd')) {
    listen.push({ unix: true, explicit: true });
  }
  if (port || bind || listen.length === 0) {
    listen.push({
      host: bind?.value ?? '127.0.0.1',
      port: port ? parseAddress(port.value).port : 8000,
      unix: false,
      location: port?.location ?? bind?.location,
      explicit: port !== undefined || bind !== undefined,
      note: bind ? undefined : 'Daphne binds 127.0.0.1 unless -b names another address',
    });
  }
  return listen;
}

/** Twisted endpoint strings: `tcp:8000`, `tcp:port=8000:interface=0.0.0.0`, `unix:/run/d.sock`. */
function twistedEndpoint(option: ParsedOption): ListenAddress {
  const parts = option.value.split(':');
  if (parts[0] === 'unix') return { unix: true, location: option.location, explicit: true };
  let port: number | undefined;
  let host = '0.0.0.0';
  for (const part of parts.slice(1)) {
    if (/^\d+$/.test(part)) port = Number(part);
    else if (part.startsWith('port=')) port = Number(part.slice(5));
    else if (part.startsWith('interface=')) host = part.slice(10);
  }
  return { host, port, unix: false, location: option.location, explicit: true };
}

// uvicorn's options (encode/uvicorn `uvicorn/main.py`); each also reads `UVICORN_<NAME>`.
const uvicornOptions = [
  spec('host', true, '--host'),
  spec('port', true, '--port'),
  spec('uds', true, '--uds'),
  spec('fd', true, '--fd'),
  spec('workers', true, '--workers'),
  spec('timeout-keep-alive', true, '--timeout-keep-alive'),
  spec('ws-ping-interval', true, '--ws-ping-interval'),
  spec('log-level', true, '--log-level'),
  spec('root-path', true, '--root-path'),
  spec('forwarded-allow-ips', true, '--forwarded-allow-ips'),
  spec('env-file', true, '--env-file'),
  spec('app-dir', true, '--app-dir'),
  spec('reload', false, '--reload'),
  spec('proxy-headers', false, '--proxy-headers'),
];

/** Reads uvicorn's command line, falling back to `UVICORN_*` and `WEB_CONCURRENCY` variables. */
export function readUvicorn(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, uvicornOptions);
  const option = (key: string): ParsedOption | undefined => {
    const fromLine = lastOption(line, key);
    if (fromLine) return fromLine;
    const variable = environmentValue(service, `UVICORN_${key.toUpperCase().replace(/-/g, '_')}`);
    return variable ? { key, value: variable.value!, location: variable.location } : undefined;
  };
  const host = option('host');
  const port = option('port');
  const listen: ListenAddress[] = [];
  if (option('uds') || option('fd')) listen.push({ unix: true, explicit: true });
  else {
    listen.push({
      host: host?.value ?? '127.0.0.1',
      port: port ? parseAddress(port.value).port : 8000,
      unix: false,
      location: port?.location ?? host?.location,
      explicit: host !== undefined || port !== undefined,
      note: host ? undefined : 'uvicorn binds 127.0.0.1 unless --host names another address',
    });
  }
  return {
    kind: 'uvicorn',
    service,
    program: line.program,
    asgi: true,
    processes: processCount(option('workers'), service, '--workers'),
    concurrency: unknownCount('threads that run synchronous Django code'),
    keepAlive: durationSetting(
      'uvicorn',
      option('timeout-keep-alive'),
      "uvicorn's default --timeout-keep-alive of 5 s",
      5,
    ),
    webSocketPing: durationSetting(
      'uvicorn',
      option('ws-ping-interval'),
      "uvicorn's default --ws-ping-interval of 20 s",
      20,
    ),
    listen,
    configFile: false,
  };
}

function processCount(
  parsed: ParsedOption | undefined,
  service: ServiceModel,
  flag: string,
): Count {
  const count = parseCount(parsed?.value);
  if (parsed && count !== undefined) return exactCount(count, `${flag} ${count}`, parsed.location);
  if (parsed) return unknownCount(`${flag} ${parsed.value}`);
  const variable = environmentValue(service, 'WEB_CONCURRENCY');
  const fromEnv = parseCount(variable?.value);
  if (variable && fromEnv !== undefined) {
    return exactCount(fromEnv, `WEB_CONCURRENCY=${fromEnv}`, variable.location);
  }
  return exactCount(1, 'one worker process');
}

function durationSetting(
  program: string,
  parsed: ParsedOption | undefined,
  defaultText: string,
  defaultSeconds: number,
): AppServer['keepAlive'] {
  if (!parsed) return { value: seconds(defaultSeconds), text: defaultText };
  const value = Number(parsed.value);
  if (!Number.isFinite(value)) return undefined;
  const text = `${program} --${parsed.key} ${parsed.value}`;
  return { value: seconds(value), location: parsed.location, text };
}

// hypercorn and granian: only what the listen-address and process checks need.
const hypercornOptions = [
  spec('bind', true, '-b', '--bind'),
  spec('workers', true, '-w', '--workers'),
  spec('config', true, '-c', '--config'),
];
const granianOptions = [
  spec('host', true, '--host'),
  spec('port', true, '--port'),
  spec('workers', true, '--workers'),
  spec('interface', true, '--interface'),
];

export function readHypercorn(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, hypercornOptions);
  const configFile = lastOption(line, 'config') !== undefined;
  const bindOptions = allOptions(line, 'bind');
  const listen: ListenAddress[] = bindOptions.map((parsed) => ({
    ...parseAddress(parsed.value),
    location: parsed.location,
    explicit: true,
  }));
  if (listen.length === 0 && !configFile) {
    listen.push({ host: '127.0.0.1', port: 8000, unix: false, explicit: false });
  }
  return {
    kind: 'hypercorn',
    service,
    program: line.program,
    asgi: true,
    processes: processCount(lastOption(line, 'workers'), service, '--workers'),
    concurrency: unknownCount('threads that run synchronous Django code'),
    listen,
    configFile,
  };
}

export function readGranian(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, granianOptions);
  const host = lastOption(line, 'host');
  const port = lastOption(line, 'port');
  const interfaceName = lastOption(line, 'interface')?.value ?? 'rsgi';
  return {
    kind: 'granian',
    service,
    program: line.program,
    asgi: interfaceName.startsWith('asgi'),
    processes: processCount(lastOption(line, 'workers'), service, '--workers'),
    concurrency: unknownCount('threads per worker'),
    listen: [
      {
        host: host?.value ?? '127.0.0.1',
        port: port ? parseAddress(port.value).port : 8000,
        unix: false,
        location: port?.location ?? host?.location,
        explicit: host !== undefined || port !== undefined,
      },
    ],
    configFile: false,
  };
}
