import { rangesEqual, type Location, type Range } from '../core/range.js';
import type { Interpolation } from '../parsers/compose/compose-model.js';
import type { EnvRead, PyValue } from '../parsers/python/settings-model.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Deployment, DjangoApp, ServiceModel } from './deployment.js';
import { listDeclarations, type VariableDeclaration } from './variable-declarations.js';

/** Passage of a variable into one service's container, with the value in effect there. */
export interface ServicePassage {
  service: string;
  via: 'env_file' | 'environment';
  /** Place that sets the value in effect for the service. */
  location: Location;
  /** Path the `env_file` entry names, possibly a missing file that a template replaces. */
  envFilePath?: string;
  /** True when a template is read in place of that missing file. */
  standIn: boolean;
  /** Value in effect; undefined when compose passes it from a shell that may not set it. */
  value: string | undefined;
}

/** One read of the variable in the settings, with the setting it feeds. */
export interface JourneyRead {
  read: EnvRead;
  /** Module-level name the read's value is assigned to, when it is assigned. */
  setting?: string;
}

/** The value the Django app of one deployment gets for the variable. */
export interface DjangoValue {
  /** Entry settings module. */
  settingsFile: string;
  /** Services that run it, the first one's environment deciding the value. */
  services: string[];
  /** `provided` by the environment, the read's `default`, or `unset` (no default either). */
  source: 'provided' | 'default' | 'unset';
  /** Value in effect when provided. */
  value?: string;
  /** Place that sets the value in effect, when provided. */
  location?: Location;
  standIn?: boolean;
  /** Default of the first read that has one, when the variable is not provided. */
  default?: PyValue;
  /** True when a read without default makes start-up fail while the variable is unset. */
  required: boolean;
}

/**
 * The path of one variable through the deployments: where it is declared, which services it
 * reaches and how, where compose and nginx templates substitute it, where the settings read it,
 * and the value the Django app gets. Values are kept as written, so the code that displays them must hide secrets.
 */
export interface VariableJourney {
  name: string;
  declarations: VariableDeclaration[];
  passages: ServicePassage[];
  /** `${NAME}` references in compose files, nested ones included. */
  interpolations: Location[];
  /** `${NAME}` references in nginx templates that envsubst fills. */
  templateReferences: Location[];
  reads: JourneyRead[];
  djangoValues: DjangoValue[];
}

/** Input of the journey builder: the workspace files and the deployments built from them. */
export interface JourneySource {
  workspace: Workspace;
  deployments: Deployment[];
}

/**
 * Follows `name` through every deployment. Facts repeated by several deployments (a base compose
 * file checked with and without its override) are listed once.
 */
export function buildVariableJourney({ workspace, deployments }: JourneySource, name: string): VariableJourney {
  const journey: VariableJourney = {
    name,
    declarations: [],
    passages: [],
    interpolations: [],
    templateReferences: [],
    reads: [],
    djangoValues: [],
  };
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const deployment of deployments) {
    for (const declaration of listDeclarations(deployment)) {
      if (declaration.name === name && once(`declaration ${locationKey(declaration.location)}`)) {
        journey.declarations.push(declaration);
      }
    }
    for (const service of deployment.services) {
      const passage = passageOf(service, name);
      if (passage && once(`passage ${service.name} ${locationKey(passage.location)}`)) journey.passages.push(passage);
    }
    for (const file of deployment.composeFiles) {
      for (const range of interpolationRanges(file.interpolations, name)) {
        const location = { file: file.source.path, range };
        if (once(`interpolation ${locationKey(location)}`)) journey.interpolations.push(location);
      }
    }
    for (const location of templateReferences(workspace, deployment, name)) {
      if (once(`template ${locationKey(location)}`)) journey.templateReferences.push(location);
    }
    const django = deployment.django;
    if (!django) continue;
    const reads = django.evaluation.reads.filter((read) => read.name === name);
    for (const read of reads) {
      if (once(`read ${locationKey({ file: read.file, range: read.nameRange })}`)) {
        journey.reads.push({ read, ...settingOf(django, read) });
      }
    }
    if (reads.length === 0) continue;
    const value = djangoValue(django, name, reads);
    if (once(`value ${JSON.stringify(value)}`)) journey.djangoValues.push(value);
  }
  return journey;
}

function locationKey(location: Location): string {
  const { start, end } = location.range;
  return `${location.file}:${start.line}:${start.character}-${end.line}:${end.character}`;
}

function passageOf(service: ServiceModel, name: string): ServicePassage | undefined {
  const variable = service.environment.get(name);
  if (!variable) return undefined;
  if (variable.via === 'environment') {
    return { service: service.name, via: 'environment', location: variable.location, standIn: false, value: variable.value };
  }
  const link = service.envFiles.find((candidate) => (candidate.file ?? candidate.standIn)?.source.path === variable.envFile);
  const passage: ServicePassage = {
    service: service.name,
    via: 'env_file',
    location: variable.location,
    standIn: variable.standIn === true,
    value: variable.value,
  };
  if (link) passage.envFilePath = link.path;
  return passage;
}

/** Name ranges of the references to `name`, nested ones (`${A:-${B}}`) included. */
function interpolationRanges(interpolations: Interpolation[], name: string): Range[] {
  const ranges: Range[] = [];
  const pending = [...interpolations];
  while (pending.length > 0) {
    const interpolation = pending.shift()!;
    if (interpolation.name === name) ranges.push(interpolation.nameRange);
    pending.push(...interpolation.nested);
  }
  return ranges;
}

/** References in the nginx templates (`*.template`) a deployment loads. */
function templateReferences(workspace: Workspace, deployment: Deployment, name: string): Location[] {
  const locations: Location[] = [];
  for (const config of deployment.nginx) {
    for (const file of config.files) {
      if (!file.endsWith('.template')) continue;
      const parsed = workspace.load('nginx', file);
      for (const variable of parsed?.templateVariables ?? []) {
        if (variable.name === name) locations.push({ file, range: variable.range });
      }
    }
  }
  return locations;
}

function settingOf(django: DjangoApp, read: EnvRead): { setting?: string } {
  const assignment = django.evaluation.history.find((candidate) =>
    candidate.reads.some((other) => other.file === read.file && rangesEqual(other.nameRange, read.nameRange)),
  );
  return assignment ? { setting: assignment.name } : {};
}

function djangoValue(django: DjangoApp, name: string, reads: EnvRead[]): DjangoValue {
  const base = {
    settingsFile: django.settingsFile,
    services: django.services.map((service) => service.name),
    required: reads.some((read) => read.required),
  };
  const provided = django.provided.get(name);
  if (provided && provided.value !== undefined) {
    return {
      ...base,
      source: 'provided',
      value: provided.value,
      location: provided.location,
      standIn: provided.standIn === true,
    };
  }
  const withDefault = reads.find((read) => read.hasDefault);
  if (withDefault) {
    return { ...base, source: 'default', default: withDefault.default ?? { type: 'unknown' } };
  }
  return { ...base, source: 'unset' };
}
