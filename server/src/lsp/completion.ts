import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { completeAt } from '../completion/complete-at.js';
import type { CompletionCandidate, CompletionCategory } from '../completion/completion-types.js';
import type { Folder } from './folder.js';
import { fileKindOf } from './hover/hover.js';

/** Characters that open a variable name: a quote in a settings read, `${` in compose and nginx templates. */
export const completionTriggerCharacters = ['"', "'", '{', '$'];

export const emptyCompletionList: CompletionList = { isIncomplete: false, items: [] };

const itemKinds: Record<CompletionCategory, CompletionItemKind> = {
  variable: CompletionItemKind.Variable,
  directive: CompletionItemKind.Keyword,
  setting: CompletionItemKind.Constant,
};

/**
 * Completion items for `file` at the request's position, computed on the folder's current
 * analysis, which the caller brings up to date first so the text includes unsaved edits.
 */
export function provideCompletion(folder: Folder, file: string, params: CompletionParams): CompletionList {
  const analysis = folder.analysis;
  const source = analysis?.workspace.source(file);
  if (!analysis || !source) return emptyCompletionList;
  const candidates = completeAt({
    analysis,
    file,
    kind: fileKindOf(analysis, file),
    source,
    position: params.position,
    triggerCharacter: params.context?.triggerCharacter,
  });
  return { isIncomplete: false, items: candidates.map(toCompletionItem) };
}

function toCompletionItem(candidate: CompletionCandidate): CompletionItem {
  return {
    label: candidate.label,
    kind: itemKinds[candidate.category],
    detail: candidate.detail,
    documentation: { kind: MarkupKind.Markdown, value: candidate.documentation },
    sortText: candidate.sortText,
    filterText: candidate.label,
    textEdit: { range: candidate.range, newText: candidate.newText },
  };
}
