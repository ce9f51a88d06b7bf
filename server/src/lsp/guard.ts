import type { Logger } from './logger.js';

/**
 * Runs `handler` and returns its result, or logs the exception (once per handler name and
 * message) and returns `fallback`. An empty result lets the client carry on and makes stale
 * results disappear rather than leaving a request unanswered.
 */
export function guard<T>(logger: Logger, name: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    logger.error(`${name} failed`, error);
    return fallback;
  }
}

/** `guard` for asynchronous handlers: a rejected promise is logged and yields `fallback`. */
export async function guardAsync<T>(
  logger: Logger,
  name: string,
  fallback: T,
  handler: () => Promise<T>,
): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    logger.error(`${name} failed`, error);
    return fallback;
  }
}
