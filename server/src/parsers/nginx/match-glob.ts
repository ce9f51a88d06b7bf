/**
 * Glob matching as nginx's `include` does it with glob(3) on Linux, without GLOB_PERIOD or
 * GLOB_BRACE. `*` matches any run of characters and `?` one character, and neither crosses `/`.
 * `[abc]`, `[a-z]` and the negations `[!a]` and `[^a]` match one character. `\` quotes the next
 * character. A name that starts with `.` matches only a pattern segment that starts with a
 * literal `.`, so `conf.d/*` skips dotfiles.
 */

/** Tells whether nginx treats an include path as a glob: it contains `*`, `?` or `[`. */
export function isGlobPattern(path: string): boolean {
  return /[*?[]/.test(path);
}

/** Tells whether `path` matches the glob `pattern`. Both use `/` as separator. */
export function matchGlob(pattern: string, path: string): boolean {
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length !== pathSegments.length) return false;
  return patternSegments.every((segment, index) => matchSegment(segment, pathSegments[index]!));
}

function matchSegment(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.') && !pattern.startsWith('\\.')) {
    return false;
  }
  // Iterative wildcard matching: on a mismatch, retry from the last `*` with one more
  // character swallowed, so the cost stays within pattern length × name length.
  let p = 0;
  let n = 0;
  let starPattern = -1;
  let starName = 0;
  while (n < name.length) {
    const step = p < pattern.length ? matchOne(pattern, p, name[n]!) : undefined;
    if (p < pattern.length && pattern[p] === '*') {
      starPattern = p++;
      starName = n;
    } else if (step !== undefined) {
      p = step;
      n++;
    } else if (starPattern >= 0) {
      p = starPattern + 1;
      n = ++starName;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Matches one pattern element at `p` (a literal, `?`, `\x` or a bracket expression) against
 * `char`. Returns the index after the element, or undefined on a mismatch.
 */
function matchOne(pattern: string, p: number, char: string): number | undefined {
  const element = pattern[p]!;
  if (element === '?') return p + 1;
  if (element === '\\' && p + 1 < pattern.length) {
    return pattern[p + 1] === char ? p + 2 : undefined;
  }
  if (element === '[') {
    const bracket = matchBracket(pattern, p, char);
    // A `[` without a closing `]` is a literal character.
    if (bracket === 'unclosed') return char === '[' ? p + 1 : undefined;
    return bracket;
  }
  return element === char ? p + 1 : undefined;
}

function matchBracket(
  pattern: string,
  start: number,
  char: string,
): number | undefined | 'unclosed' {
  let index = start + 1;
  const negated = pattern[index] === '!' || pattern[index] === '^';
  if (negated) index++;
  let matched = false;
  let first = true;
  while (index < pattern.length) {
    let low = pattern[index]!;
    // `]` right after `[` or `[!` is a member, not the end.
    if (low === ']' && !first) {
      return matched !== negated ? index + 1 : undefined;
    }
    first = false;
    if (low === '\\' && index + 1 < pattern.length) low = pattern[++index]!;
    if (pattern[index + 1] === '-' && index + 2 < pattern.length && pattern[index + 2] !== ']') {
      let high = pattern[index + 2]!;
      index += 3;
      if (high === '\\' && index < pattern.length) high = pattern[index++]!;
      if (low <= char && char <= high) matched = true;
    } else {
      if (low === char) matched = true;
      index++;
    }
  }
  return 'unclosed';
}
