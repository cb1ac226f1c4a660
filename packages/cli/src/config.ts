import { resolve } from 'node:path';
import type { FzlintConfig, Locale } from '@fzlint/linter';

/** The config of one file, or the one-line reason it has none. */
export type ResolvedConfig =
  | { readonly ok: true; readonly config: FzlintConfig; readonly ignored: boolean; readonly files: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Finds the configuration of each file (wraps `ConfigLoader` so a bad config is a value, not a throw). */
export interface ConfigResolver {
  /** Set when `--config` itself cannot be used: nothing can be linted. */
  readonly fatal?: string;
  configFor(filePath: string): ResolvedConfig;
}

/**
 * Loads `@fzlint/linter/node` (lazily: `--help` and `--version` do not need it)
 * and makes one loader for the run, so each folder's config is read once.
 * Config errors are in `locale` (the `--locale` option, zh-CN by default).
 */
export async function loadConfigResolver(cwd: string, configFile: string | undefined, locale: Locale = 'zh-CN'): Promise<ConfigResolver> {
  const { ConfigLoader } = await import('@fzlint/linter/node');
  const loader = new ConfigLoader({ cwd, locale, ...(configFile !== undefined ? { configFile } : {}) });
  const configFor = (filePath: string): ResolvedConfig => {
    try {
      const loaded = loader.forFile(filePath);
      return { ok: true, config: loaded.config, ignored: loaded.ignored, files: loaded.files };
    } catch (error) {
      const err = error as Error;
      if (err.name !== 'ConfigError') throw error;
      return { ok: false, message: err.message };
    }
  };
  if (configFile !== undefined) {
    // With --config every file gets the same config: check it once, up front.
    const probe = configFor(resolve(cwd, 'fzlint-probe.md'));
    if (!probe.ok) return { fatal: probe.message, configFor };
  }
  return { configFor };
}
