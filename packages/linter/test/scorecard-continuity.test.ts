/**
 * The scorecard's continuity line: present with last year's report (the four counts and
 * the findings behind them), absent without one — not a line of zeros — and never part
 * of the overall score.
 */
import { describe, expect, it } from 'vitest';
import { formatScorecards, lint, scoreResult, withScoreRules, type FzlintConfig } from '../src/index.js';
import { CLEAN, DRAFT, DRAFT_NAME, LAST, LAST_NAME } from './support/pair.js';

const previous = { text: LAST, filePath: `/r/${LAST_NAME}` };

function card(text: string, withPrevious: boolean, config: FzlintConfig = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const result = lint(text, { filePath: `/r/${DRAFT_NAME}`, config: withScoreRules(config), locale, ...(withPrevious ? { previous } : {}) });
  return scoreResult(result, { filePath: DRAFT_NAME, locale, ...(withPrevious ? { previous: LAST_NAME } : {}) });
}

describe('the continuity line', () => {
  it('counts copied passages, repeated shortcomings, plan items not reported and restated figures', () => {
    const c = card(DRAFT, true).continuity!;
    expect(c).toMatchObject({ previous: LAST_NAME, copiedPassages: 1, repeatedShortcomings: 0, planItemsNotReported: 2, restatedFigures: 1 });
    expect(c.findings[0]).toMatchObject({ ok: false, message: `对照上年度报告 ${LAST_NAME}：照搬段落 1 处，重复上年的不足 0 项，上年安排未见落实 2 项，上年数字与上年度报告不符 1 处` });
    expect(c.findings.slice(1).map((f) => [f.ruleId, f.line])).toEqual([
      ['continuity/plan-not-reported', 2],
      ['continuity/copied-passage', 3],
      ['continuity/restated-figure', 4],
    ]);
  });

  it('is absent without last year’s report, and does not change the overall score', () => {
    const without = card(DRAFT, false);
    expect(without.continuity).toBeUndefined();
    expect(card(DRAFT, true).overall).toBe(without.overall);
    expect(formatScorecards([without], 'zh-CN')).not.toContain('延续性');
  });

  it('the continuity rules run for the card even when the config turns them off', () => {
    const off = { rules: { 'continuity/copied-passage': 'off', 'continuity/restated-figure': 'off' } } as const;
    expect(card(DRAFT, true, off).continuity).toMatchObject({ copiedPassages: 1, restatedFigures: 1 });
  });

  it('a clean pair: a line of zeros but for the plan items, shown in the table and in English', () => {
    const clean = card(CLEAN, true, {}, 'en');
    expect(clean.continuity).toMatchObject({ copiedPassages: 0, repeatedShortcomings: 0, restatedFigures: 0 });
    const text = formatScorecards([clean, card(CLEAN, false, {}, 'en')], 'en');
    const [head, first, second] = text.split('\n');
    expect(head).toMatch(/Overall +Continuity$/);
    expect(first).toMatch(/ 2$/);
    expect(second).toMatch(/ —$/);
    expect(text).toContain(`Continuity 2\n    ✗ Compared with last year's report ${LAST_NAME}: 0 copied passage(s), 0 repeated shortcoming(s), 2 plan item(s) not reported, 0 restated figure(s)`);
  });
});
