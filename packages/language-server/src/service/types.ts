/**
 * What the language features need from fzlint: the engine port. Typed from the
 * linter's, the project API's and the parser's own types (`Pick`s of them), so
 * the real engine is the linter itself and a test's fake engine is checked
 * against the same shapes.
 */
import type { ReadOutcome, TextFormat } from '@fzlint/input';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { FzlintConfig, LintOptions, LintResult, RuleFailure } from '@fzlint/linter';
import type { ResolvedConfig } from '@fzlint/linter/node';
import type { ReportDocument, reparse, TextEdit } from '@fzlint/parser';
import type { AnyRule, Locale } from '@fzlint/rule-api';
import type { CatalogueReference, extractStatistics, FigureLedger, TitleCompletion } from '@fzlint/rules';

export type { TextEdit } from '@fzlint/parser';

/** A resolved fzlint configuration. */
export type ConfigLike = FzlintConfig;

/** Options the server passes to `lint` (a subset of the linter's `LintOptions`). */
export type EngineLintOptions = Pick<LintOptions, 'filePath' | 'format' | 'config' | 'rules' | 'reportYear' | 'locale' | 'fix' | 'document' | 'previous'>;

/** Last year's report as `lint` takes it (its text, path and format). */
export type EnginePreviousInput = NonNullable<LintOptions['previous']>;

/**
 * Finding and reading last year's report of a document (the project API's
 * `findPrevious` and `readReport`, and `reportIdentity` of `@fzlint/rules`).
 */
export interface EnginePreviousFinder {
  /**
   * The config's `previousReport`, else the report of the same issuer for the year before
   * among the files of the document's folder: its path, the document's issuer and year
   * (`issuer|year`, absent when the config named the report), and a problem to log.
   */
  find(
    filePath: string,
    /** `document`: the text already parsed (without a report year or writing date of the settings or config), when at hand. */
    options: { readonly text: string; readonly format?: TextFormat; readonly document?: ReportDocument },
  ): Promise<{ previous?: string; identity?: string; problem?: string }>;
  /** Reads a report file (any encoding; `.docx` and `.html` converted). */
  read(filePath: string): Promise<ReadOutcome>;
  /** The issuer and year of a parsed document, as `find` words them (`issuer|year`). */
  identity(document: ReportDocument, filePath: string): string;
}

/** A rule that threw while checking a document. */
export type EngineRuleFailure = RuleFailure;

/** What the server reads from a lint result (a subset of the linter's `LintResult`). */
export type EngineLintResult = Pick<LintResult, 'diagnostics' | 'document' | 'ruleFailures'> & Partial<Pick<LintResult, 'output'>>;

/** `lint(text, options)` of `@fzlint/linter`. */
export type LintFunction = (text: string, options: EngineLintOptions) => EngineLintResult;

/** `reparse(previous, edits)` of `@fzlint/parser`: the document after the edits, re-reading only what they touched. */
export type ReparseFunction = (previous: ReportDocument, edits: readonly TextEdit[]) => ReturnType<typeof reparse>;

/** The configuration that applies to a file, the files it came from, and whether the file is ignored (the project API's `configFor`). */
export type ConfigLookup = ResolvedConfig;

/** A broken config file: the message names the file, the key and what is allowed. */
export interface ConfigProblem {
  readonly message: string;
  readonly file: string | undefined;
  /** The offending key path, when known (to place the diagnostic). */
  readonly key?: string;
}

/** Finds and reads the configuration for a file; throws a `ConfigError` for a broken one. */
export type ConfigLoaderFunction = (filePath: string) => ConfigLookup | Promise<ConfigLookup>;

/** The project API's file pipeline, for workspace diagnostics (the reports of the workspace folders). */
export interface EngineFiles {
  /** The report files under folders, as the CLI would lint them (ignored ones left out), at most `limit`. */
  listReports(folders: readonly string[], limit: number): Promise<readonly string[]>;
  /** A report file → the text to lint (any encoding; `.docx` and `.html` converted), or why not. */
  readReport(filePath: string): Promise<ReadOutcome>;
}

/** Everything the server needs from the fzlint engine. */
export interface LintEngine {
  readonly lint: LintFunction;
  /**
   * How often local rules ran on the edited paragraphs only (`windowed`) or on the whole
   * document (`whole`) since the engine was loaded (tests and diagnosis); absent for an
   * engine without incremental rule runs.
   */
  readonly reuseStats?: () => { readonly windowed: number; readonly whole: number };
  readonly loadConfig: ConfigLoaderFunction;
  /** Rules to run instead of the built-in list (built-ins plus extra modules), if any. */
  readonly rules?: readonly AnyRule[] | undefined;
  /**
   * Forgets cached config and ignore files (they changed); `cwd` is where relative paths in
   * config messages start (the workspace folder).
   */
  readonly resetConfig?: (cwd?: string) => void;
  /** Turns an error thrown by `loadConfig` into a problem to show, or undefined when it is not a config error. */
  readonly configProblem: (error: unknown) => ConfigProblem | undefined;
  /**
   * Re-parses a document the engine's `lint` returned after edits; with it the server lints
   * edited documents incrementally (`EngineLintOptions.document`), without it in full.
   */
  readonly reparse?: ReparseFunction | undefined;
  /** The file pipeline for workspace diagnostics; without it only open documents are linted. */
  readonly files?: EngineFiles | undefined;
  /** The analyses of `@fzlint/rules` that hovers show. */
  readonly features: EngineFeatures;
  /** Last year's report of a document, for the continuity rules; without it they say nothing. */
  readonly previous?: EnginePreviousFinder | undefined;
  /**
   * Whether this engine also runs in the server's lint thread (`lint-worker.ts` loads the
   * same one), so large documents can be linted off the request thread. A test's engine
   * object cannot cross threads: without this, every document is linted in the request thread.
   */
  readonly offThread?: boolean;
}

/** What the analyses need to know about the document beyond its text. */
export interface FeatureContext {
  readonly config: ConfigLike | undefined;
  readonly locale: Locale;
  readonly reportYear?: number;
}

/** What `extractStatistics` of `@fzlint/rules` returns: counts, rates and their relations. */
export type StatisticsResult = ReturnType<typeof extractStatistics>;

/** One relation between counts and rates (received-concluded, rate, parts, derived-total). */
export type StatisticRelation = StatisticsResult['relations'][number];

/** What completion after 《 needs to know besides what was typed. */
export interface CompletionContext {
  /** The document's config (its `catalogue` entries are offered too). */
  readonly config: ConfigLike | undefined;
  /** The report year: the versions in force on 31 March after it are offered. */
  readonly reportYear?: number;
  /** The writing date (yyyy-mm-dd) when the document states one: wins over the report year. */
  readonly writingDate?: string;
}

/**
 * The analyses of `@fzlint/rules` that hovers and completion show, with the document's
 * settings applied. Optional so that a fake engine implements only those its tests use;
 * the real engine has all.
 */
export interface EngineFeatures {
  /** `findCatalogueReferences` with the catalogue and settings of the document's config. */
  findCatalogueReferences?: (document: ReportDocument, context: FeatureContext) => readonly CatalogueReference[];
  /** `extractStatistics` of the document. */
  extractStatistics?: (document: ReportDocument) => StatisticsResult;
  /** `figureLedger` of the document (memoised per parsed document, statistics read incrementally). */
  figureLedger?: (document: ReportDocument) => FigureLedger;
  /** `titleCompletions` of `@fzlint/rules` over the built-in catalogue and the config's entries. */
  titleCompletions?: (typed: string, context: CompletionContext) => readonly TitleCompletion[];
}

/** A code action request, free of the protocol's parameter object. */
export interface CodeActionRequest {
  readonly uri: string;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
}
