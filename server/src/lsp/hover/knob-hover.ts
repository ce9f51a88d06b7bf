import type { Position } from 'vscode-languageserver';
import { mayHoldSecret } from '../../checks/security/secret-values.js';
import { describeValue } from '../../checks/variables/describe-value.js';
import type { SourceFile } from '../../core/source-file.js';
import { lookupKnob, renderKnobMarkdown, type KnobValueInEffect } from '../../knobs/index.js';
import type { KnobFamily } from '../../knobs/knob.js';
import type { Deployment } from '../../model/deployment.js';
import type { FileKind } from '../../workspace/file-kinds.js';
import type { HoverProvider } from './hover-provider.js';
import { hiddenSecret, redactValue } from './redact-value.js';
import { textAt } from './text-at.js';
import { yamlKeyPathAt } from './yaml-key-path.js';

/**
 * Documentation of the knob under the cursor: a Django setting, a compose key, an app-server,
 * PostgreSQL, Redis or Traefik option, or a well-known variable. A Django setting also shows
 * the value it has in this deployment.
 */
export const knobHover: HoverProvider = {
  name: 'knob',
  kinds: ['python', 'env', 'compose'],
  provideHover({ analysis, kind, source, position }) {
    const token = tokenAt(source, position);
    if (!token || !kind) return undefined;
    // A compose key is documented by its place in the file: `memory` under
    // `deploy.resources.limits` is the container's memory limit. Only a knob for the key itself
    // counts: an `environment` key or a dotted Traefik label is left to the lookups below.
    const keyPath = kind === 'compose' ? yamlKeyPathAt(source, position) : undefined;
    const keyKnob = keyPath === undefined ? undefined : lookupKnob('compose', keyPath);
    if (keyPath && keyKnob?.path?.split('.').length === keyPath.split('.').length) {
      return renderKnobMarkdown(keyKnob, undefined);
    }
    const name = token.replace(/^\$\{?/, '').replace(/[}:].*$/, '');
    for (const family of familiesFor(kind, token)) {
      const knob = lookupKnob(family, takesWholeToken(family) ? token : name);
      if (!knob) continue;
      const inEffect =
        family === 'django' ? settingInEffect(analysis.deployments, knob.name) : undefined;
      return renderKnobMarkdown(knob, inEffect);
    }
    return undefined;
  },
};

/** Characters of flags, dotted keys, labels and `${VAR}` references. */
const tokenPart = /[A-Za-z0-9_.\-:${}<>*]/;

/** Token under the cursor without trailing `:` or `,`; a leading `:` is dropped, `-` kept. */
function tokenAt(source: SourceFile, position: Position): string | undefined {
  const found = textAt(source, position, tokenPart)?.text;
  if (!found) return undefined;
  const token = found.replace(/^:+(?=[A-Za-z])/, '').replace(/[:,]+$/, '');
  return token.length > 0 ? token : undefined;
}

/**
 * Families whose lookup takes the token as written: PostgreSQL's `name=value`, Traefik's dotted
 * labels and gunicorn flags with their `=value`. Other families take the name without `${`,
 * a default after `:` or a closing `}`.
 */
function takesWholeToken(family: KnobFamily): boolean {
  return family === 'postgres' || family === 'traefik' || family === 'gunicorn';
}

/** Families a token may belong to in a file of the given kind, most likely first. */
function familiesFor(kind: FileKind, token: string): KnobFamily[] {
  if (kind === 'python') return ['django', 'variable'];
  if (kind === 'env') return ['variable', 'django'];
  if (kind !== 'compose') return [];
  if (/^(traefik\.|--entrypoints|--providers)/.test(token)) return ['traefik'];
  if (token.startsWith('-')) return ['gunicorn', 'daphne', 'uvicorn', 'celery', 'redis', 'traefik'];
  if (token.includes('=')) return ['postgres', 'traefik'];
  return ['compose', 'variable', 'postgres', 'redis'];
}

/**
 * Value a Django setting has in the first deployment that sets it to a known value, with
 * secrets inside it hidden. A setting named like a secret is hidden whole.
 */
function settingInEffect(deployments: Deployment[], name: string): KnobValueInEffect | undefined {
  for (const deployment of deployments) {
    const assignment = deployment.django?.evaluation.settings.get(name);
    if (!assignment || assignment.value.type === 'unknown') continue;
    const line = assignment.targetRange.start.line + 1;
    const value = mayHoldSecret(name) ? hiddenSecret : describeValue(redactValue(assignment.value));
    return { value, where: `${assignment.file} line ${line}` };
  }
  return undefined;
}
