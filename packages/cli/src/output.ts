/** What a lint run writes: the formatters' output, and the bulk suppressions file. */
import { relative, resolve } from 'node:path';
import type { FormattableResult } from '@fzlint/linter';
import type { Fzlint, Suppressions } from '@fzlint/linter/node';
import type { CliOptions, FormatTarget } from './args.js';
import { writeText, type CliIo } from './io.js';
import { problem } from './messages.js';
import { localeOf } from './project.js';
import type { Reporter } from './reporter.js';

/** Forward slashes for paths stored in files. */
function posix(path: string): string {
  return path.split('\\').join('/');
}

function total(s: Suppressions): number {
  let count = 0;
  for (const rules of Object.values(s)) for (const r of Object.values(rules)) count += r.count;
  return count;
}

/** A suppressions file, or undefined when it is missing (or, `quietOnBad`, unusable). */
async function readExisting(fzlint: Fzlint, file: string, reporter: Reporter, quietOnBad: boolean): Promise<Suppressions | undefined> {
  try {
    return await fzlint.suppressions.read(file);
  } catch (error) {
    if (!quietOnBad) reporter.report(problem('configError', { detail: (error as Error).message }));
    return undefined;
  }
}

/**
 * `--suppress-all` (records every finding), `--prune-suppressions` (drops
 * entries fixed meanwhile), and otherwise hiding what the suppressions file
 * accepts (ESLint's bulk suppressions).
 */
export async function handleSuppressions(fzlint: Fzlint, results: FormattableResult[], options: CliOptions, reporter: Reporter): Promise<FormattableResult[]> {
  const s = fzlint.suppressions;
  const file = options.suppressionsLocation;
  const location = s.location(file);
  const display = fzlint.displayPath(location);
  if (options.suppressAll) {
    const built = s.build(results, file);
    // Keep entries of files not linted this time (ESLint merges the same way).
    const previous = await readExisting(fzlint, location, reporter, true);
    const base = resolve(location, '..');
    const linted = new Set(results.map((r) => (r.filePath !== undefined ? posix(relative(base, r.filePath)) : '')));
    const merged: Suppressions = {};
    for (const [name, rules] of Object.entries(previous ?? {})) if (!linted.has(name)) merged[name] = rules;
    Object.assign(merged, built);
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const failed = await s.write(sorted, file);
    if (failed) {
      reporter.report(failed);
      return results;
    }
    reporter.report(problem('suppressedWritten', { count: total(built), path: display }, 'warning'));
    return s.apply(results, sorted, file).results;
  }
  const existing = await readExisting(fzlint, location, reporter, false);
  if (!existing) return results;
  if (options.pruneSuppressions) {
    const pruned = s.prune(existing, results, file);
    const failed = await s.write(pruned, file);
    if (failed) reporter.report(failed);
    else reporter.report(problem('suppressionsPruned', { count: total(existing) - total(pruned), path: display }, 'warning'));
    return s.apply(results, pruned, file).results;
  }
  return s.apply(results, existing, file).results;
}

/** Runs each requested formatter and prints or writes its output. */
export async function writeOutputs(results: FormattableResult[], options: CliOptions, io: CliIo, reporter: Reporter): Promise<void> {
  // Position-only formatters without the engine (a warm --cache run loads no parser or rule); JSON and SARIF from the package.
  const front = await import('@fzlint/linter/formatters');
  const { shouldUseColor } = front;
  const needsEngine = options.formats.some((f) => f.name !== 'stylish' && f.name !== 'github' && f.name !== 'gitlab');
  const getFormatter = needsEngine ? (await import('@fzlint/linter')).getFormatter : (name: string) => front[name as 'stylish' | 'github' | 'gitlab'];
  const env = io.env ?? {};
  const toStdout: string[] = [];
  const toOutputFile: string[] = [];
  for (const target of options.formats as readonly FormatTarget[]) {
    const formatter = getFormatter(target.name);
    if (!formatter) continue; // args.ts already rejected unknown names.
    const destination = target.path ?? options.outputFile;
    const color = destination === undefined && (options.color ?? shouldUseColor(io.stdout, env));
    const text = formatter(results, { cwd: io.cwd, color, locale: localeOf(options) });
    if (target.path !== undefined) {
      const failed = await writeText(resolve(io.cwd, target.path), text);
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
