import type { CatalogueEntry } from '@fzlint/ontology';
import type { CalendarDate, LineColumn, ReportDocument, TextRange } from '@fzlint/parser';
import type { AnalysisCache } from './analysis.js';

/** Severity of a finding. */
export type Severity = 'error' | 'warn' | 'info';
/** A rule's configured severity; `off` disables it. */
export type SeveritySetting = Severity | 'off';
/** Message locales; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';
/** The five rule families (docs/rules/README.md). */
export type RuleFamily = 'structure' | 'statistics' | 'references' | 'style' | 'continuity';

/** A text in every supported locale. */
export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A text edit: replace `range` with `text` (ESLint's and textlint's fix shape, on offsets). */
export interface Fix {
  readonly range: TextRange;
  readonly text: string;
}

/** A rule's description, as ESLint's `meta`. */
export interface RuleMeta<MessageId extends string = string, Options = unknown> {
  /** `<family>/<name>`; equals the rule file's path under `src/`. */
  readonly id: `${RuleFamily}/${string}`;
  readonly family: RuleFamily;
  readonly defaultSeverity: Severity;
  readonly description: LocalizedText;
  /** Link to `docs/rules/<id>.md`. Filled from the id by `defineRule` when omitted. */
  readonly docsUrl: string;
  /** Whether the rule can offer automatic fixes. */
  readonly fixable: boolean;
  /** Whether the rule offers suggestions (edits that are not safe to apply automatically). */
  readonly hasSuggestions?: boolean;
  /** Message templates by id; `{{name}}` placeholders are filled from `data`. */
  readonly messages: { readonly [K in MessageId]: LocalizedText };
  /** JSON Schema of the rule's options object. */
  readonly optionsSchema?: Readonly<Record<string, unknown>>;
  readonly defaultOptions?: Options;
  /**
   * What a finding of the rule depends on, for incremental linting (an editor re-lints only
   * what an edit touched). `paragraph`: every finding lies in one paragraph and depends only on
   * that paragraph's text (its sentences, numbers, references, document numbers) and on what
   * the document says as a whole (title, dates, headings, sections, settings), so findings of
   * untouched paragraphs are reused, shifted. `sentence`: the same for one sentence — every
   * finding lies in one sentence and depends only on it (its text, numbers and references, the
   * document numbers in it) and on the document as a whole, so in a long paragraph only the
   * sentences an edit touched are read again. `section` and `document` (the default): the rule
   * reads across paragraphs and runs on the whole document after every edit.
   */
  readonly scope?: RuleScope;
}

/** How far a rule reads for one finding (`RuleMeta.scope`). */
export type RuleScope = 'sentence' | 'paragraph' | 'section' | 'document';

/** Values settings give every rule. */
export interface RuleSettings {
  /** The report year, from config/option or from the document. */
  readonly reportYear?: number;
  /**
   * The writing date, from config/option or from the document. Absent when the
   * report can be dated by neither (no year, no date): never the machine's clock.
   */
  readonly writingDate?: CalendarDate;
  readonly locale: Locale;
  /** Built-in catalogue plus the user's entries (theirs override ours by id). */
  readonly catalogue: readonly CatalogueEntry[];
}

/** A place related to a finding (the received count of a concluded count). */
export interface RelatedDescriptor<MessageId extends string = string> {
  /** Offsets into the linted document, or into the previous report when `in` is `'previous'`. */
  readonly range: TextRange;
  /**
   * Which text `range` points into: the linted document (default) or last year's
   * report given in `RuleContext.previous` (a copied passage's source). A place in
   * the previous report when none was given is dropped.
   */
  readonly in?: 'current' | 'previous';
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A suggested edit, shown to a person and never applied by `--fix`. */
export interface SuggestionDescriptor<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix: Fix | readonly Fix[];
}

/** What a rule reports. */
export interface ReportDescriptor<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: TextRange;
  /**
   * The finding's own severity when it differs from the rule's default
   * (a missing section is an error, a section present only as prose is info).
   * The configured severity is a ceiling: a rule set to `warn` never reports errors.
   */
  readonly severity?: Severity;
  readonly fix?: Fix | readonly Fix[];
  readonly suggestions?: readonly SuggestionDescriptor<MessageId>[];
  readonly related?: readonly RelatedDescriptor<MessageId>[];
}

/**
 * Last year's report of the same issuer, read beside this year's by the
 * `continuity/` rules (copied passages, repeated shortcomings, last year's plan,
 * restated figures). Parsed once by the caller (the linter caches it by content).
 */
export interface PreviousReport {
  readonly document: ReportDocument;
  /** Where it was read from, as given (shown in related information); absent for a text without a file. */
  readonly filePath?: string;
}

/** What a rule receives besides the document. */
export interface RuleContext<MessageId extends string = string, Options = unknown> {
  readonly options: Options;
  readonly settings: RuleSettings;
  /** Last year's report, when one is given or was paired; rules that need it do nothing without it. */
  readonly previous?: PreviousReport;
  /**
   * State analyses keep between lints (an editor's); absent in a one-off lint. Rules
   * hand it to the shared analyses they call (`extractStatistics(document, context.analysisCache)`).
   */
  readonly analysisCache?: AnalysisCache;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

/** A rule: its metadata and its check. */
export interface Rule<MessageId extends string = string, Options = unknown> {
  readonly meta: RuleMeta<MessageId, Options>;
  check(document: ReportDocument, context: RuleContext<MessageId, Options>): void;
}

/** Any rule, whatever its message ids and options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;

/** A related place, resolved to text. */
export interface RelatedInformation {
  /** Offsets into the text of the file the place is in (this document, or `filePath`'s). */
  readonly range: TextRange;
  readonly message: string;
  /**
   * Set when the place is in another file than the finding (last year's report):
   * that file's path as given, or `<previous>` for a previous text given without one.
   * Absent: the place is in the linted document.
   */
  readonly filePath?: string;
  /**
   * 1-based start position in its own file (UTF-16 columns). Set with `filePath`:
   * a place in another file cannot be located with the linted document's lines.
   */
  readonly start?: LineColumn;
  /** 1-based end position in its own file (set with `filePath`). */
  readonly end?: LineColumn;
}

/** A suggestion, resolved to text, with its edits merged into one. */
export interface Suggestion {
  readonly desc: string;
  readonly fix: Fix;
}

/** A finding, resolved: message rendered in the locale, edits merged, positions computed. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly range: TextRange;
  /** 1-based start position (UTF-16 columns). */
  readonly start: LineColumn;
  /** 1-based end position (UTF-16 columns). */
  readonly end: LineColumn;
  readonly docsUrl: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Suggestion[];
  readonly related?: readonly RelatedInformation[];
  readonly data?: Readonly<Record<string, string | number>>;
}
