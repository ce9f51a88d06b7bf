import { mayHoldSecret } from '../checks/security/secret-values.js';
import { hiddenSecret, redactValue } from '../lsp/hover/redact-value.js';
import type { Deployment } from '../model/deployment.js';
import {
  deploymentsOf,
  listDeclarations,
  type VariableDeclaration,
} from '../model/variable-declarations.js';
import type { CompletionCandidate, PartialName } from './completion-types.js';

/** Where the name is completed, which decides which variables can reach that place. */
export type VariableTarget = 'settings' | 'compose' | 'nginx-template';

/** Values longer than this are cut in the one-line detail. */
const maxShownValue = 40;

interface NameEntry {
  declarations: VariableDeclaration[];
  /** True when the variable reaches the place being completed. */
  reaches: boolean;
}

/**
 * Proposes the variable names that the deployments reading `file` declare. Names that reach
 * the place being completed come first: for a settings read, the variables that reach the Django
 * services; for compose `${VAR}`, those of the project `.env` that compose interpolates with; for
 * an nginx template, those in the nginx service's environment. Other declared names follow, with
 * a note saying why they do not reach it. Values of names that look secret are never shown.
 */
export function variableCandidates(
  deployments: Deployment[],
  file: string,
  target: VariableTarget,
  partial: PartialName,
): CompletionCandidate[] {
  const names = new Map<string, NameEntry>();
  const seen = new Set<string>();
  for (const deployment of deploymentsOf(deployments, file)) {
    const reaching = reachingNames(deployment, file, target);
    for (const declaration of listDeclarations(deployment)) {
      // An `environment` entry sets a container's variable, never one compose interpolates with.
      if (target === 'compose' && declaration.source === 'environment') continue;
      const entry = names.get(declaration.name) ?? { declarations: [], reaches: false };
      names.set(declaration.name, entry);
      if (reaching === undefined || reaching.has(declaration.name)) entry.reaches = true;
      const key = `${declaration.location.file}:${declaration.location.range.start.line}:${declaration.location.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entry.declarations.push(declaration);
    }
  }
  const candidates: CompletionCandidate[] = [];
  for (const [name, entry] of names) {
    const first = entry.declarations[0]!;
    const more = entry.declarations.length > 1 ? ` (+${entry.declarations.length - 1} more)` : '';
    const where = `${first.location.file}:${first.location.range.start.line + 1}${more}`;
    candidates.push({
      label: name,
      category: 'variable',
      detail: `${where} · ${shownValue(first.value, mayHoldSecret(name))}`,
      documentation: documentation(name, entry, target),
      range: partial.range,
      newText: name,
      sortText: `${entry.reaches ? 0 : 1}${name}`,
    });
  }
  return candidates;
}

/**
 * Names that reach the completed place in one deployment. Returns undefined, so that every name
 * counts, when the deployment has no such place (no Django services, no nginx service mounting
 * the file).
 */
function reachingNames(deployment: Deployment, file: string, target: VariableTarget): Set<string> | undefined {
  if (target === 'settings') {
    return deployment.django ? new Set(deployment.django.provided.keys()) : undefined;
  }
  if (target === 'compose') return new Set(deployment.interpolationEnv.keys());
  const services = deployment.nginx
    .filter((config) => config.service && config.files.includes(file))
    .map((config) => config.service!);
  if (services.length === 0) return undefined;
  return new Set(services.flatMap((service) => [...service.environment.keys()]));
}

/** Value for display: `***` when `hide` is set, a URL's password hidden, long values cut. */
export function shownValue(value: string | undefined, hide: boolean): string {
  if (value === undefined) return 'passed from the shell';
  if (value === '') return 'empty';
  if (hide) return hiddenSecret;
  const redacted = redactValue({ type: 'str', value });
  const text = redacted.type === 'str' ? redacted.value : hiddenSecret;
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxShownValue ? `${oneLine.slice(0, maxShownValue - 3)}...` : oneLine;
}

function documentation(name: string, entry: NameEntry, target: VariableTarget): string {
  const lines = entry.declarations.map((declaration) => {
    const line = declaration.location.range.start.line + 1;
    return `- \`${declaration.location.file}\` line ${line}, ${describeSource(declaration)}: \`${shownValue(declaration.value, mayHoldSecret(name))}\``;
  });
  const sections = [`**${name}**`, lines.join('\n')];
  if (!entry.reaches) sections.push(unreachedNote(target));
  return sections.join('\n\n');
}

function describeSource(declaration: VariableDeclaration): string {
  const services = declaration.services.map((service) => `\`${service}\``).join(', ');
  if (declaration.source === 'environment') return `environment of ${services}`;
  const parts: string[] = [];
  if (declaration.services.length > 0) parts.push(`env_file of ${services}`);
  if (declaration.interpolation) parts.push('compose interpolation');
  if (declaration.standIn) parts.push('template standing in for a missing file');
  return parts.length > 0 ? parts.join(', ') : 'env file';
}

function unreachedNote(target: VariableTarget): string {
  switch (target) {
    case 'settings':
      return 'Not passed to the services that run Django.';
    case 'compose':
      return 'Not in the project `.env`, so compose does not interpolate it; `env_file` and `environment` values only reach containers.';
    case 'nginx-template':
      return 'Not in the environment of the nginx service that renders this template.';
  }
}
