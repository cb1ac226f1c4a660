import { toSourcePosition, type SourceMap, type TextFormat } from '@fzlint/input';
import type { CalendarDate } from '@fzlint/parser';
import type { AnyRule, Diagnostic, Locale } from '@fzlint/rule-api';
import type { FzlintConfig, LintResult } from '../types.js';
import type { SerializedResult } from './result.js';

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
}

type LintFn = typeof import('../engine.js').lint;
let lintFn: LintFn | undefined;

/** Loads the engine once per thread (it pulls in the parser and every rule). */
async function engine(): Promise<LintFn> {
  if (!lintFn) lintFn = (await import('../engine.js')).lint;
  return lintFn;
}

/** A task's outcome; a config error is told apart (exit 2, not a crash). */
export type LintTaskOutcome =
  | { readonly ok: true; readonly result: SerializedResult }
  | { readonly ok: false; readonly configError: boolean; readonly message: string };

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
): Promise<{ outcome: LintTaskOutcome; result?: LintResult }> {
  const lint = await engine();
  let result: LintResult;
  try {
    result = lint(task.text, {
      filePath: task.filePath,
      format: task.format,
      ...(rules ? { rules } : {}),
      config: task.config,
      fix: task.fix,
      ...(task.reportYear !== undefined ? { reportYear: task.reportYear } : {}),
      ...(task.writingDate !== undefined ? { writingDate: task.writingDate } : {}),
      ...(task.locale !== undefined ? { locale: task.locale } : {}),
    });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { outcome: { ok: false, configError: err.name === 'ConfigError', message: err.message } };
  }
  const serialized: SerializedResult = {
    diagnostics: task.source ? remapDiagnostics(result.diagnostics, task.source) : result.diagnostics,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
    ruleFailures: result.ruleFailures.map((f) => ({ ruleId: f.ruleId, message: f.error.message })),
  };
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
