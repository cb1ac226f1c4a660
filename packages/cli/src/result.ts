import type { Diagnostic } from '@fzlint/rule-api';

/** A rule crash, reduced to what crosses a worker boundary or a cache file. */
export interface SerializedRuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

/**
 * One file's lint result without the parsed document (too big to cache or to
 * copy back from a worker, and formatters do not need it). Structurally a
 * `LintResult` minus `document` and `source`, which the CLI re-attaches.
 */
export interface SerializedResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** Fixed text, when fixes were asked and something changed. */
  readonly output?: string;
  readonly ruleFailures: readonly SerializedRuleFailure[];
}
