/**
 * Scaling checks: the time of a function on an input of size n and of size 8n.
 * A linear (or n log n) cost grows about 8× (9× for n log n); a quadratic one 64×.
 * Asserting a ratio of at most 24 catches the quadratic case (64×) with a margin, and leaves
 * room for the noise of a loaded shared machine (23× was seen once at load 10 with the least of
 * separate runs); no absolute time is asserted.
 */

/** The least of `runs` timings of `fn`, in ms (the least is the one with the least noise). */
export function bestTime(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Times of `make(n)` and `make(8n)` through `run`, and their ratio (with a floor so that tiny
 * times do not divide). The two sizes are timed alternately, so a burst of load on a shared
 * machine falls on both rather than on one, and the least time of each is kept.
 */
export function scaling<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, floorMs = 10, rounds = 3): { small: number; large: number; ratio: number } {
  const a = make(n);
  const b = make(8 * n);
  run(a);
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < rounds; i++) {
    small = Math.min(small, bestTime(() => run(a), 1));
    large = Math.min(large, bestTime(() => run(b), 1));
  }
  return { small, large, ratio: large / Math.max(small, floorMs) };
}
