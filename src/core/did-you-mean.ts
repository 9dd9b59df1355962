/**
 * "Did you mean …?" for a misspelled key, enum value or id. The distance
 * function is passed in so that core keeps no npm imports.
 */
export function closest(
  word: string,
  candidates: readonly string[],
  distance: (a: string, b: string) => number,
): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // Close means at most a third of the word differs (and at least one edit allowed).
  const allowed = Math.max(1, Math.floor(Math.max(word.length, best?.length ?? 0) / 3));
  return best !== undefined && bestScore <= allowed ? best : undefined;
}
