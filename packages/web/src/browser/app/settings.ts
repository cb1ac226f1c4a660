/**
 * The page's settings: language, a report year that overrides the reports'
 * own, rules switched off. Kept in local storage; exported and imported as
 * `fzlint.config.json`, the same file the CLI and the editor read.
 */
import type { RuleConfigEntry } from '@fzlint/linter';
import type { Locale } from '@fzlint/rule-api';

/** What the page remembers. */
export interface PageSettings {
  readonly locale: Locale;
  readonly reportYear?: number | undefined;
  readonly rules: Readonly<Record<string, RuleConfigEntry>>;
}

const KEY = 'fzlint.web.settings';
const DEFAULTS: PageSettings = { locale: 'zh-CN', rules: {} };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be off (privacy settings): the page works, it just forgets.
    return undefined;
  }
}

/** The saved settings, or the defaults. */
export function loadSettings(): PageSettings {
  const raw = storage()?.getItem(KEY);
  if (!raw) return DEFAULTS;
  const parsed = parseConfig(raw, 'zh-CN');
  return parsed.ok ? parsed.settings : DEFAULTS;
}

/** Saves the settings. */
export function saveSettings(s: PageSettings): void {
  try {
    storage()?.setItem(KEY, configJson(s));
  } catch {
    // Full or off: nothing to do.
  }
}

/** The settings as `fzlint.config.json`. */
export function configJson(s: PageSettings): string {
  const config: Record<string, unknown> = {};
  if (s.reportYear !== undefined) config['reportYear'] = s.reportYear;
  config['locale'] = s.locale;
  config['rules'] = s.rules;
  return `${JSON.stringify(config, null, 2)}\n`;
}

const SEVERITIES = new Set(['off', 'info', 'warn', 'error']);

/** Reads a `fzlint.config.json` (its reportYear, locale and rule severities); other keys are left to the CLI. */
export function parseConfig(text: string, fallback: Locale): { ok: true; settings: PageSettings } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'not a JSON object' };
  const o = data as Record<string, unknown>;
  const year = o['reportYear'];
  if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100)) return { ok: false, error: 'reportYear' };
  const loc = o['locale'] === 'en' || o['locale'] === 'zh-CN' ? o['locale'] : fallback;
  const rules: Record<string, RuleConfigEntry> = {};
  const given = o['rules'];
  if (given !== undefined) {
    if (given === null || typeof given !== 'object' || Array.isArray(given)) return { ok: false, error: 'rules' };
    for (const [id, entry] of Object.entries(given as Record<string, unknown>)) {
      const severity = Array.isArray(entry) ? entry[0] : entry;
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return { ok: false, error: `rules.${id}` };
      rules[id] = entry as RuleConfigEntry;
    }
  }
  return { ok: true, settings: { locale: loc, rules, ...(typeof year === 'number' ? { reportYear: year } : {}) } };
}
