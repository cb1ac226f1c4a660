/**
 * Config discovery: `fzlint.config.json` or `.fzlintrc.json` upward from each
 * file, nearest over farther, `root: true` ending the search, `extends`, and
 * each config's `ignorePatterns`. One loader caches what it read, so one serves
 * a whole run (and an editor session until a config changes).
 */
import { accessSync, constants as fsConstants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { dirnameOf, relativeFrom, resolveFrom } from './fast-path.js';
import { CONFIG_FILE_NAMES } from '@fzlint/input';
import type { AnyRule, Locale } from '@fzlint/rule-api';
import { mergeConfigs } from '../config/merge.js';
import { configError, configMessage } from '../config/messages.js';
import { validateConfig } from '../config/validate.js';
import type { FzlintConfig } from '../types.js';
import { compileIgnorePatterns, toPosix, type Matcher } from './ignore.js';

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
  /** The config file whose `previousReport` applies (the nearest that sets it), for messages about it. */
  readonly previousReportFile?: string;
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

/** Where a JSON parse error is, as ` (line N, column M)` text for messages. */
export function jsonErrorLocation(text: string, message: string, locale: Locale): string {
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
  /**
   * A file's config by its layers (the same array for every file of a folder, see `#layersFor`),
   * made once: a run asks for every file, and without ignore patterns all files of a folder
   * get the same answer (no key, arrays or object made per file).
   */
  readonly #byLayers = new WeakMap<readonly Layer[], { readonly loaded: LoadedConfig; readonly ignores: boolean }>();
  /** `--config`'s layers, one array for every file. */
  #configLayers: readonly Layer[] | undefined;

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
    if (own.previousReport !== undefined) {
      // Relative to the file that sets it, whatever extends or is nearer: resolved here, once.
      config = { ...own, previousReport: this.#previousReport(own.previousReport, dir, display) };
    }
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
    if (bases.length) config = { ...mergeConfigs(base, config), ...(own.root ? { root: true } : {}) };
    if (own.ignorePatterns?.length) ignores.push({ dir, patterns: own.ignorePatterns });
    const layer: Layer = { file, dir, config, ignores };
    this.#files.set(file, layer);
    return layer;
  }

  /**
   * `previousReport` as an absolute path, after checking that it names a readable file:
   * a wrong path is the config's problem (one line naming the file and the key), not a
   * surprise for every report it applies to.
   */
  #previousReport(ref: string, dir: string, display: string): string {
    const target = resolve(dir, ref);
    let problem: { id: 'previousMissing' | 'previousUnreadable'; error?: string } | undefined;
    try {
      if (!statSync(target).isFile()) problem = { id: 'previousUnreadable', error: 'EISDIR' };
      else accessSync(target, fsConstants.R_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      problem = code === 'ENOENT' || code === 'ENOTDIR' ? { id: 'previousMissing' } : { id: 'previousUnreadable', error: code };
    }
    if (problem) throw configError(this.#locale, display, 'previousReport', problem.id, { path: ref, ...(problem.error !== undefined ? { error: problem.error } : {}) });
    return target;
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
    if (this.#configFile) return (this.#configLayers ??= [this.#readLayer(this.#configFile)]);
    return this.#layersFor(dirnameOf(resolveFrom(this.#cwd, filePath)));
  }

  /**
   * The configuration for a file. Throws `ConfigError` for a config file that
   * cannot be read, is not JSON or is not valid.
   */
  forFile(filePath: string): LoadedConfig {
    const absolute = resolveFrom(this.#cwd, filePath);
    const layers = this.#layersForFile(absolute);
    let shared = this.#byLayers.get(layers);
    if (!shared) {
      const key = layers.map((l) => l.file).join('\n');
      let config = this.#merged.get(key);
      if (!config) {
        config = layers.reduce<FzlintConfig>((acc, l) => mergeConfigs(acc, l.config), {});
        this.#merged.set(key, config);
      }
      let previousReportFile: string | undefined;
      if (config.previousReport !== undefined) {
        for (let i = layers.length - 1; i >= 0 && previousReportFile === undefined; i--) {
          if (layers[i]!.config.previousReport === config.previousReport) previousReportFile = layers[i]!.file;
        }
      }
      const loaded: LoadedConfig = {
        config,
        files: layers.map((l) => l.file),
        ignored: false,
        ...(previousReportFile !== undefined ? { previousReportFile } : {}),
      };
      shared = { loaded, ignores: layers.some((l) => l.ignores.length > 0) };
      this.#byLayers.set(layers, shared);
    }
    if (!shared.ignores) return shared.loaded;
    return { ...shared.loaded, ignored: this.#isIgnored(absolute, layers) };
  }

  /** Whether the `ignorePatterns` of the configs that apply to a file match it. */
  isIgnored(filePath: string): boolean {
    const absolute = resolveFrom(this.#cwd, filePath);
    return this.#isIgnored(absolute, this.#layersForFile(absolute));
  }

  #isIgnored(absolute: string, layers: readonly Layer[]): boolean {
    // Index loops: asked for every file of a run, in code V8 has not optimised (where `for…of` allocates).
    for (let l = 0; l < layers.length; l++) {
      const ignores = (layers[l] as Layer).ignores;
      for (let i = 0; i < ignores.length; i++) {
        const { dir, patterns } = ignores[i] as Layer['ignores'][number];
        const rel = relativeFrom(dir, absolute);
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

