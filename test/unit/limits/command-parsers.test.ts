import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readCelery } from '../../../server/src/checks/limits/celery-command.js';
import {
  commandLines,
  findProgram,
  splitScript,
} from '../../../server/src/checks/limits/command-words.js';
import { readPostgres, readRedis } from '../../../server/src/checks/limits/data-servers.js';
import { readGunicorn } from '../../../server/src/checks/limits/gunicorn-command.js';
import { readDaphne, readUvicorn } from '../../../server/src/checks/limits/asgi-servers.js';
import { readUwsgi } from '../../../server/src/checks/limits/wsgi-servers.js';
import type {
  Deployment,
  ProvidedVariable,
  ServiceModel,
} from '../../../server/src/model/deployment.js';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Builds a service whose command is `command` split at spaces, or the given arguments. */
function service(
  command: string | string[],
  environment: Record<string, string> = {},
): ServiceModel {
  const args = typeof command === 'string' ? command.split(' ') : command;
  const variables = new Map<string, ProvidedVariable>();
  const location = { file: 'docker-compose.yml', range: at };
  for (const [name, value] of Object.entries(environment)) {
    variables.set(name, { name, value, location, via: 'environment' });
  }
  return {
    name: 'web',
    definitions: [],
    roles: new Set(),
    environment: variables,
    envFiles: [],
    command: args.map((value) => ({ value, range: at, file: 'docker-compose.yml' })),
  };
}

const deployment = { composeFiles: [] } as unknown as Deployment;

function words(model: ServiceModel, program: string) {
  return findProgram(commandLines(model, deployment), [program])!;
}

describe('command lines', () => {
  test('sh -c script splits at &&', () => {
    const model = service(['sh', '-c', 'python manage.py migrate && exec gunicorn app.wsgi -w 3']);
    const lines = commandLines(model, deployment);
    assert.equal(lines.length, 2);
    const found = words(model, 'gunicorn').map((word) => word.value);
    assert.deepEqual(found, ['gunicorn', 'app.wsgi', '-w', '3']);
  });

  test('script split keeps quoted operators', () => {
    assert.deepEqual(splitScript('echo "a && b"; run'), ['echo "a && b"', 'run']);
  });

  test('python -m finds the module', () => {
    const model = service('python -m uvicorn app.asgi:application --port 9000');
    assert.equal(words(model, 'uvicorn')[0]!.value, 'uvicorn');
  });
});

describe('gunicorn options', () => {
  test('workers threads and timeout', () => {
    const model = service('gunicorn app.wsgi --workers 9 --threads=4 -t 60 -b 0.0.0.0:8000');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.processes.value, 9);
    assert.equal(server.concurrency.value, 4);
    assert.equal(server.requestTimeout, undefined);
    const listen = server.listen.map((address) => [address.host, address.port]);
    assert.deepEqual(listen, [['0.0.0.0', 8000]]);
  });

  test('sync worker timeout kills', () => {
    const model = service('gunicorn app.wsgi -w4 --timeout 30');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.processes.value, 4);
    assert.equal(server.requestTimeout?.value, 30_000);
    assert.equal(server.requestTimeout?.kills, true);
  });

  test('default timeout without config file', () => {
    const model = service('gunicorn app.wsgi');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.requestTimeout?.value, 30_000);
    assert.equal(server.requestTimeout?.location, undefined);
  });

  test('config file leaves timeout unknown', () => {
    const model = service('gunicorn -c gunicorn.conf.py app.wsgi');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.requestTimeout, undefined);
    assert.equal(server.processes.exact, false);
  });

  test('GUNICORN_CMD_ARGS and WEB_CONCURRENCY', () => {
    const model = service('gunicorn app.wsgi', {
      GUNICORN_CMD_ARGS: '--threads 2 --bind 0.0.0.0:9000',
      WEB_CONCURRENCY: '5',
    });
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.processes.value, 5);
    assert.equal(server.concurrency.value, 2);
    assert.equal(server.listen[0]!.port, 9000);
  });

  test('command line beats GUNICORN_CMD_ARGS', () => {
    const model = service('gunicorn app.wsgi --threads 8', {
      GUNICORN_CMD_ARGS: '--threads 2',
    });
    assert.equal(readGunicorn(words(model, 'gunicorn'), model, false).concurrency.value, 8);
  });

  test('uvicorn worker class is ASGI', () => {
    const model = service('gunicorn app.asgi -k uvicorn.workers.UvicornWorker');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.equal(server.asgi, true);
    assert.equal(server.keepAlive?.value, 2000);
  });

  test('default bind is loopback', () => {
    const model = service('gunicorn app.wsgi');
    const server = readGunicorn(words(model, 'gunicorn'), model, false);
    assert.deepEqual([server.listen[0]!.host, server.listen[0]!.explicit], ['127.0.0.1', false]);
  });
});

describe('asgi and uwsgi options', () => {
  test('daphne port without host binds loopback', () => {
    const model = service('daphne -p 8001 app.asgi:application');
    const server = readDaphne(words(model, 'daphne'), model);
    assert.deepEqual([server.listen[0]!.host, server.listen[0]!.port], ['127.0.0.1', 8001]);
    assert.equal(server.requestTimeout, undefined);
  });

  test('daphne http timeout and endpoint', () => {
    const endpoint = 'tcp:port=8000:interface=0.0.0.0';
    const model = service(`daphne -e ${endpoint} --http-timeout 45 app.asgi:application`);
    const server = readDaphne(words(model, 'daphne'), model);
    assert.deepEqual([server.listen[0]!.host, server.listen[0]!.port], ['0.0.0.0', 8000]);
    assert.equal(server.requestTimeout?.value, 45_000);
  });

  test('uvicorn reads UVICORN_PORT', () => {
    const model = service('uvicorn app.asgi:application --host 0.0.0.0', {
      UVICORN_PORT: '8080',
    });
    const server = readUvicorn(words(model, 'uvicorn'), model);
    assert.equal(server.listen[0]!.port, 8080);
    assert.equal(server.keepAlive?.value, 5000);
  });

  test('uwsgi processes threads harakiri', () => {
    const model = service('uwsgi --http :8000 --processes 4 --threads 2 --harakiri 20');
    const server = readUwsgi(words(model, 'uwsgi'), model);
    assert.equal(server.processes.value * server.concurrency.value, 8);
    assert.equal(server.requestTimeout?.kills, true);
    assert.equal(server.listen[0]!.port, 8000);
  });
});

describe('celery options', () => {
  test('concurrency short and long', () => {
    for (const args of [['-c', '8'], ['--concurrency', '8'], ['--concurrency=8'], ['-c8']]) {
      const model = service(['celery', '-A', 'proj', 'worker', ...args]);
      assert.equal(readCelery(words(model, 'celery'), model).concurrency.value, 8, args.join(' '));
    }
  });

  test('default concurrency is unknown', () => {
    const model = service('celery -A proj worker -l info');
    assert.equal(readCelery(words(model, 'celery'), model).concurrency.exact, false);
  });

  test('beat holds no connection', () => {
    const model = service('celery -A proj beat');
    assert.equal(readCelery(words(model, 'celery'), model).concurrency.value, 0);
  });
});

describe('database server options', () => {
  test('postgres -c list and string forms', () => {
    const model = service(
      'postgres -c max_connections=200 -c shared_buffers=256MB --statement-timeout=5s',
    );
    const settings = readPostgres(model, deployment).settings;
    assert.equal(settings.get('max_connections')?.value, '200');
    assert.equal(settings.get('shared_buffers')?.value, '256MB');
    assert.equal(settings.get('statement_timeout')?.value, '5s');
  });

  test('postgres options without program word', () => {
    const model = service('-c max_connections=50');
    assert.equal(readPostgres(model, deployment).settings.get('max_connections')?.value, '50');
  });

  test('redis flags with several values', () => {
    const model = service(
      'redis-server --maxmemory 512mb --save 900 1 --maxmemory-policy allkeys-lru',
    );
    const redis = readRedis(model, deployment);
    assert.equal(redis.settings.get('maxmemory')?.value, '512mb');
    assert.equal(redis.settings.get('save')?.value, '900 1');
    assert.equal(redis.configFile, undefined);
  });

  test('redis config file argument', () => {
    const model = service('redis-server /usr/local/etc/redis/redis.conf --maxclients 100');
    const redis = readRedis(model, deployment);
    assert.equal(redis.configFile?.value, '/usr/local/etc/redis/redis.conf');
    assert.equal(redis.settings.get('maxclients')?.value, '100');
  });
});
