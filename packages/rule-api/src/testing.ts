import { parse, type ParseOptions } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { applyFixesOnce } from './fixes.js';
import { runRule } from './run.js';
import { resolveSettings, type SettingsInput } from './settings.js';
import type { AnyRule, Diagnostic, PreviousReport, Severity } from './types.js';

/** Last year's report of a case: its text (parsed as the case's `code` is), or text with a file path. */
export type PreviousCase = string | { readonly code: string; readonly filePath?: string; readonly parse?: ParseOptions };

/** A case the rule must accept. */
export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  readonly options?: unknown;
  readonly settings?: SettingsInput;
  readonly parse?: ParseOptions;
  /** Last year's report, given to the rule as `context.previous` (the `continuity/` rules). */
  readonly previous?: PreviousCase;
}

/** What one expected finding must match (unset fields are not checked). */
export interface ExpectedError {
  readonly messageId: string;
  readonly severity?: Severity;
  readonly line?: number;
  readonly column?: number;
  /** The exact text the finding's range covers. */
  readonly text?: string;
  /** A substring of the rendered zh-CN message. */
  readonly messageIncludes?: string;
  /** The lines (1-based) in last year's report that the finding's related information points at, in order. */
  readonly previousLines?: readonly number[];
}

/** A case the rule must flag. */
export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after applying the fixes once; omit for a rule that must not fix this case. */
  readonly output?: string;
}

function previousOf(c: ValidCase): PreviousReport | undefined {
  if (c.previous === undefined) return undefined;
  const given = typeof c.previous === 'string' ? { code: c.previous } : c.previous;
  // Only the case's format carries over: its year or date overrides are this year's report's.
  const options = { format: c.parse?.format ?? ('markdown' as const), ...given.parse };
  const document = parse(given.code, given.filePath !== undefined ? { ...options, filePath: given.filePath } : options);
  return given.filePath !== undefined ? { document, filePath: given.filePath } : { document };
}

/** Lints `code` with one rule, as the engine would, and returns its diagnostics. */
export function lintWithRule(rule: AnyRule, c: ValidCase): Diagnostic[] {
  const document = parse(c.code, { format: 'markdown', ...c.parse });
  const previous = previousOf(c);
  return runRule(rule, document, {
    settings: resolveSettings(document, c.settings),
    ...(c.options !== undefined ? { options: c.options } : {}),
    ...(previous ? { previous } : {}),
  });
}

function label(c: ValidCase, i: number): string {
  return c.name ?? `#${i} ${c.code.replace(/\s+/g, ' ').slice(0, 60)}`;
}

/**
 * ESLint-style rule tests for vitest: every valid case yields no finding, every
 * invalid case yields exactly the expected findings in order, and its fixed output
 * matches `output` and leaves nothing fixable for this rule.
 */
export class RuleTester {
  run(rule: AnyRule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      describe('valid', () => {
        cases.valid.forEach((c, i) => {
          it(label(c, i), () => {
            const found = lintWithRule(rule, c);
            expect(found.map((d) => `${d.messageId}: ${d.message} @${d.start.line}:${d.start.column}`)).toEqual([]);
          });
        });
      });
      describe('invalid', () => {
        cases.invalid.forEach((c, i) => {
          it(label(c, i), () => {
            const found = lintWithRule(rule, c);
            expect(found.length, found.map((d) => `${d.messageId}: ${d.message}`).join('\n')).toBe(c.errors.length);
            c.errors.forEach((e, k) => {
              const d = found[k]!;
              expect(d.messageId).toBe(e.messageId);
              if (e.severity) expect(d.severity).toBe(e.severity);
              if (e.line !== undefined) expect(d.start.line).toBe(e.line);
              if (e.column !== undefined) expect(d.start.column).toBe(e.column);
              if (e.text !== undefined) expect(c.code.slice(d.range.start, d.range.end)).toBe(e.text);
              if (e.messageIncludes !== undefined) expect(d.message).toContain(e.messageIncludes);
              if (e.previousLines !== undefined) {
                const lines = (d.related ?? []).flatMap((r) => (r.filePath !== undefined && r.start ? [r.start.line] : []));
                expect(lines).toEqual(e.previousLines);
              }
            });
            const fixes = found.flatMap((d) => (d.fix ? [d.fix] : []));
            if (c.output === undefined) {
              expect(fixes, 'unexpected fix').toEqual([]);
            } else {
              const { output } = applyFixesOnce(c.code, fixes);
              expect(output).toBe(c.output);
              const again = lintWithRule(rule, { ...c, code: output }).filter((d) => d.fix);
              expect(again.map((d) => d.message), 'fixed output is still fixable').toEqual([]);
            }
          });
        });
      });
    });
  }
}
