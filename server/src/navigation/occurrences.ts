import { comparePositions, type Location, type Range } from '../core/range.js';
import type { JourneySource } from '../model/variable-journey.js';
import type { Interpolation } from '../parsers/compose/compose-model.js';
import { parseInterpolations, type InterpolationSpan } from '../parsers/compose/interpolation.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { FileKind } from '../workspace/file-kinds.js';
import { nameRangeIn } from './name-range.js';
import { pythonNameUses } from './python-occurrences.js';
import { envFileScopes, fileServices, scopeOf, type VariableScope } from './variable-scope.js';

/** Kind of place in which a variable name is written. */
export type OccurrenceOrigin =
  | 'env-file'
  | 'environment'
  | 'env-file-interpolation'
  | 'compose-interpolation'
  | 'nginx-template'
  | 'settings-read'
  | 'environ-schema';

/** One place in the workspace that writes a variable's name. */
export interface Occurrence {
  name: string;
  /** Range the parser gives for the name, which may include quotes or `${}`. */
  location: Location;
  /** Range of the name's characters alone; undefined when the name is not written literally there. */
  nameRange: Range | undefined;
  /** Declarations set the variable (env file keys, compose `environment` keys); the rest use it. */
  declaration: boolean;
  origin: OccurrenceOrigin;
  /** Namespace the name belongs to there: compose interpolation, a container's environment, or both. */
  scope: VariableScope;
  /** Services whose containers read the name there; undefined when no service is known to. */
  services: string[] | undefined;
}

/**
 * Lists every occurrence of `name` in the workspace, sorted by file path and position. Those are
 * env file keys and the `${NAME}` references in their values, compose `environment` keys and
 * interpolations, `${NAME}` in nginx templates, and the reads and django-environ schema keywords
 * of settings modules. Every file of each kind counts, discovered or loaded by the analysis, so
 * an `env.template` that no deployment reads is still found.
 */
export function listOccurrences(source: JourneySource, name: string, extra?: ExtraFile): Occurrence[] {
  return listAllOccurrences(source, extra).filter((occurrence) => occurrence.name === name);
}

/** A file to scan as well, such as the open document when discovery did not list it. */
export interface ExtraFile {
  file: string;
  kind: FileKind | undefined;
}

/** Lists every occurrence of every variable name in the workspace, and in `extra` when given. */
export function listAllOccurrences({ workspace, deployments }: JourneySource, extra?: ExtraFile): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const seen = new Set<string>();
  const envScopes = envFileScopes(deployments);
  const servicesOf = fileServices(deployments);
  const add = (occurrence: Omit<Occurrence, 'nameRange' | 'scope' | 'services'>, service?: string) => {
    const { file, range } = occurrence.location;
    const key = `${file}:${range.start.line}:${range.start.character}:${occurrence.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const text = workspace.source(file);
    const nameRange = text ? nameRangeIn(text, range, occurrence.name) : undefined;
    const scope = scopeOf(occurrence.origin, file, envScopes);
    const services = service !== undefined ? [service] : servicesOf.has(file) ? [...servicesOf.get(file)!] : undefined;
    occurrences.push({ ...occurrence, nameRange, scope, services });
  };

  for (const file of filesOf(workspace, 'env', extra)) {
    const parsed = workspace.load('env', file);
    if (!parsed) continue;
    for (const entry of parsed.entries) {
      add({ name: entry.key, location: { file, range: entry.keyRange }, declaration: true, origin: 'env-file' });
    }
    for (const span of envValueReferences(parsed)) {
      const range = parsed.source.rangeAt(span.nameStart, span.nameEnd);
      add({ name: span.name, location: { file, range }, declaration: false, origin: 'env-file-interpolation' });
    }
  }

  for (const file of filesOf(workspace, 'compose', extra)) {
    const parsed = workspace.load('compose', file);
    if (!parsed) continue;
    for (const service of parsed.services) {
      for (const entry of service.environment) {
        const location = { file, range: entry.keyRange };
        add({ name: entry.key, location, declaration: true, origin: 'environment' }, service.name);
      }
    }
    for (const reference of flatten(parsed.interpolations)) {
      const location = { file, range: reference.nameRange };
      add({ name: reference.name, location, declaration: false, origin: 'compose-interpolation' });
    }
  }

  for (const file of filesOf(workspace, 'nginx', extra)) {
    if (!file.endsWith('.template')) continue;
    for (const variable of workspace.load('nginx', file)?.templateVariables ?? []) {
      const location = { file, range: variable.range };
      add({ name: variable.name, location, declaration: false, origin: 'nginx-template' });
    }
  }

  const evaluated = deployments.flatMap((deployment) => deployment.django?.evaluation.reads ?? []);
  const pythonFiles = new Set([
    ...filesOf(workspace, 'python', extra),
    ...deployments.flatMap((deployment) => deployment.django?.evaluation.files ?? []),
  ]);
  for (const file of [...pythonFiles].sort()) {
    const module = workspace.load('python', file);
    if (!module) continue;
    for (const use of pythonNameUses(module, evaluated)) {
      add({ name: use.name, location: { file, range: use.range }, declaration: false, origin: use.origin });
    }
  }
  return occurrences.sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      comparePositions(a.location.range.start, b.location.range.start),
  );
}

type WorkspaceFiles = Pick<JourneySource['workspace'], 'discovered' | 'loaded'>;

/** Discovered files of `kind` and those the analysis loaded on demand, sorted. */
function filesOf(workspace: WorkspaceFiles, kind: FileKind, extra: ExtraFile | undefined): string[] {
  const files = new Set(workspace.discovered.byKind[kind]);
  for (const loaded of workspace.loaded()) if (loaded.kind === kind) files.add(loaded.path);
  if (extra && extraKind(extra) === kind) files.add(extra.file);
  return [...files].sort();
}

/** Kind of the extra file; a `.py` file of no known kind is read as Python, as hovers do. */
function extraKind({ file, kind }: ExtraFile): FileKind | undefined {
  return kind ?? (file.endsWith('.py') ? 'python' : undefined);
}

/** References with their nested ones, `${A:-${B}}` giving both. */
function flatten(interpolations: Interpolation[]): Interpolation[] {
  const all: Interpolation[] = [];
  const pending = [...interpolations];
  while (pending.length > 0) {
    const interpolation = pending.shift()!;
    all.push(interpolation);
    pending.push(...interpolation.nested);
  }
  return all;
}

/**
 * `${NAME}` and `$NAME` in env file values that docker compose interpolates: unquoted and
 * double-quoted values, not single-quoted ones. Offsets are into the file's text.
 */
function envValueReferences(file: EnvFile): InterpolationSpan[] {
  const spans: InterpolationSpan[] = [];
  for (const entry of file.entries) {
    if (entry.quote === 'single' || entry.quote === 'backtick') continue;
    const start = file.source.offsetAt(entry.valueRange.start);
    const text = file.source.text.slice(start, file.source.offsetAt(entry.valueRange.end));
    const pending = [...parseInterpolations(text, start).interpolations];
    while (pending.length > 0) {
      const span = pending.shift()!;
      spans.push(span);
      pending.push(...span.nested);
    }
  }
  return spans;
}
