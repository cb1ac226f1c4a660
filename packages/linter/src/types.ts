import type { CatalogueEntry } from '@fzlint/ontology';
import type { CalendarDate, ReportDocument } from '@fzlint/parser';
import type { AnalysisCache, AnyRule, Diagnostic, Locale, Severity, SeveritySetting } from '@fzlint/rule-api';
import type { PreviousInput } from './previous.js';

/** A rule's setting in config: a severity, or `[severity, options]`. */
export type RuleConfigEntry = SeveritySetting | readonly [SeveritySetting, unknown?];

/** The contents of `fzlint.config.json` / `.fzlintrc.json`. */
export interface FzlintConfig {
  /** Stop looking for configs in parent folders. */
  readonly root?: boolean;
  readonly rules?: Readonly<Record<string, RuleConfigEntry>>;
  readonly reportYear?: number;
  /** ISO date `YYYY-MM-DD`. */
  readonly writingDate?: string;
  readonly locale?: Locale;
  /** Extra or overriding catalogue entries for the references rules. */
  readonly catalogue?: readonly CatalogueEntry[];
  /** Globs (relative to the config file) of files not to lint. */
  readonly ignorePatterns?: readonly string[];
  /** Config files (paths relative to this one) whose settings this one extends. */
  readonly extends?: string | readonly string[];
  /**
   * Last year's report of the files this config applies to, for the `continuity/` rules.
   * Written relative to the config file that sets it; the project API (`@fzlint/linter/node`)
   * resolves it to an absolute path when it reads the config, checks that it can be read,
   * and reads it. The kernel's `lint` does not read files: it takes `LintOptions.previous`.
   */
  readonly previousReport?: string;
}

/** Options of `lint`. */
export interface LintOptions {
  readonly filePath?: string;
  /**
   * How to parse the text. Wins over the guess from `filePath`'s extension
   * (Markdown for `.md`/`.markdown`, plain text otherwise); set it for text
   * converted to Markdown (`.docx`, `.html`) or with no file name.
   */
  readonly format?: 'markdown' | 'plaintext';
  /** The resolved configuration (already merged from the files that apply). */
  readonly config?: FzlintConfig;
  /** The rules to run; defaults to every built-in rule. */
  readonly rules?: readonly AnyRule[];
  /** Command-line overrides: win over config and over the document. */
  readonly reportYear?: number;
  readonly writingDate?: CalendarDate;
  readonly locale?: Locale;
  /** Apply fixes (repeated until stable, bounded) and return `output`. */
  readonly fix?: boolean;
  /** Report directives that suppress nothing (default true). */
  readonly reportUnusedDirectives?: boolean;
  /** Severity of unused-directive reports (default `warn`). */
  readonly unusedDirectiveSeverity?: Severity;
  /**
   * The text already parsed (e.g. by the language server's incremental `reparse`), used
   * instead of parsing when its `text` equals the text linted and its `format` is the one
   * the text is linted as; otherwise ignored. The caller parsed it with the same `filePath`,
   * `reportYear` and `writingDate`. With `fix`, only the first pass uses it.
   */
  readonly document?: ReportDocument;
  /**
   * Last year's report of the same issuer, for the `continuity/` rules (copied passages,
   * repeated shortcomings, last year's plan, restated figures); without it they say
   * nothing. Parsed once and cached by content (`parsePrevious`), so an editor or a
   * batch passing the same text again does not parse it again.
   */
  readonly previous?: PreviousInput;
  /**
   * State analyses keep between lints, for an editor that lints the next version of
   * the same text on every keystroke (the language server keeps one per workspace):
   * the statistics analysis then re-reads only the paragraphs an edit changed. Leave
   * it out for one-off lints. Findings are the same either way. Without it, what the
   * analyses kept for the returned document (its parse state, folds, statistics and
   * references analyses) is released as `lint` returns (`releaseDocument` of the parser):
   * asked for again, it is made again, and `reparse` of that document parses it whole.
   */
  readonly analysisCache?: AnalysisCache;
}

/** A rule that threw while checking a document. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly error: Error;
}

/** The outcome of linting one text. */
export interface LintResult {
  readonly filePath?: string;
  readonly source: string;
  readonly document: ReportDocument;
  /** Sorted by position; directive problems have `ruleId` of the form `fzlint/…`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** The fixed text, when `fix` was asked and something changed. */
  readonly output?: string;
  readonly ruleFailures: readonly RuleFailure[];
  /** True when the file could not be read or parsed; its only diagnostic says why. */
  readonly fatal?: boolean;
  /** Findings hidden by inline directives (kept for formatters and editors that show them). */
  readonly suppressedCount?: number;
}
