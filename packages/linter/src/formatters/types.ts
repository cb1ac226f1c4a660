import type { LineIndex } from '@fzlint/parser';
import type { Locale, RuleMeta } from '@fzlint/rule-api';
import type { LintResult } from '../types.js';

/** What a formatter is given besides the results (ESLint passes `{cwd, rulesMeta}` too). */
export interface FormatterContext {
  /** File paths are shown relative to this folder (SARIF and GitHub need repository-relative paths). */
  readonly cwd?: string;
  /** Metadata of the rules by id; defaults to the built-in rules. */
  readonly rulesMeta?: Readonly<Record<string, RuleMeta>>;
  /** ANSI colours (stylish only). The caller decides: off for `NO_COLOR` or a non-TTY stream. */
  readonly color?: boolean;
  /** Locale of rule descriptions (SARIF); defaults to zh-CN. */
  readonly locale?: Locale;
}

/**
 * A lint result as formatters read it: `document` may be left out, because
 * results passed between worker threads or read from the cache do not carry the
 * parsed document (formatters take positions from the diagnostics' `start`/`end`
 * and, when they need more, from `output ?? source`); of a document only its
 * line index is read (offsets to lines, SARIF's related locations), so a caller
 * can pass one that counts lines its own way (paragraphs of a `.docx`).
 * `ruleFailures` is not read (crashed rules are already `fzlint/rule-error`
 * diagnostics), so a worker's serialised failures need no mapping back to
 * `Error`s. A `LintResult` is one.
 */
export type FormattableResult = Omit<LintResult, 'document' | 'ruleFailures'> & {
  readonly document?: { readonly lineIndex: Pick<LineIndex, 'positionAt'> };
};

interface FormatterSignature {
  // Method syntax on purpose: method parameters are compared bivariantly, so a
  // formatter typed on `LintResult[]` (a third party's) is still accepted;
  // callers may pass results without `document` either way.
  format(results: readonly FormattableResult[], context?: FormatterContext): string;
}

/**
 * Turns lint results into text. Formatters read a result's `filePath`,
 * `diagnostics`, counts, `source`/`output` and `fatal`, never need its
 * `document` (see `FormattableResult`), so results from worker threads or the
 * cache can be formatted as they are.
 */
export type Formatter = FormatterSignature['format'];
