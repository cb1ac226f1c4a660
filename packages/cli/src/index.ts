/**
 * `@fzlint/cli`: the `fzlint` command, usable as a library (`main(argv, io)`)
 * by tools that want the CLI's behaviour without spawning a process.
 */
export { main, cliVersion, type CliIo, type CliWritable } from './cli.js';
export { parseCliArgs, parseRuleOption, parseFormatOption, FORMATTER_NAMES, type CliOptions, type FormatTarget, type ParsedArgs } from './args.js';
export { resolveFiles, loadIgnoreMatcher, IgnoreMatcher, REPORT_EXTENSIONS, IGNORE_FILE, type FileTarget, type ResolvedFiles } from './files.js';
export { readReport, decodeReport, encodeReport, MAX_FILE_BYTES, type ReadResult, type TextEncoding } from './read.js';
export { message, line, type CliLocale, type CliProblem, type MessageId } from './messages.js';
export { LintCache, resolveCacheLocation, DEFAULT_CACHE_DIR, type CacheFile } from './cache.js';
export { poolSize, runInWorkers, AUTO_WORKER_MIN_FILES } from './workers.js';
export { buildOutline, formatOutline, type Outline, type OutlineSection } from './inspect.js';
