import { readFileSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { problem, type CliProblem } from './messages.js';

/** Extensions a directory walk picks up (explicit file arguments may have any). */
export const REPORT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.docx', '.html', '.htm'];

/** The ignore file read from the working directory. */
export const IGNORE_FILE = '.fzlintignore';

/** Folders never walked into (as ESLint and every other tool does). */
const DEFAULT_IGNORES: readonly string[] = ['node_modules/', '.git/'];
const DEFAULT_SOURCE = 'node_modules/.git';
// Skipping these is expected and not worth a word when a folder turns out empty.
const DEFAULT_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

// Word's lock files (~$报告.docx) are not documents.
const REPORT_EXT = /^(?!~\$).*\.(?:md|markdown|txt|docx|html?)$/i;

interface IgnoreRule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  readonly match: (path: string) => boolean;
  readonly source: string;
}

/** Why a path is ignored, or `undefined` when it is not. */
export type IgnoreVerdict = { readonly source: string } | undefined;

/**
 * gitignore-like matching: `#` comments, `!` negation, a trailing `/` for
 * folders only, a pattern with a `/` anchored at the base folder, one without
 * matching at any depth; the last matching line wins, and nothing inside an
 * ignored folder can be re-included (git's rule, which keeps walks cheap).
 */
export class IgnoreMatcher {
  private readonly rules: IgnoreRule[] = [];

  /**
   * @param baseDir folder the patterns are relative to (the ignore file's or config's folder).
   */
  constructor(readonly baseDir: string) {}

  /** Adds patterns (one per line, as in an ignore file). */
  add(lines: readonly string[] | string, source: string): this {
    const list = typeof lines === 'string' ? lines.split(/\r?\n/) : lines;
    for (const raw of list) {
      const rule = compileLine(raw, source);
      if (rule) this.rules.push(rule);
    }
    return this;
  }

  /** Whether any pattern was added. */
  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /** Judges a path relative to `baseDir` (forward slashes), checking its parent folders first. */
  private judgeRelative(rel: string, isDir: boolean): IgnoreVerdict {
    const parts = rel.split('/');
    let prefix = '';
    for (let i = 0; i < parts.length; i++) {
      prefix = i === 0 ? (parts[0] ?? '') : `${prefix}/${parts[i] ?? ''}`;
      const last = i === parts.length - 1;
      const verdict = this.judgeOne(prefix, last ? isDir : true);
      if (verdict) return verdict;
    }
    return undefined;
  }

  private judgeOne(rel: string, isDir: boolean): IgnoreVerdict {
    let verdict: IgnoreVerdict;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (!rule.match(rel)) continue;
      verdict = rule.negate ? undefined : { source: rule.source };
    }
    return verdict;
  }

  /** Whether an absolute path is ignored; paths outside `baseDir` never are. */
  ignores(absPath: string, isDir = false): IgnoreVerdict {
    const rel = toPosix(relative(this.baseDir, absPath));
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return undefined;
    return this.judgeRelative(rel, isDir);
  }
}

function compileLine(raw: string, source: string): IgnoreRule | undefined {
  let text = raw.replace(/(?<!\\)\s+$/, '');
  if (text === '' || text.startsWith('#')) return undefined;
  let negate = false;
  if (text.startsWith('!')) {
    negate = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) {
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith('/')) {
    dirOnly = true;
    text = text.replace(/\/+$/, '');
  }
  if (text === '') return undefined;
  const anchored = text.includes('/');
  text = text.replace(/^\/+/, '');
  const globText = anchored ? text : `**/${text}`;
  const match = picomatch(globText, { dot: true });
  return { negate, dirOnly, match, source };
}

/** Converts a platform path to forward slashes (globs and ignore rules use them). */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The ignore rules that apply in `cwd`: the defaults (`node_modules`, `.git`)
 * plus `.fzlintignore` when it exists. `useIgnoreFile: false` keeps only the defaults.
 */
export function loadIgnoreMatcher(cwd: string, useIgnoreFile = true): IgnoreMatcher {
  const matcher = new IgnoreMatcher(cwd).add(DEFAULT_IGNORES, DEFAULT_SOURCE);
  if (!useIgnoreFile) return matcher;
  let text: string;
  try {
    text = readFileSync(join(cwd, IGNORE_FILE), 'utf8');
  } catch {
    return matcher;
  }
  return matcher.add(text.replace(/^\uFEFF/, ''), IGNORE_FILE);
}

/** A file to lint. */
export interface FileTarget {
  readonly path: string;
  /** Named on the command line (not found by a walk or a glob). */
  readonly explicit: boolean;
}

/** Files found for the patterns, plus one problem per pattern that went wrong. */
export interface ResolvedFiles {
  readonly files: readonly FileTarget[];
  readonly problems: readonly CliProblem[];
}

/** Options of `resolveFiles`. */
export interface ResolveOptions {
  readonly cwd: string;
  /** Defaults to `loadIgnoreMatcher(cwd)`. */
  readonly ignore?: IgnoreMatcher;
  /** Path shown in messages (defaults to the path relative to cwd). */
  readonly display?: (absPath: string) => string;
}

function compareNames(a: string, b: string): number {
  // Code-point order: the same on every machine, unlike localeCompare.
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Walks a folder for reports; returns whether anything was left out by an ignore rule. */
async function walk(dir: string, ignore: IgnoreMatcher, out: string[]): Promise<boolean> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false; // Unreadable folder: nothing to lint in it, and nothing a report author can fix here.
  }
  let skipped = false;
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files only: following folder links risks cycles.
      const target = await statOrUndefined(full);
      isFile = target?.isFile() ?? false;
      isDir = false;
    }
    if (isDir) {
      if (ignore.ignores(full, true)) skipped ||= !DEFAULT_DIRS.has(entry.name);
      else skipped = (await walk(full, ignore, out)) || skipped;
    } else if (isFile && REPORT_EXT.test(entry.name)) {
      if (ignore.ignores(full, false)) skipped = true;
      else out.push(full);
    }
  }
  return skipped;
}

/**
 * Expands files, directories and globs into the files to lint, in argument
 * order, without duplicates. Directories are walked for `.md`, `.markdown`,
 * `.txt`, `.docx`, `.html` and `.htm`; ignored files found by walks and globs are dropped silently, while an
 * explicitly named ignored file gives a warning (as ESLint does). A missing
 * path, a glob with no match or a folder with no report is a problem; the other
 * patterns are still expanded.
 */
export async function resolveFiles(patterns: readonly string[], options: ResolveOptions): Promise<ResolvedFiles> {
  const { cwd } = options;
  const ignore = options.ignore ?? loadIgnoreMatcher(cwd);
  const display = options.display ?? ((p: string) => toPosix(relative(cwd, p)) || '.');
  const seen = new Set<string>();
  const files: FileTarget[] = [];
  const problems: CliProblem[] = [];
  const push = (path: string, explicit: boolean): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };

  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const info = await statOrUndefined(abs);
    if (info?.isFile()) {
      const verdict = ignore.ignores(abs, false);
      if (verdict) problems.push(problem('ignoredFile', { path: display(abs), source: verdict.source }, 'warning'));
      else push(abs, true);
      continue;
    }
    if (info?.isDirectory()) {
      const found: string[] = [];
      const verdict = ignore.ignores(abs, true);
      const skipped = verdict ? true : await walk(abs, ignore, found);
      if (found.length === 0) problems.push(problem(skipped ? 'allIgnored' : 'emptyDir', { path: display(abs) }, 'warning'));
      for (const f of found) push(f, false);
      continue;
    }
    if (info) {
      problems.push(problem('notAFile', { path: display(abs) }, 'warning'));
      continue;
    }
    if (isDynamicPattern(pattern)) {
      const matches = await glob([toPosix(pattern)], {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        expandDirectories: false,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      const kept = matches
        .map((m) => resolve(m))
        .filter((m) => !ignore.ignores(m, false))
        .sort(compareNames);
      if (kept.length === 0) problems.push(problem('noMatch', { pattern }));
      for (const m of kept) push(m, false);
      continue;
    }
    problems.push(problem('missingPath', { path: pattern }));
  }
  return { files, problems };
}
