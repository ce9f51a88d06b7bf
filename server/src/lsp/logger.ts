/** Log levels in increasing verbosity. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const order: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

/**
 * The server's one logger. It writes through the LSP connection's console (never stdout, which
 * carries the protocol under `--stdio`) and reports each distinct error once, so a handler that
 * fails on every keystroke does not flood the output.
 */
export class Logger {
  private readonly reported = new Set<string>();

  constructor(
    private readonly sink: LogSink,
    public level: LogLevel = 'info',
  ) {}

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error ? String(error) : '';
    const key = `${message}|${error instanceof Error ? error.message : ''}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    if (this.enabled('error')) this.sink.error(detail ? `${message}: ${detail}` : message);
  }

  warn(message: string): void {
    if (this.enabled('warn')) this.sink.warn(message);
  }

  info(message: string): void {
    if (this.enabled('info')) this.sink.info(message);
  }

  debug(message: string): void {
    if (this.enabled('debug')) this.sink.log(message);
  }

  private enabled(level: LogLevel): boolean {
    return order[level] <= order[this.level];
  }
}
