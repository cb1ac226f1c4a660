/**
 * What the engine needs from config handling at lint time: reading a rule's
 * `severity | [severity, options]` entry and a `YYYY-MM-DD` date. Kept apart from
 * `validate.ts` so `lint()` never loads the schema validator.
 */
import type { Locale } from '@fzlint/rule-api';
import type { RuleConfigEntry } from '../types.js';
import { formatKeyPath } from './keys.js';
import { configError, describeValue, listText } from './messages.js';
import { SEVERITY_SETTINGS } from './schema.js';

/** A rule's config entry, normalised. */
export interface NormalizedRuleEntry {
  readonly severity: (typeof SEVERITY_SETTINGS)[number];
  readonly options?: unknown;
}

/** Whether a value is one of `off`, `info`, `warn`, `error`. */
export function isSeveritySetting(value: unknown): value is NormalizedRuleEntry['severity'] {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/**
 * Reads `"warn"` or `["warn", {…}]`. Throws a `ConfigError` (in `locale`,
 * default zh-CN) on anything else, so a config handed to `lint` directly (not
 * loaded from a file) is checked too.
 */
export function normalizeRuleEntry(
  ruleId: string,
  entry: RuleConfigEntry | unknown,
  locale: Locale = 'zh-CN',
): NormalizedRuleEntry {
  if (isSeveritySetting(entry)) return { severity: entry };
  if (Array.isArray(entry) && entry.length >= 1 && entry.length <= 2 && isSeveritySetting(entry[0])) {
    return entry.length === 2 ? { severity: entry[0], options: entry[1] } : { severity: entry[0] };
  }
  throw configError(locale, undefined, formatKeyPath(['rules', ruleId], { rules: {} }), 'ruleEntry', {
    allowed: listText(SEVERITY_SETTINGS, locale),
    got: describeValue(entry, locale),
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a calendar date, or undefined when it is not a real date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}
