/**
 * The command line's options → the project API (`@fzlint/linter/node`'s
 * `createFzlint`), loaded on first use so `--help` and `--version` stay small.
 */
import { resolve } from 'node:path';
import type { ConfigOverrides, Fzlint, PreviousText } from '@fzlint/linter/node';
import type { CliOptions } from './args.js';
import type { CliIo } from './io.js';
import { problem, type CliLocale } from './messages.js';
import type { Reporter } from './reporter.js';
import { CLI_READERS } from './readers.js';
import { v8 } from './compile-cache.js';

/** Environment variable: the memory budget of one file, in MiB (default 2048; docs/robustness.md). */
export const MEMORY_BUDGET_ENV = 'FZLINT_MEMORY_BUDGET_MB';

/** The language of the command's messages. */
export function localeOf(options: CliOptions): CliLocale {
  return options.locale ?? 'zh-CN';
}

/** `YYYY-MM-DD` of a calendar date. */
function isoDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Command-line settings over every config file (they win, as in ESLint). */
export function overridesOf(options: CliOptions): ConfigOverrides {
  return {
    ...(Object.keys(options.rules).length > 0 ? { rules: options.rules } : {}),
    ...(options.reportYear !== undefined ? { reportYear: options.reportYear } : {}),
    ...(options.writingDate !== undefined ? { writingDate: isoDate(options.writingDate) } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
  };
}

/** Checks `--rule` values against the rules and their option schemas (a usage error, exit 2). */
async function validRuleOverrides(options: CliOptions, reporter: Reporter): Promise<boolean> {
  if (Object.keys(options.rules).length === 0) return true;
  const { validateConfig } = await import('@fzlint/linter');
  try {
    validateConfig({ rules: options.rules }, { file: '--rule', locale: localeOf(options) });
    return true;
  } catch (error) {
    reporter.report(problem('badRuleOverride', { detail: (error as Error).message }));
    return false;
  }
}

/**
 * `--previous LAST` checked before anything is linted: a path that names no file is a
 * usage error (exit 2), not a run compared with nothing. True when absent or usable.
 */
export async function checkPrevious(options: CliOptions, io: CliIo, reporter: Reporter): Promise<boolean> {
  if (options.previous === undefined) return true;
  const { stat } = await import('node:fs/promises');
  const { inputMessage } = await import('@fzlint/input');
  let problemId: 'missingPath' | 'notAFile' | undefined;
  try {
    if (!(await stat(resolve(io.cwd, options.previous))).isFile()) problemId = 'notAFile';
  } catch {
    problemId = 'missingPath';
  }
  if (problemId === undefined) return true;
  reporter.report(problem('previousUnusable', { detail: inputMessage({ id: problemId, data: { path: options.previous } }, localeOf(options)) }));
  return false;
}

/**
 * Last year's report given with `--previous`, read for one text (`--stdin`, `inspect`,
 * `score`), or undefined after reporting why it cannot be used.
 */
export async function readPrevious(fzlint: Fzlint, options: CliOptions, io: CliIo, reporter: Reporter): Promise<PreviousText | undefined> {
  if (options.previous === undefined) return undefined;
  const filePath = resolve(io.cwd, options.previous);
  const read = await fzlint.readReport(filePath, { name: options.previous });
  if (!read.ok) {
    const { inputMessage } = await import('@fzlint/input');
    const detail = read.problem.id === 'vanished' ? inputMessage({ id: 'missingPath', data: { path: options.previous } }, localeOf(options)) : inputMessage(read.problem, localeOf(options));
    reporter.report(problem('previousUnusable', { detail }));
    return undefined;
  }
  return { text: read.text, filePath, format: read.format, ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}) };
}

/**
 * The project for a run, or undefined after reporting why there is none (the
 * packages are not built, a bad `--rule`, an unusable `--config`).
 */
export async function openProject(options: CliOptions, io: CliIo, reporter: Reporter): Promise<Fzlint | undefined> {
  let createFzlint: typeof import('@fzlint/linter/node').createFzlint;
  try {
    ({ createFzlint } = await import('@fzlint/linter/node'));
  } catch (error) {
    reporter.report(problem('notBuilt', { module: '@fzlint/linter', detail: (error as Error).message }));
    return undefined;
  }
  if (!(await validRuleOverrides(options, reporter))) return undefined;
  if (!(await checkPrevious(options, io, reporter))) return undefined;
  const budget = Number(io.env?.[MEMORY_BUDGET_ENV] ?? '');
  const fzlint = createFzlint({
    cwd: io.cwd,
    readers: CLI_READERS,
    ...(Number.isInteger(budget) && budget > 0 ? { memoryBudgetMb: budget } : {}),
    locale: localeOf(options),
    // A run of its own: a pool of linting threads, or a few files' lint in this thread, may
    // tune V8 for the process (through the loader's binding: node:v8 would load the streams).
    tuneThreads: (flags) => v8().setFlagsFromString(flags),
    overrides: overridesOf(options),
    ignore: options.ignore,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
  });
  if (options.config !== undefined) {
    // With --config every file gets the same config: check it once, up front.
    try {
      fzlint.configFor(resolve(io.cwd, 'fzlint-probe.md'));
    } catch (error) {
      if ((error as Error).name !== 'ConfigError') throw error;
      reporter.report(problem('configError', { detail: (error as Error).message }));
      return undefined;
    }
  }
  return fzlint;
}
