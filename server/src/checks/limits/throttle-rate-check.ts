import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { settingEdit } from './limit-edits.js';
import { throttleRateInvalid } from './proxy-rules.js';
import { dictKeys, settingValue, walkValue } from './setting-values.js';

/** Period words whose first letter DRF reads as they mean it. */
const periodWords: Record<string, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
};
const periodNames: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/** Reading of a rate string by DRF's `SimpleRateThrottle.parse_rate`. */
export type RateReading =
  | { kind: 'valid' }
  | { kind: 'misread'; period: string }
  | { kind: 'invalid'; reason: string; error: string; fixed?: string };

/**
 * Reads a rate as DRF 3.x does: `num, period = rate.split('/')`, `int(num)`, then a lookup of
 * `period[0]` in `s`, `m`, `h`, `d`. Anything that raises is `invalid`; a period word whose
 * first letter means something else (`month`) is `misread`.
 */
export function readRate(rate: string): RateReading {
  const parts = rate.split('/');
  if (parts.length !== 2) {
    const partCount = `${parts.length} ${parts.length === 1 ? 'part' : 'parts'}`;
    const reason = `splitting it at "/" gives ${partCount} instead of 2`;
    return { kind: 'invalid', reason, error: 'ValueError' };
  }
  const [count, period] = parts as [string, string];
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(count)) {
    return { kind: 'invalid', reason: `"${count}" is not a whole number`, error: 'ValueError' };
  }
  if (period === '') return { kind: 'invalid', reason: 'the period is empty', error: 'IndexError' };
  const letter = period[0]!;
  if (!Object.hasOwn(periodWords, letter)) {
    const lower = period.toLowerCase();
    const readable = periodWords[lower[0]!]?.includes(lower) ?? false;
    const fixed = readable ? `${count}/${lower}` : undefined;
    const reason = `the period starts with "${letter}", not s, m, h or d`;
    return { kind: 'invalid', reason, error: 'KeyError', fixed };
  }
  if (!periodWords[letter]!.includes(period)) {
    return { kind: 'misread', period: periodNames[letter]! };
  }
  return { kind: 'valid' };
}

/** Django REST framework throttle rates that raise or that mean another period than written. */
export const throttleRateCheck: Check = {
  name: 'throttle-rate',
  rules: [throttleRateInvalid],
  run(deployment) {
    const django = deployment.django;
    if (!django) return [];
    const framework = django.evaluation.settings.get('REST_FRAMEWORK')?.value;
    const rates = walkValue(framework, ['DEFAULT_THROTTLE_RATES']);
    const problems: Problem[] = [];
    for (const scope of dictKeys(rates)) {
      const setting = settingValue(django, 'REST_FRAMEWORK', ['DEFAULT_THROTTLE_RATES', scope]);
      if (!setting || setting.value.type !== 'str') continue;
      const rate = setting.value.value;
      const reading = readRate(rate);
      if (reading.kind === 'valid') continue;
      const source = setting.envSources[0];
      const origin = source ? ` (from ${source.name})` : '';
      const message =
        reading.kind === 'misread'
          ? `Throttle rate "${rate}" for "${scope}"${origin} counts requests per ` +
            `${reading.period}: DRF reads only the first letter of the period.`
          : `Throttle rate "${rate}" for "${scope}"${origin} is not NUMBER/PERIOD: ` +
            `${reading.reason}, so DRF ` +
            `raises ${reading.error} when a throttled view runs and its requests fail with 500.`;
      const related: RelatedLocation[] = source
        ? [{ location: setting.location, message: `${setting.label} reads ${source.name}.` }]
        : [];
      const fixes: Fix[] = [];
      if (reading.kind === 'invalid' && reading.fixed) {
        const edit = settingEdit(deployment, setting, `"${reading.fixed}"`, reading.fixed);
        const title = `Write the rate as ${reading.fixed}`;
        if (edit) fixes.push({ title, edits: [edit], safe: true });
      }
      problems.push(
        createProblem(throttleRateInvalid, source?.location ?? setting.location, message, {
          severity: reading.kind === 'misread' ? 'warning' : undefined,
          related,
          fixes,
        }),
      );
    }
    return problems;
  },
};
