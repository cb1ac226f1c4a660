/**
 * Client settings (`fzlint.*`) the server understands. The VS Code extension contributes
 * exactly these keys; a test in the extension checks that they match.
 */
import type { Locale, SeveritySetting } from '@fzlint/rule-api';

/** A rule's setting as a client may send it: a severity, or `[severity, options]`. */
export type ClientRuleSetting = SeveritySetting | readonly [SeveritySetting, unknown?];

/** The `fzlint` section of the client's configuration. */
export interface FzlintSettings {
  /** Lint at all. */
  readonly enable: boolean;
  /** Rule severities that win over `fzlint.config.json`. */
  readonly rules: Readonly<Record<string, ClientRuleSetting>>;
  /** The report year, when the document and the config do not say it (null: read it from the document). */
  readonly reportYear: number | null;
  /** Message language. */
  readonly locale: Locale;
  /** Wait this long after the last keystroke before linting. */
  readonly debounceMs: number;
  /** Globs (relative to the workspace folder) of files that are reports even without a config or a report title. */
  readonly include: readonly string[];
}

/** Defaults, also the contributed defaults of the extension. */
export const DEFAULT_SETTINGS: FzlintSettings = Object.freeze({
  enable: true,
  rules: Object.freeze({}),
  reportYear: null,
  locale: 'zh-CN',
  debounceMs: 200,
  include: Object.freeze([]) as readonly string[],
});

/** JSON type of every setting, by key (what the extension's `contributes.configuration` must declare). */
export const SETTINGS_TYPES: Readonly<Record<keyof FzlintSettings, string | readonly string[]>> = Object.freeze({
  enable: 'boolean',
  rules: 'object',
  reportYear: ['integer', 'null'],
  locale: 'string',
  debounceMs: 'integer',
  include: 'array',
});

const SEVERITIES: ReadonlySet<unknown> = new Set<SeveritySetting>(['off', 'info', 'warn', 'error']);

function isSeverity(value: unknown): value is SeveritySetting {
  return SEVERITIES.has(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads whatever the client sent (possibly nothing, possibly wrong types) into settings,
 * falling back to the default per key: a typo in a user's settings never stops linting.
 */
export function normalizeSettings(raw: unknown): FzlintSettings {
  const r = isRecord(raw) ? raw : {};
  const rules: Record<string, ClientRuleSetting> = {};
  if (isRecord(r['rules'])) {
    for (const [id, value] of Object.entries(r['rules'])) {
      if (isSeverity(value)) rules[id] = value;
      else if (Array.isArray(value) && isSeverity(value[0])) rules[id] = value.length > 1 ? [value[0], value[1] as unknown] : [value[0]];
    }
  }
  const year = r['reportYear'];
  const debounce = r['debounceMs'];
  return {
    enable: typeof r['enable'] === 'boolean' ? r['enable'] : DEFAULT_SETTINGS.enable,
    rules,
    reportYear: typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    locale: r['locale'] === 'en' ? 'en' : 'zh-CN',
    debounceMs:
      typeof debounce === 'number' && Number.isFinite(debounce)
        ? Math.min(5000, Math.max(0, Math.round(debounce)))
        : DEFAULT_SETTINGS.debounceMs,
    include: Array.isArray(r['include']) ? r['include'].filter((g): g is string => typeof g === 'string') : [],
  };
}
