import type { ServiceModel } from '../../model/deployment.js';
import {
  type AppServer,
  type Count,
  type ListenAddress,
  exactCount,
  parseAddress,
  seconds,
  unknownCount,
} from './app-server.js';
import type { Word } from './command-words.js';
import {
  type ParsedLine,
  allOptions,
  lastOption,
  parseCount,
  parseOptions,
  spec,
} from './parse-options.js';

// uWSGI options (https://uwsgi-docs.readthedocs.io/en/latest/Options.html).
const uwsgiOptions = [
  spec('processes', true, '-p', '--processes', '--workers'),
  spec('threads', true, '--threads'),
  spec('http', true, '--http'),
  spec('http-socket', true, '--http-socket'),
  spec('socket', true, '-s', '--socket', '--uwsgi-socket'),
  spec('harakiri', true, '--harakiri'),
  spec('ini', true, '--ini'),
  spec('yaml', true, '--yaml'),
  spec('json', true, '--json'),
  spec('xml', true, '--xml'),
  spec('module', true, '--module', '-w'),
  spec('wsgi-file', true, '--wsgi-file'),
  spec('master', false, '-M', '--master'),
  spec('enable-threads', false, '--enable-threads'),
];

/** Reads uWSGI's command line; an `--ini` (or other config file) may set the rest. */
export function readUwsgi(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, uwsgiOptions);
  const configFile =
    ['ini', 'yaml', 'json', 'xml'].some((key) => lastOption(line, key) !== undefined) ||
    line.positionals.some((word) => /\.(ini|ya?ml|json|xml)$/.test(word.value));
  const listen: ListenAddress[] = [];
  for (const key of ['http', 'http-socket', 'socket']) {
    for (const parsed of allOptions(line, key)) {
      listen.push({ ...parseAddress(parsed.value), location: parsed.location, explicit: true });
    }
  }

  const server: AppServer = {
    kind: 'uwsgi',
    service,
    program: line.program,
    asgi: false,
    processes: uwsgiCount(line, 'processes', configFile, 'one uWSGI process'),
    concurrency: uwsgiCount(line, 'threads', configFile, 'one thread per process'),
    listen,
    configFile,
  };
  const harakiri = lastOption(line, 'harakiri');
  const harakiriSeconds = Number(harakiri?.value);
  if (harakiri && Number.isFinite(harakiriSeconds) && harakiriSeconds > 0) {
    server.requestTimeout = {
      value: seconds(harakiriSeconds),
      location: harakiri.location,
      text: `uwsgi --harakiri ${harakiri.value}`,
      kills: true,
    };
  }
  return server;
}

function uwsgiCount(
  line: ParsedLine,
  key: string,
  configFile: boolean,
  defaultText: string,
): Count {
  const option = lastOption(line, key);
  const value = parseCount(option?.value);
  if (option && value !== undefined) return exactCount(value, `--${key} ${value}`, option.location);
  if (configFile) return unknownCount(`${key} from the uWSGI config file`);
  return exactCount(1, defaultText);
}

/** Reads `manage.py runserver [addrport]`, which binds 127.0.0.1:8000 by default. */
export function readRunserver(words: Word[], service: ServiceModel): AppServer {
  const line = parseOptions(words, []);
  const address = line.positionals[0];
  const parsed = address ? parseAddress(address.value) : undefined;
  const listen: ListenAddress = {
    host: parsed?.host ?? '127.0.0.1',
    port: parsed?.port ?? 8000,
    unix: false,
    location: address?.location,
    explicit: address !== undefined,
  };
  return {
    kind: 'runserver',
    service,
    program: line.program,
    asgi: false,
    processes: exactCount(1, 'one runserver process'),
    concurrency: unknownCount('a thread per request'),
    listen: [listen],
    configFile: false,
  };
}
