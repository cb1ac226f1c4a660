// The arithmetic of the bench's figures: medians and percentiles of samples, and the ratio
// of commands timed in pairs or rounds. Pure functions without imports, so that the
// instruction counter's child processes (instructions.mjs) load nothing else with them.

/**
 * Median, min, max and the 90th and 99th percentiles (nearest rank) of a list of numbers.
 * @param {readonly number[]} xs
 */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, p90: NaN, p99: NaN, n: 0 };
  const median = n % 2 ? /** @type {number} */ (s[(n - 1) / 2]) : (/** @type {number} */ (s[n / 2 - 1]) + /** @type {number} */ (s[n / 2])) / 2;
  const rank = (/** @type {number} */ p) => /** @type {number} */ (s[Math.min(n - 1, Math.max(0, Math.ceil(n * p) - 1))]);
  return { median, min: /** @type {number} */ (s[0]), max: /** @type {number} */ (s[n - 1]), p90: rank(0.9), p99: rank(0.99), n };
}

/** The median of a list of numbers (NaN for none): `stats(xs).median`. @param {readonly number[]} xs */
export function median(xs) {
  return stats(xs).median;
}

/**
 * The ratio of two commands timed in pairs (`timeAlternating` in measure.mjs: the i-th runs
 * of each form a pair, back to back): each pair's `num[i] / den[i]`, and their median — a
 * figure the host's drift over minutes cannot move, since both runs of a pair meet the same
 * machine state, and one disturbed pair cannot move either. `numFaster` and `denFaster` count
 * the pairs each side won (a tie counts for neither). A zero `den[i]` gives Infinity (NaN when
 * `num[i]` is zero too: neither side won).
 * @param {readonly number[]} num @param {readonly number[]} den
 */
export function pairedRatio(num, den) {
  if (num.length !== den.length) throw new Error(`pairedRatio: ${num.length} against ${den.length} samples`);
  const ratios = num.map((x, i) => x / /** @type {number} */ (den[i]));
  const { median, min, max, n } = stats(ratios);
  return {
    median,
    min,
    max,
    n,
    numFaster: ratios.filter((r) => r < 1).length,
    denFaster: ratios.filter((r) => r > 1).length,
    ratios: ratios.map((r) => Math.round(r * 10000) / 10000),
  };
}

/** @typedef {ReturnType<typeof pairedRatio>} PairedRatio */

/**
 * The denominator of a goal stated against "the better of" several commands timed in the same
 * rounds (`timeRotating` in measure.mjs): in each round the wall time of the fastest of them,
 * and the CPU time of that same run (when every command has CPU samples).
 * `pairedRatio(num, fastest.samples)` is then the median over rounds of num / min(the others).
 * @param {ReadonlyArray<{samples: readonly number[], cpuSamples?: readonly number[]}>} sides
 */
export function fastestPerRound(sides) {
  const rounds = sides[0]?.samples.length ?? 0;
  if (sides.length === 0 || sides.some((s) => s.samples.length !== rounds)) throw new Error(`fastestPerRound: rounds of ${sides.map((s) => s.samples.length).join(', ')} samples`);
  const fastest = Array.from({ length: rounds }, (_, i) => {
    let best = 0;
    for (let k = 1; k < sides.length; k++) if (/** @type {number} */ (sides[k]?.samples[i]) < /** @type {number} */ (sides[best]?.samples[i])) best = k;
    return best;
  });
  const samples = fastest.map((k, i) => /** @type {number} */ (sides[k]?.samples[i]));
  const withCpu = sides.every((s) => s.cpuSamples !== undefined);
  return {
    samples,
    ...(withCpu ? { cpuSamples: fastest.map((k, i) => /** @type {number} */ (sides[k]?.cpuSamples?.[i])) } : {}),
    /** how many rounds each side was the fastest in, in the order given */
    wins: sides.map((_, k) => fastest.filter((f) => f === k).length),
  };
}
