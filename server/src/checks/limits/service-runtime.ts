import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Workspace } from '../../workspace/workspace.js';
import { type AppServer, type Count, exactCount } from './app-server.js';
import { type CeleryProcess, readCelery } from './celery-command.js';
import { type Word, commandLines, findProgram } from './command-words.js';
import { readGunicorn } from './gunicorn-command.js';
import { readRunserver, readUwsgi } from './wsgi-servers.js';
import { readDaphne, readGranian, readHypercorn, readUvicorn } from './asgi-servers.js';

/** The application server or Celery process a service runs, and its container count. */
export interface ServiceRuntime {
  service: ServiceModel;
  server?: AppServer;
  celery?: CeleryProcess;
  replicas: Count;
}

type ServerReader = (words: Word[], service: ServiceModel, workspace: Workspace) => AppServer;

/** Application servers by program name, in the order they are looked for. */
const readers: [string, ServerReader][] = [
  [
    'gunicorn',
    (words, service, workspace) => readGunicorn(words, service, hasGunicornConfig(workspace)),
  ],
  ['daphne', readDaphne],
  ['uvicorn', readUvicorn],
  ['uwsgi', readUwsgi],
  ['hypercorn', readHypercorn],
  ['granian', readGranian],
  ['runserver', readRunserver],
];

const cache = new WeakMap<ServiceModel, ServiceRuntime>();

/** Reads (once per service model) the programs a service's command line starts. */
export function serviceRuntime(
  service: ServiceModel,
  deployment: Deployment,
  workspace: Workspace,
): ServiceRuntime {
  const cached = cache.get(service);
  if (cached) return cached;
  const lines = commandLines(service, deployment);
  const runtime: ServiceRuntime = { service, replicas: replicas(service) };
  const celeryWords = findProgram(lines, ['celery']);
  if (celeryWords) runtime.celery = readCelery(celeryWords, service);
  for (const [name, read] of readers) {
    const words = findProgram(lines, [name]);
    if (!words) continue;
    runtime.server = read(words, service, workspace);
    break;
  }
  cache.set(service, runtime);
  return runtime;
}

/** `deploy.replicas` of the last definition that sets it, else one container. */
function replicas(service: ServiceModel): Count {
  for (let index = service.definitions.length - 1; index >= 0; index--) {
    const value = service.definitions[index]!.service.replicas;
    if (value && Number.isInteger(value.value) && value.value >= 0) {
      return exactCount(value.value, `${value.value} replicas`, {
        file: service.definitions[index]!.file.source.path,
        range: value.range,
      });
    }
  }
  return exactCount(1, 'one container');
}

/** gunicorn loads `./gunicorn.conf.py` when it exists; any such file in the workspace may be it. */
function hasGunicornConfig(workspace: Workspace): boolean {
  const files = [...workspace.discovered.otherPython, ...workspace.discovered.byKind.python];
  return files.some((file) => file.split('/').pop() === 'gunicorn.conf.py');
}
