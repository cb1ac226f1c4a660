/**
 * `@fzlint/linter/node`: the project API ({@link createFzlint}) and the file
 * system side of `@fzlint/linter`: config discovery, ignore files, reading
 * report files, the result cache, worker threads, bulk suppressions files.
 * The engine itself (`@fzlint/linter`) never touches the file system.
 */
import { readFileSync } from 'node:fs';
// `fs.promises`, read when used: importing node:fs/promises loads it (and readline) on start, ~1.5 ms a warm run never needs.
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { inputMessage, type InputProblem } from '@fzlint/input';
import { configError } from './config/messages.js';
import { jsonErrorLocation, type ConfigLoader } from './project/config-loader.js';
import { remapDiagnostics } from './project/lint-task.js';
import { previousDetail } from './project/previous.js';
import { createFzlint } from './project/project.js';
import { readReportFile } from './project/read.js';
import { parseSuppressions, type ParseSuppressionsOptions, type Suppressions } from './suppressions.js';
import type { FzlintConfig, LintOptions, LintResult, RuleConfigEntry } from './types.js';

export {
  createFzlint,
  applyOverrides,
  formattable,
  type CacheOptions,
  type ConfigOverrides,
  type FixMode,
  type Fzlint,
  type FzlintOptions,
  type LintFilesOptions as ProjectLintFilesOptions,
  type LintFilesReport,
  type LintTextOptions,
  type ProjectSuppressions,
  type ReadReportOptions,
  type ResolvedConfig,
  type BatchPairing,
} from './project/project.js';
export type { FileLintResult, PreviousUsed, SerializedResult, SerializedRuleFailure } from './project/result.js';
export {
  MAX_SIBLINGS,
  previousKey,
  type FindPreviousOptions,
  type PreviousLookup,
  type PreviousText,
  type ProjectPrevious,
} from './project/previous.js';
export {
  ConfigLoader,
  loadConfig,
  stripJsonComments,
  type LoadConfigOptions,
  type LoadedConfig,
} from './project/config-loader.js';
export {
  compileIgnorePatterns,
  IgnoreFiles,
  IgnoreMatcher,
  loadIgnoreMatcher,
  toPosix,
  DEFAULT_IGNORE_SOURCE,
  type IgnoreVerdict,
  type IgnoreFilesOptions,
} from './project/ignore.js';
export { listFiles, type FileTarget, type ListedFiles, type ListFilesOptions } from './project/files.js';
export {
  decodeReport,
  encodeReport,
  readFileBytes,
  readReportFile,
  writeReportFile,
  type ReadBytes,
  type ReadFailureReason,
  type ReadFileOutcome,
} from './project/read.js';
export {
  LintCache,
  hashOf,
  resolveCacheLocation,
  outputMemoLocation,
  CACHE_FILE_NAME,
  DEFAULT_CACHE_DIR,
  type CacheEntry,
  type CacheFile,
  type CacheStats,
  type CacheStrategy,
  type FileMeta,
} from './project/cache.js';
export {
  poolSize,
  runInWorkers,
  WorkerPool,
  AUTO_WORKER_MIN_FILES,
  WORKER_QUEUE_DEPTH,
  LOCAL_POOL_QUEUE_DEPTH,
  OUT_OF_MEMORY,
  type Settled,
  type WorkerPoolOptions,
} from './project/workers.js';
export { GUARD_MIN_CHARS, InputBudgetError, MEMORY_BUDGET_MB, effectiveBudgetMb } from './project/guard.js';
export { isCacheEntry } from './project/cache-entry.js';
export { remapDiagnostics, remapRelatedIn, runLintTask, type LintTask, type LintTaskOutcome, type TaskPrevious } from './project/lint-task.js';
export {
  CONFIG_FILE_NAMES,
  IGNORE_FILE,
  MAX_REPORT_BYTES,
  REPORT_EXTENSIONS,
  DEFAULT_READERS,
  type InputProblem,
  type ReportReader,
  type SourceMap,
  type TextEncoding,
  type TextFormat,
} from '@fzlint/input';

/** Options of {@link lintFiles}. */
export interface LintFilesOptions extends Omit<LintOptions, 'filePath' | 'config' | 'format'> {
  readonly cwd?: string;
  /** A config file that replaces discovery (`--config`). */
  readonly configFile?: string;
  /** A loader to share caches with other calls; made from `cwd`/`configFile`/`rules` when absent. */
  readonly loader?: ConfigLoader;
  /** Rule settings over the config files' (the CLI's `--rule`). */
  readonly ruleOverrides?: Readonly<Record<string, RuleConfigEntry>>;
  /** Leave out ignored files: `.fzlintignore`, config `ignorePatterns` (default true). */
  readonly ignore?: boolean;
}

/** Why a file could not be read, as `fzlint/read-error` says it. */
function readErrorText(reason: string, problem: InputProblem, path: string, locale: LintOptions['locale']): string {
  switch (reason) {
    case 'vanished':
      return 'no such file';
    case 'not-a-file':
      return 'is a directory';
    case 'unreadable':
      return problem.data['code'] === 'EACCES' ? 'permission denied' : String(problem.data['code']);
    default:
      // Too large, binary, an unknown encoding, not a Word document: the pipeline's one line, without the file name.
      return inputMessage(problem, locale ?? 'zh-CN').replace(`${path}：`, '').replace(`${path}: `, '');
  }
}

/**
 * Lints exactly these files (no folder walk, no globs), each with the config
 * that applies to it, in this thread, read as every front end reads them
 * (UTF-8, UTF-16, GBK; `.docx` and `.html` converted; the size cap), and
 * leaving out ignored ones (`.fzlintignore`, `ignorePatterns`). A file that
 * cannot be read gives a `fatal` result with one `fzlint/read-error` finding
 * instead of stopping the run; an empty file is skipped; a bad config throws
 * `ConfigError`. A config's `previousReport` is read (once) and compared with; `previous`
 * in the options wins over it. Fixes are not written: see `outputFixes`. For folders,
 * globs, workers, the cache and pairing the files with each other, use
 * `createFzlint(…).lintFiles`.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const { cwd: cwdOption, configFile, loader, ruleOverrides, ignore, ...lintOptions } = options;
  const cwd = resolve(cwdOption ?? process.cwd());
  const project = createFzlint({
    cwd,
    ...(configFile !== undefined ? { configFile } : {}),
    ...(loader ? { loader } : {}),
    ...(ruleOverrides ? { overrides: { rules: ruleOverrides } } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(ignore !== undefined ? { ignore } : {}),
  });
  // The engine (parser, rules, ontology) on first use: the project API alone loads none of it.
  const { fatalResult, lint } = await import('./engine.js');
  const results: LintResult[] = [];
  // Last year's reports the configs name, each read once.
  const previousReports = new Map<string, NonNullable<LintOptions['previous']>>();
  for (const path of paths) {
    const filePath = resolve(cwd, path);
    const resolved = project.configFor(filePath);
    if ((ignore ?? true) && resolved.ignored) continue;
    const config: FzlintConfig = resolved.config;
    const display = project.displayPath(filePath);
    const read = await readReportFile(filePath, display, { readers: project.readers });
    if (!read.ok) {
      if (read.reason === 'empty') continue;
      const locale = options.locale ?? config.locale ?? 'zh-CN';
      results.push(fatalResult(filePath, readErrorText(read.reason, read.problem, display, locale), locale));
      continue;
    }
    let previous = lintOptions.previous;
    const named = config.previousReport;
    if (previous === undefined && named !== undefined && named !== filePath) {
      previous = previousReports.get(named);
      if (!previous) {
        const last = await readReportFile(named, project.displayPath(named), { readers: project.readers });
        if (!last.ok) {
          const locale = options.locale ?? config.locale ?? 'zh-CN';
          const file = project.configFor(filePath).files.at(-1);
          throw configError(locale, file !== undefined ? project.displayPath(file) : undefined, 'previousReport', 'previousUnusable', {
            detail: previousDetail(last, project.displayPath(named), locale),
          });
        }
        previous = { text: last.text, filePath: named, format: last.format };
        previousReports.set(named, previous);
      }
    }
    const result = lint(read.text, { ...lintOptions, filePath, format: read.format, config, ...(previous ? { previous } : {}) });
    results.push(read.sourceMap ? { ...result, diagnostics: remapDiagnostics(result.diagnostics, read.sourceMap) } : result);
  }
  return results;
}

/**
 * Writes the fixed text of every result that has one (ESLint's `outputFixes`), as
 * UTF-8. (`createFzlint(…).outputFixes` writes each file back in its own encoding.)
 */
export async function outputFixes(results: readonly LintResult[]): Promise<void> {
  await Promise.all(
    results.map((r) => (r.output !== undefined && r.filePath !== undefined ? fsp.writeFile(r.filePath, r.output, 'utf8') : undefined)),
  );
}

/**
 * Reads a bulk suppressions file; a missing file is an empty set. Throws a
 * one-line `ConfigError` on bad contents, in `options.locale` (default zh-CN).
 */
export function readSuppressions(file: string, options: ParseSuppressionsOptions = {}): Suppressions {
  const locale = options.locale ?? 'zh-CN';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    throw configError(locale, file, undefined, 'invalidJson', { location: jsonErrorLocation(text, message, locale), error: message }, e);
  }
  return parseSuppressions(value, file, { locale });
}

/** Writes a bulk suppressions file (sorted keys, two-space indent, final newline). */
export async function writeSuppressions(file: string, suppressions: Suppressions): Promise<void> {
  await fsp.writeFile(file, `${JSON.stringify(suppressions, null, 2)}\n`, 'utf8');
}

export {
  applySuppressions,
  buildSuppressions,
  pruneSuppressions,
  SUPPRESSIONS_FILE,
  type ParseSuppressionsOptions,
  type Suppressions,
} from './suppressions.js';
