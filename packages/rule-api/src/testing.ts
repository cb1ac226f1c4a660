import { parse, type ParseOptions } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { applyFixesOnce } from './fixes.js';
import { runRule } from './run.js';
import { resolveSettings, type SettingsInput } from './settings.js';
import type { AnyRule, Diagnostic, Severity } from './types.js';

/** A case the rule must accept. */
export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  readonly options?: unknown;
  readonly settings?: SettingsInput;
  readonly parse?: ParseOptions;
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
}

/** A case the rule must flag. */
export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after applying the fixes once; omit for a rule that must not fix this case. */
  readonly output?: string;
}

/** Lints `code` with one rule, as the engine would, and returns its diagnostics. */
export function lintWithRule(rule: AnyRule, c: ValidCase): Diagnostic[] {
  const document = parse(c.code, { format: 'markdown', ...c.parse });
  return runRule(rule, document, {
    settings: resolveSettings(document, c.settings),
    ...(c.options !== undefined ? { options: c.options } : {}),
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
