import type { ServiceModel } from '../../model/deployment.js';
import { type Count, exactCount, unknownCount } from './app-server.js';
import type { Word } from './command-words.js';
import { lastOption, parseCount, parseOptions, spec } from './parse-options.js';

// Celery's global and `worker`/`beat` options
// (https://docs.celeryq.dev/en/stable/reference/cli.html).
const celeryOptions = [
  spec('app', true, '-A', '--app'),
  spec('broker', true, '-b', '--broker'),
  spec('result-backend', true, '--result-backend'),
  spec('workdir', true, '--workdir'),
  spec('config', true, '--config'),
  spec('concurrency', true, '-c', '--concurrency'),
  spec('pool', true, '-P', '--pool'),
  spec('autoscale', true, '--autoscale'),
  spec('loglevel', true, '-l', '--loglevel'),
  spec('queues', true, '-Q', '--queues'),
  spec('hostname', true, '-n', '--hostname'),
  spec('scheduler', true, '-S', '--scheduler'),
  spec('schedule', true, '-s', '--schedule'),
  spec('logfile', true, '-f', '--logfile'),
  spec('pidfile', true, '--pidfile'),
  spec('optimization', true, '-O'),
  spec('beat', false, '-B', '--beat'),
  spec('events', false, '-E', '--task-events'),
];

export interface CeleryProcess {
  service: ServiceModel;
  program: Word;
  subcommand: string;
  /** Processes, threads or greenlets that run tasks, each with its own Django connection. */
  concurrency: Count;
  pool: string;
}

/**
 * Reads a Celery command line. A worker runs `--concurrency` pool members, by default one per
 * CPU (unknown here). With `--autoscale MAX,MIN` it runs up to MAX, and with `--pool solo` one.
 * An embedded `-B` beat adds one, and a beat process counts only with a database scheduler.
 */
export function readCelery(words: Word[], service: ServiceModel): CeleryProcess {
  const line = parseOptions(words, celeryOptions);
  const subcommand = line.positionals.find((word) => /^[a-z]+$/.test(word.value))?.value ?? '';
  const pool = lastOption(line, 'pool')?.value ?? 'prefork';
  return { service, program: line.program, subcommand, concurrency: concurrency(), pool };

  function concurrency(): Count {
    if (subcommand === 'beat') {
      const scheduler = lastOption(line, 'scheduler')?.value ?? '';
      return /django/i.test(scheduler)
        ? exactCount(1, 'the beat process with a database scheduler')
        : exactCount(0, 'the beat process');
    }
    if (subcommand !== 'worker') return exactCount(0, `celery ${subcommand}`);
    const beat = lastOption(line, 'beat') ? 1 : 0;
    if (pool === 'solo') return exactCount(1 + beat, '--pool solo');
    const autoscale = lastOption(line, 'autoscale');
    const autoscaleMax = parseCount(autoscale?.value.split(',')[0]);
    if (autoscale && autoscaleMax !== undefined) {
      return exactCount(autoscaleMax + beat, `--autoscale ${autoscale.value}`, autoscale.location);
    }
    const option = lastOption(line, 'concurrency');
    const value = parseCount(option?.value);
    if (option && value !== undefined) {
      return exactCount(value + beat, `--concurrency ${value}`, option.location);
    }
    return unknownCount('worker processes (one per CPU by default)');
  }
}
