import { window, type LogOutputChannel } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';

/**
 * Language client that writes the server's `window/logMessage` lines to a log output channel
 * at their own level, so the Output view can filter them. vscode-languageclient 9 appends other
 * lines as plain text, so lines of type `Log` (the server's debug level) and protocol traces
 * show at info level.
 */
export class ShipshapeClient extends LanguageClient {
  constructor(
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    private readonly log: LogOutputChannel,
  ) {
    super('shipshape', 'Shipshape', serverOptions, { ...clientOptions, outputChannel: log });
  }

  override error(
    message: string,
    data?: unknown,
    showNotification: boolean | 'force' = true,
  ): void {
    this.log.error(withData(message, data));
    if (showNotification) void window.showErrorMessage(`Shipshape: ${message}`);
  }

  override warn(message: string, data?: unknown): void {
    this.log.warn(withData(message, data));
  }

  override info(message: string, data?: unknown): void {
    this.log.info(withData(message, data));
  }

  override debug(message: string, data?: unknown): void {
    this.log.debug(withData(message, data));
  }
}

function withData(message: string, data: unknown): string {
  if (data === undefined || data === null) return message;
  if (data instanceof Error) return `${message}\n${data.stack ?? data.message}`;
  return `${message}\n${typeof data === 'string' ? data : JSON.stringify(data, null, 2)}`;
}
