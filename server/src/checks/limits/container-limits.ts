import type { Location } from '../../core/range.js';
import { parseComposeBytes } from '../../core/units.js';
import type { ServiceModel } from '../../model/deployment.js';
import type { ComposeService, Scalar } from '../../parsers/compose/compose-model.js';

/** A memory or CPU amount from a service's compose definition. */
export interface ResourceValue {
  /** Bytes for memory, CPUs for cpus. */
  amount: number;
  text: string;
  location: Location;
  /** `deploy.resources.limits.memory`, `mem_limit`... */
  key: string;
}

/** The compose keys that may set one amount, in order of preference. */
type Candidates = (definition: ComposeService) => [string, Scalar<string> | undefined][];

/** Returns the amount of the last definition (override files come last) that sets a key. */
function lastValue(
  service: ServiceModel,
  candidates: Candidates,
  parse: (text: string) => number | undefined,
): ResourceValue | undefined {
  for (let index = service.definitions.length - 1; index >= 0; index--) {
    const { file, service: definition } = service.definitions[index]!;
    for (const [key, scalar] of candidates(definition)) {
      if (!scalar) continue;
      const text = String(scalar.value);
      const amount = parse(text);
      if (amount === undefined) continue;
      return { amount, text, location: { file: file.source.path, range: scalar.range }, key };
    }
  }
  return undefined;
}

function parseCpus(text: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
}

/** Returns the memory limit: `deploy.resources.limits.memory`, else `mem_limit`. */
export function memoryLimit(service: ServiceModel): ResourceValue | undefined {
  const candidates: Candidates = (definition) => [
    ['deploy.resources.limits.memory', definition.limits.memory],
    ['mem_limit', definition.memLimit],
  ];
  return lastValue(service, candidates, parseComposeBytes);
}

export function memoryReservation(service: ServiceModel): ResourceValue | undefined {
  const candidates: Candidates = (definition) => [
    ['deploy.resources.reservations.memory', definition.reservations.memory],
    ['mem_reservation', definition.memReservation],
  ];
  return lastValue(service, candidates, parseComposeBytes);
}

export function cpuLimit(service: ServiceModel): ResourceValue | undefined {
  const candidates: Candidates = (definition) => [
    ['deploy.resources.limits.cpus', definition.limits.cpus],
    ['cpus', definition.cpus],
  ];
  return lastValue(service, candidates, parseCpus);
}

export function cpuReservation(service: ServiceModel): ResourceValue | undefined {
  const candidates: Candidates = (definition) => [
    ['deploy.resources.reservations.cpus', definition.reservations.cpus],
  ];
  return lastValue(service, candidates, parseCpus);
}
