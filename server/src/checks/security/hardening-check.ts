import type { Fix, Problem } from '../../core/problem.js';
import type { SettingAssignment } from '../../parsers/python/settings-model.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { checksProductionSettings } from './deployment-facts.js';
import { assignmentLocation, djangoFacts, type DjangoFacts } from './django-facts.js';
import { djangoMiddlewareMissing, djangoSecuritySettingOff } from './django-rules.js';
import { stringValue, truthiness } from './python-values.js';
import { insertLineAfter, insertLineBefore } from './source-edits.js';

const securityMiddleware = 'django.middleware.security.SecurityMiddleware';
const frameMiddleware = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
const csrfMiddleware = 'django.middleware.csrf.CsrfViewMiddleware';

const requiredMiddleware: { dotted: string; id: string; effect: string }[] = [
  { dotted: securityMiddleware, id: 'W001', effect: 'none of the SECURE_* settings take effect (no HSTS, HTTPS redirect, nosniff or referrer policy)' },
  { dotted: frameMiddleware, id: 'W002', effect: 'pages carry no X-Frame-Options header and can be framed for clickjacking' },
  { dotted: csrfMiddleware, id: 'W003', effect: 'forms lose CSRF protection unless every view uses csrf_protect' },
];

/** Middleware missing from a known `MIDDLEWARE`, and protections the settings turn off. */
export const hardeningCheck: Check = {
  name: 'security-hardening',
  rules: [djangoMiddlewareMissing, djangoSecuritySettingOff],
  run(deployment) {
    if (!deployment.django || !checksProductionSettings(deployment)) return [];
    const facts = djangoFacts(deployment.django);
    return [...middlewareProblems(facts), ...settingOffProblems(facts)];
  },
};

function middlewareProblems(facts: DjangoFacts): Problem[] {
  const middleware = facts.middleware();
  const assignment = facts.final('MIDDLEWARE');
  if (!middleware || !assignment) return [];
  const problems: Problem[] = [];
  for (const required of requiredMiddleware) {
    if (middleware.includes(required.dotted)) continue;
    const name = required.dotted.split('.').pop()!;
    problems.push(
      createProblem(
        djangoMiddlewareMissing,
        assignmentLocation(assignment),
        `MIDDLEWARE lacks ${name} (Django ${required.id}), so ${required.effect}.`,
        { fixes: addMiddlewareFix(facts, assignment, required.dotted) },
      ),
    );
  }
  return problems;
}

/**
 * Adds a middleware line to a `MIDDLEWARE = [...]` written one item per line: SecurityMiddleware
 * first, as Django's documentation orders it, the others last.
 */
function addMiddlewareFix(facts: DjangoFacts, assignment: SettingAssignment, dotted: string): Fix[] {
  const expr = assignment.expr;
  const source = facts.app.modules.get(assignment.file)?.source;
  if (!source || (expr.kind !== 'list' && expr.kind !== 'tuple') || expr.items.length === 0) return [];
  const first = expr.items[0]!;
  const last = expr.items[expr.items.length - 1]!;
  if (first.range.start.line === expr.range.start.line) return [];
  const line = `"${dotted}",`;
  const edit =
    dotted === securityMiddleware
      ? insertLineBefore(source, first.range.start.line, line)
      : insertLineAfter(source, last.range.end.line, line);
  if (dotted !== securityMiddleware && !source.lineText(last.range.end.line).trimEnd().endsWith(',')) return [];
  return [{ title: `Add ${dotted.split('.').pop()} to MIDDLEWARE`, edits: [edit], safe: false }];
}

interface OffSetting {
  name: string;
  /** Django check id and what turning the protection off does. */
  describe: string;
  isOff: (facts: DjangoFacts, assignment: SettingAssignment) => boolean;
  /** Python source of Django's default, written by the fix. */
  fix: string;
  information?: boolean;
}

const offSettings: OffSetting[] = [
  {
    name: 'SECURE_CONTENT_TYPE_NOSNIFF',
    describe: 'is off (Django W006), so browsers may run an uploaded file as a script or style sheet by guessing its type',
    isOff: (facts, assignment) => facts.securityMiddlewareActive() && truthiness(assignment.value) === false,
    fix: 'True',
  },
  {
    name: 'SESSION_COOKIE_HTTPONLY',
    describe: 'is off (Django W013), so any script injected into a page can read the session cookie',
    isOff: (_facts, assignment) => truthiness(assignment.value) === false,
    fix: 'True',
  },
  {
    name: 'SECURE_REFERRER_POLICY',
    describe: 'is None (Django W022), so full URLs, query strings included, leak to other sites in the Referer header',
    isOff: (facts, assignment) => facts.securityMiddlewareActive() && assignment.value.type === 'none',
    fix: '"same-origin"',
  },
  {
    name: 'X_FRAME_OPTIONS',
    describe: 'is not "DENY" (Django W019); keep SAMEORIGIN only if the site frames its own pages',
    isOff: (facts, assignment) => {
      const value = stringValue(assignment.value);
      return facts.hasMiddleware(frameMiddleware) !== false && value !== undefined && value !== 'DENY';
    },
    fix: '"DENY"',
    information: true,
  },
];

function settingOffProblems(facts: DjangoFacts): Problem[] {
  const problems: Problem[] = [];
  for (const setting of offSettings) {
    const assignment = facts.final(setting.name);
    if (!assignment || !setting.isOff(facts, assignment)) continue;
    const fixes: Fix[] =
      assignment.reads.length === 0
        ? [{ title: `Set ${setting.name} = ${setting.fix}`, edits: [{ file: assignment.file, range: assignment.valueRange, newText: setting.fix }], safe: false }]
        : [];
    problems.push(
      createProblem(djangoSecuritySettingOff, assignmentLocation(assignment), `${setting.name} ${setting.describe}.`, {
        fixes,
        ...(setting.information ? { severity: 'information' as const } : {}),
      }),
    );
  }
  return problems;
}
