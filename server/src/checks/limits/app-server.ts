import type { Location } from '../../core/range.js';
import type { ProvidedVariable, ServiceModel } from '../../model/deployment.js';
import type { Word } from './command-words.js';

export type AppServerKind =
  | 'gunicorn'
  | 'daphne'
  | 'uvicorn'
  | 'uwsgi'
  | 'runserver'
  | 'hypercorn'
  | 'granian';

/** A value read from a command line or environment, or the program's documented default. */
export interface Setting<T> {
  value: T;
  /** Location of the value; undefined for a default. */
  location?: Location;
  /** Text that names it in messages: `--timeout 30`, `WEB_CONCURRENCY=4`. */
  text: string;
}

/** A count of workers, threads or processes; `exact` is false for a lower bound. */
export interface Count extends Setting<number> {
  exact: boolean;
}

/** An address the server listens on. */
export interface ListenAddress {
  /** Host as written; undefined for a Unix socket or file descriptor. */
  host?: string;
  port?: number;
  unix: boolean;
  location?: Location;
  /** True when the address comes from the command line or environment, not a default. */
  explicit: boolean;
  /** Note on the defaulted part when only the port is given (`Daphne binds 127.0.0.1 ...`). */
  note?: string;
}

/** Settings read from an application server's command line. */
export interface AppServer {
  kind: AppServerKind;
  service: ServiceModel;
  /** The program word (`gunicorn`, `daphne`). */
  program: Word;
  /** True for an ASGI server (Daphne, uvicorn, a gunicorn uvicorn worker). */
  asgi: boolean;
  /** Worker processes per container. */
  processes: Count;
  /** Requests one process serves at once (threads or greenlets), each with its own connection. */
  concurrency: Count;
  /**
   * Time after which the server gives up on a request, in milliseconds. `kills` is true when
   * the worker process is killed (gunicorn sync workers, uWSGI harakiri).
   */
  requestTimeout?: Setting<number> & { kills: boolean };
  /** Idle keep-alive timeout for connections from a proxy, in milliseconds. */
  keepAlive?: Setting<number>;
  /** Interval of WebSocket pings that keep an idle socket busy, in milliseconds. */
  webSocketPing?: Setting<number>;
  listen: ListenAddress[];
  /** True when a config file (named or loaded by default) may set what the command leaves out. */
  configFile: boolean;
}

export const seconds = (value: number): number => value * 1000;

/** Environment value of a service's container. */
export function environmentValue(
  service: ServiceModel,
  name: string,
): ProvidedVariable | undefined {
  const variable = service.environment.get(name);
  return variable?.value === undefined ? undefined : variable;
}

/** Splits `host:port`, `[::1]:8000`, `:8000` or `8000` into parts; `unix:` paths give `unix`. */
export function parseAddress(text: string): { host?: string; port?: number; unix: boolean } {
  if (text.startsWith('unix:') || text.startsWith('/') || text.startsWith('fd://')) {
    return { unix: true };
  }
  const bracket = /^\[([^\]]*)\](?::(\d+))?$/.exec(text);
  if (bracket) return { host: bracket[1], port: toPort(bracket[2]), unix: false };
  const colon = text.lastIndexOf(':');
  if (colon < 0) {
    return /^\d+$/.test(text) ? { port: Number(text), unix: false } : { host: text, unix: false };
  }
  const host = text.slice(0, colon);
  return { host: host === '' ? undefined : host, port: toPort(text.slice(colon + 1)), unix: false };
}

function toPort(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : undefined;
}

/** True for an address only the container itself can reach. */
export function isLoopback(host: string | undefined): boolean {
  return host === 'localhost' || host === '::1' || (host ?? '').startsWith('127.');
}

export function exactCount(value: number, text: string, location?: Location): Count {
  return { value, text, location, exact: true };
}

/** Returns a lower bound of one, for a count a config file or the machine decides. */
export function unknownCount(text: string): Count {
  return { value: 1, text, exact: false };
}
