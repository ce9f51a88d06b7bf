/** Levenshtein distance with a cutoff: returns `limit + 1` as soon as the distance exceeds it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * True when two variable names look like one name spelled two ways: a small edit distance
 * (one edit per eight characters, at least one), the same words in another case or separator, or
 * the same words where one word is an abbreviation of the other (`CONNECT` and `CONNECTION`).
 */
export function isNearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  const normalise = (name: string) => name.toUpperCase().replace(/[-_.]/g, '');
  if (normalise(a) === normalise(b)) return true;
  const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 8));
  if (Math.min(a.length, b.length) >= 4 && editDistance(a, b, limit) <= limit) return !differOnlyInDigits(a, b);
  const wordsA = a.toUpperCase().split(/[_\-.]+/);
  const wordsB = b.toUpperCase().split(/[_\-.]+/);
  if (wordsA.length !== wordsB.length || wordsA.length < 2) return false;
  let differing = 0;
  for (let i = 0; i < wordsA.length; i++) {
    const x = wordsA[i]!;
    const y = wordsB[i]!;
    if (x === y) continue;
    differing++;
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    if (short.length < 4 || !long.startsWith(short)) return false;
  }
  return differing === 1;
}

/** Names that differ only in a digit (`REDIS_DB_1`, `REDIS_DB_2`) are distinct settings, not typos. */
function differOnlyInDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && !(/\d/.test(a[i]!) && /\d/.test(b[i]!))) return false;
  }
  return true;
}
