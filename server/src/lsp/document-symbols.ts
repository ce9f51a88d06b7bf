import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { envSymbols } from '../navigation/env-symbols.js';
import { nginxSymbols } from '../navigation/nginx-symbols.js';
import type { OutlineCategory, OutlineSymbol } from '../navigation/outline-symbol.js';
import type { AnalysedDocument } from './open-document.js';

const symbolKinds: Record<OutlineCategory, SymbolKind> = {
  variable: SymbolKind.Variable,
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  method: SymbolKind.Method,
  struct: SymbolKind.Struct,
  object: SymbolKind.Object,
  property: SymbolKind.Property,
};

/**
 * `textDocument/documentSymbol` for env and nginx files. Compose files get none: editors outline
 * YAML with their YAML support already, and Python has its own language servers.
 */
export function provideDocumentSymbols(document: AnalysedDocument): DocumentSymbol[] {
  const { analysis, file, kind } = document;
  let symbols: OutlineSymbol[] = [];
  if (kind === 'env') {
    const parsed = analysis.workspace.load('env', file);
    symbols = parsed ? envSymbols(parsed) : [];
  } else if (kind === 'nginx') {
    const parsed = analysis.workspace.load('nginx', file);
    symbols = parsed ? nginxSymbols(parsed) : [];
  }
  return symbols.map(toDocumentSymbol);
}

/** Converts a tree with an explicit stack, since nginx blocks may nest deeper than the call stack. */
function toDocumentSymbol(root: OutlineSymbol): DocumentSymbol {
  const convert = (symbol: OutlineSymbol): DocumentSymbol => {
    const converted: DocumentSymbol = {
      name: symbol.name,
      kind: symbolKinds[symbol.category],
      range: symbol.range,
      selectionRange: symbol.selectionRange,
      children: [],
    };
    if (symbol.detail !== undefined) converted.detail = symbol.detail;
    return converted;
  };
  const top = convert(root);
  const pending: { symbol: OutlineSymbol; converted: DocumentSymbol }[] = [{ symbol: root, converted: top }];
  while (pending.length > 0) {
    const { symbol, converted } = pending.pop()!;
    for (const child of symbol.children) {
      const childConverted = convert(child);
      converted.children!.push(childConverted);
      pending.push({ symbol: child, converted: childConverted });
    }
  }
  return top;
}
