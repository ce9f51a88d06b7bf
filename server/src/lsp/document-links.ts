import type { DocumentLink } from 'vscode-languageserver';
import { composeLinks, nginxLinks, type FileLink } from '../navigation/document-links.js';
import type { AnalysedDocument } from './open-document.js';
import { uriOf } from './uris.js';

/**
 * `textDocument/documentLink` for compose and nginx files: paths that name workspace files.
 * Other kinds have no links.
 */
export function provideDocumentLinks(document: AnalysedDocument): DocumentLink[] {
  const { analysis, file, kind, source } = document;
  let links: FileLink[] = [];
  if (kind === 'compose') {
    const parsed = analysis.workspace.load('compose', file);
    links = parsed ? composeLinks(analysis.workspace, parsed) : [];
  } else if (kind === 'nginx') {
    links = nginxLinks(analysis.deployments, source);
  }
  return links.map((link) => ({
    range: link.range,
    target: uriOf(document.folder.root, link.target),
    tooltip: link.tooltip,
  }));
}
