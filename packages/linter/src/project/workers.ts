import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { POOL_INTERRUPT_BUDGET, setUnlessGiven } from '../node-flags.js';

let threads: typeof import('node:worker_threads') | undefined;
/** `node:worker_threads`, loaded when the first thread starts (~2 ms a one-file run does not need). */
function workerThreads(): typeof import('node:worker_threads') {
  return (threads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));
}

/**
 * Up to this many files `auto` lints in the main thread. A worker thread costs
 * CPU of its own (starting, loading the rules, V8 compiling their hot code again
 * for its copy): measured on two cores, two workers took 20 % more CPU than one
 * thread for 60 reports and about the same from 120 on, while the wall time
 * halves; for a handful of files the start-up is all there is.
 */
export const AUTO_WORKER_MIN_FILES = 60;

/** Files per worker `auto` wants at least, so each worker lints enough to pay for its start. */
export const AUTO_FILES_PER_WORKER = 30;

/**
 * How many threads to lint `fileCount` files with; 1 means in the main thread
 * alone, N > 1 the main thread and N − 1 workers (the main thread lints between
 * reading files and collecting results: see `WorkerPoolOptions.local`).
 *
 * `auto`: the main thread for a few files (up to {@link AUTO_WORKER_MIN_FILES}),
 * else two threads on two cores and cores − 1 on more, at most one per
 * {@link AUTO_FILES_PER_WORKER} files.
 * A pure function of its arguments, so the choice is tested for 1, 10 and 1,000 files.
 */
export function poolSize(fileCount: number, concurrency: number | 'auto', cores: number = availableParallelism()): number {
  if (fileCount <= 1) return 1;
  if (concurrency === 'auto') {
    if (fileCount <= AUTO_WORKER_MIN_FILES || cores <= 1) return 1;
    // Two cores: two workers. More: one core is left to V8's background threads and the main thread.
    return Math.max(1, Math.min(Math.max(2, cores - 1), Math.floor(fileCount / AUTO_FILES_PER_WORKER)));
  }
  // An explicit number is obeyed even for a few files (so it can be tested and compared).
  return Math.max(1, Math.min(concurrency, fileCount));
}

/**
 * V8's interrupt budget while this thread lints a few files alone (`auto`, up to
 * {@link ALONE_MAX_FILES}): 32× the default. Ten files used ~5 % less CPU than with the
 * pool's 16×; 59 files used ~3 % more, and a thread that lints 1,000 files
 * (`--concurrency 1`) ran slower with it (docs/performance-journal.md).
 */
export const ALONE_INTERRUPT_BUDGET = 2_162_688;

/** From this many files linted in this thread alone ({@link ALONE_MAX_FILES} at most) get {@link ALONE_INTERRUPT_BUDGET}: 2 and 5 files used ~4 % more CPU with it. */
export const ALONE_MIN_FILES = 8;

/** Up to this many files linted in this thread alone get {@link ALONE_INTERRUPT_BUDGET}. */
export const ALONE_MAX_FILES = 20;

let tuned = false;

/**
 * Makes V8 optimise a function later (a larger interrupt budget) for the rest of
 * the process, once, before a pool of linting threads starts. Every thread
 * compiles the rules' hot code again for its own copy, on V8's background
 * threads; with the default budget that compiling (much of it repeated after
 * deoptimisations while the rules warm up) was a quarter of a 1,000-report run's
 * CPU time, and on two cores it took the core the second worker was meant to lint
 * on. A later start compiles what stays hot, once. Not done when the budget was
 * given (`NODE_OPTIONS`, node's flags) or on Node versions it was not checked on
 * (V8 prints an error for a flag it lacks). Process-wide: only the project's
 * `tuneThreads` option (the CLI) asks for it.
 */
export function tuneForPool(setFlags?: FlagSetter): void {
  if (tuned) return;
  tuned = true;
  setInterruptBudget(POOL_INTERRUPT_BUDGET, setFlags);
  setFlag(WORKERS_COMPILE_ON_THEIR_THREAD, setFlags);
}

/**
 * Set by {@link tuneForPool} before the pool's workers start: each worker runs TurboFan in its
 * own thread, not on one of V8's platform threads. V8 gives an isolate its compiler thread when it
 * makes the isolate, so a flag set at run time reaches only the isolates made later (checked
 * with `--trace-opt`: the main thread's compiles stay `kConcurrent`, the worker's become
 * `kSynchronous`; the same when set from the bin). The main thread keeps its compiler thread,
 * and a one-thread run, which is never tuned for a pool, keeps the second core it gives it.
 * In a two-thread run on two cores that thread competed with the two lint threads. Default
 * 1,000-file run, paired and alternated (2026-12-07): at load 5–18 CPU 0.994 / 0.958 / 0.968,
 * wall 0.894 / 0.934 / 0.951 in three sittings (20 of 31 rounds lower in CPU, 23 of 31 in wall); at
 * load ~2 only CPU 0.991, wall 0.990 (8 of 14), and the AutoCorrect pair unchanged (0.94 / 0.94, 10
 * pairs). `node --no-concurrent-recompilation` (both threads, the last stop) 0.983 / 0.978, but
 * slower at `--concurrency 1` (wall 1.12), which this leaves alone (docs/performance-journal.md).
 */
export const WORKERS_COMPILE_ON_THEIR_THREAD = '--no-concurrent-recompilation';

/**
 * As {@link tuneForPool}, for the lint of a run whose few files this thread lints alone:
 * {@link ALONE_INTERRUPT_BUDGET}, set once the file count is known, after the engine has
 * loaded and before its first lint. It holds for the functions whose feedback V8 allocates
 * while it is set (the rules' and the parser's, first run by that lint). Returns whether it
 * was set; {@link untuneThreadAlone} then sets the pool's budget back (the bin's) after the
 * lint: V8's code cache tag holds the flags, and the bundles' caches are written only under
 * the flags they were loaded with (src/compile-cache.ts). Not after a pool was tuned.
 */
export function tuneForThreadAlone(setFlags?: FlagSetter): boolean {
  if (tuned) return false;
  return setInterruptBudget(ALONE_INTERRUPT_BUDGET, setFlags);
}

/** Sets the budget back to the pool's (the CLI bin's) after {@link tuneForThreadAlone}. */
export function untuneThreadAlone(setFlags?: FlagSetter): void {
  setInterruptBudget(POOL_INTERRUPT_BUDGET, setFlags);
}

/** What sets V8's flags: `node:v8`'s `setFlagsFromString`, or the CLI's way to it without loading `node:v8`. */
export type FlagSetter = (flags: string) => void;

function setInterruptBudget(budget: number, setFlags?: FlagSetter): boolean {
  return setFlag(`--interrupt-budget=${budget}`, setFlags);
}

/** `setUnlessGiven` (src/node-flags.ts) with `node:v8`'s setter when none is given. Returns whether the flag was set. */
function setFlag(flag: string, setFlags?: FlagSetter): boolean {
  // node:v8 only when a flag is set (and only without a setter): it loads the streams (~2 ms), which a run without a pool never needs.
  return setUnlessGiven(flag, (f) => (setFlags ?? (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString)(f));
}

/**
 * A task's outcome: its value, or the error message of a failure (never a
 * rejection). `code` is the thread's error code when it died on the task:
 * `ERR_WORKER_OUT_OF_MEMORY` when the task needed more memory than the
 * pool's `resourceLimits` allow.
 */
export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: string; readonly code?: string };

/** The error code of a worker thread that ran out of its memory budget. */
export const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** Options of a {@link WorkerPool}. */
export interface WorkerPoolOptions<T = unknown, R = unknown> {
  /** V8 limits of each thread (heap, stack): a task over them kills its thread, not the process. */
  readonly resourceLimits?: ResourceLimits;
  /** Let the process exit while the pool is idle (a pool kept for later tasks); threads are referenced while they hold work. */
  readonly unrefWhenIdle?: boolean;
  /**
   * Runs a task in the caller's thread, which is then one more thread of the
   * pool: it takes a queued task whenever it is idle and every worker holds its
   * queue, one at a time, between its other work (I/O callbacks, workers' answers
   * run in between). Spares one worker's start (its own isolate, loading the
   * bundle, warming up the rules' code again) and the copying of the tasks it
   * runs. Never given a suspect (a task queued on a thread that crashed).
   */
  readonly local?: (task: T) => Promise<R>;
}

interface Request<T> {
  readonly id: number;
  readonly task: T;
}

/** What a worker script posts back. */
export type WorkerReply<R> = { readonly id: number; readonly value: R } | { readonly id: number; readonly error: string };

/**
 * Tasks sent to a worker ahead of its answers. With one task at a time a worker
 * idles for a round trip per file; a short queue hides that, and staying short
 * keeps the last tasks from waiting behind a busy thread while another is free.
 */
export const WORKER_QUEUE_DEPTH = 3;

/**
 * Tasks sent to a worker ahead of its answers when the caller's thread lints too
 * (`WorkerPoolOptions.local`). That thread answers no worker while it lints a task
 * of its own or reads files, so a worker must hold enough to last until then: with
 * {@link WORKER_QUEUE_DEPTH} the one worker of a two-core 1,000-report run sat idle
 * for ~1.3 s of its ~5 s while the files were read. Near the end a worker is handed
 * no more than its share of what is left, so the last tasks do not queue behind it.
 */
export const LOCAL_POOL_QUEUE_DEPTH = 8;

interface Slot {
  readonly worker: Worker;
  /** Ids posted and not answered, oldest first (a worker answers in order). */
  readonly inFlight: number[];
}

/**
 * A pool of `size` worker threads running `script` (which answers each
 * `{id, task}` message with `{id, value}` or `{id, error}`). Threads start at
 * once, so they load while the caller is still reading files; tasks can be
 * submitted as they become ready. A crashed worker fails only the task it was
 * running (the others it held are sent elsewhere) and is replaced. With
 * `options.local`, the caller's thread runs tasks as well.
 */
export class WorkerPool<T, R> {
  private readonly slots = new Set<Slot>();
  private readonly tasks: T[] = [];
  private readonly resolvers: ((outcome: Settled<R>) => void)[] = [];
  private readonly settledIds = new Set<number>();
  /** Ids waiting for a worker (retried ones first). */
  private readonly queue: number[] = [];
  /** Ids that were queued on a thread that crashed: each runs alone, so a crash names its task. */
  private readonly suspects = new Set<number>();
  private closed = false;
  /** Whether the caller's thread is running (or about to run) a task (`options.local`). */
  private localBusy = false;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly options: WorkerPoolOptions<T, R> = {},
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.start();
  }

  /** Queues a task; resolves with its outcome (never rejects). */
  submit(task: T): Promise<Settled<R>> {
    const id = this.tasks.length;
    this.tasks.push(task);
    const promise = new Promise<Settled<R>>((resolve) => this.resolvers.push(resolve));
    this.queue.push(id);
    this.pump();
    return promise;
  }

  /** Runs tasks and returns their outcomes in input order. */
  run(tasks: readonly T[]): Promise<Settled<R>[]> {
    return Promise.all(tasks.map((t) => this.submit(t)));
  }

  /** Stops every thread (pending tasks fail). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (let id = 0; id < this.tasks.length; id++) this.settle(id, { ok: false, error: 'worker pool closed' });
  }

  private settle(id: number, outcome: Settled<R>): void {
    if (this.settledIds.has(id)) return;
    this.settledIds.add(id);
    (this.resolvers[id] as (o: Settled<R>) => void)(outcome);
  }

  /** Hands queued tasks to the least busy threads, then the next one to the caller's thread. */
  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) if (!best || slot.inFlight.length < best.inFlight.length) best = slot;
      if (!best || best.inFlight.length >= this.depth()) break;
      const head = this.queue[0] as number;
      const last = best.inFlight[best.inFlight.length - 1];
      // A suspect goes only to an idle thread, and nothing follows it there.
      if (last !== undefined && this.suspects.has(last)) break;
      if (this.suspects.has(head) && best.inFlight.length > 0) break;
      const id = this.queue.shift() as number;
      best.inFlight.push(id);
      const request: Request<T> = { id, task: this.tasks[id] as T };
      if (this.options.unrefWhenIdle && best.inFlight.length === 1) best.worker.ref();
      best.worker.postMessage(request);
    }
    this.pumpLocal();
  }

  /** How many tasks a worker may hold now: see {@link LOCAL_POOL_QUEUE_DEPTH}. */
  private depth(): number {
    if (!this.options.local) return WORKER_QUEUE_DEPTH;
    return Math.min(LOCAL_POOL_QUEUE_DEPTH, Math.max(WORKER_QUEUE_DEPTH, Math.ceil(this.queue.length / (this.slots.size + 1))));
  }

  /** Runs the next queued task that is not a suspect in the caller's thread, if it is idle. */
  private pumpLocal(): void {
    const local = this.options.local;
    if (!local || this.localBusy || this.closed) return;
    const at = this.queue.findIndex((id) => !this.suspects.has(id));
    if (at < 0) return;
    const id = this.queue.splice(at, 1)[0] as number;
    this.localBusy = true;
    // In a macrotask of its own: what is waiting (reads, workers' answers) runs first.
    setImmediate(() => {
      if (this.closed) {
        this.localBusy = false;
        return;
      }
      const done = (outcome: Settled<R>): void => {
        this.localBusy = false;
        this.settle(id, outcome);
        this.pump();
      };
      let running: Promise<R>;
      try {
        running = local(this.tasks[id] as T);
      } catch (error) {
        running = Promise.reject(error);
      }
      running.then(
        (value) => done({ ok: true, value }),
        (error: unknown) => done({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
  }

  private start(): void {
    if (this.closed) return;
    const { resourceLimits, unrefWhenIdle } = this.options;
    // Node pipes a worker's stdio into process.stdout/stderr unless told not to, which creates both
    // streams at once; for a pipe that makes fd 1 non-blocking, and the CLI's direct writes of its
    // output then fail with EAGAIN and go the slower stream way. So the pool reads its workers'
    // stdio itself and touches the process's streams only when a worker writes. Not for a pool that
    // lets the process exit while idle: a worker stdio stream being read holds the loop until the
    // worker exits (Node refs the worker's port for it), and such a process is long-lived anyway.
    const ownStdio = !unrefWhenIdle;
    const worker = new (workerThreads().Worker)(this.script, {
      ...(resourceLimits ? { resourceLimits } : {}),
      ...(ownStdio ? { stdout: true, stderr: true } : {}),
    });
    if (ownStdio) {
      worker.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk));
      worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    }
    if (unrefWhenIdle) worker.unref();
    const slot: Slot = { worker, inFlight: [] };
    this.slots.add(slot);
    let lost = false;
    const fail = (message: string, code?: string): void => {
      if (lost) return;
      lost = true;
      this.slots.delete(slot);
      if (this.closed) return;
      const held = [...slot.inFlight];
      slot.inFlight.length = 0;
      if (held.length === 1) this.settle(held[0] as number, { ok: false, error: message, ...(code !== undefined ? { code } : {}) });
      else {
        // Any of them may have crashed it: retry each alone, so only the culprit fails.
        for (const id of held) this.suspects.add(id);
        this.queue.unshift(...held);
      }
      if (this.slots.size < this.size && (this.queue.length > 0 || this.settledIds.size < this.tasks.length)) this.start();
      this.pump();
    };
    worker.on('message', (reply: WorkerReply<R>) => {
      const at = slot.inFlight.indexOf(reply.id);
      if (at >= 0) slot.inFlight.splice(at, 1);
      if ('error' in reply) this.settle(reply.id, { ok: false, error: reply.error });
      else this.settle(reply.id, { ok: true, value: reply.value });
      if (unrefWhenIdle && slot.inFlight.length === 0) worker.unref();
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => fail(error.message, error.code));
    // An exit without an error event (e.g. process.exit in a rule).
    worker.on('exit', () => fail('worker exited'));
  }
}

/**
 * Runs tasks on `size` worker threads running `script` and returns their
 * outcomes in input order, whatever order the threads finish in.
 */
export async function runInWorkers<T, R>(script: URL, tasks: readonly T[], size: number): Promise<Settled<R>[]> {
  if (tasks.length === 0) return [];
  const pool = new WorkerPool<T, R>(script, Math.max(1, Math.min(size, tasks.length)));
  try {
    return await pool.run(tasks);
  } finally {
    await pool.close();
  }
}
