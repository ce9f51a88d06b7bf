import { substitute } from '../parsers/compose/interpolation.js';
import type { CommandArgument, ProvidedVariable, ServiceDefinition } from './deployment.js';

/**
 * Arguments the container starts with: the last `entrypoint` then the last `command` among the
 * definitions, each argument interpolated with the project environment.
 */
export function serviceCommand(
  definitions: ServiceDefinition[],
  interpolationEnv: Map<string, ProvidedVariable>,
): CommandArgument[] {
  let entrypoint: CommandArgument[] = [];
  let command: CommandArgument[] = [];
  for (const { file, service } of definitions) {
    const convert = (args: { value: string; range: CommandArgument['range'] }[]) =>
      args.map((arg) => ({
        value: substitute(arg.value, (name) => interpolationEnv.get(name)?.value).value,
        range: arg.range,
        file: file.source.path,
      }));
    if (service.entrypoint) entrypoint = convert(service.entrypoint.args);
    if (service.command) command = convert(service.command.args);
  }
  return [...entrypoint, ...command];
}
