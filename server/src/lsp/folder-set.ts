import type { FileSystem } from '../workspace/file-system.js';
import { Folder } from './folder.js';
import { pathOf } from './uris.js';

/** The workspace folders the server analyses, each with its own parse cache and settings. */
export class FolderSet {
  private folders: Folder[] = [];

  constructor(private readonly fs: FileSystem) {}

  all(): readonly Folder[] {
    return this.folders;
  }

  /** Adds the folder at a `file:` URI; returns undefined for other schemes or a known folder. */
  add(uri: string): Folder | undefined {
    const root = pathOf(uri);
    if (root === undefined || this.folders.some((folder) => folder.root === root)) return undefined;
    const folder = new Folder(root, this.fs);
    this.folders.push(folder);
    return folder;
  }

  remove(uri: string): Folder | undefined {
    const root = pathOf(uri);
    const folder = this.folders.find((candidate) => candidate.root === root);
    if (folder) this.folders = this.folders.filter((candidate) => candidate !== folder);
    return folder;
  }

  /**
   * The folder a file belongs to, with the file's workspace-relative path. With nested
   * folders the deepest root wins, so each file has one owner.
   */
  find(absolutePath: string): { folder: Folder; file: string } | undefined {
    let best: { folder: Folder; file: string } | undefined;
    for (const folder of this.folders) {
      const file = folder.relative(absolutePath);
      if (file === undefined) continue;
      if (!best || folder.root.length > best.folder.root.length) best = { folder, file };
    }
    return best;
  }

  /** The folder and relative path of a `file:` URI, or undefined outside every folder. */
  findUri(uri: string): { folder: Folder; file: string } | undefined {
    const absolute = pathOf(uri);
    return absolute === undefined ? undefined : this.find(absolute);
  }
}
