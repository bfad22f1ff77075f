/** Case, `_` and `-` do not count: `batch_size`, `BatchSize` and `batchSize` are one name. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/**
 * Edits that turn `a` into `b`: inserting, deleting or substituting one character, or
 * swapping two neighbours (`titel` → `title`), the Levenshtein distance with transpositions
 * (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  let before = Array.from({ length: b.length + 1 }, () => 0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name` (ignoring case, `_` and `-`), or undefined when none is
 * close enough to be a likely misspelling: at most one edit per three characters of `name`,
 * so a short unrelated name gets no suggestion. Ties go to the earlier candidate.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = normalize(name);
  const allowed = Math.floor(wanted.length / 3);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
