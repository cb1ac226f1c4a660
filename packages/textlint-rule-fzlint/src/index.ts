/**
 * `textlint-rule-fzlint`: the fzlint checks of 法治政府建设年度报告 as one
 * textlint rule, for teams that already run textlint. fzlint parses the whole
 * report itself (sections, numbers, references need the whole text), so the rule
 * runs once per file, on the `Document` node, and reports each finding at its range.
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
  type Severity,
} from '@fzlint/linter';
import { createFzlint, MAX_REPORT_BYTES } from '@fzlint/linter/node';
import type {
  TextlintFixableRuleModule,
  TextlintRuleContext,
  TextlintRuleReportHandler,
  TextlintRuleReporter,
  TextlintRuleSuggestion,
} from '@textlint/types';

/**
 * Options (under `rules.fzlint` in `.textlintrc.json`): the `fzlint.config.json`
 * keys `rules`, `reportYear`, `writingDate`, `locale`, `catalogue`, plus which
 * findings to report and where config files come from. Options win over config
 * files key by key (rules per rule id).
 */
export interface FzlintRuleOptions extends Pick<FzlintConfig, 'rules' | 'reportYear' | 'writingDate' | 'locale' | 'catalogue'> {
  /**
   * The least fzlint severity reported (default `warn`). textlint gives every
   * message of a rule the rule's one severity, so infos (a section present only
   * as prose, a deadline passed) are left out unless asked for.
   */
  readonly minSeverity?: Severity;
  /** Look for `fzlint.config.json` / `.fzlintrc.json` upward from the file, as `fzlint` does (default true). */
  readonly discoverConfig?: boolean;
  /** A config file (relative to the textlint config's folder) that replaces discovery, as `fzlint --config`. */
  readonly configFile?: string;
}

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };
// `severity` is textlint's own per-rule key; the others are this rule's.
const NOT_FZLINT_KEYS = new Set(['severity', 'minSeverity', 'discoverConfig', 'configFile']);

interface Settings {
  readonly config: FzlintConfig;
  readonly minSeverity: Severity;
  readonly discoverConfig: boolean;
  readonly configFile?: string;
}

/** The language of config errors: the `locale` option when it is a valid one (zh-CN otherwise, as fzlint). */
function localeOf(value: unknown): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** The rule's own option errors, worded as fzlint's config errors. */
const OPTION_ERRORS = {
  minSeverity: { 'zh-CN': '必须是 info、warn、error 之一', en: 'must be one of info, warn, error' },
  discoverConfig: { 'zh-CN': '必须是 true 或 false', en: 'must be true or false' },
  configFile: { 'zh-CN': '必须是文件路径', en: 'must be a file path' },
} as const;

function optionError(name: string, key: keyof typeof OPTION_ERRORS, got: unknown, locale: Locale): ConfigError {
  const value = JSON.stringify(got) ?? String(got);
  const tail = locale === 'en' ? ` (got ${value})` : `（实际为 ${value}）`;
  return new ConfigError(`${name}: ${key} ${OPTION_ERRORS[key][locale]}${tail}`, { key });
}

/** Validates the options like a config file (a bad value names the key and the allowed values). */
export function settingsFromOptions(options: unknown): Settings {
  // `"fzlint": true` in .textlintrc gives `true` (or nothing) rather than an object.
  const raw: Record<string, unknown> = options !== null && typeof options === 'object' ? { ...(options as object) } : {};
  const name = 'textlint-rule-fzlint options';
  const locale = localeOf(raw['locale']);
  const minSeverity = raw['minSeverity'] ?? 'warn';
  if (minSeverity !== 'info' && minSeverity !== 'warn' && minSeverity !== 'error') {
    throw optionError(name, 'minSeverity', minSeverity, locale);
  }
  const discoverConfig = raw['discoverConfig'] ?? true;
  if (typeof discoverConfig !== 'boolean') throw optionError(name, 'discoverConfig', discoverConfig, locale);
  const configFile = raw['configFile'];
  if (configFile !== undefined && (typeof configFile !== 'string' || configFile === '')) {
    throw optionError(name, 'configFile', configFile, locale);
  }
  const part: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!NOT_FZLINT_KEYS.has(key) && value !== undefined) part[key] = value;
  const config = validateConfig(part, { file: name, locale });
  return { config, minSeverity, discoverConfig, ...(configFile !== undefined ? { configFile } : {}) };
}

/** The message textlint shows: the fzlint rule id first, since textlint names only the rule `fzlint`. */
export function messageOf(d: Diagnostic): string {
  return `[${d.ruleId}] ${d.message}`;
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

function lintDocument(context: Readonly<TextlintRuleContext>, text: string, settings: Settings): LintResult | undefined {
  if (overSizeCap(text)) return undefined;
  const filePath = context.getFilePath();
  let config = settings.config;
  if (filePath !== undefined && (settings.discoverConfig || settings.configFile !== undefined)) {
    const base = context.getConfigBaseDir();
    // The project API finds the config and the ignore files as the `fzlint` command does.
    const project = createFzlint({
      ...(base !== undefined ? { cwd: base } : {}),
      locale: localeOf(settings.config.locale),
      ...(settings.configFile !== undefined ? { configFile: settings.configFile } : {}),
    });
    const found = project.configFor(filePath);
    if (found.ignored) return undefined;
    config = mergeConfigs(found.config, config);
  }
  // A file is parsed by its extension (textlint lints `.txt` too); text typed
  // into textlint without a file (stdin) is taken as Markdown, textlint's default.
  return lint(text, { ...(filePath !== undefined ? { filePath } : { format: 'markdown' as const }), config });
}

/**
 * The rule reporter (`linter` and `fixer` of the module). On the `Document`
 * node it lints the node's whole text once and reports every finding with
 * `padding: locator.range([start, end])`, its fix (applied by `textlint --fix`)
 * and its suggestions.
 */
export const reporter: TextlintRuleReporter<FzlintRuleOptions> = (context, options) => {
  const { Syntax, RuleError, report, getSource, fixer, locator } = context;
  let settings: Settings | ConfigError;
  try {
    settings = settingsFromOptions(options);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    settings = e;
  }
  const handler: TextlintRuleReportHandler = {
    [Syntax.Document](node) {
      if (settings instanceof ConfigError) {
        // One message on the document instead of a crash of the whole run.
        report(node, new RuleError(`[config-error] ${settings.message}`, { padding: locator.at(0) }));
        return;
      }
      // Offsets from fzlint are relative to this text, as textlint's paddings and fix ranges are to the node.
      const text = getSource(node);
      let result: LintResult | undefined;
      try {
        result = lintDocument(context, text, settings);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        report(node, new RuleError(`[config-error] ${e.message}`, { padding: locator.at(0) }));
        return;
      }
      if (!result) return;
      const least = RANK[settings.minSeverity];
      for (const d of result.diagnostics) {
        if (RANK[d.severity] < least) continue;
        const suggestions: TextlintRuleSuggestion[] = (d.suggestions ?? []).map((s, i) => ({
          id: `${d.ruleId}#${i}`,
          message: s.desc,
          fix: fixer.replaceTextRange([s.fix.range.start, s.fix.range.end], s.fix.text),
        }));
        report(
          node,
          new RuleError(messageOf(d), {
            padding: locator.range([d.range.start, d.range.end]),
            ...(d.fix ? { fix: fixer.replaceTextRange([d.fix.range.start, d.fix.range.end], d.fix.text) } : {}),
            ...(suggestions.length > 0 ? { suggestions } : {}),
          }),
        );
      }
    },
  };
  return handler;
};

/** The rule module: `{linter, fixer}`, so `textlint --fix` applies fzlint's sure fixes. */
const rule: TextlintFixableRuleModule<FzlintRuleOptions> = { linter: reporter, fixer: reporter };

export default rule;
