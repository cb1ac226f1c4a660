import type { Diagnostic, Locale } from '@fzlint/rule-api';
import { configError, describeValue } from './config/messages.js';
import { countDiagnostics } from './counts.js';
import { relativeTo } from './formatters/paths.js';
import type { LintResult } from './types.js';

/** The default name of the bulk suppressions file, beside the config. */
export const SUPPRESSIONS_FILE = 'fzlint-suppressions.json';

/**
 * ESLint's bulk suppressions shape: for each file (relative to the folder of the
 * suppressions file, forward slashes), for each rule, how many findings are
 * accepted as they are.
 */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** What the suppression helpers read of a result: a `LintResult`, or a `FormattableResult` from workers or a cache. */
export type SuppressibleResult = Pick<LintResult, 'filePath' | 'diagnostics'>;

/** Where paths are relative to (the folder of the suppressions file, usually the cwd). */
export interface SuppressionsOptions {
  readonly cwd?: string;
}

/** The linter's own problems (directives, crashed rules, unreadable files) are never suppressed. */
function suppressible(d: Diagnostic): boolean {
  return !d.ruleId.startsWith('fzlint/');
}

function keyOf(result: SuppressibleResult, options: SuppressionsOptions): string | undefined {
  return result.filePath !== undefined ? relativeTo(options.cwd, result.filePath) : undefined;
}

function countByRule(result: SuppressibleResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of result.diagnostics) if (suppressible(d)) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return counts;
}

function sortSuppressions(s: Suppressions): Suppressions {
  const out: Suppressions = {};
  for (const file of Object.keys(s).sort()) {
    const rules: Record<string, { count: number }> = {};
    for (const id of Object.keys(s[file]!).sort()) rules[id] = { count: s[file]![id]!.count };
    if (Object.keys(rules).length) out[file] = rules;
  }
  return out;
}

/** For `--suppress-all`: the counts of every finding of every file, sorted for stable diffs. */
export function buildSuppressions(results: readonly SuppressibleResult[], options: SuppressionsOptions = {}): Suppressions {
  const out: Suppressions = {};
  for (const result of results) {
    const key = keyOf(result, options);
    if (key === undefined) continue;
    const counts = countByRule(result);
    if (counts.size === 0) continue;
    const rules: Record<string, { count: number }> = (out[key] ??= {});
    for (const [id, count] of counts) rules[id] = { count: (rules[id]?.count ?? 0) + count };
  }
  return sortSuppressions(out);
}

/** Result of `applySuppressions`. */
export interface AppliedSuppressions<R extends SuppressibleResult = LintResult> {
  /** The results with suppressed findings removed and counts recomputed. */
  readonly results: R[];
  /** Suppressed counts no longer reached (the findings were fixed): `--prune-suppressions` drops them. */
  readonly unused: Suppressions;
}

/**
 * Hides the findings accepted in the suppressions file. As ESLint does, a file's
 * findings of one rule are all hidden while there are at most as many as the
 * suppressed count, and all reported once there are more: which of them is the
 * new one cannot be told, so the author sees them all and fixes one (or updates
 * the file with `--suppress-all`).
 */
export function applySuppressions<R extends SuppressibleResult = LintResult>(
  results: readonly R[],
  suppressions: Suppressions,
  options: SuppressionsOptions = {},
): AppliedSuppressions<R> {
  const unused: Suppressions = {};
  const out = results.map((result): R => {
    const key = keyOf(result, options);
    const accepted = key !== undefined ? suppressions[key] : undefined;
    if (!accepted) return result;
    const counts = countByRule(result);
    const hidden = new Set<string>();
    for (const [id, { count }] of Object.entries(accepted)) {
      const found = counts.get(id) ?? 0;
      if (found <= count) hidden.add(id);
      if (found < count) (unused[key!] ??= {})[id] = { count: count - found };
    }
    if (hidden.size === 0) return result;
    const diagnostics = result.diagnostics.filter((d) => !(suppressible(d) && hidden.has(d.ruleId)));
    return { ...result, diagnostics, ...countDiagnostics(diagnostics) };
  });
  return { results: out, unused: sortSuppressions(unused) };
}

/**
 * For `--prune-suppressions`: lowers each count to the findings still there and
 * drops what is fixed. `results` must be the unsuppressed results; files that
 * were not linted this time keep their entries.
 */
export function pruneSuppressions(
  suppressions: Suppressions,
  results: readonly SuppressibleResult[],
  options: SuppressionsOptions = {},
): Suppressions {
  const out: Suppressions = {};
  for (const [file, rules] of Object.entries(suppressions)) out[file] = { ...rules };
  for (const result of results) {
    const key = keyOf(result, options);
    if (key === undefined || !out[key]) continue;
    const counts = countByRule(result);
    const rules = out[key]!;
    for (const [id, { count }] of Object.entries(rules)) {
      const found = Math.min(count, counts.get(id) ?? 0);
      if (found === 0) delete rules[id];
      else rules[id] = { count: found };
    }
  }
  return sortSuppressions(out);
}

/** Options of `parseSuppressions` / `readSuppressions`. */
export interface ParseSuppressionsOptions {
  /** The language of the error message (default zh-CN, as config errors). */
  readonly locale?: Locale;
}

/**
 * Checks the parsed contents of a suppressions file; throws a one-line
 * `ConfigError` naming the file, the entry and what is wrong, in `options.locale`.
 */
export function parseSuppressions(value: unknown, file = SUPPRESSIONS_FILE, options: ParseSuppressionsOptions = {}): Suppressions {
  const locale = options.locale ?? 'zh-CN';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw configError(locale, file, undefined, 'suppressionsNotObject', { got: describeValue(value, locale) });
  }
  for (const [path, rules] of Object.entries(value as Record<string, unknown>)) {
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
      throw configError(locale, file, JSON.stringify(path), 'suppressionsRules', { got: describeValue(rules, locale) });
    }
    for (const [id, entry] of Object.entries(rules as Record<string, unknown>)) {
      const count = (entry as { count?: unknown } | null)?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        const key = `${JSON.stringify(path)}[${JSON.stringify(id)}].count`;
        throw configError(locale, file, key, 'suppressionsCount', { got: describeValue(count, locale) });
      }
    }
  }
  return value as Suppressions;
}
