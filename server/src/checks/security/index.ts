import type { Check } from '../check.js';

/** Checks for values that make a production deployment unsafe. */
export const securityChecks: Check[] = [];
