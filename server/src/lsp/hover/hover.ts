import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze.js';
import { classifyFile } from '../../workspace/discover.js';
import type { FileKind } from '../../workspace/file-kinds.js';
import type { HoverContext, HoverProvider } from './hover-provider.js';
import { knobHover } from './knob-hover.js';
import { nginxDirectiveHover } from './nginx-hover.js';
import { problemHover } from './problem-hover.js';
import { variableHover } from './variable-hover.js';

/** Every hover provider, in the order their sections appear. */
export const hoverProviders: readonly HoverProvider[] = [
  problemHover,
  nginxDirectiveHover,
  variableHover,
  knobHover,
];

/**
 * Joins the sections of every provider that handles the file's kind. `run` wraps each call, so
 * the server can guard providers one by one and a failing provider does not hide the others.
 */
export function provideHover(
  context: HoverContext,
  run: (provider: HoverProvider, call: () => string | undefined) => string | undefined,
): Hover | null {
  const sections: string[] = [];
  for (const provider of hoverProviders) {
    if (provider.kinds && (!context.kind || !provider.kinds.includes(context.kind))) continue;
    const section = run(provider, () => provider.provideHover(context));
    if (section) sections.push(section);
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

/** Kind the analysis parsed `file` as, else the kind its path suggests. */
export function fileKindOf(analysis: Analysis, file: string): FileKind | undefined {
  const loaded = analysis.workspace.loaded().find((entry) => entry.path === file);
  return loaded?.kind ?? classifyFile(file);
}
