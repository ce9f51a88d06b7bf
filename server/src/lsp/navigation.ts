import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { AnalysisScheduler } from './analysis-scheduler.js';
import { provideDefinition } from './definition.js';
import { provideDocumentLinks } from './document-links.js';
import { provideDocumentSymbols } from './document-symbols.js';
import type { Folder } from './folder.js';
import type { FolderSet } from './folder-set.js';
import { guard } from './guard.js';
import type { Logger } from './logger.js';
import { analysedDocument } from './open-document.js';
import { providePrepareRename, provideRename } from './rename.js';
import { provideReferences } from './references.js';

/** Capabilities of the navigation requests, for the `initialize` result. */
export const navigationCapabilities: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
  documentSymbolProvider: true,
};

/**
 * Registers definition, references, rename, document links and document symbols. Each handler
 * is guarded and reads the folder's analysis after running its pending edit, as hovers do.
 */
export function registerNavigation(
  connection: Connection,
  folders: FolderSet,
  scheduler: AnalysisScheduler<Folder>,
  logger: Logger,
): void {
  const documentOf = (uri: string) => analysedDocument(folders, scheduler, uri);

  connection.onDefinition((params) =>
    guard(logger, 'definition', [], () => {
      const document = documentOf(params.textDocument.uri);
      return document ? provideDefinition(document, params.position) : [];
    }),
  );

  connection.onReferences((params) =>
    guard(logger, 'references', [], () => {
      const document = documentOf(params.textDocument.uri);
      return document ? provideReferences(document, params) : [];
    }),
  );

  connection.onPrepareRename((params) =>
    guard(logger, 'prepare rename', null, () => {
      const document = documentOf(params.textDocument.uri);
      return document ? providePrepareRename(document, params.position) : null;
    }),
  );

  connection.onRenameRequest((params) =>
    guard(logger, 'rename', null, () => {
      const document = documentOf(params.textDocument.uri);
      return document ? provideRename(document, params.position, params.newName) : null;
    }),
  );

  connection.onDocumentLinks((params) =>
    guard(logger, 'document links', [], () => {
      const document = documentOf(params.textDocument.uri);
      return document ? provideDocumentLinks(document) : [];
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard(logger, 'document symbols', [], () => {
      const document = documentOf(params.textDocument.uri);
      return document ? provideDocumentSymbols(document) : [];
    }),
  );
}
