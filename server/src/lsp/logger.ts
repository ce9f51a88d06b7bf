/** Log levels in increasing verbosity. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export const logLevels: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Where log lines go: the LSP connection's `window/logMessage` console. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

/**
 * The server's one logger. It writes through the LSP connection's console, never to stdout,
 * which carries the protocol under `--stdio`. An error is reported once per message and cause,
 * so a handler that fails on every keystroke does not flood the output.
 */
export class Logger {
  private readonly reported = new Set<string>();

  constructor(
    private readonly sink: LogSink,
    public level: LogLevel = 'info',
  ) {}

  /** Logs `message` with the error's message and stack, once per message and error message. */
  error(message: string, error?: unknown): void {
    const cause = error instanceof Error ? error.message : error === undefined ? '' : String(error);
    const key = `${message}\u0000${cause}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (!this.enabled('error')) return;
    const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
    this.sink.error(cause ? `${message}: ${cause}${stack}` : message);
  }

  warn(message: string): void {
    if (this.enabled('warn')) this.sink.warn(message);
  }

  info(message: string): void {
    if (this.enabled('info')) this.sink.info(message);
  }

  /**
   * Logs at debug level as an LSP `Log` message, because the `Debug` message type is new in
   * LSP 3.18 and older clients may not know it.
   */
  debug(message: string): void {
    if (this.enabled('debug')) this.sink.log(message);
  }

  private enabled(level: LogLevel): boolean {
    return logLevels.indexOf(level) <= logLevels.indexOf(this.level);
  }
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (logLevels as readonly string[]).includes(value);
}
