import type { Check } from '../check.js';

/** Checks for limits that contradict each other across layers. */
export const limitChecks: Check[] = [];
