/**
 * The file-system side of `@fzlint/linter` (`@fzlint/linter/node`): config
 * discovery, ignore patterns, reading files, bulk suppressions files. The engine
 * itself (`@fzlint/linter`) never touches the file system.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AnyRule, Locale } from '@fzlint/rule-api';
import picomatch from 'picomatch';
import { mergeConfigs } from './config/merge.js';
import { configError, configMessage } from './config/messages.js';
import { validateConfig } from './config/validate.js';
import { fatalResult, lint } from './engine.js';
import { parseSuppressions, type ParseSuppressionsOptions, type Suppressions } from './suppressions.js';
import type { FzlintConfig, LintOptions, LintResult, RuleConfigEntry } from './types.js';

/** Config file names, looked for in this order in each folder (the first found is used). */
export const CONFIG_FILE_NAMES = ['fzlint.config.json', '.fzlintrc.json'] as const;

/** Options of `loadConfig` and `ConfigLoader`. */
export interface LoadConfigOptions {
  /** A config file that replaces discovery (the CLI's `--config`). */
  readonly configFile?: string;
  /** Relative paths are resolved against it, and messages name files relative to it. */
  readonly cwd?: string;
  /** The rules configs may name; defaults to the built-in rules. */
  readonly rules?: readonly AnyRule[];
  /** The language of `ConfigError` messages (the CLI's `--locale`); defaults to zh-CN. */
  readonly locale?: Locale;
}

/** The configuration that applies to one file. */
export interface LoadedConfig {
  /** The merged configuration (nearer files over farther ones). */
  readonly config: FzlintConfig;
  /** The config files that contributed, farthest first (absolute paths). */
  readonly files: readonly string[];
  /** Whether an `ignorePatterns` entry of one of those files matches the file. */
  readonly ignored: boolean;
}

interface Layer {
  readonly file: string;
  readonly dir: string;
  readonly config: FzlintConfig;
  /** The file's own ignore patterns (relative to `dir`); `extends` patterns are relative to theirs. */
  readonly ignores: readonly { readonly dir: string; readonly patterns: readonly string[] }[];
}

/** Removes `//` and `/* *\/` comments outside strings, so configs may carry comments (as JSONC). */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i++;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      // Keep line breaks so JSON.parse positions still point at the right line.
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function jsonErrorLocation(text: string, message: string, locale: Locale): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const offset = Number(m[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return configMessage('jsonLocation', locale, { line, column: offset - lineStart + 1 });
}

function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

type Matcher = (relativePath: string) => boolean;

/**
 * Compiles ignore patterns with .gitignore's meaning: a pattern without a slash
 * matches a name at any depth, a folder pattern ignores what is inside, `!`
 * re-includes, and the last matching pattern wins.
 */
export function compileIgnorePatterns(patterns: readonly string[]): Matcher {
  const compiled = patterns
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '' && !raw.startsWith('#'))
    .map((raw) => {
      const negated = raw.startsWith('!');
      let pattern = negated ? raw.slice(1) : raw;
      const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
      pattern = pattern.replace(/^\//, '').replace(/\/$/, '');
      const globs = anchored ? [pattern, `${pattern}/**`] : [`**/${pattern}`, `**/${pattern}/**`];
      return { negated, match: picomatch(globs, { dot: true }) };
    });
  return (relativePath) => {
    let ignored = false;
    for (const { negated, match } of compiled) if (match(relativePath)) ignored = !negated;
    return ignored;
  };
}

/**
 * Finds and caches configs: `fzlint.config.json` or `.fzlintrc.json` upward from
 * each file, nearest over farther, `root: true` ending the search; a
 * `configFile` replaces discovery. Each folder is looked at once per loader, so
 * one loader serves a whole run (and an editor session until configs change:
 * then make a new one).
 */
export class ConfigLoader {
  readonly #cwd: string;
  readonly #configFile: string | undefined;
  readonly #rules: readonly AnyRule[] | undefined;
  readonly #locale: Locale;
  readonly #files = new Map<string, Layer>();
  readonly #dirs = new Map<string, readonly Layer[]>();
  readonly #merged = new Map<string, FzlintConfig>();
  readonly #matchers = new Map<string, Matcher>();

  constructor(options: LoadConfigOptions = {}) {
    this.#cwd = resolve(options.cwd ?? process.cwd());
    this.#configFile = options.configFile !== undefined ? resolve(this.#cwd, options.configFile) : undefined;
    this.#rules = options.rules;
    this.#locale = options.locale ?? 'zh-CN';
  }

  /** The name of a file as messages show it: relative to the cwd when inside it. */
  display(file: string): string {
    const rel = relative(this.#cwd, file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : toPosix(file);
  }

  #readLayer(file: string, stack: readonly string[] = []): Layer {
    const cached = this.#files.get(file);
    if (cached) return cached;
    const display = this.display(file);
    if (stack.includes(file)) {
      throw configError(this.#locale, display, 'extends', 'extendsCycle', {
        chain: [...stack, file].map((f) => this.display(f)).join(' → '),
      });
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw configError(this.#locale, display, undefined, 'cannotRead', { error }, e);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let value: unknown;
    const stripped = stripJsonComments(text);
    try {
      value = JSON.parse(stripped);
    } catch (e) {
      const message = (e as Error).message;
      const location = jsonErrorLocation(stripped, message, this.#locale);
      throw configError(this.#locale, display, undefined, 'invalidJson', { location, error: message }, e);
    }
    const own = validateConfig(value, {
      file: display,
      locale: this.#locale,
      ...(this.#rules ? { rules: this.#rules } : {}),
    });
    const dir = dirname(file);
    let config: FzlintConfig = own;
    const ignores: { dir: string; patterns: readonly string[] }[] = [];
    const bases = own.extends === undefined ? [] : typeof own.extends === 'string' ? [own.extends] : own.extends;
    let base: FzlintConfig = {};
    for (const ref of bases) {
      const target = resolve(dir, ref);
      if (!existsSync(target)) {
        throw configError(this.#locale, display, 'extends', 'extendsMissing', { ref });
      }
      const layer = this.#readLayer(target, [...stack, file]);
      base = mergeConfigs(base, layer.config);
      ignores.push(...layer.ignores);
    }
    if (bases.length) config = { ...mergeConfigs(base, own), ...(own.root ? { root: true } : {}) };
    if (own.ignorePatterns?.length) ignores.push({ dir, patterns: own.ignorePatterns });
    const layer: Layer = { file, dir, config, ignores };
    this.#files.set(file, layer);
    return layer;
  }

  #layersFor(dir: string): readonly Layer[] {
    const cached = this.#dirs.get(dir);
    if (cached) return cached;
    let own: Layer | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) {
        own = this.#readLayer(candidate);
        break;
      }
    }
    let layers: readonly Layer[];
    const parent = dirname(dir);
    if (own?.config.root || parent === dir) layers = own ? [own] : [];
    else layers = own ? [...this.#layersFor(parent), own] : this.#layersFor(parent);
    this.#dirs.set(dir, layers);
    return layers;
  }

  #layersForFile(filePath: string): readonly Layer[] {
    if (this.#configFile) return [this.#readLayer(this.#configFile)];
    return this.#layersFor(dirname(resolve(this.#cwd, filePath)));
  }

  /**
   * The configuration for a file. Throws `ConfigError` for a config file that
   * cannot be read, is not JSON or is not valid.
   */
  forFile(filePath: string): LoadedConfig {
    const absolute = resolve(this.#cwd, filePath);
    const layers = this.#layersForFile(absolute);
    const key = layers.map((l) => l.file).join('\n');
    let config = this.#merged.get(key);
    if (!config) {
      config = layers.reduce<FzlintConfig>((acc, l) => mergeConfigs(acc, l.config), {});
      this.#merged.set(key, config);
    }
    return { config, files: layers.map((l) => l.file), ignored: this.#isIgnored(absolute, layers) };
  }

  /** Whether the `ignorePatterns` of the configs that apply to a file match it. */
  isIgnored(filePath: string): boolean {
    const absolute = resolve(this.#cwd, filePath);
    return this.#isIgnored(absolute, this.#layersForFile(absolute));
  }

  #isIgnored(absolute: string, layers: readonly Layer[]): boolean {
    for (const layer of layers) {
      for (const { dir, patterns } of layer.ignores) {
        const rel = relative(dir, absolute);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
        const cacheKey = `${dir}\n${patterns.join('\n')}`;
        let matcher = this.#matchers.get(cacheKey);
        if (!matcher) {
          matcher = compileIgnorePatterns(patterns);
          this.#matchers.set(cacheKey, matcher);
        }
        if (matcher(toPosix(rel))) return true;
      }
    }
    return false;
  }
}

/**
 * The configuration for one file (see `ConfigLoader`; use one loader for many
 * files to read each folder once).
 */
export function loadConfig(filePath: string, options: LoadConfigOptions = {}): LoadedConfig {
  return new ConfigLoader(options).forFile(filePath);
}

/** Options of `lintFiles`. */
export interface LintFilesOptions extends Omit<LintOptions, 'filePath' | 'config'> {
  readonly cwd?: string;
  /** A config file that replaces discovery (`--config`). */
  readonly configFile?: string;
  /** A loader to share caches with other calls; made from `cwd`/`configFile`/`rules` when absent. */
  readonly loader?: ConfigLoader;
  /** Rule settings over the config files' (the CLI's `--rule`). */
  readonly ruleOverrides?: Readonly<Record<string, RuleConfigEntry>>;
  /** Leave out files matched by `ignorePatterns` (default true). */
  readonly ignore?: boolean;
}

const BOM = 0xfeff;

/**
 * Lints files read as UTF-8 (a leading BOM is dropped), each with the config
 * that applies to it. A file that cannot be read gives a `fatal` result with one
 * `fzlint/read-error` finding instead of stopping the run; a bad config throws
 * `ConfigError`. Fixes are not written: see `outputFixes`.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loader =
    options.loader ??
    new ConfigLoader({
      cwd,
      ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
  const { cwd: _cwd, configFile: _cf, loader: _l, ruleOverrides, ignore, ...lintOptions } = options;
  const results: LintResult[] = [];
  for (const path of paths) {
    const filePath = resolve(cwd, path);
    const loaded = loader.forFile(filePath);
    if ((ignore ?? true) && loaded.ignored) continue;
    const config: FzlintConfig = ruleOverrides
      ? { ...loaded.config, rules: { ...loaded.config.rules, ...ruleOverrides } }
      : loaded.config;
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason =
        err.code === 'ENOENT'
          ? 'no such file'
          : err.code === 'EISDIR'
            ? 'is a directory'
            : err.code === 'EACCES'
              ? 'permission denied'
              : err.message;
      results.push(fatalResult(filePath, reason, options.locale ?? config.locale ?? 'zh-CN'));
      continue;
    }
    if (text.charCodeAt(0) === BOM) text = text.slice(1);
    results.push(lint(text, { ...lintOptions, filePath, config }));
  }
  return results;
}

/** Writes the fixed text of every result that has one (ESLint's `outputFixes`). */
export async function outputFixes(results: readonly LintResult[]): Promise<void> {
  await Promise.all(
    results.map((r) => (r.output !== undefined && r.filePath !== undefined ? writeFile(r.filePath, r.output, 'utf8') : undefined)),
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
  await writeFile(file, `${JSON.stringify(suppressions, null, 2)}\n`, 'utf8');
}

export {
  applySuppressions,
  buildSuppressions,
  pruneSuppressions,
  SUPPRESSIONS_FILE,
  type ParseSuppressionsOptions,
  type Suppressions,
} from './suppressions.js';
