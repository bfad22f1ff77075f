/** Case, `_` and `-` do not count: `batch_size`, `BatchSize` and `batchSize` are one name. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Edits (insert, delete, substitute one character) that turn `a` into `b`. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitute);
    }
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
    const distance = levenshtein(wanted, normalize(candidate));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
