/**
 * Configuration per document: the `fzlint.config.json` that applies and whether the file is
 * ignored (`.fzlintignore`, `ignorePatterns`), asked of the project API as the CLI asks it,
 * merged with the client's `fzlint.*` settings, cached until a config or ignore file changes.
 * A broken config is remembered as a problem, never thrown at the features.
 */
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, IGNORE_FILE, isConfigFileName, REPORT_EXTENSIONS } from '@fzlint/input';
import type { FzlintSettings } from '../settings.js';
import { IncludeMatcher } from './detect.js';
import type { ConfigLike, ConfigProblem, LintEngine } from './types.js';

export { CONFIG_FILE_NAMES };

/** True when a path names an fzlint config file. */
export function isConfigFile(filePath: string): boolean {
  return isConfigFileName(path.basename(filePath));
}

/** True when a change to this file changes how files are linted or ignored (a config or `.fzlintignore`). */
export function affectsConfig(filePath: string): boolean {
  return isConfigFile(filePath) || path.basename(filePath) === IGNORE_FILE;
}

/** The glob of the files whose changes the server watches (see {@link affectsConfig}). */
export const WATCHED_FILES_GLOB = `**/{${[...CONFIG_FILE_NAMES, IGNORE_FILE].join(',')}}`;

/**
 * The glob of report files, watched too: a report created, changed or deleted may be, or
 * stop being, last year's report of an open document (the continuity rules).
 */
export const WATCHED_REPORTS_GLOB = `**/*.{${REPORT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/** Everything that decides how one document is linted. */
export interface DocumentConfig {
  readonly config: ConfigLike | undefined;
  /** Config files that apply (empty: none). */
  readonly files: readonly string[];
  /** The config is broken: the file's problem. */
  readonly problem: ConfigProblem | undefined;
  /** The config's ignorePatterns exclude this file. */
  readonly ignored: boolean;
}

const NO_CONFIG: DocumentConfig = { config: undefined, files: [], problem: undefined, ignored: false };

/** Resolves and caches the config of documents. */
export class ConfigResolver {
  private readonly cache = new Map<string, Promise<DocumentConfig>>();
  private readonly problems = new Map<string, ConfigProblem>();
  private generationCounter = 0;

  constructor(private readonly engine: LintEngine) {}

  /** Increases whenever configs are re-read; part of every diagnostic result id. */
  get generation(): number {
    return this.generationCounter;
  }

  /** Forgets every cached config (a config file changed, was created or deleted). */
  invalidate(): void {
    this.engine.resetConfig?.();
    this.cache.clear();
    // Re-reading finds the problems again; a deleted or repaired file must not keep its old one.
    this.problems.clear();
    this.generationCounter++;
  }

  /** Broken config files seen so far, by file. */
  get brokenConfigs(): ReadonlyMap<string, ConfigProblem> {
    return this.problems;
  }

  /** The config of a file (undefined path: an unsaved document, which has none). */
  resolve(filePath: string | undefined): Promise<DocumentConfig> {
    if (filePath === undefined) return Promise.resolve(NO_CONFIG);
    // The project API caches configs per folder and ignore files once; this caches its answer per file.
    let pending = this.cache.get(filePath);
    if (!pending) {
      pending = this.load(filePath);
      this.cache.set(filePath, pending);
    }
    return pending;
  }

  private async load(filePath: string): Promise<DocumentConfig> {
    try {
      const found = await this.engine.loadConfig(filePath);
      for (const f of found.files) this.problems.delete(f);
      return { config: found.config, files: found.files, problem: undefined, ignored: found.ignored };
    } catch (error) {
      const problem = this.engine.configProblem(error);
      if (!problem) throw error;
      if (problem.file) this.problems.set(problem.file, problem);
      // A broken config still marks its folder as a report folder.
      return { config: undefined, files: problem.file ? [problem.file] : [], problem, ignored: false };
    }
  }
}

/** Whether a file matches the client's include globs, relative to the workspace folder that holds it. */
export function matchesInclude(settings: FzlintSettings, folders: readonly string[], filePath: string | undefined): boolean {
  if (filePath === undefined || settings.include.length === 0) return false;
  const matcher = new IncludeMatcher(settings.include);
  return folders.some((folder) => {
    const rel = path.relative(folder, filePath);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && matcher.matches(rel.split(path.sep).join('/'));
  });
}

/**
 * The lint options of a document: the file's config with the client's settings on top
 * (client rules win over the config; client report year and locale win over the config's).
 */
export function mergeSettings(config: ConfigLike | undefined, settings: FzlintSettings): ConfigLike {
  const rules = { ...(config?.rules ?? {}), ...settings.rules };
  return { ...(config ?? {}), rules };
}
