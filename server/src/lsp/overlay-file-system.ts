import type { DirectoryEntry, FileSystem } from '../workspace/file-system.js';

/**
 * File system that returns the text of open documents in place of the disk, so problems follow
 * what the user is typing. Files only open in the editor (not yet saved) are visible too.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly documents = new Map<string, string>();

  constructor(private readonly disk: FileSystem) {}

  setDocument(absolutePath: string, text: string): void {
    this.documents.set(absolutePath, text);
  }

  deleteDocument(absolutePath: string): void {
    this.documents.delete(absolutePath);
  }

  readFile(absolutePath: string): string | undefined {
    return this.documents.get(absolutePath) ?? this.disk.readFile(absolutePath);
  }

  readDirectory(absolutePath: string): DirectoryEntry[] {
    return this.disk.readDirectory(absolutePath);
  }

  fileSize(absolutePath: string): number | undefined {
    const open = this.documents.get(absolutePath);
    return open !== undefined ? open.length : this.disk.fileSize(absolutePath);
  }

  realPath(absolutePath: string): string | undefined {
    return this.disk.realPath(absolutePath);
  }

  isDirectory(absolutePath: string): boolean {
    return this.disk.isDirectory(absolutePath);
  }
}
