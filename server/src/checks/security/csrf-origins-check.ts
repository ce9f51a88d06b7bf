import type { Fix, Problem } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { Deployment } from '../../model/deployment.js';
import { isTemplateEnvFile } from '../../model/env-stand-in.js';
import type { Expr } from '../../parsers/python/python-ast.js';
import type { SettingAssignment } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings, describeEnvSource, reportsEnvValue } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts, type ProvidedRead } from './django-facts.js';
import { djangoCsrfOriginNoScheme } from './django-rules.js';
import { itemsOf, stringValue } from './python-values.js';
import { findEnvEntry, insertEdit, textAt } from './source-edits.js';

const breakage = 'Django 4.0 and later never match it against the Origin header, so form posts from that origin fail with 403, and manage.py check reports 4_0.E001';

/** `CSRF_TRUSTED_ORIGINS` entries without a scheme, and the setting given as a plain string. */
export const csrfOriginsCheck: Check = {
  name: 'security-csrf-origins',
  rules: [djangoCsrfOriginNoScheme],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    const assignment = facts.final('CSRF_TRUSTED_ORIGINS');
    if (!assignment) return [];
    const text = stringValue(assignment.value);
    if (text !== undefined) return [stringProblem(assignment)];
    const items = itemsOf(assignment.value) ?? [];
    const provided = facts.providedReads(assignment);
    const problems: Problem[] = [];
    const reported = new Set<string>();
    for (const item of items) {
      const origin = stringValue(item);
      if (origin === undefined || origin.includes('://') || reported.has(origin)) continue;
      reported.add(origin);
      // A template leaves values blank on purpose, so its empty value is no evidence about production.
      if (origin.trim() === '' && provided.some((read) => read.location && isTemplateEnvFile(read.location.file))) continue;
      problems.push(originProblem(deployment, facts, assignment, provided, origin));
    }
    return problems;
  },
};

function stringProblem(assignment: SettingAssignment): Problem {
  const isRead = assignment.reads.length > 0;
  const fixes: Fix[] = isRead
    ? [{ title: 'Split the value on commas', edits: [insertEdit(assignment.file, assignment.valueRange.end, '.split(",")')], safe: false }]
    : [];
  return createProblem(
    djangoCsrfOriginNoScheme,
    assignmentLocation(assignment),
    'CSRF_TRUSTED_ORIGINS is a string, not a list, so Django reads it one character at a time and no origin matches; manage.py check reports 4_0.E001 for the first character.',
    { fixes },
  );
}

function originProblem(
  deployment: Deployment,
  facts: DjangoFacts,
  assignment: SettingAssignment,
  provided: ProvidedRead[],
  origin: string,
): Problem {
  if (origin.trim() === '') {
    return createProblem(
      djangoCsrfOriginNoScheme,
      assignmentLocation(assignment),
      `CSRF_TRUSTED_ORIGINS contains an empty entry (splitting an empty value gives [""]), which has no scheme, so manage.py check reports 4_0.E001 on Django 4.0 and later.`,
      { severity: 'warning' },
    );
  }
  const fromEnv = envLocationOf(deployment, provided, origin);
  if (fromEnv) {
    return createProblem(
      djangoCsrfOriginNoScheme,
      fromEnv.location,
      `CSRF_TRUSTED_ORIGINS entry ${origin} from ${fromEnv.read.read.name} in ${describeEnvSource(deployment, fromEnv.location)} has no scheme; ${breakage}.`,
      {
        related: [{ location: assignmentLocation(assignment), message: `CSRF_TRUSTED_ORIGINS is built from ${fromEnv.read.read.name} here` }],
        fixes: [{ title: `Write https://${origin.trim()}`, edits: [insertEdit(fromEnv.location.file, fromEnv.location.range.start, 'https://')], safe: false }],
      },
    );
  }
  const literal = literalItem(assignment.expr, origin);
  const source = facts.app.modules.get(assignment.file)?.source;
  if (literal && source) {
    const written = textAt(source, literal.range);
    const prefix = /^[rbuRBU]*['"]{1,3}/.exec(written)?.[0].length ?? 1;
    const start = source.positionAt(source.offsetAt(literal.range.start) + prefix);
    return createProblem(
      djangoCsrfOriginNoScheme,
      { file: assignment.file, range: literal.range },
      `CSRF_TRUSTED_ORIGINS entry ${origin} has no scheme; ${breakage}.`,
      { fixes: [{ title: `Write https://${origin}`, edits: [insertEdit(assignment.file, start, 'https://')], safe: false }] },
    );
  }
  return createProblem(djangoCsrfOriginNoScheme, assignmentLocation(assignment), `CSRF_TRUSTED_ORIGINS entry ${origin} has no scheme; ${breakage}.`);
}

/**
 * Place of `origin` inside the env value that provides it, as a range over the origin itself,
 * so that the fix can insert the scheme in front of it.
 */
function envLocationOf(
  deployment: Deployment,
  provided: ProvidedRead[],
  origin: string,
): { read: ProvidedRead; location: Location } | undefined {
  const expected = origin.trim();
  for (const read of provided) {
    if (!read.location || !reportsEnvValue(deployment, read.location, 'correctness')) continue;
    const found = findEnvEntry(deployment, read.location);
    if (!found) continue;
    const source = found.file.source;
    const start = source.offsetAt(found.entry.valueRange.start);
    const raw = textAt(source, found.entry.valueRange);
    const pattern = new RegExp(`(^|[\\s,;'"\`])(${escapeRegExp(expected)})(?=$|[\\s,;'"\`])`);
    const match = pattern.exec(raw);
    if (!match) continue;
    const offset = start + match.index + match[1]!.length;
    return { read, location: { file: source.path, range: source.rangeAt(offset, offset + expected.length) } };
  }
  return undefined;
}

function literalItem(expr: Expr, origin: string): Expr | undefined {
  if (expr.kind !== 'list' && expr.kind !== 'tuple' && expr.kind !== 'set') return undefined;
  return expr.items.find((item) => item.kind === 'str' && item.value === origin);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
