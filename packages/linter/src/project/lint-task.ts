import { toSourcePosition, type InputProblem, type SourceMap, type TextFormat } from '@fzlint/input';
import type { CalendarDate, ReportDocument } from '@fzlint/parser';
import type { AnyRule, Diagnostic, Locale } from '@fzlint/rule-api';
import { remapRelatedIn } from '../related.js';
import type { FzlintConfig, LintOptions, LintResult } from '../types.js';
import type { SerializedResult } from './result.js';

export { remapRelatedIn };

/** One file to lint: plain data, so it can be posted to a worker thread. */
export interface LintTask {
  readonly filePath: string;
  readonly text: string;
  /** How to parse the text (the reader decided it). */
  readonly format: TextFormat;
  /** The resolved config for this file (overrides such as the CLI's `--rule` already merged in). */
  readonly config: FzlintConfig;
  readonly reportYear?: number;
  readonly writingDate?: CalendarDate;
  readonly locale?: Locale;
  readonly fix: boolean;
  /**
   * Set for a converted `.docx`/`.html`: `text` is Markdown, and findings are
   * reported at the source's paragraph numbers (line = paragraph).
   */
  readonly source?: SourceMap;
  /** Last year's report, for the `continuity/` rules (read by the caller; plain data). */
  readonly previous?: TaskPrevious;
}

/** Last year's report as a task carries it: its text as read, and where it came from. */
export interface TaskPrevious {
  /** Absolute path: related places in it name this file. */
  readonly filePath: string;
  readonly text: string;
  readonly format: TextFormat;
  /** Set for a converted `.docx`/`.html`/`.pdf`: related places in it are given at its paragraphs. */
  readonly source?: SourceMap;
}

interface Engine {
  readonly lint: typeof import('../engine.js').lint;
  readonly reportIdentity: typeof import('@fzlint/rules').reportIdentity;
}
let loaded: Engine | undefined;

/** Loads the engine once per thread (it pulls in the parser and every rule). */
export async function engine(): Promise<Engine> {
  if (!loaded) {
    const [{ lint }, { reportIdentity }] = await Promise.all([import('../engine.js'), import('@fzlint/rules')]);
    loaded = { lint, reportIdentity };
  }
  return loaded;
}

/** Documents already parsed in this thread, so a second pass over a file parses nothing again. */
export interface ParsedDocuments {
  /** The task's own text, parsed as the task parses it. */
  readonly document?: ReportDocument;
  /** The previous report's text, parsed. */
  readonly previous?: ReportDocument;
}

/** A task's outcome; a config error is told apart (exit 2, not a crash). */
export type LintTaskOutcome =
  | { readonly ok: true; readonly result: SerializedResult }
  | {
      readonly ok: false;
      readonly configError: boolean;
      readonly message: string;
      /** The one line to show instead of a crash (the thread ran out of its memory budget). */
      readonly problem?: InputProblem;
    };

/**
 * Lints one task and drops what need not travel (the parsed document, the
 * source the caller already has). Used in the main thread and in workers alike,
 * so both give the same results.
 */
export async function runLintTask(task: LintTask): Promise<LintTaskOutcome> {
  return (await runLintTaskKeeping(task)).outcome;
}

/**
 * {@link runLintTask} in this thread, also returning the parsed document (for
 * callers that keep it) and taking rule objects (which cannot cross to a worker).
 */
export async function runLintTaskKeeping(
  task: LintTask,
  rules?: readonly AnyRule[],
  parsed: ParsedDocuments = {},
): Promise<{ outcome: LintTaskOutcome; result?: LintResult }> {
  // Loaded by the first task: later ones take it without awaiting a promise (one and a tick a file).
  const { lint, reportIdentity } = loaded ?? (await engine());
  let result: LintResult;
  const previous = task.previous;
  // The options set field by field, not as a literal of conditional spreads (~0.4 KB a file in V8).
  const options: { -readonly [K in keyof LintOptions]: LintOptions[K] } = { filePath: task.filePath, format: task.format, config: task.config, fix: task.fix };
  if (rules) options.rules = rules;
  if (task.reportYear !== undefined) options.reportYear = task.reportYear;
  if (task.writingDate !== undefined) options.writingDate = task.writingDate;
  if (task.locale !== undefined) options.locale = task.locale;
  if (parsed.document) options.document = parsed.document;
  if (previous) {
    options.previous = { text: previous.text, filePath: previous.filePath, format: previous.format, ...(parsed.previous ? { document: parsed.previous } : {}) };
  }
  try {
    result = lint(task.text, options);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { outcome: { ok: false, configError: err.name === 'ConfigError', message: err.message } };
  }
  let diagnostics = task.source ? remapDiagnostics(result.diagnostics, task.source) : result.diagnostics;
  if (previous?.source) diagnostics = remapRelatedIn(diagnostics, previous.filePath, previous.source);
  const { errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, output } = result;
  const ruleFailures = result.ruleFailures.map((f) => ({ ruleId: f.ruleId, message: f.error.message }));
  // Who issued it and for which year: what pairs it with last year's report in a batch
  // (read from the document just parsed, so pairing costs no parse of its own).
  const identity = reportIdentity(result.document, task.filePath);
  // Two plain literals, `output` only when set, the fields in the order they were always written
  // (the cache stores them): a literal holding a conditional spread was made field by field at
  // run time, on every file.
  const serialized: SerializedResult =
    output === undefined
      ? { diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, ruleFailures, identity }
      : { diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, output, ruleFailures, identity };
  return { outcome: { ok: true, result: serialized }, result };
}

/**
 * Findings of converted input at the source's paragraph numbers: `line` is
 * the paragraph, `column` the character in it. `range` and fixes keep their
 * offsets into the converted Markdown (what `fzlint convert` writes).
 */
export function remapDiagnostics(diagnostics: readonly Diagnostic[], map: SourceMap): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, start: toSourcePosition(map, d.start), end: toSourcePosition(map, d.end) }));
}
