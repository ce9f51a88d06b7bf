import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';

/** Client states the status bar shows before and besides the server's folder statuses. */
export type ClientState = 'starting' | 'running' | 'stopped';

/**
 * Status bar item with the server's state and the error and warning counts over every folder.
 * Clicking it runs "Shipshape: Check workspace".
 */
export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly folders = new Map<string, StatusParams>();
  private state: ClientState = 'starting';

  constructor(command: string) {
    this.item = window.createStatusBarItem('shipshape.status', StatusBarAlignment.Left, 10);
    this.item.name = 'Shipshape';
    this.item.command = command;
    this.render();
    this.item.show();
  }

  setClientState(state: ClientState): void {
    this.state = state;
    if (state !== 'running') this.folders.clear();
    this.render();
  }

  update(status: StatusParams): void {
    this.folders.set(status.folder, status);
    this.render();
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    if (this.state === 'starting') {
      this.item.text = '$(sync~spin) Shipshape';
      this.item.tooltip = 'Shipshape is starting';
      return;
    }
    if (this.state === 'stopped') {
      this.item.text = '$(circle-slash) Shipshape';
      this.item.tooltip = 'The Shipshape language server stopped; see the Shipshape output';
      return;
    }
    const statuses = [...this.folders.values()];
    const errors = statuses.reduce((sum, status) => sum + status.errors, 0);
    const warnings = statuses.reduce((sum, status) => sum + status.warnings, 0);
    const failed = statuses.some((status) => status.status === 'failed');
    const disabled =
      statuses.length > 0 && statuses.every((status) => status.status === 'disabled');
    if (disabled) {
      this.item.text = '$(circle-slash) Shipshape off';
    } else {
      const icon = failed ? '$(warning)' : '$(check)';
      this.item.text = `${icon} Shipshape $(error) ${errors} $(warning) ${warnings}`;
    }
    this.item.tooltip = this.tooltip(statuses, failed);
  }

  private tooltip(statuses: StatusParams[], failed: boolean): string {
    const lines = statuses.map((status) => {
      const name = decodeURIComponent(status.folder.slice(status.folder.lastIndexOf('/') + 1));
      if (status.status === 'disabled') return `${name}: disabled by shipshape.enable`;
      if (status.status === 'failed') return `${name}: analysis failed, see the Shipshape output`;
      return (
        `${name}: ${status.errors} errors, ${status.warnings} warnings, ` +
        `${status.notes} notes in ${status.files} files (${status.durationMs} ms)`
      );
    });
    if (failed) lines.push('An analysis failed; the Shipshape output has the error.');
    lines.push('Click to check the workspace again.');
    return lines.join('\n');
  }
}
