/**
 * The project API (`createFzlint`), in the manner of ESLint's `ESLint` class
 * and textlint's `createLinter`: one object answers, for every front end,
 * which files are reports, which are ignored, how they are read, which config
 * applies, and lints them (in this thread or in workers, with a result cache).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import {
  DEFAULT_READERS,
  inputProblem,
  MAX_REPORT_BYTES,
  readReport as readBytesAsReport,
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
import { hashOf, LintCache, resolveCacheLocation, type CacheStats, type CacheStrategy, type FileMeta } from './cache.js';
import { ConfigLoader, jsonErrorLocation } from './config-loader.js';
import { listFiles as listFileTargets, type FileTarget, type ListedFiles } from './files.js';
import { IgnoreFiles, toPosix, type IgnoreVerdict } from './ignore.js';
import { remapDiagnostics, runLintTaskKeeping, type LintTask, type LintTaskOutcome } from './lint-task.js';
import { encodeReport, readReportFile, writeReportFile } from './read.js';
import type { FileLintResult, SerializedResult } from './result.js';
import { poolSize, WorkerPool, type Settled } from './workers.js';

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
   * Worker threads: a number, or `auto` (default: cores − 1 above 20 files on 3 or
   * more cores, else this thread). With custom `rules`, always this thread.
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
}

/** What `lintFiles` did: a result per file linted, and every problem met, in the order met. */
export interface LintFilesReport {
  readonly results: readonly FileLintResult[];
  /** One-line problems (missing paths, ignored files named explicitly, unreadable files, config errors…); `level: 'error'` ones make the CLI exit with 2. */
  readonly problems: readonly InputProblem[];
  /** Hits and misses when a cache was used. */
  readonly cache?: CacheStats;
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
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** What the cache needs to remember a result after its fixes are written. */
interface CacheEntryInfo {
  readonly cache: LintCache;
  readonly configHash: string;
}

/** A file read and ready to lint. */
interface Prepared {
  readonly target: FileTarget;
  readonly display: string;
  readonly text: string;
  readonly format: TextFormat;
  readonly encoding: TextEncoding;
  readonly sourceMap?: SourceMap;
  /** SHA-256 of the bytes, computed on first use (a metadata cache hit never needs it). */
  readonly contentHash: () => string;
  readonly meta?: FileMeta;
  readonly task: LintTask;
  readonly configHash: string;
}

class Project implements Fzlint {
  readonly cwd: string;
  readonly readers: readonly ReportReader[];
  readonly #options: FzlintOptions;
  readonly #useIgnore: boolean;
  readonly #maxBytes: number;
  #loader: ConfigLoader;
  #ignoreFiles: IgnoreFiles;
  /** Files under one config share one resolved object: derive and hash it once, not per file. */
  #derived = new WeakMap<FzlintConfig, { config: FzlintConfig; configHash: string }>();
  readonly #cacheInfo = new WeakMap<FileLintResult, CacheEntryInfo>();

  constructor(options: FzlintOptions) {
    this.#options = options;
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.readers = options.readers ?? DEFAULT_READERS;
    this.#useIgnore = options.ignore ?? true;
    this.#maxBytes = options.maxBytes ?? MAX_REPORT_BYTES;
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
    this.#ignoreFiles = new IgnoreFiles({ cwd: this.cwd, useIgnoreFiles: this.#useIgnore });
    this.#derived = new WeakMap();
  }

  displayPath(path: string): string {
    return toPosix(relative(this.cwd, resolve(this.cwd, path))) || '.';
  }

  configFor(path: string): ResolvedConfig {
    const absolute = resolve(this.cwd, path);
    const loaded = this.#loader.forFile(absolute);
    const config = applyOverrides(loaded.config, this.#options.overrides);
    const ignored = this.#ignoreFiles.verdict(absolute) !== undefined || (this.#useIgnore && loaded.ignored);
    return { config, files: loaded.files, ignored };
  }

  ignoredBy(path: string, isDirectory = false): IgnoreVerdict {
    const absolute = resolve(this.cwd, path);
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

  async readReport(input: string | Uint8Array, options: ReadReportOptions = {}): Promise<ReadOutcome> {
    if (typeof input !== 'string') {
      return readBytesAsReport(input, { name: options.name ?? '<stdin>', readers: this.readers, maxBytes: this.#maxBytes });
    }
    const path = resolve(this.cwd, input);
    const read = await readReportFile(path, options.name ?? this.displayPath(path), { readers: this.readers, maxBytes: this.#maxBytes });
    if (!read.ok) return { ok: false, problem: read.problem };
    const { bytes: _bytes, meta: _meta, ...text } = read;
    return text;
  }

  async lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
    const filePath = options.filePath !== undefined ? resolve(this.cwd, options.filePath) : undefined;
    const config = options.config ?? applyOverrides(filePath !== undefined ? this.#loader.forFile(filePath).config : {}, this.#options.overrides);
    const { lint } = await import('../engine.js');
    const result = lint(text, {
      ...(filePath !== undefined ? { filePath } : {}),
      ...(options.format ?? options.sourceMap ? { format: options.format ?? 'markdown' } : {}),
      config,
      ...(this.#options.rules ? { rules: this.#options.rules } : {}),
      ...(this.#options.locale !== undefined && config.locale === undefined ? { locale: this.#options.locale } : {}),
      ...(options.fix ? { fix: true } : {}),
      ...(options.document ? { document: options.document } : {}),
    });
    return options.sourceMap ? { ...result, diagnostics: remapDiagnostics(result.diagnostics, options.sourceMap) } : result;
  }

  /** The config of a file for a run, its hash (for the cache), or the problem. */
  #runConfig(target: FileTarget, display: string, problems: InputProblem[]): { config: FzlintConfig; configHash: string } | undefined {
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
      d = { config, configHash: hashOf(stableStringify({ config, version: VERSION })) };
      this.#derived.set(loaded.config, d);
    }
    return d;
  }

  #cacheOf(option: boolean | CacheOptions | undefined): Promise<LintCache> | undefined {
    const chosen = option ?? this.#options.cache;
    if (!chosen) return undefined;
    const o: CacheOptions = chosen === true ? {} : chosen;
    return LintCache.load(resolveCacheLocation(this.cwd, o.location), VERSION).then((cache) => {
      cache.strategy = o.strategy ?? 'metadata';
      return cache;
    });
  }

  async lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesReport> {
    const problems: InputProblem[] = [];
    const fix = options.fix ?? false;
    const anyFix = fix !== false;
    // Loaded first (it runs while the files are listed): reading a file records its metadata only when there is a cache.
    const cache = this.#cacheOf(options.cache);
    const listed = await this.listFiles(patterns.length > 0 ? patterns : ['.']);
    problems.push(...listed.problems);
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
    // Without a cache, workers start as soon as the files are listed and lint while
    // the rest are read (with a cache, only the misses known after reading need them).
    let earlyPool: WorkerPool<LintTask, LintTaskOutcome> | undefined;
    const submitted = new Map<number, Promise<Settled<LintTaskOutcome>>>();
    if (!cache && !customRules) {
      const size = poolSize(reads.filter((r) => r.run).length, options.concurrency ?? 'auto');
      if (size > 1) earlyPool = new WorkerPool<LintTask, LintTaskOutcome>(new URL('./worker.js', import.meta.url), size);
    }
    const load = async (r: (typeof reads)[number]) => (r.run ? readReportFile(r.target.path, r.display, { readers: this.readers, maxBytes: this.#maxBytes }) : undefined);
    try {
      const inFlight: (Promise<Awaited<ReturnType<typeof load>>> | undefined)[] = [];
      for (let i = 0; i < Math.min(READ_AHEAD, reads.length); i++) inFlight[i] = load(reads[i] as (typeof reads)[number]);
      for (let i = 0; i < reads.length; i++) {
        const r = reads[i] as (typeof reads)[number];
        const read = await inFlight[i];
        inFlight[i] = undefined;
        if (i + READ_AHEAD < reads.length) inFlight[i + READ_AHEAD] = load(reads[i + READ_AHEAD] as (typeof reads)[number]);
        if (!read || !r.run) continue;
        if (!read.ok) {
          problems.push(read.problem);
          continue;
        }
        if (read.notice) problems.push(read.notice);
        const converted = read.sourceMap !== undefined;
        if (converted && fix === true) problems.push(inputProblem('fixConverted', { path: r.display }, 'warning'));
        const task: LintTask = {
          filePath: r.target.path,
          text: read.text,
          format: read.format,
          config: r.run.config,
          // --fix never rewrites a Word or web file; a dry run shows the fixed Markdown.
          fix: converted ? fix === 'dry-run' : anyFix,
          ...(read.sourceMap ? { source: read.sourceMap } : {}),
        };
        const bytes = read.bytes;
        let hash: string | undefined;
        const contentHash = (): string => (hash ??= hashOf(bytes));
        if (earlyPool) submitted.set(prepared.length, earlyPool.submit(task));
        prepared.push({
          target: r.target,
          display: r.display,
          text: read.text,
          format: read.format,
          encoding: read.encoding,
          ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}),
          contentHash,
          ...(cache ? { meta: read.meta } : {}),
          task,
          configHash: r.run.configHash,
        });
      }
    } catch (error) {
      // Running threads would keep the process alive.
      await earlyPool?.close();
      throw error;
    }

    // 2. Lint: cache hits first, the rest in this thread or in workers.
    const lintCache = await cache;
    if (lintCache?.discarded) problems.push(inputProblem('cacheUnusable', { path: this.displayPath(lintCache.location) }, 'warning'));
    const outcomes = new Array<SerializedResult | undefined>(prepared.length);
    const fromCache = new Array<boolean>(prepared.length).fill(false);
    const pending: number[] = [];
    prepared.forEach((p, i) => {
      const hit = lintCache?.get(p.target.path, p.contentHash, p.configHash, anyFix ? hasNoFix : undefined, p.meta);
      if (hit) {
        outcomes[i] = hit;
        fromCache[i] = true;
      } else pending.push(i);
    });
    const fromPool = (r: Settled<LintTaskOutcome>): LintTaskOutcome => (r.ok ? r.value : { ok: false, configError: false, message: r.error });
    let settled: LintTaskOutcome[];
    const size = customRules ? 1 : poolSize(pending.length, options.concurrency ?? 'auto');
    if (earlyPool) {
      const pool = earlyPool;
      try {
        settled = (await Promise.all(pending.map((i) => submitted.get(i) ?? pool.submit((prepared[i] as Prepared).task)))).map(fromPool);
      } finally {
        await pool.close();
      }
    } else if (size > 1) {
      const pool = new WorkerPool<LintTask, LintTaskOutcome>(new URL('./worker.js', import.meta.url), Math.min(size, pending.length));
      try {
        settled = (await pool.run(pending.map((i) => (prepared[i] as Prepared).task))).map(fromPool);
      } finally {
        await pool.close();
      }
    } else {
      settled = [];
      for (const i of pending) settled.push((await runLintTaskKeeping((prepared[i] as Prepared).task, this.#options.rules)).outcome);
    }
    pending.forEach((index, k) => {
      const outcome = settled[k];
      const p = prepared[index] as Prepared;
      if (!outcome) return;
      if (outcome.ok) {
        outcomes[index] = outcome.result;
        if (lintCache && outcome.result.ruleFailures.length === 0 && outcome.result.output === undefined) {
          lintCache.set(p.target.path, p.contentHash(), p.configHash, outcome.result, p.meta);
        }
      } else if (outcome.configError) {
        problems.push(inputProblem('configError', { detail: outcome.message }));
      } else {
        problems.push(inputProblem('lintFailed', { path: p.display, detail: outcome.message }));
      }
    });

    const results: FileLintResult[] = [];
    prepared.forEach((p, i) => {
      const result = outcomes[i];
      if (!result) return;
      const file: FileLintResult = {
        ...result,
        filePath: p.target.path,
        displayPath: p.display,
        source: p.text,
        format: p.format,
        encoding: p.encoding,
        ...(p.sourceMap ? { sourceMap: p.sourceMap } : {}),
        ...(fromCache[i] ? { cached: true } : {}),
      };
      if (lintCache) this.#cacheInfo.set(file, { cache: lintCache, configHash: p.configHash });
      results.push(file);
    });
    if (lintCache) {
      const failed = await lintCache.save();
      if (failed) problems.push(inputProblem('writeFailed', { path: this.displayPath(lintCache.location), code: failed }, 'warning'));
    }
    return { results, problems, ...(lintCache ? { cache: lintCache.stats } : {}) };
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
        const { filePath: _f, displayPath: _d, source: _s, format: _fo, encoding: _e, sourceMap: _m, cached: _c, ...serialized } = r;
        info.cache.set(r.filePath, hashOf(encodeReport(r.output, r.encoding)), info.configHash, withoutOutput(serialized), await statMeta(r.filePath));
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
        const { readFile } = await import('node:fs/promises');
        text = await readFile(location, 'utf8');
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
        await mkdir(dirname(location), { recursive: true });
        await writeFile(location, `${JSON.stringify(suppressions, null, 2)}\n`);
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
