import type { TextEdit } from '../../core/problem.js';
import type { Location, Range } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { SettingValue } from './setting-values.js';

/** Range of a block's head (`location /ws/`), without its body, so a finding marks one line. */
export function headRange(directive: NginxDirective): Range {
  const last = directive.args[directive.args.length - 1];
  return { start: directive.nameRange.start, end: last ? last.range.end : directive.nameRange.end };
}

export function headLocation(directive: NginxDirective): Location {
  return { file: directive.file, range: headRange(directive) };
}

export function directiveLocation(directive: NginxDirective): Location {
  return { file: directive.file, range: directive.range };
}

/**
 * Inserts whole directives on new lines after `directive`, indented like it, so the edit
 * touches no existing text.
 */
export function insertAfter(
  workspace: Workspace,
  directive: NginxDirective,
  lines: string[],
): TextEdit | undefined {
  const source = workspace.source(directive.file);
  if (!source || lines.length === 0) return undefined;
  const lineText = source.lineText(directive.range.start.line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  return {
    file: directive.file,
    range: { start: directive.range.end, end: directive.range.end },
    newText: lines.map((line) => `\n${indent}${line}`).join(''),
  };
}

/** Replaces an nginx directive's first argument. */
export function replaceArgument(directive: NginxDirective, newText: string): TextEdit | undefined {
  const argument = directive.args[0];
  return argument ? { file: directive.file, range: argument.range, newText } : undefined;
}

/**
 * Changes a setting's value where it is decided: the env file line that provides the variable
 * the setting reads, the read's default when nothing provides it, or the literal in the
 * settings. `pythonText` is the new expression, `envText` the new env value. Returns undefined
 * when the value is built from several parts, so no single edit sets it.
 */
export function settingEdit(
  deployment: Deployment,
  setting: SettingValue,
  pythonText: string,
  envText: string,
): TextEdit | undefined {
  if (setting.reads.length === 0) {
    if (!setting.expr) return undefined;
    return { file: setting.location.file, range: setting.location.range, newText: pythonText };
  }
  if (setting.reads.length !== 1) return undefined;
  const read = setting.reads[0]!;
  const source = setting.envSources[0];
  if (source) {
    const envFile = deployment.envFiles.find((file) => file.source.path === source.location.file);
    const entry = envFile?.entries.filter((candidate) => candidate.key === read.name).pop();
    if (!entry) return undefined;
    return { file: source.location.file, range: entry.valueRange, newText: envText };
  }
  if (!read.defaultRange) return undefined;
  const quoted = read.default?.type === 'str';
  const newText = quoted ? `"${envText}"` : pythonText;
  return { file: read.file, range: read.defaultRange, newText };
}

/** Python literal for a byte count, written as `N * 1024 * 1024` when it is whole mebibytes. */
export function pythonBytes(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024);
  if (Number.isInteger(mebibytes) && mebibytes > 0) return `${mebibytes} * 1024 * 1024`;
  return String(bytes);
}
