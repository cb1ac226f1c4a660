/**
 * Off-thread linting, the request thread's side. Large documents (and any
 * document whose lint was slow here) are linted in one worker thread, so that
 * the server keeps answering symbols, hovers and diagnostics of every other
 * document while a multi-megabyte or pathological one is linted. Requests go
 * to the thread one at a time: a lint of a document not yet sent is replaced
 * by a newer version's (stale versions are never linted), and the one running
 * is held to a time budget and, through the thread's heap limit, to the memory
 * budget. A lint over either is abandoned (the thread is stopped and a fresh
 * one started for what is queued); the caller shows one diagnostic saying so.
 */
import { Worker } from 'node:worker_threads';
import type { RemoteAnswers, RemoteEnvelope, RemotePreviousReply, RemotePreviousRequest, RemoteReplyEnvelope, RemoteRequest } from './service/remote-protocol.js';

/** Environment variable: the time budget of one off-thread lint, in ms. */
export const TIME_BUDGET_ENV = 'FZLINT_LS_LINT_BUDGET_MS';
/** Environment variable: the heap of the lint thread, in MiB (as the CLI's memory budget). */
export const MEMORY_BUDGET_ENV = 'FZLINT_MEMORY_BUDGET_MB';
/** A lint taking longer than this is abandoned (a 5 MB report takes a few seconds). */
export const DEFAULT_TIME_BUDGET_MS = 30_000;
/** Heap of the lint thread, in MiB. */
export const DEFAULT_MEMORY_BUDGET_MB = 2048;

/** Why a request got no answer. */
export type RemoteFailure = 'timeout' | 'memory' | 'crash' | 'superseded' | 'unavailable';

/** An answer, or why there is none. */
export type RemoteOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: RemoteFailure; readonly message: string };

/** Options of {@link RemoteLinter}. */
export interface RemoteLinterOptions {
  /** The thread's script (default: `lint-worker.js` beside this module, also in a bundle that ships it). */
  readonly script?: URL;
  readonly timeBudgetMs?: number;
  readonly memoryBudgetMb?: number;
  /** Where to tell what happened to the thread (the server's log). */
  readonly log?: (message: string) => void;
}

interface Queued {
  readonly request: RemoteRequest;
  readonly resolve: (outcome: RemoteOutcome<unknown>) => void;
}

/** The budgets from the environment (invalid values fall back to the defaults). */
export function budgetsFromEnv(env: NodeJS.ProcessEnv): { timeBudgetMs: number; memoryBudgetMb: number } {
  const int = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return { timeBudgetMs: int(env[TIME_BUDGET_ENV], DEFAULT_TIME_BUDGET_MS), memoryBudgetMb: int(env[MEMORY_BUDGET_ENV], DEFAULT_MEMORY_BUDGET_MB) };
}

/** The lint thread, seen from the request thread. */
export class RemoteLinter {
  readonly timeBudgetMs: number;
  readonly memoryBudgetMb: number;
  /** False once the thread could not start at all (its script is missing): callers lint here instead. */
  available = true;
  private worker: Worker | undefined;
  /** Threads lost in a row without an answer: past a few, the thread is taken as unable to run. */
  private failuresInARow = 0;
  private readonly queue: Queued[] = [];
  private active: { readonly id: number; readonly item: Queued; readonly timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private readonly script: URL;

  constructor(private readonly options: RemoteLinterOptions = {}) {
    this.script = options.script ?? new URL('./lint-worker.js', import.meta.url);
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    this.memoryBudgetMb = options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB;
  }

  /**
   * Sends a request; resolves with its answer or why there is none (never
   * rejects). A lint replaces a queued, not yet sent lint of the same document,
   * which resolves as `superseded`.
   */
  request<K extends RemoteRequest['kind']>(request: Extract<RemoteRequest, { kind: K }>): Promise<RemoteOutcome<RemoteAnswers[K]>> {
    if (!this.available) return Promise.resolve({ ok: false, reason: 'unavailable', message: 'the lint thread could not start' });
    return new Promise((resolve) => {
      if (request.kind === 'lint') {
        const uri = (request as RemoteRequest & { kind: 'lint' }).uri;
        const at = this.queue.findIndex((q) => q.request.kind === 'lint' && q.request.uri === uri);
        if (at >= 0) {
          const [stale] = this.queue.splice(at, 1);
          stale?.resolve({ ok: false, reason: 'superseded', message: 'a newer version was queued' });
        }
      }
      this.queue.push({ request, resolve: resolve as (o: RemoteOutcome<unknown>) => void });
      this.pump();
    });
  }

  /** Whether a request is running or queued. */
  get busy(): boolean {
    return this.active !== undefined || this.queue.length > 0;
  }

  /** Stops the thread; queued and running requests resolve as `crash`. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failActive('crash', 'the server is stopping');
    for (const q of this.queue.splice(0)) q.resolve({ ok: false, reason: 'crash', message: 'the server is stopping' });
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryBudgetMb, stackSizeMb: 16 },
    });
    worker.on('message', (reply: RemoteReplyEnvelope) => {
      if (this.worker !== worker || this.active?.id !== reply.id) return;
      this.failuresInARow = 0;
      const { item, timer } = this.active;
      clearTimeout(timer);
      this.active = undefined;
      item.resolve('error' in reply ? { ok: false, reason: 'crash', message: reply.error } : { ok: true, value: reply.value });
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      this.lost(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', error.message, /MODULE_NOT_FOUND$/.test(error.code ?? '')),
    );
    worker.on('exit', (code) => this.lost(worker, 'crash', `the lint thread exited (${code})`, false));
    worker.unref();
    return worker;
  }

  /** The thread died (or was stopped): the running request fails, a new thread serves the queue. */
  private lost(worker: Worker, reason: RemoteFailure, message: string, missing: boolean): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (reason === 'crash') this.failuresInARow++;
    if (missing || this.failuresInARow >= 3) {
      // The script is missing or broken: every document is linted in the request thread from now on.
      this.available = false;
      this.options.log?.(`fzlint: the lint thread could not start (${message}); linting in the main thread`);
      this.failActive('unavailable', message);
      for (const q of this.queue.splice(0)) q.resolve({ ok: false, reason: 'unavailable', message });
      return;
    }
    this.options.log?.(`fzlint: the lint thread stopped (${reason}: ${message}); starting a new one`);
    this.failActive(reason, message);
    this.pump();
  }

  private failActive(reason: RemoteFailure, message: string): void {
    const active = this.active;
    if (!active) return;
    clearTimeout(active.timer);
    this.active = undefined;
    active.item.resolve({ ok: false, reason, message });
  }

  private pump(): void {
    if (this.active || this.queue.length === 0 || !this.available) {
      if (!this.active) this.worker?.unref();
      return;
    }
    const item = this.queue.shift() as Queued;
    this.worker ??= this.start();
    const worker = this.worker;
    worker.ref();
    const id = this.nextId++;
    const timer = setTimeout(() => {
      if (this.active?.id !== id) return;
      // Abandoned: stop the thread (it cannot be interrupted otherwise); a fresh one takes the queue.
      this.worker = undefined;
      this.options.log?.(`fzlint: a ${item.request.kind} request took over ${this.timeBudgetMs} ms; abandoned`);
      this.failActive('timeout', `over ${this.timeBudgetMs} ms`);
      void worker.terminate();
      this.pump();
    }, this.timeBudgetMs);
    this.active = { id, item, timer };
    const envelope: RemoteEnvelope = { id, request: item.request };
    worker.postMessage(envelope);
  }
}

/**
 * Finds last year's report of a document in the lint thread (finding parses the whole
 * text). Undefined when there is no thread; `here` when it could not start; rejects when
 * the look-up was abandoned (over a budget, or the thread was lost): no previous report
 * this time, looked for again at the next lint.
 */
export function previousInLintThread(
  remote: Pick<RemoteLinter, 'available' | 'request'> | undefined,
  request: Omit<RemotePreviousRequest, 'kind'>,
  here: () => Promise<RemotePreviousReply>,
): Promise<RemotePreviousReply> | undefined {
  if (!remote?.available) return undefined;
  return remote.request<'previous'>({ kind: 'previous', ...request }).then((outcome) => {
    if (outcome.ok) return outcome.value;
    if (outcome.reason === 'unavailable') return here();
    throw new Error(`last year's report was not looked for: ${outcome.message}`);
  });
}
