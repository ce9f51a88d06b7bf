import { FAMILY_LABELS, type Knob } from './knob.js';

/** The value a knob has in the analysed deployment and the place that sets it. */
export interface KnobValueInEffect {
  value: string;
  /** Place that sets the value, such as `settings.py line 12` or `.env`. */
  where: string;
}

/** Unit codes of the data files as hovers spell them. */
const UNIT_LABELS: Record<string, string> = {
  us: 'microseconds',
  ms: 'milliseconds',
  s: 'seconds',
  min: 'minutes',
  '8kB': '8 kB blocks',
  KiB: 'KiB',
};

/** Maximum length of a value in a hover, in characters. Longer values end in an ellipsis. */
const MAX_VALUE_LENGTH = 200;

/**
 * Renders hover Markdown for a knob: its name and kind, meaning, key path, unit, default,
 * accepted values, the value in effect in this deployment when given, version notes and a
 * link to the official documentation. The value of a knob marked secret is never shown.
 */
export function renderKnobMarkdown(knob: Knob, inEffect?: KnobValueInEffect): string {
  const family = FAMILY_LABELS[knob.family];
  const label = knob.component ? `${family}, read by ${knob.component}` : family;
  const sections: string[] = [`**${code(knob.name)}** · ${escapeMarkdown(label)}`];
  sections.push(knob.summary);

  const facts: string[] = [];
  if (knob.path !== undefined && knob.path !== knob.name) facts.push(`Key: ${code(knob.path)}`);
  if (knob.aliases?.length) facts.push(`Also written: ${knob.aliases.map(code).join(', ')}`);
  if (knob.unit !== undefined) {
    // Durations and sizes may carry their own unit, so the hover states what a bare number means.
    const unit = UNIT_LABELS[knob.unit] ?? knob.unit;
    const bare = knob.type === 'duration' || knob.type === 'size';
    const hint = bare ? ` (a number without a unit counts in ${unit})` : '';
    facts.push(`Unit: ${escapeMarkdown(unit)}${hint}`);
  }
  if (knob.default !== undefined) facts.push(`Default: ${code(knob.default)}`);
  if (knob.values?.length) facts.push(`Values: ${knob.values.map(code).join(', ')}`);
  if (inEffect) facts.push(renderInEffect(knob, inEffect));
  if (knob.since !== undefined) facts.push(`Since: ${escapeMarkdown(knob.since)}`);
  if (facts.length > 0) sections.push(facts.map((fact) => `- ${fact}`).join('\n'));

  if (knob.notes !== undefined) sections.push(knob.notes);
  sections.push(`[Documentation](${knob.docs})`);
  return sections.join('\n\n');
}

function renderInEffect(knob: Knob, inEffect: KnobValueInEffect): string {
  const where = inEffect.where.trim() === '' ? '' : ` (${escapeMarkdown(inEffect.where)})`;
  if (knob.secret) {
    const state = inEffect.value === '' ? 'empty' : 'set, value hidden';
    return `In this deployment: ${state}${where}`;
  }
  const valueText = inEffect.value === '' ? '(empty)' : code(inEffect.value);
  return `In this deployment: ${valueText}${where}`;
}

/**
 * Formats text as inline code on one line. The fence is one backtick longer than the longest
 * backtick run inside, as CommonMark requires, and padded when the text touches a backtick.
 */
function code(text: string): string {
  let oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (oneLine.length > MAX_VALUE_LENGTH) oneLine = `${oneLine.slice(0, MAX_VALUE_LENGTH)}…`;
  if (oneLine === '') return '``';
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${oneLine}${padding}${fence}`;
}

/** Escapes characters that Markdown would read as formatting or links. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}
