import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FormattableResult, FzlintConfig } from '@fzlint/linter';
import type { ReportDocument } from '@fzlint/parser';
import { parseCliArgs, type CliOptions, type FormatTarget } from './args.js';
import type { ConfigResolver } from './config.js';
import type { FileTarget, IgnoreMatcher } from './files.js';
import type { LintTask, LintTaskOutcome } from './lint-task.js';
import type { Settled } from './workers.js';
import { line, problem, type CliLocale, type CliProblem } from './messages.js';
import type { SourceMap } from './input/position.js';
import type { ReadResult, TextEncoding } from './read.js';
import type { FileMeta } from './cache.js';
import type { SerializedResult } from './result.js';

/**
 * Modules every lint run needs but `--help` and `--version` do not (globbing,
 * iconv, hashing): loaded on first use so the start-up stays small.
 */
async function loadModules() {
  const [config, files, read, cache, workers, position] = await Promise.all([
    import('./config.js'),
    import('./files.js'),
    import('./read.js'),
    import('./cache.js'),
    import('./workers.js'),
    import('./input/position.js'),
  ]);
  return {
    loadConfigResolver: config.loadConfigResolver,
    loadIgnoreMatcher: files.loadIgnoreMatcher,
    resolveFiles: files.resolveFiles,
    decodeReport: read.decodeReport,
    encodeReport: read.encodeReport,
    readReport: read.readReport,
    readInput: read.readInput,
    readBytes: read.readBytes,
    convertRead: read.convertRead,
    convertedKind: read.convertedKind,
    toSourcePosition: position.toSourcePosition,
    writeReport: read.writeReport,
    hashOf: cache.hashOf,
    LintCache: cache.LintCache,
    resolveCacheLocation: cache.resolveCacheLocation,
    poolSize: workers.poolSize,
    WorkerPool: workers.WorkerPool,
  };
}

let M: Awaited<ReturnType<typeof loadModules>>;

/** Forward slashes for paths shown to users and stored in files. */
function posix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A stream the CLI writes to. */
export interface CliWritable {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** What `main` talks to instead of `process` (tests pass their own). */
export interface CliIo {
  readonly stdout: CliWritable;
  readonly stderr: CliWritable;
  readonly cwd: string;
  /** Standard input for `--stdin`: a stream, or the text itself. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | string;
  /** Environment (for `NO_COLOR` / `FORCE_COLOR`); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

let version: string | undefined;

/** The version of this package, from its package.json (found upward: dist/ or a bundle folder below it). */
export function cliVersion(): string {
  if (version !== undefined) return version;
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@fzlint/cli' && pkg.version) return (version = pkg.version);
    } catch {
      // Try the next folder up.
    }
  }
  return (version = '0.0.0');
}

/** A file read and ready to lint, with what is needed to write a fix back. */
interface Prepared {
  readonly target: FileTarget;
  readonly display: string;
  readonly text: string;
  readonly encoding: TextEncoding;
  /** SHA-256 of the bytes, computed on first use (a metadata cache hit never needs it). */
  readonly contentHash: () => string;
  /** Size and mtime taken before reading (so a write during the run is seen next time). */
  readonly meta?: FileMeta;
  readonly task: LintTask;
  readonly configHash: string;
  /** Set for converted `.docx`/`.html` input (never written back). */
  readonly source?: SourceMap;
}

/** A linted file: its result and where it came from. */
interface Linted {
  readonly prepared: Prepared;
  readonly result: SerializedResult;
}

class Reporter {
  errors = 0;
  constructor(
    private readonly io: CliIo,
    readonly locale: CliLocale,
  ) {}

  private readonly seen = new Set<string>();

  report(p: CliProblem): void {
    if (p.level === 'error') this.errors++;
    const text = line(this.locale, p.id, p.data);
    // One broken config is met by every file below it: say it once.
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.io.stderr.write(`${text}\n`);
  }
}

/**
 * Runs the `fzlint` command. Returns the exit code (0 clean, 1 lint errors or
 * too many warnings, 2 usage/config/input problems) and never calls
 * `process.exit`: the caller decides, so tests can run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`${line(parsed.locale, parsed.problem.id, parsed.problem.data)}\n`);
    return 2;
  }
  const options = parsed.options;
  const locale: CliLocale = options.locale ?? 'zh-CN';
  const reporter = new Reporter(io, locale);
  try {
    if (options.command !== 'help' && options.command !== 'version') M = await loadModules();
    switch (options.command) {
      case 'help':
        return await printHelp(io, locale);
      case 'version':
        io.stdout.write(`${cliVersion()}\n`);
        return 0;
      case 'print-config':
        return await printConfig(options, io, reporter);
      case 'inspect':
        return await inspect(options, io, reporter);
      case 'convert':
        return await convertCommand(options, io, reporter);
      case 'score': {
        const { scoreCommand } = await import('./score-command.js');
        return await scoreCommand(options, io, {
          report: (p) => reporter.report(p),
          errors: () => reporter.errors,
          withOverrides,
          loadConfigResolver: M.loadConfigResolver,
          loadIgnoreMatcher: M.loadIgnoreMatcher,
          resolveFiles: M.resolveFiles,
          readInput: M.readInput,
          displayPath,
        });
      }
      case 'lint':
        return await lintCommand(options, io, reporter);
    }
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    if (err.name === 'ConfigError') reporter.report(problem('configError', { detail: err.message }));
    else reporter.report(problem('internalError', { detail: err.message }));
    return 2;
  }
}

async function printHelp(io: CliIo, locale: CliLocale): Promise<number> {
  const { helpText } = await import('./help.js');
  let rules: { id: string; family: string; description: { 'zh-CN': string; en: string } }[] | undefined;
  try {
    const mod = await import('@fzlint/rules');
    rules = mod.rules.map((r) => ({ id: r.meta.id, family: r.meta.family, description: r.meta.description }));
  } catch {
    rules = undefined;
  }
  io.stdout.write(helpText(locale, rules));
  return 0;
}

/** Command-line overrides merged over a file's config (they win, as in ESLint). */
function withOverrides(config: FzlintConfig, options: CliOptions): FzlintConfig {
  const hasRules = Object.keys(options.rules).length > 0;
  return {
    ...config,
    ...(hasRules ? { rules: { ...config.rules, ...options.rules } } : {}),
    ...(options.reportYear !== undefined ? { reportYear: options.reportYear } : {}),
    ...(options.writingDate !== undefined
      ? {
          writingDate: `${options.writingDate.year}-${String(options.writingDate.month).padStart(2, '0')}-${String(options.writingDate.day).padStart(2, '0')}`,
        }
      : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
  };
}

/** Checks `--rule` values against the rules and their option schemas (a usage error, exit 2). */
async function validRuleOverrides(options: CliOptions, reporter: Reporter): Promise<boolean> {
  if (Object.keys(options.rules).length === 0) return true;
  const { validateConfig } = await import('@fzlint/linter');
  try {
    validateConfig({ rules: options.rules }, { file: '--rule', locale: locale(options) });
    return true;
  } catch (error) {
    reporter.report(problem('badRuleOverride', { detail: (error as Error).message }));
    return false;
  }
}

async function printConfig(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  if (!(await validRuleOverrides(options, reporter))) return 2;
  const resolver = await M.loadConfigResolver(io.cwd, options.config, locale(options));
  const file = resolve(io.cwd, options.printConfig ?? '.');
  const resolved = resolver.configFor(file);
  if (!resolved.ok) {
    reporter.report(problem('configError', { detail: resolved.message }));
    return 2;
  }
  const config = withOverrides(resolved.config, options);
  io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
  return 0;
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const input = io.stdin;
  if (input === undefined) return new Uint8Array();
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/**
 * Standard input as a report: converted when `--stdin-filename` names a
 * `.docx` or `.html`, else decoded as text.
 */
async function decodeStdin(bytes: Uint8Array, name: string, options: CliOptions): Promise<ReadResult> {
  const kind = options.stdinFilename !== undefined ? M.convertedKind(options.stdinFilename) : undefined;
  if (kind) return M.convertRead(bytes, kind, name);
  const decoded = M.decodeReport(bytes, name);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, problem: problem(decoded.reason === 'binary' ? 'binary' : 'undecodable', { path: name }) };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, bytes, ...(decoded.notice ? { notice: decoded.notice } : {}) };
}

async function readStdinInput(io: CliIo, options: CliOptions): Promise<ReadResult> {
  const name = options.stdinFilename ?? '<stdin>';
  const bytes = await readStdin(io);
  if (bytes.length === 0) return { ok: false, reason: 'empty', problem: problem('empty', { path: name }) };
  return decodeStdin(bytes, name, options);
}

/** `fzlint convert FILE.docx [-o FILE.md]`: the Markdown fzlint lints, as a draft to go on with. */
async function convertCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const arg = options.patterns[0] ?? '';
  const path = resolve(io.cwd, arg);
  const kind = M.convertedKind(path);
  if (kind === undefined) {
    reporter.report(problem('convertFormat', { path: arg }));
    return 2;
  }
  const bytes = await M.readBytes(path, arg);
  if (!bytes.ok) {
    reporter.report(bytes.reason === 'vanished' ? problem('missingPath', { path: arg }) : bytes.problem);
    return 2;
  }
  const read = await M.convertRead(bytes.bytes, kind, arg);
  if (!read.ok) {
    reporter.report({ ...read.problem, level: 'error' });
    return 2;
  }
  if (options.outputFile === undefined) {
    io.stdout.write(read.text);
    return 0;
  }
  const failed = await writeText(resolve(io.cwd, options.outputFile), read.text);
  if (failed) {
    reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
    return 2;
  }
  return 0;
}

async function inspect(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const [{ parse }, { buildOutline, formatOutline }] = await Promise.all([import('@fzlint/parser'), import('./inspect.js')]);
  let text: string;
  let filePath: string | undefined;
  let display: string;
  let source: SourceMap | undefined;
  if (options.stdin) {
    const read = await readStdinInput(io, options);
    if (!read.ok) {
      reporter.report(read.problem);
      return 2;
    }
    if (read.notice) reporter.report(read.notice);
    text = read.text;
    source = read.source;
    filePath = options.stdinFilename !== undefined ? resolve(io.cwd, options.stdinFilename) : undefined;
    display = options.stdinFilename ?? '<stdin>';
  } else {
    const arg = options.patterns[0] ?? '';
    filePath = resolve(io.cwd, arg);
    display = arg;
    const read = await M.readInput(filePath, display);
    if (!read.ok) {
      reporter.report(read.reason === 'vanished' ? problem('missingPath', { path: display }) : read.problem);
      return 2;
    }
    if (read.notice) reporter.report(read.notice);
    text = read.text;
    source = read.source;
  }
  // Report year and writing date come from the options, then the config, then the text.
  const resolver = await M.loadConfigResolver(io.cwd, options.config, locale(options));
  const resolved = resolver.configFor(filePath ?? resolve(io.cwd, 'stdin.md'));
  if (!resolved.ok) {
    reporter.report(problem('configError', { detail: resolved.message }));
    return 2;
  }
  const config = withOverrides(resolved.config, options);
  const writingDate = config.writingDate !== undefined ? parseDate(config.writingDate) : undefined;
  const document: ReportDocument = parse(text, {
    ...(filePath !== undefined ? { filePath } : {}),
    ...(source ? { format: 'markdown' as const } : {}),
    ...(config.reportYear !== undefined ? { reportYear: config.reportYear } : {}),
    ...(writingDate !== undefined ? { writingDate } : {}),
  });
  const outline = buildOutline(document, display, source);
  const format = options.formats[0]?.name ?? 'text';
  const out = format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : formatOutline(outline, locale(options));
  io.stdout.write(out);
  return reporter.errors > 0 ? 2 : 0;
}

function locale(options: CliOptions): CliLocale {
  return options.locale ?? 'zh-CN';
}

function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

function displayPath(cwd: string, absPath: string): string {
  const rel = posix(relative(cwd, absPath));
  return rel === '' ? '.' : rel;
}

/** Stable JSON (sorted keys) so equal configs hash equally. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value instanceof RegExp) return JSON.stringify(String(value));
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

async function lintCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const version = cliVersion();
  let resolver: ConfigResolver;
  try {
    resolver = await M.loadConfigResolver(io.cwd, options.config, locale(options));
  } catch (error) {
    reporter.report(problem('notBuilt', { module: '@fzlint/linter', detail: (error as Error).message }));
    return 2;
  }
  if (!(await validRuleOverrides(options, reporter))) return 2;
  if (resolver.fatal) {
    // `--config` itself is unusable: no file can be linted with it.
    reporter.report(problem('configError', { detail: resolver.fatal }));
    return 2;
  }
  const fix = options.fix || options.fixDryRun;
  const ignore: IgnoreMatcher = M.loadIgnoreMatcher(io.cwd, options.ignore);

  // Loaded first: reading a file records its metadata only when there is a cache.
  const cache = options.cache ? await M.LintCache.load(M.resolveCacheLocation(io.cwd, options.cacheLocation), version) : undefined;
  if (cache) cache.strategy = options.cacheStrategy;

  // 1. Inputs. The config (and its ignorePatterns) is looked up before a file
  // is read, so an ignored file is never read and never complained about.
  const prepared: Prepared[] = [];
  const configOf = (target: FileTarget, display: string): FzlintConfig | undefined => {
    const resolved = resolver.configFor(target.path);
    if (!resolved.ok) {
      reporter.report(problem('configError', { detail: resolved.message }));
      return undefined;
    }
    if (options.ignore && resolved.ignored) {
      if (target.explicit) reporter.report(problem('ignoredFile', { path: display, source: 'ignorePatterns' }, 'warning'));
      return undefined;
    }
    return resolved.config;
  };
  // Without a cache, workers start as soon as the files are listed and lint while
  // the rest are read (with a cache, only the misses known after reading need them).
  let earlyPool: InstanceType<typeof M.WorkerPool<LintTask, LintTaskOutcome>> | undefined;
  const submitted = new Map<number, Promise<Settled<LintTaskOutcome>>>();
  // Files under one config share one resolved object: derive and hash it once, not per file.
  const derived = new WeakMap<FzlintConfig, { config: FzlintConfig; configHash: string }>();
  const prepare = (
    target: FileTarget,
    fileConfig: FzlintConfig,
    text: string,
    encoding: TextEncoding,
    bytes: Uint8Array,
    display: string,
    source?: SourceMap,
    meta?: FileMeta,
  ): void => {
    let d = derived.get(fileConfig);
    if (!d) {
      const merged = withOverrides(fileConfig, options);
      // `fix` is left out: a result without fixes is the same with or without --fix.
      d = { config: merged, configHash: M.hashOf(stableStringify({ config: merged, version })) };
      derived.set(fileConfig, d);
    }
    const { config, configHash } = d;
    if (source && options.fix) reporter.report(problem('fixConverted', { path: display }, 'warning'));
    const task: LintTask = {
      filePath: target.path,
      text,
      config,
      ...(options.reportYear !== undefined ? { reportYear: options.reportYear } : {}),
      ...(options.writingDate !== undefined ? { writingDate: options.writingDate } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      // --fix never rewrites a Word or web file; --fix-dry-run shows the fixed Markdown.
      fix: source ? options.fixDryRun : fix,
      ...(source ? { source } : {}),
    };
    let hash: string | undefined;
    const contentHash = (): string => (hash ??= M.hashOf(bytes));
    // Without a cache every file is linted: hand it to the (already started) pool now.
    if (earlyPool) submitted.set(prepared.length, earlyPool.submit(task));
    prepared.push({ target, display, text, encoding, contentHash, task, configHash, ...(meta ? { meta } : {}), ...(source ? { source } : {}) });
  };

  let stdinPath: string | undefined;
  if (options.stdin) {
    const bytes = await readStdin(io);
    const name = options.stdinFilename ?? '<stdin>';
    stdinPath = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    const decoded = bytes.length === 0 ? undefined : await decodeStdin(bytes, name, options);
    if (decoded === undefined) reporter.report(problem('empty', { path: name }, 'warning'));
    else if (!decoded.ok) reporter.report(decoded.problem);
    else {
      if (decoded.notice) reporter.report(decoded.notice);
      const target: FileTarget = { path: stdinPath, explicit: true };
      const verdict = options.stdinFilename !== undefined ? ignore.ignores(stdinPath) : undefined;
      const fileConfig = verdict ? undefined : configOf(target, name);
      if (verdict) reporter.report(problem('ignoredFile', { path: name, source: verdict.source }, 'warning'));
      else if (fileConfig) prepare(target, fileConfig, decoded.text, decoded.encoding, bytes, name, decoded.source);
    }
  } else {
    const patterns = options.patterns.length > 0 ? options.patterns : ['.'];
    const found = await M.resolveFiles(patterns, { cwd: io.cwd, ignore });
    for (const p of found.problems) reporter.report(p);
    // Reads overlap (a few at a time, so the thread pool's I/O is not idle between
    // files); problems and files are still handled in listing order.
    const reads = found.files.map((target) => {
      const display = displayPath(io.cwd, target.path);
      return { target, display, fileConfig: configOf(target, display) };
    });
    if (!cache) {
      const size = M.poolSize(reads.filter((r) => r.fileConfig).length, options.concurrency);
      if (size > 1) earlyPool = new M.WorkerPool<LintTask, LintTaskOutcome>(new URL('./worker.js', import.meta.url), size);
    }
    const load = async (r: (typeof reads)[number]) => {
      if (!r.fileConfig) return undefined;
      // The read takes size and mtime from the open file before its content, so a
      // write in between is seen by the next run (and no second stat is needed).
      const read = await M.readInput(r.target.path, r.display);
      return { meta: cache && read.ok ? read.meta : undefined, read };
    };
    try {
      const inFlight: Promise<Awaited<ReturnType<typeof load>>>[] = [];
      for (let i = 0; i < Math.min(READ_AHEAD, reads.length); i++) inFlight.push(load(reads[i] as (typeof reads)[number]));
      for (let i = 0; i < reads.length; i++) {
        const r = reads[i] as (typeof reads)[number];
        const loaded = await (inFlight[i] as Promise<Awaited<ReturnType<typeof load>>>);
        delete inFlight[i];
        if (i + READ_AHEAD < reads.length) inFlight[i + READ_AHEAD] = load(reads[i + READ_AHEAD] as (typeof reads)[number]);
        if (!loaded || !r.fileConfig) continue;
        const { read, meta } = loaded;
        if (!read.ok) {
          reporter.report(read.problem);
          continue;
        }
        if (read.notice) reporter.report(read.notice);
        prepare(r.target, r.fileConfig, read.text, read.encoding, read.bytes, r.display, read.source, meta);
      }
    } catch (error) {
      // Running threads would keep the process alive.
      await earlyPool?.close();
      throw error;
    }
    // Nothing to lint and nothing said why (an ignored file named explicitly already got its warning).
    if (found.files.length === 0 && found.problems.length === 0) reporter.report(problem('noFiles', {}));
  }

  // 2. Lint: cache hits first, the rest in this thread or in workers.
  if (cache?.discarded) reporter.report(problem('cacheUnusable', { path: displayPath(io.cwd, cache.location) }, 'warning'));
  const outcomes: (SerializedResult | undefined)[] = new Array<SerializedResult | undefined>(prepared.length);
  const pending: number[] = [];
  prepared.forEach((p, i) => {
    const hit = p.target.path === stdinPath ? undefined : cache?.get(p.target.path, p.contentHash, p.configHash, fix ? hasNoFix : undefined, p.meta);
    if (hit) outcomes[i] = hit;
    else pending.push(i);
  });
  const size = M.poolSize(pending.length, options.concurrency);
  let settled: LintTaskOutcome[];
  const tasks = pending.map((i) => (prepared[i] as Prepared).task);
  const fromPool = (r: Settled<LintTaskOutcome>): LintTaskOutcome => (r.ok ? r.value : { ok: false, configError: false, message: r.error });
  if (earlyPool) {
    const pool = earlyPool;
    try {
      settled = (await Promise.all(pending.map((i) => submitted.get(i) ?? pool.submit((prepared[i] as Prepared).task)))).map(fromPool);
    } finally {
      await pool.close();
    }
  } else if (size > 1) {
    const { runInWorkers } = await import('./workers.js');
    const raw = await runInWorkers<LintTask, LintTaskOutcome>(new URL('./worker.js', import.meta.url), tasks, size);
    settled = raw.map(fromPool);
  } else {
    const { runLintTask } = await import('./lint-task.js');
    settled = [];
    for (const task of tasks) settled.push(await runLintTask(task));
  }
  pending.forEach((index, k) => {
    const outcome = settled[k];
    const p = prepared[index] as Prepared;
    if (!outcome) return;
    if (outcome.ok) {
      outcomes[index] = outcome.result;
      if (cache && p.target.path !== stdinPath && outcome.result.ruleFailures.length === 0 && outcome.result.output === undefined) {
        cache.set(p.target.path, p.contentHash(), p.configHash, outcome.result, p.meta);
      }
    } else if (outcome.configError) {
      reporter.report(problem('configError', { detail: outcome.message }));
    } else {
      reporter.report(problem('lintFailed', { path: p.display, detail: outcome.message }));
    }
  });

  // 3. Fixes.
  const linted: Linted[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const result = outcomes[i];
    const p = prepared[i] as Prepared;
    if (!result) continue;
    linted.push({ prepared: p, result });
    if (options.fix && result.output !== undefined && p.target.path !== stdinPath && !p.source) {
      const failed = await M.writeReport(p.target.path, p.display, result.output, p.encoding);
      if (failed) reporter.report(failed);
      else if (cache && result.ruleFailures.length === 0) {
        // The file now holds the output; the remaining findings are for it.
        cache.set(p.target.path, M.hashOf(readBackBytes(result.output, p.encoding)), p.configHash, withoutOutput(result), await statMeta(p.target.path));
      }
    }
  }
  if (cache) {
    const failed = await cache.save();
    if (failed) reporter.report(problem('writeFailed', { path: displayPath(io.cwd, cache.location), code: failed }, 'warning'));
  }

  // 4. Results as the formatters and suppressions want them.
  let results: FormattableResult[] = linted.map(({ prepared: p, result }) => toFormattable(p, result, stdinPath));
  results = await handleSuppressions(results, options, io, reporter);
  if (options.quiet) {
    const { countDiagnostics } = await import('@fzlint/linter');
    results = results.map((r) => {
      const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
      return { ...r, diagnostics, ...countDiagnostics(diagnostics) };
    });
  }

  // 5. Output.
  await writeOutputs(results, options, io, reporter);

  // 6. Exit code.
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  }
  if (reporter.errors > 0) return 2;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    reporter.report(problem('tooManyWarnings', { count: warningCount, max: options.maxWarnings }, 'warning'));
    return 1;
  }
  return 0;
}

/** How many files are read at once. */
const READ_AHEAD = 16;

/** A file's size and mtime, or undefined when it cannot be stat'ed (the read reports why). */
async function statMeta(path: string): Promise<FileMeta | undefined> {
  try {
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

function withoutOutput(result: SerializedResult): SerializedResult {
  const copy: { -readonly [K in keyof SerializedResult]?: SerializedResult[K] } = { ...result };
  delete copy.output;
  return copy as SerializedResult;
}

function hasNoFix(result: SerializedResult): boolean {
  return !result.diagnostics.some((d) => d.fix !== undefined);
}

function readBackBytes(text: string, encoding: TextEncoding): Uint8Array {
  // Same bytes `writeReport` wrote, so the next run's content hash matches.
  return M.encodeReport(text, encoding);
}

/**
 * A result for the formatters and suppression helpers. The parsed document is
 * not carried across workers or the cache, and formatters read at most its line
 * index; crashed rules are already `fzlint/rule-error` findings.
 */
function toFormattable(p: Prepared, result: SerializedResult, stdinPath: string | undefined): FormattableResult {
  const isStdin = p.target.path === stdinPath;
  const filePath = isStdin && p.display === '<stdin>' ? undefined : p.target.path;
  return {
    ...(filePath !== undefined ? { filePath } : {}),
    source: p.text,
    diagnostics: result.diagnostics,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
    // Converted input: the one place a formatter turns offsets into lines itself (SARIF's
    // related locations) must count paragraphs too, so it gets a line index that does.
    ...(p.source ? { document: { lineIndex: paragraphIndex(p.text, p.source) } } : {}),
  };
}

/** Offsets of converted Markdown to paragraph numbers (SARIF related locations). */
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
      return M.toSourcePosition(source, { line: lo + 1, column: offset - (starts[lo] as number) + 1 });
    },
  };
}

async function handleSuppressions(
  results: FormattableResult[],
  options: CliOptions,
  io: CliIo,
  reporter: Reporter,
): Promise<FormattableResult[]> {
  const node = await import('@fzlint/linter');
  const location = resolve(io.cwd, options.suppressionsLocation ?? node.SUPPRESSIONS_FILE);
  const suppressionsCwd = dirname(location);
  const display = displayPath(io.cwd, location);
  if (options.suppressAll) {
    const built = node.buildSuppressions(results, { cwd: suppressionsCwd });
    // Keep entries of files not linted this time (ESLint merges the same way).
    const previous = await readSuppressions(location, display, node.parseSuppressions, reporter, true, locale(options));
    const linted = new Set(results.map((r) => (r.filePath !== undefined ? posix(relative(suppressionsCwd, r.filePath)) : '')));
    const merged: Record<string, Record<string, { count: number }>> = {};
    for (const [file, rules] of Object.entries(previous ?? {})) if (!linted.has(file)) merged[file] = rules;
    Object.assign(merged, built);
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const failed = await writeText(location, `${JSON.stringify(sorted, null, 2)}\n`);
    if (failed) {
      reporter.report(problem('writeFailed', { path: display, code: failed }));
      return results;
    }
    let count = 0;
    for (const rules of Object.values(built)) for (const r of Object.values(rules)) count += r.count;
    reporter.report(problem('suppressedWritten', { count, path: display }, 'warning'));
    return node.applySuppressions(results, sorted, { cwd: suppressionsCwd }).results;
  }
  const existing = await readSuppressions(location, display, node.parseSuppressions, reporter, false, locale(options));
  if (!existing) return results;
  if (options.pruneSuppressions) {
    const pruned = node.pruneSuppressions(existing, results, { cwd: suppressionsCwd });
    let before = 0;
    let after = 0;
    for (const rules of Object.values(existing)) for (const r of Object.values(rules)) before += r.count;
    for (const rules of Object.values(pruned)) for (const r of Object.values(rules)) after += r.count;
    const failed = await writeText(location, `${JSON.stringify(pruned, null, 2)}\n`);
    if (failed) reporter.report(problem('writeFailed', { path: display, code: failed }));
    else reporter.report(problem('suppressionsPruned', { count: before - after, path: display }, 'warning'));
    return node.applySuppressions(results, pruned, { cwd: suppressionsCwd }).results;
  }
  return node.applySuppressions(results, existing, { cwd: suppressionsCwd }).results;
}

async function readSuppressions(
  location: string,
  display: string,
  parseSuppressions: typeof import('@fzlint/linter').parseSuppressions,
  reporter: Reporter,
  quietOnBad: boolean,
  locale: CliLocale,
): Promise<Record<string, Record<string, { count: number }>> | undefined> {
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseSuppressions(JSON.parse(text), display, { locale });
  } catch (error) {
    if (!quietOnBad) reporter.report(problem('configError', { detail: (error as Error).message }));
    return undefined;
  }
}

async function writeText(path: string, text: string): Promise<string | undefined> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

async function writeOutputs(results: FormattableResult[], options: CliOptions, io: CliIo, reporter: Reporter): Promise<void> {
  const { getFormatter, shouldUseColor } = await import('@fzlint/linter');
  const env = io.env ?? {};
  const toStdout: string[] = [];
  const toOutputFile: string[] = [];
  for (const target of options.formats as readonly FormatTarget[]) {
    const formatter = getFormatter(target.name);
    if (!formatter) continue; // args.ts already rejected unknown names.
    const destination = target.path ?? options.outputFile;
    const color = destination === undefined && (options.color ?? shouldUseColor(io.stdout, env));
    const text = formatter(results, { cwd: io.cwd, color, locale: locale(options) });
    if (target.path !== undefined) {
      const path = resolve(io.cwd, target.path);
      const failed = await writeText(path, text);
      if (failed) reporter.report(problem('writeFailed', { path: target.path, code: failed }));
    } else if (options.outputFile !== undefined) {
      toOutputFile.push(text);
    } else {
      toStdout.push(text);
    }
  }
  if (options.outputFile !== undefined && toOutputFile.length > 0) {
    const failed = await writeText(resolve(io.cwd, options.outputFile), toOutputFile.join('\n'));
    if (failed) reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
  }
  for (const text of toStdout) if (text !== '') io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
