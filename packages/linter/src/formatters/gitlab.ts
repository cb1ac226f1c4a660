import type { Severity } from '@fzlint/rule-api';
import type { FormattableResult, FormatterContext } from './types.js';
import { elsewhereLines, relativeTo } from './paths.js';

/** GitLab Code Quality severities (the Code Climate spec's, which GitLab reads). */
export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One entry of a GitLab Code Quality report (`artifacts:reports:codequality`). */
export interface GitlabIssue {
  /** The finding's message, as fzlint words it in the chosen locale. */
  readonly description: string;
  /** The rule id (`statistics/rate-mismatch`); GitLab groups by it. */
  readonly check_name: string;
  /**
   * Stable across runs for the same finding (hash of file, rule, message and
   * line), so GitLab can tell new findings of a merge request from old ones.
   */
  readonly fingerprint: string;
  readonly severity: GitlabSeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

// As eslint-formatter-gitlab: errors are major, warnings minor. Nothing fzlint
// finds blocks a merge by itself, so critical/blocker are left to the user's policy.
const SEVERITY: Record<Severity, GitlabSeverity> = { error: 'major', warn: 'minor', info: 'info' };

/**
 * A 128-bit non-cryptographic hash (bryc's cyrb128, public domain) as 32 hex
 * digits. Not `node:crypto`: the formatters run outside Node too, and a
 * fingerprint only needs to be stable and unlikely to collide.
 */
export function fingerprintHash(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The Code Quality entries of the results (what `gitlab` serialises). */
export function toGitlabIssues(results: readonly FormattableResult[], context: FormatterContext = {}): GitlabIssue[] {
  const issues: GitlabIssue[] = [];
  // The same rule can report the same message twice on one line; GitLab drops
  // entries with equal fingerprints, so the second and later get a counter.
  const seen = new Map<string, number>();
  for (const result of results) {
    const path = result.filePath !== undefined ? relativeTo(context.cwd, result.filePath) : '';
    for (const d of result.diagnostics) {
      // NUL separators: no field can contain one, so field boundaries cannot shift.
      const key = [path, d.ruleId, d.message, String(d.start.line)].join('\u0000');
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      const elsewhere = elsewhereLines(d.related, context.cwd);
      issues.push({
        // A place in another file (last year's report) is named after the message; the fingerprint keeps to the message.
        description: elsewhere.length > 0 ? `${d.message} ${elsewhere.join(' ')}` : d.message,
        check_name: d.ruleId,
        fingerprint: fingerprintHash(count === 1 ? key : `${key}\u0000${count}`),
        severity: SEVERITY[d.severity],
        location: { path, lines: { begin: d.start.line } },
      });
    }
  }
  return issues;
}

/**
 * GitLab Code Quality report (a JSON array, Code Climate's issue subset that
 * GitLab reads), for `artifacts:reports:codequality` in `.gitlab-ci.yml`. Paths
 * are relative to `cwd` (the repository root in CI). An empty run is `[]`, which
 * GitLab needs to mark earlier findings as fixed.
 */
export function gitlab(results: readonly FormattableResult[], context: FormatterContext = {}): string {
  return JSON.stringify(toGitlabIssues(results, context), null, 2);
}
