/**
 * The memory budget. Work whose memory is not small and known in advance
 * (converting a Word document or a web page, linting a large text) runs in a
 * worker thread whose V8 heap is capped at the budget: an input that would
 * need more kills that thread only, and is reported as one line naming the
 * file (`overMemoryBudget`) while the run goes on with the other files. The
 * main thread only lints texts below {@link GUARD_MIN_CHARS}, whose memory is
 * bounded by the parser's and the rules' linear cost (docs/robustness.md).
 */
import { createRequire } from 'node:module';
import { DEFAULT_READERS, inputMessage, inputProblem, readReport, type InputProblem, type ReadOutcome, type ReportReader } from '@fzlint/input';
import { runLintTask, type LintTask, type LintTaskOutcome } from './lint-task.js';
import { OUT_OF_MEMORY, WorkerPool, type Settled } from './workers.js';

/** Heap (V8 old generation) one guarded thread may use, in MiB (at most half the process's own heap limit). */
export const MEMORY_BUDGET_MB = 2048;

/**
 * The budget in effect: the one asked for, but never more than half of this
 * process's heap limit (Node sizes it from the machine's memory), so that work
 * the guarded thread finished can also be redone in the main thread.
 */
export function effectiveBudgetMb(requested: number = MEMORY_BUDGET_MB): number {
  // node:v8 on first use: it loads the streams (~2 ms), which a run that starts no guarded thread never needs.
  const { getHeapStatistics } = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  const half = Math.floor(getHeapStatistics().heap_size_limit / 2 / (1024 * 1024));
  return Math.max(64, Math.min(requested, half));
}

/** Thrown by `lintText` for a text that needs more than the memory budget; `problem` is the one line to show. */
export class InputBudgetError extends Error {
  override readonly name = 'InputBudgetError';
  constructor(readonly problem: InputProblem) {
    super(inputMessage(problem, 'en'));
  }
}

/**
 * Texts of at least this many characters are linted in a guarded thread (and
 * so are the files they come from), not in the main thread. Below it, a lint
 * costs at most a few hundred MB whatever the text holds.
 */
export const GUARD_MIN_CHARS = 1024 * 1024;

/** Stack of a guarded thread, in MiB: converters that recurse (mammoth's XML reader) get room. */
const GUARD_STACK_MB = 16;

/** What a guarded thread does: read (convert) a file's bytes, or lint a text. */
export type GuardTask =
  | {
      readonly kind: 'read';
      readonly bytes: Uint8Array;
      readonly name: string;
      readonly maxBytes: number;
      /** A plugged-in reader to load there (`ReportReader.thread`); without it the built-in readers. */
      readonly reader?: { readonly module: string; readonly factory: string };
    }
  | { readonly kind: 'lint'; readonly task: LintTask };

/** The answer of a guarded thread for a task. */
export type GuardReply = { readonly kind: 'read'; readonly outcome: ReadOutcome } | { readonly kind: 'lint'; readonly outcome: LintTaskOutcome };

/** The `overMemoryBudget` problem of a file. */
export function overBudgetProblem(path: string, budgetMb: number = MEMORY_BUDGET_MB): InputProblem {
  return inputProblem('overMemoryBudget', { path, budget: budgetMb });
}

/** A guarded task's outcome: the reply, or the one-line problem of a thread that died on it. */
export type GuardOutcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly problem: InputProblem };

/**
 * One guarded thread, started on first use and kept (it does not keep the
 * process alive while idle). Tasks run one at a time; a thread that dies on a
 * task (over the budget, or a crash) is replaced for the next one.
 */
export class Guard {
  #pool: WorkerPool<GuardTask, GuardReply> | undefined;
  /**
   * False when the thread's script is not there (a bundle that left it out): the
   * work is then done in this thread, as it was before the budget existed.
   */
  #available = true;

  readonly #requestedMb: number;
  #budgetMb: number | undefined;

  constructor(budgetMb: number = MEMORY_BUDGET_MB) {
    this.#requestedMb = budgetMb;
  }

  /** The budget in effect (`effectiveBudgetMb`), worked out when first asked: most runs start no guarded thread. */
  get budgetMb(): number {
    return (this.#budgetMb ??= effectiveBudgetMb(this.#requestedMb));
  }

  #started(): WorkerPool<GuardTask, GuardReply> {
    this.#pool ??= new WorkerPool<GuardTask, GuardReply>(new URL('./worker.js', import.meta.url), 1, {
      resourceLimits: { maxOldGenerationSizeMb: this.budgetMb, stackSizeMb: GUARD_STACK_MB },
      unrefWhenIdle: true,
    });
    return this.#pool;
  }

  /** Whether a settled task failed because the thread's script could not be loaded (then this thread does the work). */
  #missing(settled: Settled<GuardReply>): boolean {
    if (settled.ok || !/MODULE_NOT_FOUND$/.test(settled.code ?? '')) return false;
    this.#available = false;
    void this.close();
    return true;
  }

  /**
   * Converts a file's bytes in the guarded thread, with the built-in readers or
   * with `reader` (whose `thread` says how to load it there).
   */
  async read(bytes: Uint8Array, name: string, maxBytes: number, reader?: ReportReader): Promise<ReadOutcome> {
    const here = () => readReport(bytes, { name, maxBytes, ...(reader ? { readers: [...DEFAULT_READERS, reader] } : {}) });
    if (!this.#available) return here();
    const settled = await this.#started().submit({ kind: 'read', bytes, name, maxBytes, ...(reader?.thread ? { reader: reader.thread } : {}) });
    if (this.#missing(settled)) return here();
    const outcome = this.#outcome(settled, name);
    if (!outcome.ok) return { ok: false, problem: outcome.problem };
    return (outcome.value as Extract<GuardReply, { kind: 'read' }>).outcome;
  }

  /** Lints a task in the guarded thread; `display` names the file in a problem. */
  async lint(task: LintTask, display: string): Promise<GuardOutcome<LintTaskOutcome>> {
    if (!this.#available) return { ok: true, value: await runLintTask(task) };
    const settled = await this.#started().submit({ kind: 'lint', task });
    if (this.#missing(settled)) return { ok: true, value: await runLintTask(task) };
    const outcome = this.#outcome(settled, display);
    return outcome.ok ? { ok: true, value: (outcome.value as Extract<GuardReply, { kind: 'lint' }>).outcome } : outcome;
  }

  #outcome(settled: Settled<GuardReply>, display: string): GuardOutcome<GuardReply> {
    if (settled.ok) return { ok: true, value: settled.value };
    if (settled.code === OUT_OF_MEMORY) return { ok: false, problem: overBudgetProblem(display, this.budgetMb) };
    return { ok: false, problem: inputProblem('lintFailed', { path: display, detail: settled.error }) };
  }

  /** Stops the thread (pending tasks fail). */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }
}

/** Whether a settled pool task died for want of memory. */
export function outOfMemory(settled: Settled<unknown>): boolean {
  return !settled.ok && settled.code === OUT_OF_MEMORY;
}
