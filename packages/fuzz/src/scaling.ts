/**
 * Scaling: the time and heap of linting a shape at n characters and at 8n. A
 * linear (or n log n) cost grows about 8× (9× for n log n); a quadratic one
 * 64×. The tests assert at most 16× for each, a margin noise on a shared
 * machine does not reach, and never an absolute time. Time is the process's
 * CPU time (the shared machine's other work does not count).
 *
 * Heap is the growth of V8's committed heap over the lint, from a collected
 * start: it follows the peak of what the lint held (the committed heap grows
 * to hold it and is not given back within the call), including transient
 * structures such as a tokenizer's events. A floor keeps small figures (a few
 * pages of heap) from making ratios of noise.
 */
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lint } from '@fzlint/linter';
import type { Shape, ShapeInput } from './shapes.js';

let collect: (() => void) | undefined;

/** A full garbage collection (V8's `gc`, exposed at run time). */
export function fullGc(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  collect();
}

/** One lint of one input: milliseconds and heap growth in MB. */
export interface Measure {
  readonly chars: number;
  /**
   * CPU milliseconds of the process over the lint (user + system). Not wall time: on a shared
   * machine a run of 300 ms gets a fraction of a core where one of 15 ms may run through, which
   * made a linear shape read ×20 for ×8.
   */
  readonly ms: number;
  /** Wall milliseconds. */
  readonly wallMs: number;
  readonly heapMb: number;
}

/** Lints an input once and measures it (the result is dropped after). */
export function measure(input: ShapeInput, run: (input: ShapeInput) => unknown = defaultRun): Measure {
  fullGc();
  const before = getHeapStatistics().total_heap_size;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const kept = run(input);
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  const heapMb = Math.max(0, getHeapStatistics().total_heap_size - before) / (1024 * 1024);
  void kept;
  return { chars: input.text.length, ms: (used.user + used.system) / 1000, wallMs, heapMb };
}

function defaultRun(input: ShapeInput): unknown {
  return lint(input.text, { format: input.format });
}

/** A shape at n and 8n: the least time of `runs` lints each, the heap of the first, and the ratios. */
export interface ScalingResult {
  readonly shape: string;
  readonly small: Measure;
  readonly large: Measure;
  readonly timeRatio: number;
  readonly heapRatio: number;
  /** Seconds per million characters at 8n. */
  readonly secondsPerMChars: number;
}

/** Below these, a figure is taken as this (startup noise, a few heap pages). */
export const FLOOR_MS = 10;
export const FLOOR_HEAP_MB = 16;

/** Measures a shape at `n` and `8n` characters. */
export function scaling(shape: Shape, n: number, options: { runs?: number; run?: (input: ShapeInput) => unknown } = {}): ScalingResult {
  const runs = options.runs ?? 2;
  const small = shape.make(n);
  const large = shape.make(8 * n);
  const run = options.run ?? defaultRun;
  // Warm up the code paths this shape takes (compiled for this input before it is timed).
  run(small);
  const best = (input: ShapeInput): Measure => {
    let m = measure(input, run);
    for (let i = 1; i < runs; i++) {
      const again = measure(input, run);
      if (again.ms < m.ms) m = { ...again, heapMb: Math.max(m.heapMb, again.heapMb) };
    }
    return m;
  };
  const a = best(small);
  const b = best(large);
  return {
    shape: shape.id,
    small: a,
    large: b,
    timeRatio: b.ms / Math.max(a.ms, FLOOR_MS),
    heapRatio: b.heapMb / Math.max(a.heapMb, FLOOR_HEAP_MB),
    secondsPerMChars: b.ms / 1000 / (b.chars / 1_000_000),
  };
}
