import { mayHoldSecret } from '../../checks/security/secret-values.js';
import { describeValue } from '../../checks/variables/describe-value.js';
import { shownValue } from '../../completion/variable-candidates.js';
import type { Location } from '../../core/range.js';
import { variableAt } from '../../model/variable-at.js';
import type { VariableDeclaration } from '../../model/variable-declarations.js';
import {
  buildVariableJourney,
  type DjangoValue,
  type JourneyRead,
  type ServicePassage,
  type VariableJourney,
} from '../../model/variable-journey.js';
import type { PyValue } from '../../parsers/python/settings-model.js';
import type { HoverProvider } from './hover-provider.js';
import { hiddenSecret, redactValue } from './redact-value.js';

/**
 * Journey of the variable under the cursor: where it is declared, which services receive it, where
 * compose, nginx templates and the settings use it, and the value the Django app gets. Values of
 * secret-looking names are shown as `***`, and passwords inside URLs are hidden.
 */
export const variableHover: HoverProvider = {
  name: 'variable journey',
  provideHover({ analysis, file, kind, source, position }) {
    const occurrence = variableAt(analysis, file, kind, source, position);
    if (!occurrence) return undefined;
    return renderVariableJourney(buildVariableJourney(analysis, occurrence.name));
  },
};

/**
 * Markdown for a journey, one section per stage the variable passes through. Values are hidden
 * when the variable's name, or the name of a setting it feeds, may hold a secret.
 */
export function renderVariableJourney(journey: VariableJourney): string {
  const name = journey.name;
  const hide = mayHoldSecret(name) || journey.reads.some(({ setting }) => setting !== undefined && mayHoldSecret(setting));
  const sections = [`**${name}** · variable journey`];
  sections.push(section('Declared', journey.declarations.map((declaration) => declarationLine(declaration, hide)), 'nowhere in this deployment'));
  if (journey.passages.length > 0) {
    sections.push(section('Passed to services', journey.passages.map((passage) => passageLine(passage, hide))));
  }
  if (journey.interpolations.length > 0) {
    sections.push(section('Interpolated by compose', journey.interpolations.map((location) => `- ${where(location)}`)));
  }
  if (journey.templateReferences.length > 0) {
    sections.push(section('Substituted in nginx templates', journey.templateReferences.map((location) => `- ${where(location)}`)));
  }
  sections.push(section('Read in settings', journey.reads.map((read) => readLine(read, hide)), 'by no settings module a deployment runs'));
  for (const value of journey.djangoValues) sections.push(djangoValueSection(value, hide));
  return sections.join('\n\n');
}

function section(title: string, lines: string[], empty?: string): string {
  if (lines.length === 0) return `**${title}**: ${empty ?? 'none'}`;
  return `**${title}**\n${lines.join('\n')}`;
}

function where(location: Location): string {
  return `\`${location.file}\` line ${location.range.start.line + 1}`;
}

function declarationLine(declaration: VariableDeclaration, hide: boolean): string {
  const notes: string[] = [];
  const services = declaration.services.map((service) => `\`${service}\``).join(', ');
  if (declaration.source === 'environment') notes.push(`environment of ${services}`);
  else if (services) notes.push(`env_file of ${services}`);
  if (declaration.interpolation) notes.push('feeds compose interpolation');
  if (declaration.standIn) notes.push('template standing in for a missing file');
  else if (declaration.template) notes.push('template');
  const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return `- ${where(declaration.location)}: \`${shownValue(declaration.value, hide)}\`${suffix}`;
}

function passageLine(passage: ServicePassage, hide: boolean): string {
  const value = `\`${shownValue(passage.value, hide)}\``;
  if (passage.via === 'environment') {
    return `- \`${passage.service}\` through \`environment\` (${where(passage.location)}): ${value}`;
  }
  const declared = passage.envFilePath ?? passage.location.file;
  const standIn = passage.standIn
    ? `, missing, so \`${passage.location.file}\` stands in`
    : '';
  return `- \`${passage.service}\` through \`env_file\` \`${declared}\`${standIn} (${where(passage.location)}): ${value}`;
}

function readLine({ read, setting }: JourneyRead, hide: boolean): string {
  const facts = [`\`${read.idiom}\``];
  if (read.hasDefault) facts.push(`default ${shownDefault(read.default, hide)}`);
  else facts.push(read.required ? 'no default, required' : 'no default, None when unset');
  if (read.cast && read.cast !== 'str') facts.push(`cast ${read.cast}`);
  const target = setting ? ` → \`${setting}\`` : '';
  return `- ${where({ file: read.file, range: read.nameRange })}: ${facts.join(', ')}${target}`;
}

function shownDefault(value: PyValue | undefined, hide: boolean): string {
  if (!value || value.type === 'unknown') return 'computed at run time';
  if (hide && !(value.type === 'str' && value.value === '')) return `\`${hiddenSecret}\``;
  return `\`${describeValue(redactValue(value))}\``;
}

function djangoValueSection(value: DjangoValue, hide: boolean): string {
  const services = value.services.length > 0 ? `, services ${value.services.map((service) => `\`${service}\``).join(', ')}` : '';
  const title = `**In effect for Django** (\`${value.settingsFile}\`${services})`;
  let line: string;
  if (value.source === 'provided') {
    const standIn = value.standIn ? ', a template standing in for a missing file' : '';
    line = `\`${shownValue(value.value, hide)}\`, from ${where(value.location!)}${standIn}`;
  } else if (value.source === 'default') {
    line = `not set, so the default ${shownDefault(value.default, hide)} is used`;
  } else {
    line = value.required ? 'not set, so Django fails at start-up' : 'not set, so it reads as None';
  }
  return `${title}\n${line}`;
}
