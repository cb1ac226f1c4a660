/**
 * The project API (`createFzlint`), in the manner of ESLint's `ESLint` class
 * and textlint's `createLinter`: one object answers, for every front end,
 * which files are reports, which are ignored, how they are read, which config
 * applies, and lints them (in this thread or in workers, with a result cache).
 */
// `fs.promises`, read when used: importing node:fs/promises loads it (and readline) on start, ~1.5 ms a warm run never needs.
import { existsSync, promises as fsp, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { relativeFrom, resolveFrom } from './fast-path.js';
import {
  DEFAULT_READERS,
  docxReader,
  encodingNotice,
  textReader,
  htmlReader,
  inputProblem,
  type ReadText,
  MAX_REPORT_BYTES,
  readerFor,
  readReport as readBytesAsReport,
  textFormatOf,
  toSourcePosition,
  type InputProblem,
  type ReadOutcome,
  type ReportReader,
  type SourceMap,
  type TextEncoding,
  type TextFormat,
} from '@fzlint/input';
import type { ReportDocument } from '@fzlint/parser';
import type { AnyRule, Locale } from '@fzlint/rule-api';
import type { PairReason, ReportIdentity, UnpairedReason } from '@fzlint/rules';
import { configError, configMessage } from '../config/messages.js';
import type { FormattableResult } from '../formatters/types.js';
import {
  applySuppressions,
  buildSuppressions,
  parseSuppressions,
  pruneSuppressions,
  SUPPRESSIONS_FILE,
  type AppliedSuppressions,
  type SuppressibleResult,
  type Suppressions,
} from '../suppressions.js';
import type { FzlintConfig, LintResult } from '../types.js';
import { VERSION } from '../version.js';
import { fitsText } from './cache-entry.js';
import { hashOf, LintCache, resolveCacheLocation, type CacheEntry, type CacheStats, type CacheStrategy, type FileMeta } from './cache.js';
import type { StoredEntry } from './cache-codec.js';
import { ConfigLoader, jsonErrorLocation } from './config-loader.js';
import { listFiles as listFileTargets, type FileTarget, type ListedFiles } from './files.js';
import { IgnoreFiles, toPosix, type IgnoreVerdict } from './ignore.js';
import { engine, remapDiagnostics, remapRelatedIn, runLintTask, runLintTaskKeeping, type LintTask, type LintTaskOutcome, type ParsedDocuments, type TaskPrevious } from './lint-task.js';
import {
  loadPrevious,
  previousDetail,
  previousKey,
  siblingsOf,
  type FindPreviousOptions,
  type LoadedPrevious,
  type PreviousLookup,
  type PreviousText,
  type ProjectPrevious,
} from './previous.js';
import { encodeReport, readReportFile, readTextReportFileSync, writeReportFile, type ReadFileOutcome } from './read.js';
import type { FileLintResult, PreviousUsed, SerializedResult } from './result.js';
import { Guard, GUARD_MIN_CHARS, InputBudgetError, MEMORY_BUDGET_MB, overBudgetProblem } from './guard.js';
import { ALONE_MAX_FILES, ALONE_MIN_FILES, OUT_OF_MEMORY, poolSize, tuneForPool, tuneForThreadAlone, untuneThreadAlone, WorkerPool, type FlagSetter, type Settled } from './workers.js';

/**
 * Settings that win over every config file (the CLI's `--rule`, `--report-year`,
 * `--writing-date`, `--locale`; an editor's settings): rules per rule id, the
 * other keys as a whole.
 */
export type ConfigOverrides = Pick<FzlintConfig, 'rules' | 'reportYear' | 'writingDate' | 'locale' | 'catalogue'>;

/** The result cache (ESLint's `--cache`). */
export interface CacheOptions {
  /** The cache file, or a folder for `cache.json` (default `node_modules/.cache/fzlint/cache.json` under `cwd`). */
  readonly location?: string;
  /** How an unchanged file is recognised (default `metadata`: size and mtime, then the content hash). */
  readonly strategy?: CacheStrategy;
}

/** Options of {@link createFzlint}. */
export interface FzlintOptions {
  /** Relative paths are resolved against it, and messages name files relative to it (default `process.cwd()`). */
  readonly cwd?: string;
  /** A config file that replaces discovery (the CLI's `--config`). */
  readonly configFile?: string;
  /** Settings over every config file. */
  readonly overrides?: ConfigOverrides;
  /** The language of config errors and findings (default: the config's `locale`, else zh-CN). */
  readonly locale?: Locale;
  /** Cache results of unchanged files in `lintFiles` (default off); `true` uses the default location. */
  readonly cache?: boolean | CacheOptions;
  /** Honour `.fzlintignore` files and config `ignorePatterns` (default true); `node_modules` and `.git` are always ignored. */
  readonly ignore?: boolean;
  /** The rules to run (default: the built-in ones). Rule objects cannot cross to workers: with these, files are linted in this thread. */
  readonly rules?: readonly AnyRule[];
  /** The readers of report files (default: text, `.docx`, `.html`); add one to read another format (`pdf`). */
  readonly readers?: readonly ReportReader[];
  /** Files above this many bytes are not read (default 10 MiB). */
  readonly maxBytes?: number;
  /**
   * Heap, in MiB, that reading and linting one file may use (default 2048). Word,
   * web and PDF files are converted, and texts of a million characters or more are
   * linted, in a worker thread held to it: a file that needs more is one
   * `overMemoryBudget` problem and the other files go on.
   */
  readonly memoryBudgetMb?: number;
  /**
   * Let `lintFiles` tune V8 for the whole process when it starts linting threads
   * (a later optimising compiler: see `tuneForPool`), and for the lint of a few files in
   * this thread alone (`tuneForThreadAlone`). For a command-line run; a host with other
   * work (an editor) leaves it off (default). A function: how to set V8's flags (default
   * `node:v8`'s `setFlagsFromString`; the CLI's loader has one that does not load the streams).
   */
  readonly tuneThreads?: boolean | FlagSetter;
  /** A config loader to share its caches with other code (made from `cwd`, `configFile`, `rules`, `locale` when absent). */
  readonly loader?: ConfigLoader;
}

/** The configuration that applies to one file. */
export interface ResolvedConfig {
  /** The merged configuration, overrides applied. */
  readonly config: FzlintConfig;
  /** The config files that contributed, farthest first (absolute paths). */
  readonly files: readonly string[];
  /** Whether the file is ignored (`.fzlintignore`, `ignorePatterns`, the default folders). */
  readonly ignored: boolean;
}

/** How `lintFiles` computes fixes. */
export type FixMode = boolean | 'dry-run';

/** Options of {@link Fzlint.lintFiles}. */
export interface LintFilesOptions {
  /**
   * Worker threads: a number, or `auto` (default: `poolSize` chooses: this thread for
   * a few files, else about one per core). With custom `rules`, always this thread.
   */
  readonly concurrency?: number | 'auto';
  /** Overrides the project's `cache` option for this run. */
  readonly cache?: boolean | CacheOptions;
  /**
   * `true`: compute fixes (`output`) for files that can be written back; converted
   * input (`.docx`, `.html`) is linted as it is and gets a `fixConverted` warning.
   * `'dry-run'`: compute fixes for every file (nothing is meant to be written).
   */
  readonly fix?: FixMode;
  /**
   * Last year's report for every file linted (the CLI's `--previous`): a path, read
   * once for the run. Wins over the config's `previousReport` and over pairing.
   */
  readonly previous?: string;
  /**
   * Pair the files of the batch that have no previous report (none given, none in their
   * config) with last year's report of the same issuer among them (default true): issuer
   * and report year as `reportIdentity` reads them, paired by `pairReports`.
   */
  readonly pair?: boolean;
  /**
   * Whether the caller reads the results' `source` (default true). `false` (formatters
   * that print positions only, no fixes): with a `metadata` cache in which every file is
   * unchanged, the files are only stat'ed, not read, and the results' `source` is empty.
   */
  readonly sources?: boolean;
  /**
   * The `snapshot` of an earlier report. When this run finds exactly what it recorded (the
   * same files in the same order, each of the same size, modification time and config, with
   * the `metadata` cache at the same place), it returns `unchanged: true` and no results,
   * without reading the cache: the caller shows again what it made of that report's results.
   */
  readonly unchangedSince?: string;
}

/** How the files of a batch were paired (absolute paths). */
export interface BatchPairing {
  readonly pairs: readonly { readonly current: string; readonly previous: string; readonly reason: PairReason }[];
  readonly unpaired: readonly { readonly file: string; readonly reason: UnpairedReason; readonly candidates?: readonly string[] }[];
}

/** What `lintFiles` did: a result per file linted, and every problem met, in the order met. */
export interface LintFilesReport {
  readonly results: readonly FileLintResult[];
  /** One-line problems (missing paths, ignored files named explicitly, unreadable files, config errors…); `level: 'error'` ones make the CLI exit with 2. */
  readonly problems: readonly InputProblem[];
  /** Hits and misses when a cache was used. */
  readonly cache?: CacheStats;
  /** How the batch was paired, when it had two or more files without a previous report given. */
  readonly pairing?: BatchPairing;
  /**
   * What a later run passes as `unchangedSince`: given by a run whose every file was an
   * unchanged text file shown from the cache (the warm run), or a plain text file whose
   * result the run stored in the cache (a full run), without problems or notices.
   */
  readonly snapshot?: string;
  /** The files are those of `unchangedSince`, unchanged: `results` is empty (see `unchangedSince`). */
  readonly unchanged?: true;
}

/** Options of {@link Fzlint.lintText}. */
export interface LintTextOptions {
  /** Where the text comes from: its config applies, and its extension picks the format. */
  readonly filePath?: string;
  /** How to parse the text (default: from `filePath`, else plain text). */
  readonly format?: TextFormat;
  /** For converted input (`readReport` gives it): findings are reported at the source's paragraphs. */
  readonly sourceMap?: SourceMap;
  /** Apply fixes and return `output`. */
  readonly fix?: boolean;
  /** A config used as it is instead of the one found for `filePath` (e.g. `configFor(path).config` changed by the caller). */
  readonly config?: FzlintConfig;
  /** The text already parsed (an editor's incremental re-parse). */
  readonly document?: ReportDocument;
  /**
   * Last year's report, for the `continuity/` rules. Default: the config's
   * `previousReport`, read (and re-read when it changes on disk); `false`: none.
   * `findPrevious` finds one among the files of the folder.
   */
  readonly previous?: PreviousText | false;
}

/** Options of {@link Fzlint.readReport}. */
export interface ReadReportOptions {
  /** For bytes: the file's name (its extension picks the reader; problems name it). Default `<stdin>`. */
  readonly name?: string;
}

/** Bulk suppressions (ESLint's `--suppress-all`, `--prune-suppressions`), for a project. */
export interface ProjectSuppressions {
  /** The suppressions file: `file` resolved against `cwd`, default `fzlint-suppressions.json` there. */
  location(file?: string): string;
  /** Reads a suppressions file; undefined when it does not exist. Throws `ConfigError` on bad contents. */
  read(file?: string): Promise<Suppressions | undefined>;
  /** Writes a suppressions file (sorted keys, two-space indent, final newline); a problem instead of a throw. */
  write(suppressions: Suppressions, file?: string): Promise<InputProblem | undefined>;
  /** The counts of every finding of `results`, keyed relative to the file's folder. */
  build(results: readonly SuppressibleResult[], file?: string): Suppressions;
  /** Hides the suppressed findings. */
  apply<T extends SuppressibleResult>(results: readonly T[], suppressions: Suppressions, file?: string): AppliedSuppressions<T>;
  /** Drops entries that no longer match a finding. */
  prune(suppressions: Suppressions, results: readonly SuppressibleResult[], file?: string): Suppressions;
}

/** The project API: see {@link createFzlint}. */
export interface Fzlint {
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** The readers used (built-in plus any given). */
  readonly readers: readonly ReportReader[];
  /** The configuration of a file (found upward from it, or `configFile`), overrides applied. Throws `ConfigError`. */
  configFor(path: string): ResolvedConfig;
  /** Whether a file (or, with `isDirectory`, a folder) is ignored. */
  isPathIgnored(path: string, isDirectory?: boolean): boolean;
  /** Why a path is ignored (`.fzlintignore`, `ignorePatterns`, `node_modules/.git`), or undefined. */
  ignoredBy(path: string, isDirectory?: boolean): IgnoreVerdict;
  /** Files, folders and globs → the reports to lint, and what went wrong per pattern (`limit`: stop after that many files). */
  listFiles(patterns: readonly string[], options?: { readonly limit?: number }): Promise<ListedFiles>;
  /** A file (path) or bytes → `{ text, format, encoding, sourceMap }`, or the problem. Never throws. */
  readReport(input: string | Uint8Array, options?: ReadReportOptions): Promise<ReadOutcome>;
  /** Lints a text with the config of `filePath`. Throws `ConfigError` for a broken config. */
  lintText(text: string, options?: LintTextOptions): Promise<LintResult>;
  /**
   * Last year's report of a file: the config's `previousReport`, else the report of the
   * same issuer for the year before among the other files of its folder (at most
   * `MAX_SIBLINGS` read, those whose name says the year before first). Never throws for
   * a file's problem (a broken config does throw `ConfigError`).
   */
  findPrevious(path: string, options?: FindPreviousOptions): Promise<PreviousLookup>;
  /** Lints the files the patterns name (see {@link LintFilesOptions}). Never throws for a file's problem. */
  lintFiles(patterns: readonly string[], options?: LintFilesOptions): Promise<LintFilesReport>;
  /**
   * Writes the fixed text of every result that has one and is not converted input,
   * in the encoding it was read in (and records it in the cache). Returns the problems.
   */
  outputFixes(results: readonly FileLintResult[]): Promise<InputProblem[]>;
  /** Bulk suppressions files. */
  readonly suppressions: ProjectSuppressions;
  /** How a path is shown: relative to `cwd`, forward slashes (`.` for `cwd` itself). */
  displayPath(path: string): string;
  /** Forgets cached config and ignore files (they changed on disk). */
  reset(): void;
}

/** `statSync`'s options for a path that may be gone: one object, not one per file of a warm run. */
const STAT_QUIET = { throwIfNoEntry: false } as const;

/** Stable JSON (sorted keys) so equal configs hash equally. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value instanceof RegExp) return JSON.stringify(String(value));
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A file's config with the overrides on top (they win, as the CLI's flags do in ESLint). */
export function applyOverrides(config: FzlintConfig, overrides: ConfigOverrides | undefined): FzlintConfig {
  if (!overrides) return config;
  const hasRules = overrides.rules !== undefined && Object.keys(overrides.rules).length > 0;
  return {
    ...config,
    ...(hasRules ? { rules: { ...config.rules, ...overrides.rules } } : {}),
    ...(overrides.reportYear !== undefined ? { reportYear: overrides.reportYear } : {}),
    ...(overrides.writingDate !== undefined ? { writingDate: overrides.writingDate } : {}),
    ...(overrides.locale !== undefined ? { locale: overrides.locale } : {}),
    ...(overrides.catalogue !== undefined ? { catalogue: [...(config.catalogue ?? []), ...overrides.catalogue] } : {}),
  };
}

/** How many files are read at once. */
const READ_AHEAD = 16;

/** Files read in this thread between yields to a running pool (its answers, this thread's own lints). */
const READ_BURST = 8;

function hasNoFix(result: SerializedResult): boolean {
  return !result.diagnostics.some((d) => d.fix !== undefined);
}

function withoutOutput(result: SerializedResult): SerializedResult {
  const copy: { -readonly [K in keyof SerializedResult]?: SerializedResult[K] } = { ...result };
  delete copy.output;
  return copy as SerializedResult;
}

/** A file's size and mtime, or undefined when it cannot be stat'ed. */
async function statMeta(path: string): Promise<FileMeta | undefined> {
  try {
    const info = await fsp.stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** What the cache needs to remember a result after its fixes are written. */
interface CacheEntryInfo {
  readonly cache: LintCache;
  readonly configHash: string;
  /** The key of the previous report the result was compared with. */
  readonly previousKey?: string;
}

/** A file read and ready to lint. */
interface Prepared {
  readonly target: FileTarget;
  readonly display: string;
  readonly text: string;
  readonly format: TextFormat;
  readonly encoding: TextEncoding;
  readonly sourceMap: SourceMap | undefined;
  /** SHA-256 of the bytes, computed on first use (a metadata cache hit never needs it). */
  readonly contentHash: () => string;
  /** Only with a cache. */
  readonly meta: FileMeta | undefined;
  readonly task: LintTask;
  /** The file's config for the run (its `configHash` made when first read: a run without a cache never reads it). */
  readonly run: RunConfig;
  /** Last year's report given for the run or named by the config. */
  readonly previous: { readonly loaded: LoadedPrevious; readonly source: 'option' | 'config' } | undefined;
  /** No previous report given or configured: to be paired inside the batch. */
  readonly candidate: boolean;
}

/** A file's config for a run, and its key for the cache. */
interface RunConfig {
  readonly config: FzlintConfig;
  /** The config and fzlint version as canonical JSON: a cached result is valid only for the same. */
  readonly configHash: string;
  /** The config file that names the previous report, for messages about it. */
  readonly previousReportFile?: string;
}

/** At most this many characters of parsed documents are kept in this thread between the two lints of a paired batch. */
const MAX_KEPT_CHARS = 2_000_000;

/**
 * The reports of a batch seen so far, by year and issuer ending: what a report could pair
 * with. Pairing (`pairReports`) joins a report with one of the year before whose issuer key
 * matches its own, and keys that match share their ending (`issuerEnding` of @fzlint/rules),
 * so two reports can pair only if their years differ by one and their endings are equal: a
 * superset of the pairs, found without the pairing index.
 */
class PairingEndings {
  readonly #seen = new Set<string>();

  constructor(private readonly endingOf: (key: string) => string) {}

  /** Notes `identity`; true when a report noted before could pair with it (as last year's or as next year's). */
  note(identity: ReportIdentity | undefined): boolean {
    const key = identity?.issuer?.key;
    const year = identity?.year?.value;
    if (key === undefined || year === undefined) return false;
    const ending = this.endingOf(key);
    this.#seen.add(`${year}:${ending}`);
    return this.#seen.has(`${year - 1}:${ending}`) || this.#seen.has(`${year + 1}:${ending}`);
  }
}

/** What a lint task carries of a previous report. */
function taskPrevious(p: LoadedPrevious): TaskPrevious {
  return { filePath: p.filePath, text: p.text, format: p.format, ...(p.source ? { source: p.source } : {}) };
}

/** Whether a rule setting turns the rule off. */
function isOff(entry: unknown): boolean {
  return entry === 'off' || (Array.isArray(entry) && entry[0] === 'off');
}

class Project implements Fzlint {
  readonly cwd: string;
  readonly readers: readonly ReportReader[];
  readonly #options: FzlintOptions;
  readonly #useIgnore: boolean;
  readonly #maxBytes: number;
  /** The guarded thread: conversions and large lints, under the memory budget. */
  readonly #guard: Guard;
  #loader: ConfigLoader;
  #ignoreFiles: IgnoreFiles;
  /** Files under one config share one resolved object: derive and hash it once, not per file. */
  #derived = new WeakMap<FzlintConfig, RunConfig>();
  readonly #cacheInfo = new WeakMap<FileLintResult, CacheEntryInfo>();
  /** Issuer and year of files read for `findPrevious`, while unchanged. */
  readonly #identities = new Map<string, { meta: FileMeta; identity: ReportIdentity | undefined }>();
  /** Previous reports read for `lintText` and `findPrevious`, while unchanged. */
  readonly #previousTexts = new Map<string, { meta: FileMeta; read: ReadText & { ok: true } }>();

  constructor(options: FzlintOptions) {
    this.#options = options;
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.readers = options.readers ?? DEFAULT_READERS;
    this.#useIgnore = options.ignore ?? true;
    this.#maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
    this.#guard = new Guard(options.memoryBudgetMb ?? MEMORY_BUDGET_MB);
    this.#loader = this.#newLoader();
    this.#ignoreFiles = new IgnoreFiles({ cwd: this.cwd, useIgnoreFiles: this.#useIgnore });
  }

  #newLoader(): ConfigLoader {
    const o = this.#options;
    if (o.loader) return o.loader;
    return new ConfigLoader({
      cwd: this.cwd,
      ...(o.configFile !== undefined ? { configFile: o.configFile } : {}),
      ...(o.rules ? { rules: o.rules } : {}),
      ...(o.locale !== undefined ? { locale: o.locale } : {}),
    });
  }

  reset(): void {
    this.#loader = this.#newLoader();
    this.#identities.clear();
    this.#previousTexts.clear();
    this.#ignoreFiles = new IgnoreFiles({ cwd: this.cwd, useIgnoreFiles: this.#useIgnore });
    this.#derived = new WeakMap();
  }

  displayPath(path: string): string {
    return toPosix(relativeFrom(this.cwd, resolveFrom(this.cwd, path))) || '.';
  }

  configFor(path: string): ResolvedConfig {
    const absolute = resolve(this.cwd, path);
    const loaded = this.#loader.forFile(absolute);
    const config = applyOverrides(loaded.config, this.#options.overrides);
    const ignored = this.#ignoreFiles.verdict(absolute) !== undefined || (this.#useIgnore && loaded.ignored);
    return { config, files: loaded.files, ignored };
  }

  ignoredBy(path: string, isDirectory = false): IgnoreVerdict {
    const absolute = resolveFrom(this.cwd, path);
    const verdict = this.#ignoreFiles.verdict(absolute, isDirectory);
    if (verdict || !this.#useIgnore) return verdict;
    try {
      if (this.#loader.isIgnored(absolute)) return { source: 'ignorePatterns' };
    } catch (error) {
      // A broken config cannot say; the file's lint reports the config error.
      if ((error as Error).name !== 'ConfigError') throw error;
    }
    return undefined;
  }

  isPathIgnored(path: string, isDirectory = false): boolean {
    return this.ignoredBy(path, isDirectory) !== undefined;
  }

  listFiles(patterns: readonly string[], options: { readonly limit?: number } = {}): Promise<ListedFiles> {
    return listFileTargets(patterns, {
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      cwd: this.cwd,
      readers: this.readers,
      ignored: (abs, isDir) => this.ignoredBy(abs, isDir),
      display: (abs) => this.displayPath(abs),
    });
  }

  /**
   * Bytes → text: the built-in converters (Word, web pages) and readers that say how
   * to load them in another thread (PDF) run in the guarded thread, under the memory
   * budget; text and other plugged-in readers here.
   */
  readonly #read = (bytes: Uint8Array, name: string): Promise<ReadOutcome> => {
    const reader = readerFor(name, this.readers);
    if (bytes.length > 0 && bytes.length <= this.#maxBytes) {
      if (reader === docxReader || reader === htmlReader) return this.#guard.read(bytes, name, this.#maxBytes);
      if (reader.thread) return this.#guard.read(bytes, name, this.#maxBytes, reader);
    }
    return readBytesAsReport(bytes, { name, readers: this.readers, maxBytes: this.#maxBytes });
  };

  /**
   * A pool of `size` linting threads (see `tuneForPool` for `tuneThreads`): this
   * thread and `size` − 1 workers. This thread lints too, between reading files and
   * collecting results, which otherwise leave it idle: a worker less to start
   * (measured on two cores: a worker's start and warm-up were most of what two
   * threads cost more than one). The pool only gets texts below the guard's size,
   * which this thread lints anyway when it runs alone.
   */
  #lintPool(size: number): WorkerPool<LintTask, LintTaskOutcome> {
    if (this.#options.tuneThreads) tuneForPool(this.#flagSetter());
    return new WorkerPool<LintTask, LintTaskOutcome>(new URL('./worker.js', import.meta.url), size - 1, {
      ...this.#poolOptions(),
      local: runLintTask,
    });
  }

  /** The `tuneThreads` function, if one was given. */
  #flagSetter(): FlagSetter | undefined {
    const tune = this.#options.tuneThreads;
    return typeof tune === 'function' ? tune : undefined;
  }

  /** Worker pools hold each thread to the memory budget: a file over it is one problem, not the end of the run. */
  #poolOptions(): { resourceLimits: { maxOldGenerationSizeMb: number } } {
    return { resourceLimits: { maxOldGenerationSizeMb: this.#guard.budgetMb } };
  }

  /** Whether a text is linted in the guarded thread (large, and the rules can cross to it). */
  #guarded(text: string): boolean {
    return text.length >= GUARD_MIN_CHARS && this.#options.rules === undefined;
  }

  async readReport(input: string | Uint8Array, options: ReadReportOptions = {}): Promise<ReadOutcome> {
    if (typeof input !== 'string') return this.#read(input, options.name ?? '<stdin>');
    const path = resolve(this.cwd, input);
    const read = await readReportFile(path, options.name ?? this.displayPath(path), { readers: this.readers, maxBytes: this.#maxBytes, read: this.#read });
    if (!read.ok) return { ok: false, problem: read.problem };
    const { bytes: _bytes, meta: _meta, ...text } = read;
    return text;
  }

  async lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
    const filePath = options.filePath !== undefined ? resolve(this.cwd, options.filePath) : undefined;
    const loaded = options.config === undefined && filePath !== undefined ? this.#loader.forFile(filePath) : undefined;
    const config = options.config ?? applyOverrides(loaded?.config ?? {}, this.#options.overrides);
    let previous: PreviousText | undefined = options.previous === false ? undefined : options.previous;
    if (options.previous === undefined && config.previousReport !== undefined && config.previousReport !== filePath) {
      const read = await this.#readPrevious(config.previousReport);
      if (!read.ok) {
        const file = loaded?.previousReportFile ?? (filePath !== undefined ? this.#loader.forFile(filePath).previousReportFile : undefined);
        throw configError(this.#options.locale ?? 'zh-CN', file !== undefined ? this.displayPath(file) : undefined, 'previousReport', 'previousUnusable', { detail: read.detail });
      }
      previous = { text: read.text, filePath: config.previousReport, format: read.format, ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}) };
    }
    if (this.#guarded(text) && !options.document) {
      // The caller wants the parsed document, which cannot come back from another
      // thread: the lint is tried there first, under the budget, then done here.
      const probe = await this.#guard.lint(
        {
          filePath: filePath ?? '<text>',
          text,
          format: options.format ?? (options.sourceMap ? 'markdown' : textFormatOf(filePath)),
          config,
          fix: options.fix ?? false,
          ...(previous?.filePath !== undefined ? { previous: { text: previous.text, format: previous.format ?? 'markdown', filePath: resolve(this.cwd, previous.filePath) } } : {}),
        },
        filePath !== undefined ? this.displayPath(filePath) : '<text>',
      );
      if (!probe.ok) throw new InputBudgetError(probe.problem);
    }
    const { lint } = await import('../engine.js');
    const result = lint(text, {
      ...(filePath !== undefined ? { filePath } : {}),
      ...(options.format ?? options.sourceMap ? { format: options.format ?? 'markdown' } : {}),
      config,
      ...(this.#options.rules ? { rules: this.#options.rules } : {}),
      ...(this.#options.locale !== undefined && config.locale === undefined ? { locale: this.#options.locale } : {}),
      ...(options.fix ? { fix: true } : {}),
      ...(options.document ? { document: options.document } : {}),
      ...(previous
        ? {
            previous: {
              text: previous.text,
              ...(previous.filePath !== undefined ? { filePath: resolve(this.cwd, previous.filePath) } : {}),
              ...(previous.format ?? previous.sourceMap ? { format: previous.format ?? 'markdown' } : {}),
              ...(previous.document ? { document: previous.document } : {}),
            },
          }
        : {}),
    });
    let diagnostics = options.sourceMap ? remapDiagnostics(result.diagnostics, options.sourceMap) : result.diagnostics;
    if (previous?.sourceMap && previous.filePath !== undefined) diagnostics = remapRelatedIn(diagnostics, resolve(this.cwd, previous.filePath), previous.sourceMap);
    return diagnostics === result.diagnostics ? result : { ...result, diagnostics };
  }

  async findPrevious(path: string, options: FindPreviousOptions = {}): Promise<PreviousLookup> {
    const abs = resolve(this.cwd, path);
    const loaded = this.#loader.forFile(abs);
    const config = applyOverrides(loaded.config, this.#options.overrides);
    if (config.previousReport !== undefined) {
      if (config.previousReport === abs) return { scanned: [] };
      const read = await this.#readPrevious(config.previousReport);
      if (!read.ok) return { scanned: [], problem: inputProblem('configError', { detail: this.#previousConfigMessage(loaded.previousReportFile, read.detail) }) };
      return { previous: this.#projectPrevious(config.previousReport, read, 'config'), scanned: [] };
    }
    if (options.siblings === false) return { scanned: [] };
    const [{ parse }, { reportIdentity, pairReports, identityFromFileName }] = await Promise.all([import('@fzlint/parser'), import('@fzlint/rules')]);
    let document = options.document;
    if (!document) {
      let text = options.text;
      let format = options.format;
      if (text === undefined) {
        const read = await readReportFile(abs, this.displayPath(abs), { readers: this.readers, maxBytes: this.#maxBytes });
        if (!read.ok) return { scanned: [] };
        text = read.text;
        format ??= read.format;
      }
      document = parse(text, { filePath: abs, ...(format ? { format } : {}), ...(config.reportYear !== undefined ? { reportYear: config.reportYear } : {}) });
    }
    const identity = reportIdentity(document, abs);
    const scanned = await siblingsOf(abs, identity.year?.value, {
      readers: this.readers,
      maxBytes: this.#maxBytes,
      ignored: (file) => this.isPathIgnored(file),
      yearInName: (file) => identityFromFileName(file).year,
    });
    const others: { id: string; identity: ReportIdentity }[] = [];
    for (const file of scanned) {
      const found = await this.#siblingIdentity(file);
      if (found) others.push({ id: file, identity: found });
    }
    const { pairs, unpaired } = pairReports([{ id: abs, identity }, ...others]);
    const pair = pairs.find((p) => p.current === abs);
    if (!pair) {
      const why = unpaired.find((u) => u.id === abs);
      return { identity, scanned, ...(why ? { unpaired: { reason: why.reason, ...(why.candidates ? { candidates: why.candidates } : {}) } } : {}) };
    }
    const read = await this.#readPrevious(pair.previous);
    if (!read.ok) return { identity, scanned, problem: inputProblem('previousUnusable', { detail: read.detail }) };
    return { previous: { ...this.#projectPrevious(pair.previous, read, 'paired'), reason: pair.reason }, identity, scanned };
  }

  #projectPrevious(path: string, read: ReadText, source: PreviousUsed['source']): ProjectPrevious {
    return {
      filePath: path,
      displayPath: this.displayPath(path),
      source,
      text: read.text,
      format: read.format,
      ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}),
    };
  }

  /**
   * A previous report read for `lintText` and `findPrevious`, kept while its size and
   * modification time are unchanged (an editor lints on every keystroke; one stat each).
   */
  async #readPrevious(path: string): Promise<(ReadText & { ok: true }) | { ok: false; detail: string }> {
    const meta = await statMeta(path);
    const kept = this.#previousTexts.get(path);
    if (kept && meta && kept.meta.size === meta.size && kept.meta.mtimeMs === meta.mtimeMs) return kept.read;
    const display = this.displayPath(path);
    const read = await readReportFile(path, display, { readers: this.readers, maxBytes: this.#maxBytes });
    if (!read.ok) {
      this.#previousTexts.delete(path);
      return { ok: false, detail: previousDetail(read, display, this.#options.locale ?? 'zh-CN') };
    }
    const { bytes: _b, meta: readMeta, ...text } = read;
    // A handful: one per folder an editor has open, or the one a config names.
    if (this.#previousTexts.size >= 16) this.#previousTexts.delete(this.#previousTexts.keys().next().value as string);
    this.#previousTexts.set(path, { meta: readMeta, read: text });
    return text;
  }

  /** A file's issuer and year for pairing (read and parsed with its config's report year), kept while it is unchanged. */
  async #siblingIdentity(file: string): Promise<ReportIdentity | undefined> {
    const meta = await statMeta(file);
    if (!meta) return undefined;
    const kept = this.#identities.get(file);
    if (kept && kept.meta.size === meta.size && kept.meta.mtimeMs === meta.mtimeMs) return kept.identity;
    let identity: ReportIdentity | undefined;
    const read = await readReportFile(file, this.displayPath(file), { readers: this.readers, maxBytes: this.#maxBytes });
    if (read.ok) {
      let reportYear: number | undefined;
      try {
        reportYear = applyOverrides(this.#loader.forFile(file).config, this.#options.overrides).reportYear;
      } catch {
        // A broken config: the file's own year.
      }
      const [{ parse }, { reportIdentity }] = await Promise.all([import('@fzlint/parser'), import('@fzlint/rules')]);
      identity = reportIdentity(parse(read.text, { filePath: file, format: read.format, ...(reportYear !== undefined ? { reportYear } : {}) }), file);
    }
    this.#identities.set(file, { meta, identity });
    return identity;
  }

  /** The config of a file for a run, its hash (for the cache), or the problem. */
  #runConfig(target: FileTarget, display: string, problems: InputProblem[]): RunConfig | undefined {
    let loaded;
    try {
      loaded = this.#loader.forFile(target.path);
    } catch (error) {
      if ((error as Error).name !== 'ConfigError') throw error;
      problems.push(inputProblem('configError', { detail: (error as Error).message }));
      return undefined;
    }
    // Ignored files were left out when listing; one named explicitly was warned about there.
    if (this.#useIgnore && loaded.ignored) return undefined;
    let d = this.#derived.get(loaded.config);
    if (!d) {
      const config = applyOverrides(loaded.config, this.#options.overrides);
      // `fix` is left out: a result without fixes is the same with or without --fix.
      // Made on first use: only a run with --cache needs it. The canonical JSON itself, not
      // a hash of it: the cache stores each config's text once, and a warm run then loads no
      // `node:crypto` (~8 ms).
      let configHash: string | undefined;
      d = {
        config,
        get configHash(): string {
          return (configHash ??= stableStringify({ config, version: VERSION }));
        },
        ...(loaded.previousReportFile !== undefined ? { previousReportFile: loaded.previousReportFile } : {}),
      };
      this.#derived.set(loaded.config, d);
    }
    return d;
  }

  /** Where the run's result cache is and how it judges a file unchanged; undefined without a cache. */
  #cacheSettings(option: boolean | CacheOptions | undefined): { location: string; strategy: CacheStrategy } | undefined {
    const chosen = option ?? this.#options.cache;
    if (!chosen) return undefined;
    const o: CacheOptions = chosen === true ? {} : chosen;
    return { location: resolveCacheLocation(this.cwd, o.location), strategy: o.strategy ?? 'metadata' };
  }

  #cacheOf(option: boolean | CacheOptions | undefined): Promise<LintCache> | undefined {
    const settings = this.#cacheSettings(option);
    if (!settings) return undefined;
    return LintCache.load(settings.location, VERSION).then((cache) => {
      cache.strategy = settings.strategy;
      return cache;
    });
  }

  async lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesReport> {
    const problems: InputProblem[] = [];
    const fix = options.fix ?? false;
    const anyFix = fix !== false;
    // Loaded first (it runs while the files are listed): reading a file records its metadata only when there is a cache.
    // Not when the run may turn out unchanged since a snapshot: then the cache is not read at all.
    const maybeUnchanged = options.unchangedSince !== undefined && options.sources === false && !anyFix;
    let cache = maybeUnchanged ? undefined : this.#cacheOf(options.cache);
    const listed = await this.listFiles(patterns.length > 0 ? patterns : ['.']);
    // One by one, not push(...): a caller may name more paths than a call takes arguments (a problem each).
    for (const problem of listed.problems) problems.push(problem);
    const targets = listed.files;
    // Nothing to lint and nothing said why (an ignored file named explicitly already got its warning).
    if (targets.length === 0 && listed.problems.length === 0) problems.push(inputProblem('noFiles', {}));

    // 1. Inputs: the config (and whether it ignores the file) is looked up before a file is read.
    const prepared: Prepared[] = [];
    const customRules = this.#options.rules !== undefined;
    const reads = targets.map((target) => {
      const display = this.displayPath(target.path);
      return { target, display, run: this.#runConfig(target, display, problems) };
    });
    // Last year's report given for the run, or named by configs: each read once, before any file is linted.
    const given = await this.#explicitPrevious(reads, options.previous, problems);
    if (maybeUnchanged) {
      const snapshot = this.#currentSnapshot(reads, given, options.cache, options.pair !== false);
      if (snapshot !== undefined && snapshot === options.unchangedSince) return { results: [], problems, snapshot, unchanged: true };
      cache = this.#cacheOf(options.cache);
    }
    if (cache && options.sources === false && !anyFix) {
      // Nothing changed since the last run: stat every file and show the cached results.
      const lintCache = await cache;
      const warm = await this.#warmRun(reads, given, lintCache, options.pair !== false);
      if (warm) {
        // One by one, not push(...): a folder of very many files not in UTF-8 has a notice each.
        for (const notice of warm.notices) problems.push(notice);
        const failed = await lintCache.save();
        if (failed) problems.push(inputProblem('writeFailed', { path: this.displayPath(lintCache.location), code: failed }, 'warning'));
        return {
          results: warm.results,
          problems,
          cache: lintCache.stats,
          ...(warm.pairing ? { pairing: warm.pairing } : {}),
          ...(warm.snapshot !== undefined ? { snapshot: warm.snapshot } : {}),
        };
      }
    }
    // Without a cache, workers start as soon as the files are listed and lint while
    // the rest are read (with a cache, only the misses known after reading need them).
    let pool: WorkerPool<LintTask, LintTaskOutcome> | undefined;
    let early = false;
    const submitted = new Map<number, Promise<Settled<LintTaskOutcome>>>();
    if (!cache && !customRules) {
      const size = poolSize(reads.filter((r) => r.run).length, options.concurrency ?? 'auto');
      if (size > 1) {
        pool = this.#lintPool(size);
        early = true;
      }
    }
    // Files are read in this thread, not through node:fs/promises (~2 ms of a one-file run to load;
    // 1,000 reports ~0.3 s of CPU less than the promises' open, stat, readFile and close, 16 in
    // flight). Linted in this thread alone, the lints wait for the reads anyway. With workers
    // started already, this thread yields every READ_BURST files, so the workers get their tasks
    // and this thread lints (the pool's `local`) while the rest are read.
    // Without a cache nothing asks for a file's bytes again (its content hash is the cache's
    // key): a text report is read into a buffer reused for the next, and turned into text
    // before that (`readTextReportFileSync` decodes before it returns).
    const keepBytes = cache !== undefined;
    // A text report is read and decoded at once, without the readers' promises (this thread
    // reads every file, also those the workers lint); other kinds through `#read`, READ_AHEAD at a time.
    const load = (r: (typeof reads)[number]): ReadFileOutcome | Promise<ReadFileOutcome> | undefined => {
      if (!r.run) return undefined;
      if (readerFor(r.display, this.readers) === textReader) return readTextReportFileSync(r.target.path, r.display, this.#maxBytes, !keepBytes);
      return readReportFile(r.target.path, r.display, { readers: this.readers, maxBytes: this.#maxBytes, read: this.#read, sync: true });
    };
    try {
      const inFlight: ReturnType<typeof load>[] = [];
      for (let i = 0; i < Math.min(READ_AHEAD, reads.length); i++) inFlight[i] = load(reads[i] as (typeof reads)[number]);
      for (let i = 0; i < reads.length; i++) {
        const r = reads[i] as (typeof reads)[number];
        const pending = inFlight[i];
        const read = pending instanceof Promise ? await pending : pending;
        inFlight[i] = undefined;
        if (i + READ_AHEAD < reads.length) inFlight[i + READ_AHEAD] = load(reads[i + READ_AHEAD] as (typeof reads)[number]);
        if (early && i % READ_BURST === READ_BURST - 1) await new Promise<void>((resolve) => setImmediate(resolve));
        if (!read || !r.run) continue;
        const run = r.run;
        if (!read.ok) {
          problems.push(read.problem);
          continue;
        }
        if (read.notice) problems.push(read.notice);
        const converted = read.sourceMap !== undefined;
        if (converted && fix === true) problems.push(inputProblem('fixConverted', { path: r.display }, 'warning'));
        const choice = given.of(r.run.config);
        // A file is never its own last year's report (`--previous` naming one of the files linted).
        const previous = choice?.loaded && choice.loaded.filePath !== r.target.path ? { loaded: choice.loaded, source: choice.source } : undefined;
        const task: LintTask = {
          filePath: r.target.path,
          text: read.text,
          format: read.format,
          config: r.run.config,
          // --fix never rewrites a Word or web file; a dry run shows the fixed Markdown.
          fix: converted ? fix === 'dry-run' : anyFix,
          ...(read.sourceMap ? { source: read.sourceMap } : {}),
          ...(previous ? { previous: taskPrevious(previous.loaded) } : {}),
        };
        // Not kept without a cache (they may be the reused buffer's): nothing hashes them then.
        const bytes = keepBytes ? read.bytes : undefined;
        let hash: string | undefined;
        const contentHash = (): string => {
          if (bytes === undefined) throw new Error(`fzlint: no bytes kept to hash for ${r.display} (a run without a cache)`);
          return (hash ??= hashOf(bytes));
        };
        if (pool && !this.#guarded(task.text)) submitted.set(prepared.length, pool.submit(task));
        // Every field present, no spread and no getter: a literal with conditional spreads before
        // more fields and an accessor was made field by field at run time, ~1.5 KB a file.
        prepared.push({
          target: r.target,
          display: r.display,
          text: read.text,
          format: read.format,
          encoding: read.encoding,
          sourceMap: read.sourceMap,
          contentHash,
          meta: cache ? read.meta : undefined,
          task,
          run,
          previous,
          // With a previous report given or configured, none is looked for.
          candidate: choice === undefined && options.pair !== false,
        });
      }
    } catch (error) {
      // Running threads would keep the process alive.
      await pool?.close();
      throw error;
    }

    // 2. Lint: cache hits first, the rest in this thread or in workers. Files to pair are linted
    // once without a previous report (which tells their issuer and year), paired, and the paired
    // ones linted again with last year's report.
    const lintCache = await cache;
    if (lintCache?.discarded) problems.push(inputProblem('cacheUnusable', { path: this.displayPath(lintCache.location) }, 'warning'));
    const outcomes = new Array<SerializedResult | undefined>(prepared.length);
    const fromCache = new Array<boolean>(prepared.length).fill(false);
    const previousUsed = new Array<PreviousUsed | undefined>(prepared.length);
    /** The cache key part of each file's previous report (see `previousKey`). */
    const finalKeys = prepared.map((p) => p.previous?.loaded.key);
    const candidates = prepared.flatMap((p, i) => (p.candidate ? [i] : []));
    const pairing = candidates.length >= 2;
    const accept = anyFix ? hasNoFix : undefined;
    /** Cached entries of files to pair: their identity, and their result if the pairing is unchanged. */
    const peeked = new Map<number, CacheEntry>();
    const firstPass: number[] = [];
    prepared.forEach((p, i) => {
      // A result that does not fit its text (a tampered entry) is linted again, like a miss.
      const fits = (result: SerializedResult): boolean => fitsText(result, p.text.length) && (accept?.(result) ?? true);
      if (pairing && p.candidate) {
        const entry = lintCache?.peek(p.target.path, p.contentHash, p.run.configHash, p.meta);
        if (entry?.result.identity && fitsText(entry.result, p.text.length)) peeked.set(i, entry);
        else firstPass.push(i);
        return;
      }
      if (p.previous) previousUsed[i] = { filePath: p.previous.loaded.filePath, displayPath: p.previous.loaded.displayPath, source: p.previous.source };
      const hit = lintCache?.get(p.target.path, p.contentHash, p.run.configHash, fits, p.meta, p.previous?.loaded.key);
      if (hit) {
        outcomes[i] = hit;
        fromCache[i] = true;
      } else firstPass.push(i);
    });

    const size = customRules ? 1 : poolSize(firstPass.length, options.concurrency ?? 'auto');
    if (!pool && size > 1) pool = this.#lintPool(Math.min(size, firstPass.length));
    // A few files linted here alone (`auto`): a later optimising compiler still, for the lint only
    // (see tuneForThreadAlone); the engine loaded first, so its code cache is the usual one.
    let alone = false;
    if (!pool && this.#options.tuneThreads && !customRules && firstPass.length >= ALONE_MIN_FILES && firstPass.length <= ALONE_MAX_FILES && (options.concurrency ?? 'auto') === 'auto') {
      await engine();
      alone = tuneForThreadAlone(this.#flagSetter());
    }
    // In this thread the parsed documents of files to pair are kept for their second lint (bounded),
    // only those that can pair with a report linted (or found in the cache) before them: a kept
    // document outlives young collections and is promoted, ~1 ms of collector time each (a batch
    // that pairs nothing ran ~13 % faster keeping none). Of a pair, the later one is kept; the
    // earlier is parsed again if paired, about what keeping it would have cost.
    const documents = new Map<number, ReportDocument>();
    let keptChars = 0;
    // Only a paired batch keeps documents (its pairing module is loaded by the lint anyway).
    const endings = pairing ? new PairingEndings((await import('@fzlint/rules/pairing')).issuerEnding) : undefined;
    if (endings) for (const entry of peeked.values()) endings.note(entry.result.identity);
    const run = async (jobs: readonly { index: number; task: LintTask; parsed?: ParsedDocuments }[], keep: boolean): Promise<LintTaskOutcome[]> => {
      const fromPool =
        (index: number) =>
        (r: Settled<LintTaskOutcome>): LintTaskOutcome =>
          r.ok
            ? r.value
            : r.code === OUT_OF_MEMORY
              ? { ok: false, configError: false, message: r.error, problem: overBudgetProblem((prepared[index] as Prepared).display, this.#guard.budgetMb) }
              : { ok: false, configError: false, message: r.error };
      // Large texts go to the guarded thread (one at a time, under the memory budget) while the rest run.
      const guardedRun = (async () => {
        const settled = new Map<number, LintTaskOutcome>();
        for (const j of jobs) {
          if (!this.#guarded(j.task.text)) continue;
          const outcome = await this.#guard.lint(j.task, (prepared[j.index] as Prepared).display);
          settled.set(j.index, outcome.ok ? outcome.value : { ok: false, configError: false, message: outcome.problem.id, problem: outcome.problem });
        }
        return settled;
      })();
      const usual = jobs.filter((j) => !this.#guarded(j.task.text));
      const out = new Map<number, LintTaskOutcome>();
      if (pool) {
        const running = pool;
        const done = await Promise.all(usual.map((j) => ((early ? submitted.get(j.index) : undefined) ?? running.submit(j.task)).then(fromPool(j.index))));
        usual.forEach((j, k) => out.set(j.index, done[k] as LintTaskOutcome));
      } else {
        for (const j of usual) {
          const done = await runLintTaskKeeping(j.task, this.#options.rules, j.parsed);
          const mayPair = keep && endings !== undefined && done.outcome.ok && endings.note(done.outcome.result.identity);
          if (mayPair && done.result && keptChars + j.task.text.length <= MAX_KEPT_CHARS) {
            documents.set(j.index, done.result.document);
            keptChars += j.task.text.length;
          }
          // What the lint's analyses kept for the document is gone either way (`lint` without an
          // analysis cache releases it): a kept document is read again only by a second pass (a
          // paired report, or last year's beside it), which reuses its parse, and holding every
          // analysis of hundreds of kept documents until then cost more collector time than the
          // few second-pass lints spend making them again.
          out.set(j.index, done.outcome);
        }
      }
      for (const [index, outcome] of await guardedRun) out.set(index, outcome);
      return jobs.map((j) => out.get(j.index) as LintTaskOutcome);
    };
    const record = (index: number, outcome: LintTaskOutcome | undefined, key: string | undefined): void => {
      const p = prepared[index] as Prepared;
      if (!outcome) return;
      if (outcome.ok) {
        outcomes[index] = outcome.result;
        if (lintCache && outcome.result.ruleFailures.length === 0 && outcome.result.output === undefined) {
          lintCache.set(p.target.path, p.contentHash(), p.run.configHash, outcome.result, p.meta, key, p.sourceMap ? undefined : { chars: p.text.length, encoding: p.encoding });
        }
      } else if (outcome.problem) {
        problems.push(outcome.problem);
      } else if (outcome.configError) {
        problems.push(inputProblem('configError', { detail: outcome.message }));
      } else {
        problems.push(inputProblem('lintFailed', { path: p.display, detail: outcome.message }));
      }
    };
    let batchPairing: BatchPairing | undefined;
    try {
      const first = await run(
        firstPass.map((index) => ({ index, task: (prepared[index] as Prepared).task })),
        pairing,
      );
      /** First-pass results of files to pair: final when the file stays unpaired. */
      const unpairedResult = new Map<number, LintTaskOutcome>();
      firstPass.forEach((index, k) => {
        const p = prepared[index] as Prepared;
        if (pairing && p.candidate) unpairedResult.set(index, first[k] as LintTaskOutcome);
        else record(index, first[k], p.previous?.loaded.key);
      });
      if (pairing) {
        const identities = new Map<number, ReportIdentity>();
        for (const index of candidates) {
          const fromRun = unpairedResult.get(index);
          const identity = peeked.get(index)?.result.identity ?? (fromRun?.ok ? fromRun.result.identity : undefined);
          if (identity) identities.set(index, identity);
        }
        const decided = await this.#pairBatch(prepared, candidates, identities);
        batchPairing = decided.pairing;
        const second: { index: number; task: LintTask; parsed: ParsedDocuments }[] = [];
        const keys = new Map<number, string | undefined>();
        for (const index of candidates) {
          const p = prepared[index] as Prepared;
          const pair = decided.pairs.get(index);
          const last = pair ? (prepared[pair.previous] as Prepared) : undefined;
          // The key is the cache's: without one, last year's bytes are not hashed.
          const key = last && lintCache ? previousKey(last.target.path, last.contentHash()) : undefined;
          if (pair && last) previousUsed[index] = { filePath: last.target.path, displayPath: last.display, source: 'paired', reason: pair.reason };
          finalKeys[index] = key;
          const hit = lintCache?.get(p.target.path, p.contentHash, p.run.configHash, (r) => fitsText(r, p.text.length) && (accept?.(r) ?? true), p.meta, key);
          if (hit) {
            outcomes[index] = hit;
            fromCache[index] = true;
            continue;
          }
          const once = unpairedResult.get(index);
          if (!last && once) {
            record(index, once, undefined);
            continue;
          }
          keys.set(index, key);
          const document = documents.get(index);
          const lastDocument = pair ? documents.get(pair.previous) : undefined;
          second.push({
            index,
            task: last ? { ...p.task, previous: { filePath: last.target.path, text: last.text, format: last.format, ...(last.sourceMap ? { source: last.sourceMap } : {}) } } : p.task,
            parsed: { ...(document ? { document } : {}), ...(lastDocument ? { previous: lastDocument } : {}) },
          });
        }
        documents.clear();
        if (second.length > 0 && !pool && !customRules && poolSize(second.length, options.concurrency ?? 'auto') > 1) {
          pool = this.#lintPool(poolSize(second.length, options.concurrency ?? 'auto'));
        }
        early = false;
        const again = await run(second, false);
        second.forEach((job, k) => record(job.index, again[k], keys.get(job.index)));
      }
    } finally {
      // Not awaited: every task has its answer, and a worker's end (its isolate and heap torn
      // down, on its own thread) then runs beside this thread's assembling and writing of the
      // results instead of before them. The pool is closed either way, so the process does not
      // wait for it beyond that.
      void pool?.close();
      if (alone) untuneThreadAlone(this.#flagSetter());
    }

    const results: FileLintResult[] = [];
    prepared.forEach((p, i) => {
      const result = outcomes[i];
      if (!result) return;
      const used = previousUsed[i];
      // The result copied, then this file's fields set in the order they were always written: a
      // literal opening with a spread of the result cost V8 ~2.5 KB a file (as the warm run's below).
      const file: { -readonly [K in keyof FileLintResult]: FileLintResult[K] } = Object.assign({}, result) as FileLintResult;
      file.filePath = p.target.path;
      file.displayPath = p.display;
      file.source = p.text;
      file.format = p.format;
      file.encoding = p.encoding;
      if (p.sourceMap) file.sourceMap = p.sourceMap;
      if (fromCache[i]) file.cached = true;
      if (used) file.previous = used;
      const key = finalKeys[i];
      if (lintCache) this.#cacheInfo.set(file, { cache: lintCache, configHash: p.run.configHash, ...(key !== undefined ? { previousKey: key } : {}) });
      results.push(file);
    });
    let snapshot: string | undefined;
    if (lintCache) {
      const failed = await lintCache.save();
      if (failed) problems.push(inputProblem('writeFailed', { path: this.displayPath(lintCache.location), code: failed }, 'warning'));
      else if (!anyFix) snapshot = this.#fullRunSnapshot(reads, prepared, outcomes, fromCache, given, lintCache, options.pair !== false, problems);
    }
    return {
      results,
      problems,
      ...(lintCache ? { cache: lintCache.stats } : {}),
      ...(batchPairing ? { pairing: batchPairing } : {}),
      ...(snapshot !== undefined ? { snapshot } : {}),
    };
  }

  /**
   * The snapshot of a full run whose every file's result is in the (saved) cache, as a warm
   * run of the same files would record it (see `#currentSnapshot`): so the first warm run
   * after a cold one need not read the cache either. Each file's size and modification time
   * are those taken before its bytes were read (`meta`, what its cache entry holds), never a
   * later `stat`: a file changed during the run then differs from its snapshot. Undefined
   * unless every listed file was read, is a plain text file without a previous report given,
   * and had its result stored (or found) in the cache, with no problem or notice in the run.
   */
  #fullRunSnapshot(
    reads: readonly { target: FileTarget; run: RunConfig | undefined }[],
    prepared: readonly Prepared[],
    outcomes: readonly (SerializedResult | undefined)[],
    fromCache: readonly boolean[],
    given: { of(config: FzlintConfig): unknown },
    lintCache: LintCache,
    pair: boolean,
    problems: readonly InputProblem[],
  ): string | undefined {
    if (problems.length > 0 || lintCache.discarded || lintCache.strategy !== 'metadata' || this.#options.rules !== undefined) return undefined;
    const files = reads.filter((r): r is typeof r & { run: RunConfig } => r.run !== undefined);
    if (files.length !== prepared.length) return undefined;
    const sizes: number[] = [];
    const mtimes: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = files[i] as (typeof files)[number];
      const p = prepared[i] as Prepared;
      const outcome = outcomes[i];
      if (p.target !== r.target || p.meta === undefined || p.sourceMap !== undefined || outcome === undefined) return undefined;
      if (!this.#showableWarm(r, given)) return undefined;
      // Stored by `record` only without rule failures or fixed output.
      if (!fromCache[i] && (outcome.ruleFailures.length > 0 || outcome.output !== undefined)) return undefined;
      sizes.push(p.meta.size);
      mtimes.push(p.meta.mtimeMs);
    }
    return snapshotIfCached(files, sizes, mtimes, lintCache.location, pair);
  }

  /**
   * A run in which every file is an unchanged text file with a cached result (the
   * `metadata` strategy, recorded length and encoding), paired as before: the results
   * as the full path would give them, from one `stat` per file and the cache, without
   * reading a file or loading the parser and rules. Undefined as soon as one file needs
   * more (then the full path runs: the same results, at its cost).
   */
  async #warmRun(
    reads: readonly { target: FileTarget; display: string; run: RunConfig | undefined }[],
    given: { of(config: FzlintConfig): unknown },
    lintCache: LintCache,
    pair: boolean,
  ): Promise<{ results: FileLintResult[]; notices: InputProblem[]; pairing?: BatchPairing; snapshot?: string } | undefined> {
    if (lintCache.discarded || lintCache.strategy !== 'metadata') return undefined;
    const files = reads.filter((r): r is typeof r & { run: RunConfig } => r.run !== undefined);
    for (const r of files) if (!this.#showableWarm(r, given)) return undefined;
    // One synchronous stat each: a warm run does nothing else meanwhile, and a thousand
    // promises through the thread pool cost more CPU than the calls themselves. Each
    // `Stats` is dropped at once (kept for all files, they outlived a young collection).
    const entries: (CacheEntry & { chars: number; encoding: TextEncoding })[] = [];
    const sizes: number[] = [];
    const mtimes: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = files[i] as (typeof files)[number];
      const info = this.#statShowable(r.target.path);
      if (!info) return undefined;
      const entry = lintCache.unchanged(r.target.path, r.run.configHash, { size: info.size, mtimeMs: info.mtimeMs });
      if (!entry || !fitsOf(entry, entry.chars)) return undefined;
      entries.push(entry);
      sizes.push(info.size);
      mtimes.push(info.mtimeMs);
    }
    // Pairing as the full path does it, from the identities the entries recorded.
    const pairs = new Map<number, { previous: number; reason: PairReason }>();
    let pairing: BatchPairing | undefined;
    if (pair && files.length >= 2) {
      const custom = this.#options.rules;
      const ids = custom?.filter((r) => r.meta.family === 'continuity').map((r) => r.meta.id);
      const wanted: number[] = [];
      for (let i = 0; i < files.length; i++) {
        const rules = (files[i] as (typeof files)[number]).run.config.rules ?? {};
        // Whether the config turns every continuity rule off needs the rule list: only
        // a config that turns one off takes the full path (which loads the rules).
        const on = ids ? ids.some((id) => !isOff(rules[id])) : !Object.keys(rules).some((id) => id.startsWith('continuity/') && isOff(rules[id]));
        if (!on && !ids) return undefined;
        const identity = summaryOf(entries[i] as CacheEntry).identity;
        if (!identity) return undefined;
        if (on) wanted.push(i);
      }
      const { pairReports } = await import('@fzlint/rules/pairing');
      const found = pairReports(wanted.map((i) => ({ id: i, identity: summaryOf(entries[i] as CacheEntry).identity as ReportIdentity })));
      for (const p of found.pairs) pairs.set(p.current, { previous: p.previous, reason: p.reason });
      const path = (i: number) => (files[i] as (typeof files)[number]).target.path;
      pairing = {
        pairs: found.pairs.map((p) => ({ current: path(p.current), previous: path(p.previous), reason: p.reason })),
        unpaired: found.unpaired.map((u) => ({ file: path(u.id), reason: u.reason, ...(u.candidates ? { candidates: u.candidates.map(path) } : {}) })),
      };
    }
    const results: FileLintResult[] = [];
    const notices: InputProblem[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = files[i] as (typeof files)[number];
      const entry = entries[i] as (typeof entries)[number];
      const found = pairs.get(i);
      const last = found ? (files[found.previous] as (typeof files)[number]) : undefined;
      const key = last ? previousKey(last.target.path, (entries[found?.previous as number] as CacheEntry).contentHash) : undefined;
      if (entry.previous !== key) return undefined;
      const notice = encodingNotice(entry.encoding, r.display);
      if (notice) notices.push(notice);
      let file: FileLintResult;
      if ((entry as Partial<StoredEntry>).compact === true) {
        // Built from the cache's compact form, so of known keys: one literal, in the order the
        // assign below gives (a result's keys, then the run's), without the temporary objects.
        // The findings are built when first read: a run that prints its output memo never does.
        const stored = entry as unknown as StoredEntry;
        const c = stored.summary();
        const format = textFormatOf(r.display);
        file =
          c.identity !== undefined
            ? {
                get diagnostics() {
                  return stored.result.diagnostics;
                },
                set diagnostics(value) {
                  Object.defineProperty(this, 'diagnostics', { value, writable: true, enumerable: true, configurable: true });
                },
                errorCount: c.errorCount,
                warningCount: c.warningCount,
                infoCount: c.infoCount,
                fixableErrorCount: c.fixableErrorCount,
                fixableWarningCount: c.fixableWarningCount,
                ruleFailures: [],
                identity: c.identity,
                filePath: r.target.path,
                displayPath: r.display,
                source: '',
                format,
                encoding: entry.encoding,
                cached: true,
              }
            : {
                get diagnostics() {
                  return stored.result.diagnostics;
                },
                set diagnostics(value) {
                  Object.defineProperty(this, 'diagnostics', { value, writable: true, enumerable: true, configurable: true });
                },
                errorCount: c.errorCount,
                warningCount: c.warningCount,
                infoCount: c.infoCount,
                fixableErrorCount: c.fixableErrorCount,
                fixableWarningCount: c.fixableWarningCount,
                ruleFailures: [],
                filePath: r.target.path,
                displayPath: r.display,
                source: '',
                format,
                encoding: entry.encoding,
                cached: true,
              };
        if (found && last) (file as { previous?: FileLintResult['previous'] }).previous = { filePath: last.target.path, displayPath: last.display, source: 'paired', reason: found.reason };
      } else {
        const result = entry.result;
        // Object.assign, not `{ ...entry.result, … }`: a spread of a result into a literal with
        // more fields cost ~2.5 KB and ~8 µs a file in code V8 has not optimised (a warm run's).
        file = Object.assign({}, result, {
          filePath: r.target.path,
          displayPath: r.display,
          source: '',
          format: textFormatOf(r.display),
          encoding: entry.encoding,
          cached: true,
          ...(found && last ? { previous: { filePath: last.target.path, displayPath: last.display, source: 'paired' as const, reason: found.reason } } : {}),
        });
      }
      // No #cacheInfo: it serves outputFixes, and a warm run has no fixes to write (no --fix, no output).
      results.push(file);
    }
    lintCache.countHits(results.length);
    // Notices are said by every run: a run that has some is not summed up by a snapshot.
    const snapshot = notices.length === 0 && this.#options.rules === undefined ? snapshotOf(files, sizes, mtimes, lintCache.location, pair) : undefined;
    return { results, notices, ...(pairing ? { pairing } : {}), ...(snapshot !== undefined ? { snapshot } : {}) };
  }

  /** A file's `Stats` when a warm run can show it from the cache (a non-empty file within the size limit), else undefined. */
  #statShowable(path: string): { readonly size: number; readonly mtimeMs: number } | undefined {
    let info;
    try {
      info = statSync(path, STAT_QUIET);
    } catch {
      return undefined;
    }
    return info?.isFile() && info.size > 0 && info.size <= this.#maxBytes ? info : undefined;
  }

  /**
   * Whether a warm run can show a file from the cache by its metadata alone: no previous
   * report given or configured (it would have to be read for its key), and plain text (a
   * converted format would have to be converted).
   */
  #showableWarm(r: { readonly target: FileTarget; readonly run: RunConfig }, given: { of(config: FzlintConfig): unknown }): boolean {
    return given.of(r.run.config) === undefined && readerFor(r.target.path, this.readers) === textReader;
  }

  /**
   * The snapshot of this run's files as the warm run would record it (see
   * `LintFilesOptions.unchangedSince`), from one `stat` each; undefined when a file could
   * not be shown by the warm run (given previous report, not plain text, not a file).
   */
  #currentSnapshot(
    reads: readonly { target: FileTarget; display: string; run: RunConfig | undefined }[],
    given: { of(config: FzlintConfig): unknown },
    option: boolean | CacheOptions | undefined,
    pair: boolean,
  ): string | undefined {
    const settings = this.#cacheSettings(option);
    if (!settings || settings.strategy !== 'metadata' || this.#options.rules !== undefined) return undefined;
    const files = reads.filter((r): r is typeof r & { run: RunConfig } => r.run !== undefined);
    const sizes: number[] = [];
    const mtimes: number[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = files[i] as (typeof files)[number];
      if (!this.#showableWarm(r, given)) return undefined;
      const info = this.#statShowable(r.target.path);
      if (!info) return undefined;
      sizes.push(info.size);
      mtimes.push(info.mtimeMs);
    }
    return snapshotIfCached(files, sizes, mtimes, settings.location, pair);
  }

  /**
   * The previous reports given for a run (`previous`) or named by the configs of the files
   * (`previousReport`), each read once; what cannot be read is a problem, and its files are
   * linted without one (and not paired either: the user named their previous report).
   */
  async #explicitPrevious(
    reads: readonly { run: RunConfig | undefined }[],
    option: string | undefined,
    problems: InputProblem[],
  ): Promise<{ of(config: FzlintConfig): { loaded: LoadedPrevious | undefined; source: 'option' | 'config' } | undefined }> {
    const locale = this.#options.locale ?? 'zh-CN';
    const loaded = new Map<string, LoadedPrevious | undefined>();
    const optionPath = option !== undefined ? resolve(this.cwd, option) : undefined;
    const want = new Map<string, RunConfig | undefined>();
    if (optionPath !== undefined) want.set(optionPath, undefined);
    else for (const r of reads) if (r.run?.config.previousReport !== undefined && !want.has(r.run.config.previousReport)) want.set(r.run.config.previousReport, r.run);
    for (const [path, run] of want) {
      const outcome = await loadPrevious(path, this.displayPath(path), { readers: this.readers, maxBytes: this.#maxBytes, locale });
      if (outcome.ok) {
        loaded.set(path, outcome.previous);
        continue;
      }
      loaded.set(path, undefined);
      if (!run) problems.push(outcome.problem);
      else problems.push(inputProblem('configError', { detail: this.#previousConfigMessage(run.previousReportFile, outcome.detail) }));
    }
    return {
      of: (config) => {
        if (optionPath !== undefined) return { loaded: loaded.get(optionPath), source: 'option' };
        if (config.previousReport !== undefined) return { loaded: loaded.get(config.previousReport), source: 'config' };
        return undefined;
      },
    };
  }

  /** `fzlint.config.json: previousReport …` for a previous report that exists but cannot be used. */
  #previousConfigMessage(configFile: string | undefined, detail: string): string {
    const locale = this.#options.locale ?? 'zh-CN';
    const where = configFile !== undefined ? this.displayPath(configFile) : 'fzlint.config.json';
    return `${where}: previousReport ${configMessage('previousUnusable', locale, { detail })}`;
  }

  /**
   * Pairs the files of a batch that have no previous report given (`pairReports`): a file
   * whose config turns every continuity rule off is left out, as is one whose issuer and
   * year are unknown (it failed to lint).
   */
  async #pairBatch(
    prepared: readonly Prepared[],
    candidates: readonly number[],
    identities: ReadonlyMap<number, ReportIdentity>,
  ): Promise<{ pairs: Map<number, { previous: number; reason: PairReason }>; pairing: BatchPairing }> {
    const { pairReports, rules: builtin } = await import('@fzlint/rules');
    const ids = (this.#options.rules ?? builtin).filter((r) => r.meta.family === 'continuity').map((r) => r.meta.id);
    const wanted = candidates.filter((i) => identities.has(i) && ids.some((id) => !isOff((prepared[i] as Prepared).task.config.rules?.[id])));
    const found = pairReports(wanted.map((i) => ({ id: i, identity: identities.get(i) as ReportIdentity })));
    const path = (i: number) => (prepared[i] as Prepared).target.path;
    return {
      pairs: new Map(found.pairs.map((p) => [p.current, { previous: p.previous, reason: p.reason }])),
      pairing: {
        pairs: found.pairs.map((p) => ({ current: path(p.current), previous: path(p.previous), reason: p.reason })),
        unpaired: found.unpaired.map((u) => ({ file: path(u.id), reason: u.reason, ...(u.candidates ? { candidates: u.candidates.map(path) } : {}) })),
      },
    };
  }

  async outputFixes(results: readonly FileLintResult[]): Promise<InputProblem[]> {
    const problems: InputProblem[] = [];
    const caches = new Set<LintCache>();
    for (const r of results) {
      if (r.output === undefined || r.sourceMap) continue;
      const failed = await writeReportFile(r.filePath, r.displayPath, r.output, r.encoding);
      if (failed) {
        problems.push(failed);
        continue;
      }
      const info = this.#cacheInfo.get(r);
      if (info && r.ruleFailures.length === 0) {
        // The file now holds the output; the remaining findings are for it.
        const { filePath: _f, displayPath: _d, source: _s, format: _fo, encoding: _e, sourceMap: _m, cached: _c, previous: _p, ...serialized } = r;
        info.cache.set(r.filePath, hashOf(encodeReport(r.output, r.encoding)), info.configHash, withoutOutput(serialized), await statMeta(r.filePath), info.previousKey, {
          chars: r.output.length,
          encoding: r.encoding,
        });
        caches.add(info.cache);
      }
    }
    for (const cache of caches) {
      const failed = await cache.save();
      if (failed) problems.push(inputProblem('writeFailed', { path: this.displayPath(cache.location), code: failed }, 'warning'));
    }
    return problems;
  }

  readonly suppressions: ProjectSuppressions = {
    location: (file) => resolve(this.cwd, file ?? SUPPRESSIONS_FILE),
    read: async (file) => {
      const location = this.suppressions.location(file);
      let text: string;
      try {
        // Every lint run looks for it: read synchronously (a small file, and no node:fs/promises to load).
        text = readFileSync(location, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const display = this.displayPath(location);
      const locale = this.#options.locale ?? 'zh-CN';
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        const { configError } = await import('../config/messages.js');
        const message = (e as Error).message;
        throw configError(locale, display, undefined, 'invalidJson', { location: jsonErrorLocation(text, message, locale), error: message }, e);
      }
      return parseSuppressions(value, display, { locale });
    },
    write: async (suppressions, file) => {
      const location = this.suppressions.location(file);
      try {
        await fsp.mkdir(dirname(location), { recursive: true });
        await fsp.writeFile(location, `${JSON.stringify(suppressions, null, 2)}\n`);
        return undefined;
      } catch (error) {
        return inputProblem('writeFailed', { path: this.displayPath(location), code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
      }
    },
    build: (results, file) => buildSuppressions(results, { cwd: dirname(this.suppressions.location(file)) }),
    apply: (results, suppressions, file) => applySuppressions(results, suppressions, { cwd: dirname(this.suppressions.location(file)) }),
    prune: (suppressions, results, file) => pruneSuppressions(suppressions, results, { cwd: dirname(this.suppressions.location(file)) }),
  };
}

/**
 * Creates the project API. Every front end (the CLI, the language server, the
 * remark and textlint adapters) asks it the same questions and so gets the
 * same answers: which files are reports (`listFiles`), which are ignored
 * (`isPathIgnored`: `.fzlintignore` files found as git finds `.gitignore`,
 * config `ignorePatterns`, `node_modules` and `.git`), how they are read
 * (`readReport`: UTF-8, UTF-16, GBK; `.docx`; `.html`; the size cap), which
 * config applies (`configFor`), and the findings (`lintText`, `lintFiles`).
 */
export function createFzlint(options: FzlintOptions = {}): Fzlint {
  return new Project(options);
}

/**
 * A result as formatters and the suppression helpers take it; for converted
 * input its line index counts paragraphs (SARIF's related locations turn
 * offsets into lines themselves).
 */
export function formattable(result: FileLintResult): FormattableResult {
  const { displayPath: _d, format: _f, encoding: _e, sourceMap, cached: _c, ruleFailures: _r, ...rest } = result;
  if (!sourceMap) return rest;
  return { ...rest, document: { lineIndex: paragraphIndex(result.source, sourceMap) } };
}

/**
 * A warm run's files as one string: the cache file, pairing, and per file its path, size,
 * modification time and config (each config's text once, by number).
 */
function snapshotOf(
  files: readonly { readonly target: FileTarget; readonly run: RunConfig }[],
  sizes: readonly number[],
  mtimes: readonly number[],
  cacheLocation: string,
  pair: boolean,
): string {
  const configs = new Map<string, number>();
  let text = '';
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as (typeof files)[number];
    const hash = f.run.configHash;
    let n = configs.get(hash);
    if (n === undefined) configs.set(hash, (n = configs.size));
    text += `${f.target.path}\u0000${sizes[i] as number}\u0000${mtimes[i] as number}\u0000${n}\n`;
  }
  return JSON.stringify({ cache: cacheLocation, pair, configs: [...configs.keys()] }) + '\n' + text;
}

/** {@link snapshotOf}, or undefined when the cache file is gone: deleting it is how a user asks for a fresh lint. */
function snapshotIfCached(
  files: readonly { readonly target: FileTarget; readonly run: RunConfig }[],
  sizes: readonly number[],
  mtimes: readonly number[],
  cacheLocation: string,
  pair: boolean,
): string | undefined {
  return existsSync(cacheLocation) ? snapshotOf(files, sizes, mtimes, cacheLocation, pair) : undefined;
}

/** Whether an entry's findings fit a text of this length: without building them when the cache can say. */
function fitsOf(entry: CacheEntry, textLength: number): boolean {
  const stored = entry as Partial<StoredEntry>;
  return typeof stored.fits === 'function' ? stored.fits(textLength) : fitsText(entry.result, textLength);
}

/** An entry's counts and identity: without building its findings when the cache can say. */
function summaryOf(entry: CacheEntry): { readonly identity?: SerializedResult['identity'] } {
  const stored = entry as Partial<StoredEntry>;
  return typeof stored.summary === 'function' ? stored.summary() : entry.result;
}

/** Offsets of converted Markdown to paragraph numbers. */
function paragraphIndex(text: string, source: SourceMap): { positionAt(offset: number): { line: number; column: number } } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    positionAt(offset: number) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return toSourcePosition(source, { line: lo + 1, column: offset - (starts[lo] as number) + 1 });
    },
  };
}
