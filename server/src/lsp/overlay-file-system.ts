import type { DirectoryEntry, FileSystem } from '../workspace/file-system.js';

/**
 * File system that returns the text of open documents in place of the disk, so problems follow
 * what the user types. Directory listings come from the disk, so a document that was never
 * saved is read only when another file names it (an `env_file`, say).
 */
export class OverlayFileSystem implements FileSystem {
  private readonly documents = new Map<string, string>();

  constructor(private readonly disk: FileSystem) {}

  /** Sets the text of an open document; returns true when this changes what the checks read. */
  setDocument(absolutePath: string, text: string): boolean {
    const before = this.readFile(absolutePath);
    this.documents.set(absolutePath, text);
    return before !== text;
  }

  /** Forgets a closed document; returns true when the disk text differs from the editor's. */
  deleteDocument(absolutePath: string): boolean {
    const before = this.documents.get(absolutePath);
    if (!this.documents.delete(absolutePath)) return false;
    return this.disk.readFile(absolutePath) !== before;
  }

  readFile(absolutePath: string): string | undefined {
    return this.documents.get(absolutePath) ?? this.disk.readFile(absolutePath);
  }

  readDirectory(absolutePath: string): DirectoryEntry[] {
    return this.disk.readDirectory(absolutePath);
  }

  /** Size of an open document is its UTF-8 length, as the disk would report after a save. */
  fileSize(absolutePath: string): number | undefined {
    const open = this.documents.get(absolutePath);
    return open !== undefined ? Buffer.byteLength(open, 'utf8') : this.disk.fileSize(absolutePath);
  }

  realPath(absolutePath: string): string | undefined {
    return this.disk.realPath(absolutePath);
  }

  isDirectory(absolutePath: string): boolean {
    return this.disk.isDirectory(absolutePath);
  }
}
