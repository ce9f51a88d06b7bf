import * as path from 'node:path';
import { defaultConfig, parseConfig, type ShipshapeConfig } from '../analysis/config.js';
import type { Severity } from '../core/problem.js';
import type { FileSystem } from '../workspace/file-system.js';
import { isLogLevel, type LogLevel } from './logger.js';

/** The `shipshape.*` editor settings of one folder, validated. */
export interface EditorSettings {
  enable: boolean;
  config: ShipshapeConfig;
  /** Undefined when the client did not send the setting. */
  logLevel: LogLevel | undefined;
}

export const defaultEditorSettings: EditorSettings = {
  enable: true,
  config: defaultConfig,
  logLevel: undefined,
};

const severities = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/**
 * Reads the `shipshape` settings section as a client sends it, which may be null, partial or
 * hand-written (Neovim, Helix). Invalid entries are left out and described in `warnings`.
 */
export function parseEditorSettings(raw: unknown): {
  settings: EditorSettings;
  warnings: string[];
} {
  if (typeof raw !== 'object' || raw === null) {
    return { settings: defaultEditorSettings, warnings: [] };
  }
  const section = raw as Record<string, unknown>;
  const warnings: string[] = [];
  const severity: Record<string, Severity | 'off'> = {};
  const rawSeverity = section['severity'];
  if (typeof rawSeverity === 'object' && rawSeverity !== null && !Array.isArray(rawSeverity)) {
    for (const [rule, value] of Object.entries(rawSeverity)) {
      if (typeof value === 'string' && severities.has(value)) {
        severity[rule] = value as Severity | 'off';
      } else {
        const expected = 'error, warning, information, hint or off';
        warnings.push(`shipshape.severity.${rule} must be ${expected}.`);
      }
    }
  }
  const logLevel = section['logLevel'];
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    warnings.push('shipshape.logLevel must be error, warn, info or debug.');
  }
  return {
    settings: {
      enable: section['enable'] !== false,
      config: {
        disabledRules: stringList(section['disabledRules']),
        severity,
        productionPatterns: stringList(section['productionPatterns']),
      },
      logLevel: isLogLevel(logLevel) ? logLevel : undefined,
    },
    warnings,
  };
}

/**
 * Merges editor settings over a folder's `shipshape.json`. Lists add up, because VS Code sends
 * a setting's default (`[]`) even when the user never set it, and replacing would silently
 * drop the file's entries. A severity set in the editor wins over the file's for that rule.
 */
export function mergeConfig(file: ShipshapeConfig, editor: ShipshapeConfig): ShipshapeConfig {
  return {
    disabledRules: [...new Set([...file.disabledRules, ...editor.disabledRules])],
    severity: { ...file.severity, ...editor.severity },
    productionPatterns: [...new Set([...file.productionPatterns, ...editor.productionPatterns])],
  };
}

/** Name of the configuration file at a folder's root, shared with the CLI. */
export const configFileName = 'shipshape.json';

/** A folder's `shipshape.json` as read for one analysis. */
export interface ConfigFile {
  config: ShipshapeConfig;
  /** Messages of `parseConfig`; empty when the file is valid or missing. */
  errors: string[];
  /** True when the text is not JSON at all, so the defaults apply. */
  invalidJson: boolean;
}

/**
 * Reads `shipshape.json` at `root`, where an open document wins over the disk. A missing file
 * gives the default config, and an invalid one gives its valid part.
 */
export function readConfigFile(fs: FileSystem, root: string): ConfigFile {
  const text = fs.readFile(path.join(root, configFileName));
  if (text === undefined) return { config: defaultConfig, errors: [], invalidJson: false };
  const { config, errors } = parseConfig(text);
  return { config, errors, invalidJson: !isJson(text) };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
