/**
 * What the language features need from the linter, as plain function types so that the
 * features can be tested with a fake linter and the server can be started with the real one.
 * The shapes mirror `@fzlint/linter`'s `LintOptions` / `LintResult` (structurally compatible subsets).
 */
import type { CatalogueEntry } from '@fzlint/ontology';
import type { ReportDocument } from '@fzlint/parser';
import type { AnyRule, Diagnostic, Locale } from '@fzlint/rule-api';
import type { CatalogueReference, extractStatistics } from '@fzlint/rules';

/** A resolved fzlint configuration (the subset the server reads; the rest is passed through). */
export interface ConfigLike {
  readonly root?: boolean;
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly reportYear?: number;
  readonly writingDate?: string;
  readonly locale?: Locale;
  readonly ignorePatterns?: readonly string[];
  /** Entries added to (or replacing, by id) the built-in catalogue. */
  readonly catalogue?: readonly CatalogueEntry[];
  readonly [key: string]: unknown;
}

/** Options the server passes to `lint`. */
export interface EngineLintOptions {
  readonly filePath?: string;
  readonly config?: ConfigLike;
  readonly rules?: readonly AnyRule[];
  readonly reportYear?: number;
  readonly locale?: Locale;
  readonly fix?: boolean;
  /** The text already parsed (incrementally); the linter ignores it when its text differs. */
  readonly document?: ReportDocument;
}

/** A change to a text: `range` (offsets in the text before this change) is replaced by `text`. */
export interface TextEdit {
  readonly range: { readonly start: number; readonly end: number };
  readonly text: string;
}

/** `reparse(previous, edits)` of `@fzlint/parser`: the document after the edits, re-reading only what they touched. */
export type ReparseFunction = (previous: ReportDocument, edits: readonly TextEdit[]) => ReportDocument;

/** A rule that threw while checking a document. */
export interface EngineRuleFailure {
  readonly ruleId: string;
  readonly error: Error;
}

/** What the server reads from a lint result. */
export interface EngineLintResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly document?: ReportDocument;
  readonly output?: string;
  readonly ruleFailures?: readonly EngineRuleFailure[];
}

/** `lint(text, options)`. */
export type LintFunction = (text: string, options: EngineLintOptions) => EngineLintResult;

/** The configuration that applies to a file, and the files it came from. */
export interface ConfigLookup {
  readonly config: ConfigLike | undefined;
  /** Config files that apply (empty: no config for this file). */
  readonly files: readonly string[];
  /** The configs' `ignorePatterns` exclude the file. */
  readonly ignored?: boolean;
}

/** A broken config file: the message names the file, the key and what is allowed. */
export interface ConfigProblem {
  readonly message: string;
  readonly file: string | undefined;
  /** The offending key path, when known (to place the diagnostic). */
  readonly key?: string;
}

/** Finds and reads the configuration for a file; throws a `ConfigError` for a broken one. */
export type ConfigLoaderFunction = (filePath: string) => ConfigLookup | Promise<ConfigLookup>;

/** Everything the server needs from the fzlint engine. */
export interface LintEngine {
  readonly lint: LintFunction;
  readonly loadConfig: ConfigLoaderFunction;
  /** Rules to run instead of the built-in list (built-ins plus extra modules), if any. */
  readonly rules?: readonly AnyRule[] | undefined;
  /**
   * Forgets cached config files (they changed); `cwd` is where relative paths in config
   * messages start (the workspace folder).
   */
  readonly resetConfig?: (cwd?: string) => void;
  /** Turns an error thrown by `loadConfig` into a problem to show, or undefined when it is not a config error. */
  readonly configProblem: (error: unknown) => ConfigProblem | undefined;
  /**
   * Re-parses a document the engine's `lint` returned after edits; with it the server lints
   * edited documents incrementally (`EngineLintOptions.document`), without it in full.
   */
  readonly reparse?: ReparseFunction;
  /** The analyses of `@fzlint/rules` that hovers show. */
  readonly features: EngineFeatures;
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

/**
 * The analyses of `@fzlint/rules` that hovers show, with the document's settings applied.
 * Optional so that a fake engine implements only those its tests use; the real engine has both.
 */
export interface EngineFeatures {
  /** `findCatalogueReferences` with the catalogue and settings of the document's config. */
  findCatalogueReferences?: (document: ReportDocument, context: FeatureContext) => readonly CatalogueReference[];
  /** `extractStatistics` of the document. */
  extractStatistics?: (document: ReportDocument) => StatisticsResult;
}
