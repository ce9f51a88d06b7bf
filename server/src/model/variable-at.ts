import { findReadName } from '../completion/python-read-context.js';
import { containsPosition, type Position, type Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import type { Interpolation } from '../parsers/compose/compose-model.js';
import type { FileKind } from '../workspace/file-kinds.js';
import type { JourneySource } from './variable-journey.js';

/** A variable name written in a file, with the range of the name. */
export interface VariableOccurrence {
  name: string;
  range: Range;
}

/**
 * Finds the variable name under `position`: an env file key, a compose `environment` key or
 * `${VAR}` reference, the name string of an environment read in Python, or a `${VAR}` in an
 * nginx template. Python reads come from the settings evaluation, else from the tokens around
 * the cursor, so a read in a module no deployment runs still counts.
 */
export function variableAt(
  { workspace, deployments }: JourneySource,
  file: string,
  kind: FileKind | undefined,
  source: SourceFile,
  position: Position,
): VariableOccurrence | undefined {
  switch (kind) {
    case 'env': {
      const entry = workspace.load('env', file)?.entries.find((candidate) => containsPosition(candidate.keyRange, position));
      return entry ? { name: entry.key, range: entry.keyRange } : undefined;
    }
    case 'compose': {
      const parsed = workspace.load('compose', file);
      if (!parsed) return undefined;
      const reference = interpolationAt(parsed.interpolations, position);
      if (reference) return { name: reference.name, range: reference.nameRange };
      for (const service of parsed.services) {
        const entry = service.environment.find((candidate) => containsPosition(candidate.keyRange, position));
        if (entry) return { name: entry.key, range: entry.keyRange };
      }
      return undefined;
    }
    case 'nginx': {
      if (!file.endsWith('.template')) return undefined;
      const variables = workspace.load('nginx', file)?.templateVariables ?? [];
      const found = variables.find((variable) => containsPosition(variable.range, position));
      return found ? { name: found.name, range: found.range } : undefined;
    }
    case 'python':
    case undefined: {
      if (kind === undefined && !file.endsWith('.py')) return undefined;
      for (const deployment of deployments) {
        const read = deployment.django?.evaluation.reads.find(
          (candidate) => candidate.file === file && containsPosition(candidate.nameRange, position),
        );
        if (read) return { name: read.name, range: read.nameRange };
      }
      return readAtCursor(source, position);
    }
  }
}

/** Finds the innermost reference whose name is under the cursor, nested defaults included. */
function interpolationAt(interpolations: Interpolation[], position: Position): Interpolation | undefined {
  const pending = [...interpolations];
  while (pending.length > 0) {
    const interpolation = pending.pop()!;
    if (containsPosition(interpolation.nameRange, position)) return interpolation;
    if (containsPosition(interpolation.range, position)) pending.push(...interpolation.nested);
  }
  return undefined;
}

/** Name string of a read under the cursor, found from the tokens as completion finds it. */
function readAtCursor(source: SourceFile, position: Position): VariableOccurrence | undefined {
  const found = findReadName(source, position);
  if (!found) return undefined;
  const name = source.text.slice(source.offsetAt(found.range.start), source.offsetAt(found.range.end));
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { name, range: found.range } : undefined;
}
