/**
 * Pairing the reports of a batch with last year's report of the same issuer, the
 * way `fzlint` pairs the files of a directory (`pairReports` of `@fzlint/rules`:
 * same issuer, report year − 1). Pure: the worker decides which reports to check
 * again from what this returns.
 */
import { describePair, pairReports, type ReportIdentity } from '@fzlint/rules';
import type { Locale } from '@fzlint/rule-api';

/** A report of the batch as the worker knows it. */
export interface BatchEntry {
  readonly name: string;
  readonly identity: ReportIdentity | undefined;
  /** Increases each time the report is read anew (a file of the same name dropped again). */
  readonly version: number;
  /** Last year's report it was last checked with (its name and version), if any. */
  readonly comparedWith?: { readonly name: string; readonly version: number };
}

/** A report to check again: with last year's report (or, `previous` absent, without one). */
export interface Recheck {
  readonly name: string;
  readonly previous?: { readonly name: string; readonly version: number; readonly why: string };
}

/**
 * The reports whose previous report is not the one they were checked with: newly
 * paired, paired with another or a changed file, or no longer paired.
 */
export function rechecks(entries: readonly BatchEntry[], locale: Locale): Recheck[] {
  const known = entries.filter((e) => e.identity !== undefined);
  const { pairs } = pairReports(known.map((e) => ({ id: e.name, identity: e.identity as ReportIdentity })));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const pairOf = new Map(pairs.map((p) => [p.current, p]));
  const out: Recheck[] = [];
  for (const e of entries) {
    const pair = pairOf.get(e.name);
    const last = pair ? byName.get(pair.previous) : undefined;
    if (!pair || !last) {
      if (e.comparedWith) out.push({ name: e.name });
      continue;
    }
    if (e.comparedWith?.name === last.name && e.comparedWith.version === last.version) continue;
    out.push({ name: e.name, previous: { name: last.name, version: last.version, why: describePair(pair.reason, locale) } });
  }
  return out;
}
