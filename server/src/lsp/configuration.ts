import type { Connection } from 'vscode-languageserver';
import type { Folder } from './folder.js';
import type { Logger } from './logger.js';
import { parseEditorSettings } from './settings.js';

/** Settings section the server reads: `shipshape.enable`, `shipshape.severity` and so on. */
export const settingsSection = 'shipshape';

/**
 * Reads the `shipshape` settings of every folder and applies them. Clients that implement
 * `workspace/configuration` are asked per folder, so folder settings override user settings.
 * For other clients, the section they push in `workspace/didChangeConfiguration` applies to
 * every folder.
 */
export class SettingsReader {
  /** Section from the latest `didChangeConfiguration`, for clients that push settings. */
  pushed: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    readonly canPull: boolean,
  ) {}

  async refresh(folders: readonly Folder[]): Promise<void> {
    const raw = this.canPull
      ? await this.pull(folders)
      : [this.pushed, ...folders.map(() => this.pushed)];
    const [windowSection, ...folderSections] = raw;
    const { settings: windowSettings } = parseEditorSettings(windowSection);
    if (windowSettings.logLevel) this.logger.level = windowSettings.logLevel;
    folders.forEach((folder, index) => {
      const { settings, warnings } = parseEditorSettings(folderSections[index]);
      folder.settings = settings;
      for (const warning of warnings) this.logger.warn(`Settings of ${folder.root}: ${warning}`);
    });
  }

  /** Asks for the window-level section first (for `logLevel`), then one per folder. */
  private async pull(folders: readonly Folder[]): Promise<unknown[]> {
    const items = [
      { section: settingsSection },
      ...folders.map((folder) => ({ scopeUri: folder.uri, section: settingsSection })),
    ];
    const sections: unknown = await this.connection.workspace.getConfiguration(items);
    return Array.isArray(sections) ? sections : [];
  }
}
