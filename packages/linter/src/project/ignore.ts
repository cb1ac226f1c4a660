/**
 * Which files are ignored: the default folders (`node_modules`, `.git`), every
 * `.fzlintignore` that applies to a file, and (in `config-loader.ts`) each
 * config's `ignorePatterns`. gitignore's syntax and meaning throughout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { DEFAULT_IGNORE_PATTERNS, IGNORE_FILE, safeGlobPattern } from '@fzlint/input';
import { dirnameOf, relativeFrom, resolveFrom } from './fast-path.js';
import picomatch from 'picomatch';

/** Converts a platform path to forward slashes (globs and ignore rules use them). */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A compiled list of patterns: whether a path (relative, forward slashes) is ignored. */
export type Matcher = (relativePath: string) => boolean;

/**
 * Compiles a config's `ignorePatterns` with .gitignore's meaning: a pattern
 * without a slash matches a name at any depth, a folder pattern ignores what is
 * inside, `!` re-includes, and the last matching pattern wins.
 */
export function compileIgnorePatterns(patterns: readonly string[]): Matcher {
  const compiled = patterns
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '' && !raw.startsWith('#'))
    .map((raw) => {
      const negated = raw.startsWith('!');
      let pattern = negated ? raw.slice(1) : raw;
      const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
      pattern = safeGlobPattern(pattern.replace(/^\//, '').replace(/\/$/, ''));
      const globs = anchored ? [pattern, `${pattern}/**`] : [`**/${pattern}`, `**/${pattern}/**`];
      return { negated, match: picomatch(globs, { dot: true }) };
    });
  return (relativePath) => {
    let ignored = false;
    for (const { negated, match } of compiled) if (match(relativePath)) ignored = !negated;
    return ignored;
  };
}

interface IgnoreRule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  readonly match: (path: string) => boolean;
  readonly source: string;
}

/** Why a path is ignored (the ignore file or setting that says so), or `undefined` when it is not. */
export type IgnoreVerdict = { readonly source: string } | undefined;

/** One folder's verdict on a path: ignored by a rule, re-included by a `!` rule, or no rule matched. */
type Judgement = { readonly source: string } | 'included' | undefined;

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
  const match = picomatch(safeGlobPattern(globText), { dot: true });
  return { negate, dirOnly, match, source };
}

/** The path of `absPath` inside `baseDir` (forward slashes), or undefined when it is not inside. */
function inside(baseDir: string, absPath: string): string | undefined {
  const rel = toPosix(relativeFrom(baseDir, absPath));
  if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return undefined;
  return rel;
}

/**
 * gitignore-like matching: `#` comments, `!` negation, a trailing `/` for
 * folders only, a pattern with a `/` anchored at the base folder, one without
 * matching at any depth; the last matching line wins, and nothing inside an
 * ignored folder can be re-included (git's rule, which keeps walks cheap).
 */
export class IgnoreMatcher {
  private readonly rules: IgnoreRule[] = [];
  /** Whether a rule can match a file (one not for folders only): the defaults (`node_modules/`, `.git/`) cannot. */
  #judgesFiles = false;

  /**
   * @param baseDir folder the patterns are relative to (the ignore file's folder).
   */
  constructor(readonly baseDir: string) {}

  /** Adds patterns (one per line, as in an ignore file). */
  add(lines: readonly string[] | string, source: string): this {
    const list = typeof lines === 'string' ? lines.split(/\r?\n/) : lines;
    for (const raw of list) {
      const rule = compileLine(raw, source);
      if (rule) {
        this.rules.push(rule);
        if (!rule.dirOnly) this.#judgesFiles = true;
      }
    }
    return this;
  }

  /** Whether `judge` can give a verdict on a file (not a folder): false when every rule is for folders only. */
  get judgesFiles(): boolean {
    return this.#judgesFiles;
  }

  /** Whether any pattern was added. */
  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /** This matcher's judgement of one path relative to `baseDir`, without looking at its parents. */
  judge(rel: string, isDir: boolean): Judgement {
    let verdict: Judgement;
    // Index loops here and below: every file of a walk is judged, in code V8 has not optimised (where `for…of` allocates).
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i] as IgnoreRule;
      if (rule.dirOnly && !isDir) continue;
      if (!rule.match(rel)) continue;
      verdict = rule.negate ? 'included' : { source: rule.source };
    }
    return verdict;
  }

  /** Whether an absolute path is ignored; paths outside `baseDir` never are. */
  ignores(absPath: string, isDir = false): IgnoreVerdict {
    return judgePath([this], absPath, isDir);
  }
}

/**
 * The verdict of several matchers on a path (farthest folder first): each
 * parent folder of the path is judged before the path, so nothing inside an
 * ignored folder is re-included; within one folder level a nearer file's
 * rules come after, and win over, a farther one's.
 */
function judgePath(matchers: readonly IgnoreMatcher[], absPath: string, isDir: boolean, folders?: FolderVerdicts, parentDir?: string): IgnoreVerdict {
  if (folders) {
    // The path's folders are judged exactly as the loop below would judge them,
    // once per folder: the files of a folder then cost one judgement each, not
    // one per level of their path.
    const parent = parentDir ?? dirnameOf(absPath);
    if (parent !== absPath) {
      let above = folders.get(parent);
      if (above === undefined && !folders.has(parent)) {
        above = judgePath(matchers, parent, true, folders);
        folders.set(parent, above);
      }
      return above ?? judgeLast(matchers, absPath, isDir);
    }
  }
  const relatives = matchers.map((m) => inside(m.baseDir, absPath));
  // Walk down from the outermost folder a matcher covers: judge each prefix of the path.
  const top = matchers.reduce<string | undefined>((best, m, i) => {
    if (relatives[i] === undefined) return best;
    return best === undefined || m.baseDir.length < best.length ? m.baseDir : best;
  }, undefined);
  if (top === undefined) return undefined;
  const parts = (inside(top, absPath) as string).split('/');
  let prefix = top;
  for (let i = 0; i < parts.length; i++) {
    prefix = join(prefix, parts[i] ?? '');
    const last = i === parts.length - 1;
    let verdict: Judgement;
    for (const m of matchers) {
      const rel = inside(m.baseDir, prefix);
      if (rel === undefined) continue;
      const judged = m.judge(rel, last ? isDir : true);
      if (judged !== undefined) verdict = judged;
    }
    if (verdict !== undefined && verdict !== 'included') return verdict;
  }
  return undefined;
}

/** Verdicts on folders already judged (absolute, resolved paths), for one list of matchers. */
type FolderVerdicts = Map<string, IgnoreVerdict>;

/** The verdict on a path whose folders are known not to be ignored: its own level only. */
function judgeLast(matchers: readonly IgnoreMatcher[], absPath: string, isDir: boolean): IgnoreVerdict {
  let verdict: Judgement;
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i] as IgnoreMatcher;
    // A file under matchers for folders only (the defaults): no relative path to work out, nothing to judge.
    if (!isDir && !m.judgesFiles) continue;
    const rel = inside(m.baseDir, absPath);
    if (rel === undefined) continue;
    const judged = m.judge(rel, isDir);
    if (judged !== undefined) verdict = judged;
  }
  return verdict !== undefined && verdict !== 'included' ? verdict : undefined;
}

/** The label of the default ignores in messages (`ignored by node_modules/.git`). */
export const DEFAULT_IGNORE_SOURCE = 'node_modules/.git';

/**
 * The ignore rules of a working folder: the defaults (`node_modules`, `.git`)
 * plus its `.fzlintignore` when it exists. `useIgnoreFile: false` keeps only
 * the defaults. (For every `.fzlintignore` that applies to a file, use
 * {@link IgnoreFiles}.)
 */
export function loadIgnoreMatcher(cwd: string, useIgnoreFile = true): IgnoreMatcher {
  const matcher = new IgnoreMatcher(cwd).add(DEFAULT_IGNORE_PATTERNS, DEFAULT_IGNORE_SOURCE);
  if (!useIgnoreFile) return matcher;
  const own = readIgnoreFile(cwd);
  return own ? matcher.add(own, IGNORE_FILE) : matcher;
}

/** The lines of a folder's `.fzlintignore` (BOM dropped), or undefined when it has none. */
function readIgnoreFile(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, IGNORE_FILE), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Options of {@link IgnoreFiles}. */
export interface IgnoreFilesOptions {
  /** The working folder: the defaults are relative to it, and its `.fzlintignore` covers what is inside it. */
  readonly cwd: string;
  /** Read `.fzlintignore` files (default true); the defaults apply regardless. */
  readonly useIgnoreFiles?: boolean;
}

/**
 * Every `.fzlintignore` that applies to a file, found the way git finds
 * `.gitignore` files: the one in each folder from the file up to the root of
 * its repository (the nearest folder holding `.git`; the file system's root
 * outside a repository), plus the working folder's for files inside it. Each
 * file's patterns are relative to its own folder, and nearer files win. So a
 * draft ignored in CI is ignored in the editor too, whichever folder either
 * started in. Folders are read once per instance.
 */
export class IgnoreFiles {
  readonly #cwd: string;
  readonly #useIgnoreFiles: boolean;
  readonly #defaults: IgnoreMatcher;
  /** `[#defaults]`, one array for every path judged. */
  readonly #defaultList: readonly IgnoreMatcher[];
  readonly #own = new Map<string, IgnoreMatcher | null>();
  readonly #chains = new Map<string, readonly IgnoreMatcher[]>();
  /** Folder verdicts of the defaults, and of each chain (chains are cached, so their identity is stable). */
  readonly #defaultFolders: FolderVerdicts = new Map();
  readonly #chainFolders = new WeakMap<readonly IgnoreMatcher[], FolderVerdicts>();

  constructor(options: IgnoreFilesOptions) {
    this.#cwd = resolve(options.cwd);
    this.#useIgnoreFiles = options.useIgnoreFiles ?? true;
    this.#defaults = new IgnoreMatcher(this.#cwd).add(DEFAULT_IGNORE_PATTERNS, DEFAULT_IGNORE_SOURCE);
    this.#defaultList = [this.#defaults];
  }

  /** Why a path is ignored (`{ source }`: the ignore file, or the defaults), or undefined. */
  verdict(absPath: string, isDir = false): IgnoreVerdict {
    const path = resolveFrom(this.#cwd, absPath);
    // The folder once: a walk asks for every file.
    const parent = dirnameOf(path);
    const defaults = judgePath(this.#defaultList, path, isDir, this.#defaultFolders, parent);
    if (defaults || !this.#useIgnoreFiles) return defaults;
    const chain = this.#chainFor(isDir ? path : parent);
    // No `.fzlintignore` applies: nothing more can ignore the path.
    if (chain.length === 0) return undefined;
    let folders = this.#chainFolders.get(chain);
    if (!folders) this.#chainFolders.set(chain, (folders = new Map()));
    return judgePath(chain, path, isDir, folders, parent);
  }

  /** The `.fzlintignore` files that apply to the files of a folder, farthest first. */
  #chainFor(dir: string): readonly IgnoreMatcher[] {
    let chain = this.#chains.get(dir);
    if (chain) return chain;
    const found: IgnoreMatcher[] = [];
    let at = dir;
    for (;;) {
      const own = this.#ownFile(at);
      if (own) found.unshift(own);
      const parent = dirname(at);
      if (parent === at || existsSync(join(at, '.git'))) break;
      at = parent;
    }
    // The working folder's file covers what is inside it even past a repository root below it.
    const cwdFile = inside(this.#cwd, dir) !== undefined ? this.#ownFile(this.#cwd) : undefined;
    if (cwdFile && !found.includes(cwdFile)) found.unshift(cwdFile);
    chain = found;
    this.#chains.set(dir, chain);
    return chain;
  }

  #ownFile(dir: string): IgnoreMatcher | undefined {
    let own = this.#own.get(dir);
    if (own === undefined) {
      const text = readIgnoreFile(dir);
      own = text === undefined ? null : new IgnoreMatcher(dir).add(text, this.#source(dir));
      this.#own.set(dir, own);
    }
    return own ?? undefined;
  }

  /** How messages name an ignore file: `.fzlintignore` for the working folder's, else its path relative to it. */
  #source(dir: string): string {
    if (dir === this.#cwd) return IGNORE_FILE;
    const rel = inside(this.#cwd, dir);
    return rel !== undefined ? `${rel}/${IGNORE_FILE}` : toPosix(join(dir, IGNORE_FILE));
  }
}
