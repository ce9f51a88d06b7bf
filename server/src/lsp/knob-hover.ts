import type { Position } from 'vscode-languageserver';
import type { SourceFile } from '../core/source-file.js';
import { describeValue } from '../checks/variables/describe-value.js';
import { lookupKnob, renderKnobMarkdown } from '../knobs/index.js';
import type { KnobFamily } from '../knobs/knob.js';
import type { Deployment } from '../model/deployment.js';
import { classifyFile } from '../workspace/discover.js';

/** Token under the cursor: letters, digits and `_ . - : $ { }`, which covers flags, keys and labels. */
function tokenAt(source: SourceFile, position: Position): string | undefined {
  const line = source.lineText(position.line);
  const part = /[A-Za-z0-9_.\-:${}<>*]/;
  let start = position.character;
  let end = position.character;
  while (start > 0 && part.test(line[start - 1]!)) start--;
  while (end < line.length && part.test(line[end]!)) end++;
  const token = line.slice(start, end).replace(/^[-:]+(?=[A-Za-z])/, (dashes) => (dashes.startsWith('-') ? dashes : ''));
  return token.length > 0 ? token.replace(/[:,]+$/, '') : undefined;
}

/** Families a token may belong to in a file of the given kind, most likely first. */
function familiesFor(file: string, token: string): KnobFamily[] {
  const kind = classifyFile(file);
  if (kind === 'python') return ['django', 'variable'];
  if (kind === 'env') return ['variable', 'django'];
  if (kind === 'compose') {
    if (token.startsWith('traefik.') || token.startsWith('--entrypoints') || token.startsWith('--providers')) return ['traefik'];
    if (token.startsWith('-')) return ['gunicorn', 'daphne', 'uvicorn', 'celery', 'redis', 'traefik'];
    if (token.includes('=')) return ['postgres', 'traefik'];
    return ['compose', 'variable', 'postgres', 'redis'];
  }
  return [];
}

/** Value a Django setting has in this deployment, for the hover's "in effect" line. */
function settingInEffect(deployments: Deployment[], name: string): { value: string; where: string } | undefined {
  for (const deployment of deployments) {
    const assignment = deployment.django?.evaluation.settings.get(name);
    if (!assignment || assignment.value.type === 'unknown') continue;
    return { value: describeValue(assignment.value), where: `${assignment.file} line ${assignment.targetRange.start.line + 1}` };
  }
  return undefined;
}

/** Markdown documenting the knob under the cursor (setting, compose key, flag, variable), if any. */
export function knobHover(file: string, source: SourceFile, position: Position, deployments: Deployment[]): string | undefined {
  const token = tokenAt(source, position);
  if (!token) return undefined;
  const name = token.replace(/^\$\{?/, '').replace(/[}:].*$/, '');
  for (const family of familiesFor(file, token)) {
    const knob = lookupKnob(family, family === 'postgres' || family === 'traefik' || family.startsWith('g') ? token : name);
    if (!knob) continue;
    const inEffect = family === 'django' ? settingInEffect(deployments, knob.name) : undefined;
    return renderKnobMarkdown(knob, inEffect);
  }
  return undefined;
}
