import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
  isSymbolicLink: boolean;
}

/**
 * Read-only file access used by discovery and loading. The language server wraps it to prefer
 * the text of open documents over the disk.
 */
export interface FileSystem {
  readFile(absolutePath: string): string | undefined;
  readDirectory(absolutePath: string): DirectoryEntry[];
  /** Size in bytes, or undefined when the path is missing or not a regular file. */
  fileSize(absolutePath: string): number | undefined;
  /** Canonical path with symlinks resolved, or undefined when it cannot be resolved. */
  realPath(absolutePath: string): string | undefined;
  isDirectory(absolutePath: string): boolean;
}

/** File system of the machine, with every error turned into `undefined` or an empty list. */
export const nodeFileSystem: FileSystem = {
  readFile(absolutePath) {
    try {
      return decodeText(fs.readFileSync(absolutePath));
    } catch {
      return undefined;
    }
  },
  readDirectory(absolutePath) {
    try {
      return fs.readdirSync(absolutePath, { withFileTypes: true }).map((entry) => {
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const stat = fs.statSync(path.join(absolutePath, entry.name));
            isDirectory = stat.isDirectory();
            isFile = stat.isFile();
          } catch {
            // A dangling link is neither a file nor a folder.
          }
        }
        return { name: entry.name, isDirectory, isFile, isSymbolicLink: entry.isSymbolicLink() };
      });
    } catch {
      return [];
    }
  },
  fileSize(absolutePath) {
    try {
      const stat = fs.statSync(absolutePath);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  },
  realPath(absolutePath) {
    try {
      return fs.realpathSync(absolutePath);
    } catch {
      return undefined;
    }
  },
  isDirectory(absolutePath) {
    try {
      return fs.statSync(absolutePath).isDirectory();
    } catch {
      return false;
    }
  },
};

/**
 * Decodes file bytes as UTF-8 without a byte order mark. Invalid sequences become U+FFFD, as in
 * editors, so offsets stay consistent with what the user sees.
 */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
