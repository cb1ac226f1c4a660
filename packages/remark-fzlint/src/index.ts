/**
 * `remark-fzlint`: the fzlint checks of 法治政府建设年度报告 inside any unified
 * pipeline (remark-cli, unified-language-server, a docs build). Each finding
 * becomes a vfile message with its position, rule id, severity and docs URL.
 */
import {
  ConfigError,
  lint,
  mergeConfigs,
  validateConfig,
  type Diagnostic,
  type FzlintConfig,
  type LintResult,
  type Locale,
} from '@fzlint/linter';
import { createFzlint, MAX_REPORT_BYTES } from '@fzlint/linter/node';
import type { Plugin, Transformer } from 'unified';
/** The file a unified transformer receives (unified's own `VFile` type, so no direct `vfile` dependency). */
type VFile = Parameters<Transformer>[1];

/** The part of an fzlint config the plugin takes as options (same keys and values as `fzlint.config.json`). */
export type FzlintSettings = Pick<FzlintConfig, 'rules' | 'reportYear' | 'writingDate' | 'locale' | 'catalogue'>;

/**
 * Options of `remark-fzlint`: the `fzlint.config.json` keys `rules`,
 * `reportYear`, `writingDate`, `locale`, `catalogue`, plus where the config
 * files come from. Options win over config files key by key (rules per rule id).
 */
export interface RemarkFzlintOptions extends FzlintSettings {
  /**
   * Look for `fzlint.config.json` / `.fzlintrc.json` upward from the file, as the
   * `fzlint` command does (default `true`; files without a path are never looked up).
   */
  readonly discoverConfig?: boolean;
  /** A config file (relative to the file's `cwd`) that replaces discovery, as `fzlint --config`. */
  readonly configFile?: string;
}

/** `source` of every message this plugin emits (remark-lint uses the package name the same way). */
export const MESSAGE_SOURCE = 'fzlint';

/** The option keys that are not fzlint config keys. */
const OWN_KEYS = new Set(['discoverConfig', 'configFile']);

/** The language of config errors: the `locale` option when it is a valid one (zh-CN otherwise, as fzlint). */
function localeOf(value: unknown): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** The plugin's own option errors, worded as fzlint's config errors. */
const OPTION_ERRORS = {
  discoverConfig: { 'zh-CN': '必须是 true 或 false', en: 'must be true or false' },
  configFile: { 'zh-CN': '必须是文件路径', en: 'must be a file path' },
} as const;

function optionError(key: keyof typeof OPTION_ERRORS, got: unknown, locale: Locale): ConfigError {
  const value = JSON.stringify(got) ?? String(got);
  const tail = locale === 'en' ? ` (got ${value})` : `（实际为 ${value}）`;
  return new ConfigError(`remark-fzlint options: ${key} ${OPTION_ERRORS[key][locale]}${tail}`, { key });
}

/**
 * Splits the plugin options into the fzlint config (validated like a config
 * file, so a bad value names the key and the allowed values) and the plugin's own keys.
 */
export function settingsFromOptions(options: RemarkFzlintOptions | null | undefined): {
  readonly config: FzlintConfig;
  readonly discoverConfig: boolean;
  readonly configFile?: string;
} {
  const raw: Record<string, unknown> = { ...(options ?? {}) };
  const discoverConfig = raw['discoverConfig'] === undefined ? true : raw['discoverConfig'];
  const configFile = raw['configFile'];
  const locale = localeOf(raw['locale']);
  if (typeof discoverConfig !== 'boolean') throw optionError('discoverConfig', discoverConfig, locale);
  if (configFile !== undefined && (typeof configFile !== 'string' || configFile === '')) {
    throw optionError('configFile', configFile, locale);
  }
  const configPart: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!OWN_KEYS.has(key) && value !== undefined) configPart[key] = value;
  const config = validateConfig(configPart, { file: 'remark-fzlint options', locale });
  return { config, discoverConfig, ...(configFile !== undefined ? { configFile } : {}) };
}

// vfile's convention (unified-lint-rule): fatal true = error, false = warning, null = info.
function fatalOf(severity: Diagnostic['severity']): boolean | null {
  return severity === 'error' ? true : severity === 'warn' ? false : null;
}

/** Adds one fzlint finding to the file as a vfile message. */
function report(file: VFile, d: Diagnostic, source: string): void {
  const message = file.message(d.message, {
    place: {
      start: { line: d.start.line, column: d.start.column, offset: d.range.start },
      end: { line: d.end.line, column: d.end.column, offset: d.range.end },
    },
    ruleId: d.ruleId,
    source: MESSAGE_SOURCE,
  });
  message.fatal = fatalOf(d.severity);
  message.url = d.docsUrl;
  // unified-language-server offers `expected` as quick fixes replacing the
  // message's range, so only edits of exactly that range can be passed on.
  const edits = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? []).map((s) => s.fix)].filter(
    (f) => f.range.start === d.range.start && f.range.end === d.range.end,
  );
  if (edits.length > 0) {
    message.actual = source.slice(d.range.start, d.range.end);
    message.expected = edits.map((f) => f.text);
  }
  if (d.related && d.related.length > 0) {
    message.note = d.related.map((r) => r.message).join('\n');
  }
}

/**
 * Whether a text is over the size cap every fzlint front end applies (10 MiB of UTF-8): such a
 * file is not linted, as the `fzlint` command and the language server skip it.
 */
function overSizeCap(text: string): boolean {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three: count only when it matters.
  if (text.length > MAX_REPORT_BYTES) return true;
  return text.length * 3 > MAX_REPORT_BYTES && new TextEncoder().encode(text).length > MAX_REPORT_BYTES;
}

/**
 * Lints the file's text with the config that applies to it, found by the project API as the
 * `fzlint` command finds it; undefined when the file is ignored (`.fzlintignore`, `ignorePatterns`).
 */
function lintFile(file: VFile, settings: ReturnType<typeof settingsFromOptions>): LintResult | undefined {
  const text = String(file);
  if (overSizeCap(text)) return undefined;
  let config = settings.config;
  if (file.path && (settings.discoverConfig || settings.configFile !== undefined)) {
    // A new project per file: an editor's long-lived pipeline sees config changes at once.
    const project = createFzlint({
      cwd: file.cwd,
      locale: localeOf(settings.config.locale),
      ...(settings.configFile !== undefined ? { configFile: settings.configFile } : {}),
    });
    const found = project.configFor(file.path);
    if (found.ignored) return undefined;
    config = mergeConfigs(found.config, config);
  }
  // The pipeline's input is Markdown whatever the file is called (`.mdx`, stdin).
  return lint(text, { ...(file.path ? { filePath: file.path } : {}), format: 'markdown', config });
}

/**
 * The unified plugin. Runs fzlint once per file on the file's text (not on the
 * tree: fzlint parses the report itself) and reports every finding as a vfile
 * message: `ruleId` the fzlint rule id, `source` `fzlint`, `fatal` true for
 * errors, false for warnings and null for infos, `url` the rule's page, and
 * `expected` the fix or suggestions when they replace the reported text.
 *
 * remark-cli exits 1 when a file has an error (or any warning with `--frail`).
 * A bad option or config file becomes one fatal message naming the key.
 */
const remarkFzlint: Plugin<[(RemarkFzlintOptions | null | undefined)?]> = function remarkFzlint(options) {
  // Validated once per pipeline; a bad option is reported on each file as a
  // fatal message (a throw here would print a stack trace in remark-cli).
  let settings: ReturnType<typeof settingsFromOptions> | ConfigError;
  try {
    settings = settingsFromOptions(options);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    settings = e;
  }
  return (_tree, file) => {
    let result: LintResult | undefined;
    try {
      if (settings instanceof ConfigError) throw settings;
      result = lintFile(file, settings);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const message = file.message(e.message, { ruleId: 'config-error', source: MESSAGE_SOURCE });
      message.fatal = true;
      return;
    }
    if (!result) return;
    for (const d of result.diagnostics) report(file, d, result.source);
  };
};

export default remarkFzlint;
export { remarkFzlint };
