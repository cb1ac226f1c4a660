import type { FzlintConfig } from '@fzlint/linter';
import type { Diagnostic, Locale } from '@fzlint/rule-api';
import { toSourcePosition } from './input/position.js';
import type { CliDate } from './args.js';
import type { SourceMap } from './input/position.js';
import type { SerializedResult } from './result.js';

/** One file to lint: plain data, so it can be posted to a worker thread. */
export interface LintTask {
  readonly filePath: string;
  readonly text: string;
  /** The resolved config for this file (command-line `--rule` already merged in). */
  readonly config: FzlintConfig;
  readonly reportYear?: number;
  readonly writingDate?: CliDate;
  readonly locale?: Locale;
  readonly fix: boolean;
  /**
   * Set for a converted `.docx`/`.html`: `text` is Markdown, and findings are
   * reported at the source's paragraph numbers (line = paragraph).
   */
  readonly source?: SourceMap;
}

type LintFn = typeof import('@fzlint/linter').lint;
let lintFn: LintFn | undefined;

/** Loads the engine once per thread (it pulls in the parser and every rule). */
async function engine(): Promise<LintFn> {
  if (!lintFn) lintFn = (await import('@fzlint/linter')).lint;
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
  const lint = await engine();
  let result: ReturnType<LintFn>;
  try {
    result = lint(task.text, {
      filePath: task.filePath,
      // Converted input is Markdown whatever its own extension.
      ...(task.source ? { format: 'markdown' as const } : {}),
      config: task.config,
      fix: task.fix,
      ...(task.reportYear !== undefined ? { reportYear: task.reportYear } : {}),
      ...(task.writingDate !== undefined ? { writingDate: task.writingDate } : {}),
      ...(task.locale !== undefined ? { locale: task.locale } : {}),
    });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { ok: false, configError: err.name === 'ConfigError', message: err.message };
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
  return { ok: true, result: serialized };
}

/**
 * Findings of converted input at the source's paragraph numbers: `line` is
 * the paragraph, `column` the character in it. `range` and fixes keep their
 * offsets into the converted Markdown (what `fzlint convert` writes).
 */
export function remapDiagnostics(diagnostics: readonly Diagnostic[], map: SourceMap): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, start: toSourcePosition(map, d.start), end: toSourcePosition(map, d.end) }));
}
