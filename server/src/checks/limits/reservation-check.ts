import type { Problem, TextEdit } from '../../core/problem.js';
import type { Deployment, ServiceModel } from '../../model/deployment.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import {
  type ResourceValue,
  cpuLimit,
  cpuReservation,
  memoryLimit,
  memoryReservation,
} from './container-limits.js';
import { reservationAboveLimit } from './limit-rules.js';

/** Memory and CPU reservations above the service's own limits. */
export const reservationCheck: Check = {
  name: 'resource-reservations',
  rules: [reservationAboveLimit],
  run(deployment) {
    const problems: Problem[] = [];
    for (const service of deployment.services) {
      const memory = memoryProblem(deployment, service);
      if (memory) problems.push(memory);
      const cpu = cpuProblem(deployment, service);
      if (cpu) problems.push(cpu);
    }
    return problems;
  },
};

function memoryProblem(deployment: Deployment, service: ServiceModel): Problem | undefined {
  const reservation = memoryReservation(service);
  const limit = memoryLimit(service);
  if (!reservation || !limit || reservation.amount <= limit.amount) return undefined;
  const message =
    `${service.name} reserves ${reservation.text} of memory (${reservation.key}) but is limited ` +
    `to ${limit.text} (${limit.key}): Docker refuses to create the container ("Minimum memory ` +
    'limit can not be less than memory reservation limit"), so the service never starts.';
  return createProblem(reservationAboveLimit, reservation.location, message, {
    related: [{ location: limit.location, message: `The memory limit is ${limit.text}.` }],
    fixes: [
      {
        title: `Lower the reservation to ${limit.text}`,
        edits: [copyValue(deployment, reservation, limit)],
        safe: true,
      },
      {
        title: `Raise the limit to ${reservation.text}`,
        edits: [copyValue(deployment, limit, reservation)],
        safe: false,
      },
    ],
  });
}

/**
 * Reports a CPU reservation above the CPU limit as a warning that the reservation can never be
 * used. NOTE: only the memory case is known to stop the container from starting.
 */
function cpuProblem(deployment: Deployment, service: ServiceModel): Problem | undefined {
  const reservation = cpuReservation(service);
  const limit = cpuLimit(service);
  if (!reservation || !limit || reservation.amount <= limit.amount) return undefined;
  const message =
    `${service.name} reserves ${reservation.text} CPUs but is limited to ${limit.text}: the ` +
    'reservation can never be used, and an orchestrator sets aside capacity the container ' +
    'cannot take.';
  return createProblem(reservationAboveLimit, reservation.location, message, {
    severity: 'warning',
    related: [{ location: limit.location, message: `The CPU limit is ${limit.text}.` }],
    fixes: [
      {
        title: `Lower the reservation to ${limit.text}`,
        edits: [copyValue(deployment, reservation, limit)],
        safe: true,
      },
    ],
  });
}

/** Replaces one compose scalar with another's text as written, quotes included. */
function copyValue(deployment: Deployment, target: ResourceValue, from: ResourceValue): TextEdit {
  const source = deployment.composeFiles.find(
    (compose) => compose.source.path === from.location.file,
  )?.source;
  const { start, end } = from.location.range;
  const raw = source ? source.text.slice(source.offsetAt(start), source.offsetAt(end)) : from.text;
  return { file: target.location.file, range: target.location.range, newText: raw };
}
