/**
 * Files, folders and globs → the reports to lint, in argument order, without
 * duplicates, each problem (a missing path, a glob with no match, a folder
 * with no report, an ignored file named explicitly) as one `InputProblem`.
 */
import { readdir, stat, statSync, type Dirent, type Stats } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_READERS, inputProblem, isReportFileName, isSkippedDirName, safeGlobPattern, type InputProblem, type ReportReader } from '@fzlint/input';
import { joinName } from './fast-path.js';
import { toPosix, type IgnoreVerdict } from './ignore.js';

/** A file to lint. */
export interface FileTarget {
  /** Absolute path. */
  readonly path: string;
  /** Named on the command line (not found by a walk or a glob). */
  readonly explicit: boolean;
}

/** Files found for the patterns, plus one problem per pattern that went wrong. */
export interface ListedFiles {
  readonly files: readonly FileTarget[];
  readonly problems: readonly InputProblem[];
}

/** Options of {@link listFiles}. */
export interface ListFilesOptions {
  readonly cwd: string;
  /** Why a path is ignored, or undefined (`.fzlintignore`, defaults, config `ignorePatterns`). */
  readonly ignored: (absPath: string, isDir: boolean) => IgnoreVerdict;
  /** The readers whose extensions a walk picks up (default: the built-in ones). */
  readonly readers?: readonly ReportReader[];
  /** How a path is shown in problems (default: relative to `cwd`). */
  readonly display?: (absPath: string) => string;
  /** Stop after this many files (an editor scanning a huge folder); default no limit. */
  readonly limit?: number;
}

function compareNames(a: string, b: string): number {
  // Code-point order: the same on every machine, unlike localeCompare.
  return a < b ? -1 : a > b ? 1 : 0;
}

// node:fs's callbacks, not node:fs/promises: importing that loads it (and readline) on
// start, ~1.5 ms a warm run spends on nothing else.
function statOrUndefined(path: string): Promise<Stats | undefined> {
  return new Promise((done) => stat(path, (error, info) => done(error ? undefined : info)));
}

function statSyncOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // As statOrUndefined: a path that cannot be stat'ed is a missing path.
  }
}

function readFolder(dir: string): Promise<Dirent[]> {
  return new Promise((done, fail) => readdir(dir, { withFileTypes: true }, (error, entries) => (error ? fail(error) : done(entries))));
}

interface Walk {
  readonly options: ListFilesOptions;
  readonly readers: readonly ReportReader[];
  readonly out: string[];
  /** How many more files may be found. */
  readonly room: number;
}

/** Walks a folder for reports; returns whether anything was left out by an ignore rule. */
async function walk(dir: string, w: Walk): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await readFolder(dir);
  } catch {
    return false; // Unreadable folder: nothing to lint in it, and nothing a report author can fix here.
  }
  let skipped = false;
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    if (w.out.length >= w.room) break;
    const full = joinName(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files only: following folder links risks cycles.
      const target = await statOrUndefined(full);
      isFile = target?.isFile() ?? false;
      isDir = false;
    }
    if (isDir) {
      // Skipping node_modules and dot-folders is expected and not worth a word when a folder turns out empty.
      if (isSkippedDirName(entry.name)) continue;
      if (w.options.ignored(full, true)) skipped = true;
      else skipped = (await walk(full, w)) || skipped;
    } else if (isFile && isReportFileName(entry.name, w.readers)) {
      if (w.options.ignored(full, false)) skipped = true;
      else w.out.push(full);
    }
  }
  return skipped;
}

/**
 * Expands files, folders and globs into the files to lint. Folders are walked
 * for the readers' extensions (`.md`, `.markdown`, `.txt`, `.docx`, `.html`,
 * `.htm`, …), never entering `node_modules` or a dot-folder; ignored files
 * found by walks and globs are dropped silently, while an explicitly named
 * ignored file gives a warning (as ESLint does). A missing path, a glob with
 * no match or a folder with no report is a problem; the other patterns are
 * still expanded.
 */
export async function listFiles(patterns: readonly string[], options: ListFilesOptions): Promise<ListedFiles> {
  const { cwd } = options;
  const readers = options.readers ?? DEFAULT_READERS;
  const display = options.display ?? ((p: string) => toPosix(relative(cwd, p)) || '.');
  const seen = new Set<string>();
  const files: FileTarget[] = [];
  const problems: InputProblem[] = [];
  const push = (path: string, explicit: boolean): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };

  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const pattern of patterns) {
    if (files.length >= limit) break;
    const abs = resolve(cwd, pattern);
    // In this thread: the patterns are taken one after another anyway, and a run of one file
    // then never starts the thread pool (its threads and a round trip, ~1 ms).
    const info = statSyncOrUndefined(abs);
    if (info?.isFile()) {
      const verdict = options.ignored(abs, false);
      if (verdict) problems.push(inputProblem('ignoredFile', { path: display(abs), source: verdict.source }, 'warning'));
      else push(abs, true);
      continue;
    }
    if (info?.isDirectory()) {
      const found: string[] = [];
      const verdict = options.ignored(abs, true);
      const skipped = verdict ? true : await walk(abs, { options, readers, out: found, room: limit - files.length });
      if (found.length === 0) problems.push(inputProblem(skipped ? 'allIgnored' : 'emptyDir', { path: display(abs) }, 'warning'));
      for (const f of found) push(f, false);
      continue;
    }
    if (info) {
      problems.push(inputProblem('notAFile', { path: display(abs) }, 'warning'));
      continue;
    }
    // Loaded for a pattern that names no path (~2 ms of module set-up a run of folders never needs).
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (isDynamicPattern(pattern)) {
      const matches = await glob([safeGlobPattern(toPosix(pattern))], {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        expandDirectories: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      const kept = matches
        .map((m) => resolve(m))
        .filter((m) => !options.ignored(m, false))
        .sort(compareNames);
      if (kept.length === 0) problems.push(inputProblem('noMatch', { pattern }));
      for (const m of kept.slice(0, limit - files.length)) push(m, false);
      continue;
    }
    problems.push(inputProblem('missingPath', { path: pattern }));
  }
  return { files, problems };
}
