/** English for counts in messages: `1 file`, `2 files`, `an 8-character string`. */

/** Joins a count and a noun, adding `s` (or the given plural) unless the count is 1. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Article for a number written in digits, by how it is spoken: `an` for 8, 11, 18, 80-89,
 * 800-899, 8,000, 11,000 or 18,000 (eight, eleven, eighteen...), else `a`. The leading group of
 * three digits decides, because 11,500 is spoken "eleven thousand five hundred".
 */
export function articleFor(count: number): 'a' | 'an' {
  if (!Number.isFinite(count) || count < 0) return 'a';
  const digits = String(Math.trunc(count));
  const leading = digits.slice(0, digits.length % 3 || 3);
  if (leading.startsWith('8') || leading === '11' || leading === '18') return 'an';
  return 'a';
}
