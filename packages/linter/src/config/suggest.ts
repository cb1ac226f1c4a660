/** Edit distance (Levenshtein) between two short strings; O(a·b) on ids of a few dozen characters. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known names nearest to an unknown one (typos, or the right name in the
 * wrong family: `style/heading-numbering` → `structure/heading-numbering`).
 */
export function nearestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const tail = lower.includes('/') ? lower.slice(lower.indexOf('/') + 1) : lower;
  const scored: { id: string; score: number }[] = [];
  for (const id of known) {
    const idLower = id.toLowerCase();
    const idTail = idLower.includes('/') ? idLower.slice(idLower.indexOf('/') + 1) : idLower;
    const whole = editDistance(lower, idLower);
    const tails = tail === idTail ? 0 : editDistance(tail, idTail) + 1;
    const score = Math.min(whole, tails);
    const limit = Math.max(2, Math.floor(Math.max(tail.length, idTail.length) / 3));
    if (score <= limit) scored.push({ id, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, max).map((s) => s.id);
}
