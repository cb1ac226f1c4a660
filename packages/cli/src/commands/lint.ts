/**
 * `fzlint [options] <files|dirs|globs>`: the project API lints, the formatters
 * print, the findings decide the exit code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FormattableResult } from '@fzlint/linter';
import type { Fzlint, PreviousText } from '@fzlint/linter/node';
import type { CliOptions } from '../args.js';
import { readStdin, type CliIo } from '../io.js';
import { problem, type CliProblem } from '../messages.js';
import { handleSuppressions, memoCovers, outputMemoOf, readOutputMemo, writeOutputMemo, writeOutputs, type OutputMemo } from '../output.js';
import { openProject, readPrevious } from '../project.js';
import type { Reporter } from '../reporter.js';

/** Formatters that print findings by line and column only (JSON and SARIF carry the text or read positions from it). */
const POSITION_ONLY_FORMATS: ReadonlySet<string> = new Set(['stylish', 'github', 'gitlab']);

/** Runs the lint command; returns the exit code. */
export async function lintCommand(options: CliOptions, io: CliIo, reporter: Reporter): Promise<number> {
  const fzlint = await openProject(options, io, reporter);
  if (!fzlint) return 2;
  const [{ countDiagnostics }, { formattable }] = await Promise.all([import('@fzlint/linter/formatters'), import('@fzlint/linter/node')]);

  let results: FormattableResult[];
  /** Where this run's output is kept for the next run with nothing changed (see output.ts). */
  let memo: OutputMemo | undefined;
  /** The lint's snapshot, kept with the memo. */
  let snapshot: string | undefined;
  if (options.stdin) {
    results = await lintStdin(fzlint, options, io, reporter);
  } else {
    memo = await outputMemoOf(fzlint, options, io);
    const kept = memo ? readOutputMemo(memo) : undefined;
    try {
      const report = await fzlint.lintFiles(options.patterns, {
        concurrency: options.concurrency,
        cache: options.cache ? { ...(options.cacheLocation !== undefined ? { location: options.cacheLocation } : {}), strategy: options.cacheStrategy } : false,
        fix: options.fix ? true : options.fixDryRun ? 'dry-run' : false,
        ...(options.previous !== undefined ? { previous: options.previous } : {}),
        // Formatters that print positions only never read the text: a warm cache need not read the files.
        sources: options.fix || options.fixDryRun || options.formats.some((f) => !POSITION_ONLY_FORMATS.has(f.name)),
        // The files as the memo's run found them: then not even the cache is read.
        ...(kept?.header.snapshot !== undefined ? { unchangedSince: kept.header.snapshot } : {}),
      });
      reporter.reportAll(report.problems);
      if (memo) {
        // Nothing changed since the memo's run, or every result from the cache whose entries are
        // those the memo was printed from (it was read before the lint: one that wrote changed
        // entries removed it since): print it again.
        const same = report.unchanged === true || (report.results.every((r) => r.cached === true) && kept !== undefined && memoCovers(kept, report.results) && existsSync(memo.path));
        if (kept && same) {
          // Recorded once, so that the next run compares it before reading the cache.
          if (report.snapshot !== undefined && report.snapshot !== kept.header.snapshot) {
            const bytes = kept.bytes();
            if (bytes.length > 0) io.stdout.write(bytes);
            writeOutputMemo(memo, report.results, [bytes], kept.header, report.snapshot);
          } else {
            kept.print(io.stdout);
          }
          return exitCode(kept.header.errorCount, kept.header.warningCount, options, reporter);
        }
        // A result the cache did not keep is linted again next time, and a cache not written holds other entries: no memo then.
        if (report.problems.some((p) => p.id === 'writeFailed') || report.results.some((r) => r.cached !== true && (r.ruleFailures.length > 0 || r.output !== undefined))) memo = undefined;
      }
      snapshot = report.snapshot;
      if (options.fix) reporter.reportAll(await fzlint.outputFixes(report.results));
      results = report.results.map(formattable);
    } finally {
      kept?.close();
    }
  }

  // No report linted or printed (an empty, ignored or unreadable file): the bin's code caches are
  // then written light, not as a lint's (a warm run's cached results count: printing them is its kind).
  if (!results.some((r) => r.fatal !== true)) io.lintedNothing?.();
  results = await handleSuppressions(fzlint, results, options, reporter);
  if (options.quiet) {
    results = results.map((r) => {
      const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
      return { ...r, diagnostics, ...countDiagnostics(diagnostics) };
    });
  }
  const printed = await writeOutputs(results, options, io, reporter);

  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  }
  if (memo && reporter.errors === 0) writeOutputMemo(memo, results, printed, { errorCount, warningCount }, snapshot);
  return exitCode(errorCount, warningCount, options, reporter);
}

/** The exit code from the findings' counts and the problems reported. */
function exitCode(errorCount: number, warningCount: number, options: CliOptions, reporter: Reporter): number {
  if (reporter.errors > 0) return 2;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    reporter.report(problem('tooManyWarnings', { count: warningCount, max: options.maxWarnings }, 'warning'));
    return 1;
  }
  return 0;
}

/**
 * Standard input as one report: converted when `--stdin-filename` names a
 * `.docx` or `.html`, else decoded as text; linted with the config (and the
 * ignore rules) of `--stdin-filename`.
 */
async function lintStdin(fzlint: Fzlint, options: CliOptions, io: CliIo, reporter: Reporter): Promise<FormattableResult[]> {
  const bytes = await readStdin(io);
  const name = options.stdinFilename ?? '<stdin>';
  const filePath = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
  if (bytes.length === 0) {
    reporter.report(problem('empty', { path: name }, 'warning'));
    return [];
  }
  const read = await fzlint.readReport(bytes, { name });
  if (!read.ok) {
    reporter.report(read.problem);
    return [];
  }
  if (read.notice) reporter.report(read.notice);
  if (options.stdinFilename !== undefined) {
    const verdict = fzlint.ignoredBy(filePath);
    if (verdict) {
      reporter.report(problem('ignoredFile', { path: name, source: verdict.source }, 'warning'));
      return [];
    }
  }
  let previous: PreviousText | undefined;
  if (options.previous !== undefined) {
    previous = await readPrevious(fzlint, options, io, reporter);
    if (!previous) return [];
  }
  let result;
  try {
    result = await fzlint.lintText(read.text, {
      ...(previous ? { previous } : {}),
      filePath,
      // Converted input is Markdown whatever its name; text takes its format from the file name.
      ...(read.sourceMap ? { format: read.format, sourceMap: read.sourceMap } : {}),
      fix: options.fixDryRun,
    });
  } catch (error) {
    const err = error as Error & { problem?: CliProblem };
    if (err.name === 'InputBudgetError' && err.problem) {
      reporter.report(err.problem);
      return [];
    }
    if (err.name !== 'ConfigError') throw error;
    reporter.report(problem('configError', { detail: err.message }));
    return [];
  }
  const { formattable } = await import('@fzlint/linter/node');
  const { document: _document, ruleFailures, ...rest } = result;
  return [
    formattable({
      ...rest,
      filePath,
      displayPath: name,
      format: read.format,
      encoding: read.encoding,
      ruleFailures: ruleFailures.map((f) => ({ ruleId: f.ruleId, message: f.error.message })),
      ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}),
    }),
  ].map((r) => (options.stdinFilename === undefined ? withoutPath(r) : r));
}

/** Standard input without a file name is shown without a path (as ESLint's `<text>`). */
function withoutPath(result: FormattableResult): FormattableResult {
  const { filePath: _filePath, ...rest } = result;
  return rest;
}
