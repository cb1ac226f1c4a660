import type { SourceMap, TextEncoding, TextFormat } from '@fzlint/input';
import type { Diagnostic } from '@fzlint/rule-api';
import type { PairReason, ReportIdentity } from '@fzlint/rules';

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
  /** Who issued the report and for which year (`reportIdentity` of `@fzlint/rules`): what batch pairing reads. */
  readonly identity?: ReportIdentity;
}

/** Which report served as last year's for a file, and why. */
export interface PreviousUsed {
  /** Absolute path of last year's report. */
  readonly filePath: string;
  /** Its path as messages show it. */
  readonly displayPath: string;
  /**
   * `option`: given for the run (the CLI's `--previous`); `config`: the config's
   * `previousReport`; `paired`: found in the batch (same issuer, report year − 1).
   */
  readonly source: 'option' | 'config' | 'paired';
  /** Why the two were paired (`paired` only): `describePair` words it. */
  readonly reason?: PairReason;
}

/**
 * One file's result from `lintFiles`: a `SerializedResult` (from this thread,
 * a worker or the cache) with where it came from. Formatters and the
 * suppression helpers take it as it is (`FormattableResult`); for converted
 * input, `formattable()` adds the paragraph index SARIF's related locations need.
 */
export interface FileLintResult extends SerializedResult {
  /** Absolute path. */
  readonly filePath: string;
  /** The path as messages show it (relative to the project's `cwd` when inside it). */
  readonly displayPath: string;
  /** The text linted (the converted Markdown of a `.docx`/`.html`). */
  readonly source: string;
  readonly format: TextFormat;
  /** How the file's bytes were decoded; `outputFixes` writes fixed text back in it. */
  readonly encoding: TextEncoding;
  /** Set for converted input: findings' `start`/`end` are paragraph positions, and fixes are never written back. */
  readonly sourceMap?: SourceMap;
  /** Whether the result came from the cache. */
  readonly cached?: boolean;
  /** Last year's report the `continuity/` rules compared this file with, when there was one. */
  readonly previous?: PreviousUsed;
}
