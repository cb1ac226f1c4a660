/**
 * Giving memory back when the server goes idle. What the server keeps per open report is
 * small (about 0.16 MB of heap each: the parsed document, its findings, its line map); what
 * makes its resident set large is garbage. A lint allocates many times the document's size,
 * part of it lives across young-generation collections and is promoted, and V8 lets the old
 * generation grow to well over 100 MB before a full collection; after one, the emptied
 * pages and the grown young generation stay committed. V8's own memory reducer does not
 * run for this pattern (measured: nothing was returned in 12 s of idleness).
 *
 * So once a burst of lints is over — nothing linted for {@link IDLE_MS}, nothing pending —
 * and the committed heap has grown well past what the last collection left (at least
 * {@link MIN_GROWTH_BYTES}, and at least doubled; the first idle moment after start-up
 * always qualifies), the server runs a full collection (V8's `gc`, taken from a fresh
 * context without `--expose-gc` on the command line). Nothing is collected while lints
 * follow each other (every lint restarts the wait), and a heap that did not grow is left
 * alone, so an idle server is not woken up again. {@link SETTLE_MS} later, if still nothing
 * was done, one more collection lets V8 shrink the young generation too.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Environment variable: `0` turns the idle collection off (to measure without it). */
export const IDLE_COLLECTION_ENV = 'FZLINT_LS_IDLE_GC';
/** Milliseconds without a lint before the heap is looked at. */
export const IDLE_MS = 100;
/** Milliseconds more without work after a collection before the settling one. */
export const SETTLE_MS = 5000;
/** Growth of the committed heap since the last collection that is worth one: the larger of this and what it left. */
export const MIN_GROWTH_BYTES = 32 * 1024 * 1024;

/** A full, synchronous collection of this thread's heap. */
export type FullCollection = () => void;

let collection: FullCollection | null | undefined;

/**
 * V8's full collection (`gc()` of `--expose-gc`), or undefined where the engine does not
 * offer it. The flag is turned on only while a new context is made to take its `gc`, then
 * off again, so no other context sees a `gc` global.
 */
export function fullCollection(): FullCollection | undefined {
  if (collection !== undefined) return collection ?? undefined;
  collection = null;
  try {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') {
      collection = exposed as FullCollection;
    } else {
      v8.setFlagsFromString('--expose-gc');
      try {
        const gc: unknown = runInNewContext('gc');
        if (typeof gc === 'function') collection = gc as FullCollection;
      } finally {
        v8.setFlagsFromString('--no-expose-gc');
      }
    }
  } catch {
    // No collection then: the heap is left to V8.
  }
  return collection ?? undefined;
}

/** One collection, as logged: the committed and the used heap before and after, and the milliseconds it took. */
export interface CollectionEvent {
  /** `idle`: the collection after a burst of work; `settle`: the one after seconds more without work. */
  readonly kind: 'idle' | 'settle';
  readonly committedBytes: readonly [number, number];
  readonly usedBytes: readonly [number, number];
  readonly ms: number;
}

/** Options of {@link IdleCollector} (tests pass fakes). */
export interface IdleCollectorOptions {
  /** Whether work is pending (a lint scheduled or running): then the collection waits for its end. */
  readonly busy?: () => boolean;
  /** The committed heap, bytes. */
  readonly heapBytes?: () => number;
  /** The heap in use (live and not yet collected), bytes: logged. */
  readonly usedBytes?: () => number;
  readonly collect?: FullCollection | undefined;
  readonly idleMs?: number;
  readonly settleMs?: number;
  readonly minGrowthBytes?: number;
  readonly setTimeout?: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  readonly setImmediate?: (fn: () => void) => unknown;
  readonly clearImmediate?: (handle: unknown) => void;
  /** Told of each collection. */
  readonly log?: (event: CollectionEvent) => void;
}

/** Runs one full collection once the thread is idle after work that grew the heap. */
export class IdleCollector {
  /** Collections run so far. */
  collections = 0;
  private timer: unknown;
  /** The second collection, queued behind the messages that came during the first. */
  private second: unknown;
  /** The collection after seconds more without work (see {@link IdleCollector.settled}). */
  private settle: unknown;
  /** The committed heap the last collection left (none yet: the first idle moment after start-up collects). */
  private baseline = 0;
  private readonly heapBytes: () => number;
  private readonly usedBytes: () => number;
  private readonly collect: FullCollection | undefined;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly setImmediate: (fn: () => void) => unknown;
  private readonly clearImmediate: (handle: unknown) => void;

  constructor(private readonly options: IdleCollectorOptions = {}) {
    this.heapBytes = options.heapBytes ?? (() => v8.getHeapStatistics().total_heap_size);
    this.usedBytes = options.usedBytes ?? (() => v8.getHeapStatistics().used_heap_size);
    this.collect = 'collect' in options ? options.collect : fullCollection();
    this.setTimer =
      options.setTimeout ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        // Never what keeps the process alive.
        t.unref();
        return t;
      });
    this.clearTimer = options.clearTimeout ?? ((h) => clearTimeout(h as NodeJS.Timeout));
    this.setImmediate =
      options.setImmediate ??
      ((fn) => {
        const i = setImmediate(fn);
        i.unref();
        return i;
      });
    this.clearImmediate = options.clearImmediate ?? ((h) => clearImmediate(h as NodeJS.Immediate));
  }

  /** Work was done (a lint ended): the wait for idleness starts again. */
  worked(): void {
    if (!this.collect) return;
    if (this.second !== undefined) {
      this.clearImmediate(this.second);
      this.second = undefined;
    }
    if (this.settle !== undefined) {
      this.clearTimer(this.settle);
      this.settle = undefined;
    }
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => this.idle(), this.options.idleMs ?? IDLE_MS);
  }

  /** Stops waiting (the server is stopping). */
  stop(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    if (this.second !== undefined) this.clearImmediate(this.second);
    this.second = undefined;
    if (this.settle !== undefined) this.clearTimer(this.settle);
    this.settle = undefined;
  }

  private idle(): void {
    this.timer = undefined;
    // Still working: the end of that work waits again.
    if (this.options.busy?.()) return;
    const heap = this.heapBytes();
    if (heap - this.baseline < Math.max(this.options.minGrowthBytes ?? MIN_GROWTH_BYTES, this.baseline)) return;
    const used = this.usedBytes();
    let ms = this.timed();
    this.collections++;
    this.baseline = this.heapBytes();
    // Twice: the first frees the garbage; the second moves what lives on the pages the first
    // left sparsely used, so they are returned too. Apart, so that a message that came
    // meanwhile is answered between the two pauses (and new work cancels the second).
    this.second = this.setImmediate(() => {
      this.second = undefined;
      if (!this.options.busy?.()) {
        ms += this.timed();
        this.baseline = this.heapBytes();
      }
      this.options.log?.({ kind: 'idle', committedBytes: [heap, this.baseline], usedBytes: [used, this.usedBytes()], ms });
      this.settle = this.setTimer(() => this.settled(), this.options.settleMs ?? SETTLE_MS);
    });
  }

  /**
   * Still no work long after the collection: one more, cheap now (the garbage is gone). V8
   * shrinks the young generation (32 MB committed after a burst) only in a collection that
   * follows seconds of low allocation; this is that collection.
   */
  private settled(): void {
    this.settle = undefined;
    if (this.options.busy?.()) return;
    const heap = this.heapBytes();
    const used = this.usedBytes();
    const ms = this.timed();
    // The baseline stays the idle collection's: the young generation grows back with the next
    // work, and that alone is no reason for another collection.
    this.options.log?.({ kind: 'settle', committedBytes: [heap, this.heapBytes()], usedBytes: [used, this.usedBytes()], ms });
  }

  /** One collection; its milliseconds. */
  private timed(): number {
    const started = performance.now();
    this.collect?.();
    return performance.now() - started;
  }
}
