import type { Severity } from '../core/problem.js';

/** User settings shared by the CLI (`shipshape.json`) and the editor (`shipshape.*`). */
export interface ShipshapeConfig {
  /** Rule ids whose findings are dropped. */
  disabledRules: string[];
  /** Severity per rule id, or `off` to drop its findings. */
  severity: Record<string, Severity | 'off'>;
  /** Extra glob-like path fragments that mark files as production (`deploy/live/`). */
  productionPatterns: string[];
}

export const defaultConfig: ShipshapeConfig = { disabledRules: [], severity: {}, productionPatterns: [] };

const severities = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Reads a `shipshape.json` text into a config, returning the problems found in it as messages.
 * Unknown keys are reported, not fatal, so an old CLI still runs on a newer config.
 */
export function parseConfig(text: string): { config: ShipshapeConfig; errors: string[] } {
  const errors: string[] = [];
  const config: ShipshapeConfig = { disabledRules: [], severity: {}, productionPatterns: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config, errors: [`shipshape.json is not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, errors: ['shipshape.json must contain a JSON object.'] };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'disabledRules' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      config.disabledRules = value as string[];
    } else if (key === 'productionPatterns' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      config.productionPatterns = value as string[];
    } else if (key === 'severity' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
        if (typeof severity === 'string' && severities.has(severity)) {
          config.severity[rule] = severity as Severity | 'off';
        } else {
          errors.push(`shipshape.json: severity of ${rule} must be one of error, warning, information, hint, off.`);
        }
      }
    } else {
      errors.push(`shipshape.json: unknown or invalid key "${key}".`);
    }
  }
  return { config, errors };
}
