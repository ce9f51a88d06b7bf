import type { Range } from '../core/range.js';

/** Kind of construct an outline entry stands for. The LSP layer maps each to a `SymbolKind`. */
export type OutlineCategory = 'variable' | 'namespace' | 'class' | 'method' | 'struct' | 'object' | 'property';

/** One entry of a document's outline, with the entries nested inside it. */
export interface OutlineSymbol {
  name: string;
  /** Short extra text shown beside the name. */
  detail?: string;
  category: OutlineCategory;
  /** The whole construct, such as a block from its name to its `}`. */
  range: Range;
  /** The part to reveal and select, such as the key or the directive name; inside `range`. */
  selectionRange: Range;
  children: OutlineSymbol[];
}
