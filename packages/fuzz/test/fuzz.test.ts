/**
 * Property-based fuzzing in `pnpm test`: a few thousand cases with a fixed
 * seed, so CI is reproducible and bounded (`pnpm fuzz --runs N --seed S` runs
 * more). A failure prints fast-check's shrunk counterexample and the seed and
 * path that replay it.
 */
import fc from 'fast-check';
import { defineRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { checkCase, lintCase, reportSoup, runFuzz, type LintCase } from '../src/index.js';
import { corpusTexts } from './corpus.js';

/** Cases in all, split over the properties by weight. */
const RUNS = 3000;
const SEED = 20231231;

describe('fuzzing (fast-check, fixed seed)', () => {
  it(`keeps every invariant on ${RUNS} generated documents`, async () => {
    const { reports, stats } = await runFuzz(corpusTexts(), { runs: RUNS, seed: SEED });
    const failed = reports.filter((r) => r.failed);
    expect(
      failed.map((r) => `${r.name}: ${r.error}\ncounterexample: ${r.counterexample}\nreplay: fc.assert(property, { seed: ${r.seed}, path: '${r.path}' })`),
    ).toEqual([]);
    expect(stats.crashes).toBe(0);
    expect(stats.violations).toBe(0);
    expect(stats.documents).toBeGreaterThan(RUNS * 0.8);
  });
});

describe('the fuzzer itself', () => {
  it('finds a planted defect and shrinks it to a minimal case', () => {
    // A rule whose message shows NaN whenever the text holds 法冶: the guard makes it a rule failure.
    const planted = defineRule({
      meta: {
        id: 'style/planted',
        family: 'style',
        defaultSeverity: 'warn',
        description: { 'zh-CN': '测试', en: 'test' },
        fixable: false,
        messages: { bad: { 'zh-CN': '应为{{n}}', en: 'should be {{n}}' } },
      },
      check(document, context) {
        const at = document.text.indexOf('法冶');
        if (at >= 0) context.report({ messageId: 'bad', data: { n: Number.NaN }, range: { start: at, end: at + 2 } });
      },
    });
    const details = fc.check(
      fc.property(lintCase(reportSoup(80)), (c) => {
        expect(checkCase(c, [planted]).violations).toEqual([]);
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect(details.failed).toBe(true);
    // Shrunk to the one token of the vocabulary that holds it (法冶政府), alone.
    expect((details.counterexample?.[0] as LintCase).text).toBe('法冶政府');
  });
});
