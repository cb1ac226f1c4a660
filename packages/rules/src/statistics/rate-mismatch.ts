import { defineRule } from '@fzlint/rule-api';
import { formatPercent, shown, verbOf } from './format.js';
import { figureLedger } from './figures.js';
import { extractStatistics, relationsOfKind } from './relations.js';

/**
 * A stated rate that its own counts contradict (办结率100% next to 受理172件、办结155件).
 * The tolerance comes from the digits written: 99.7% stands for anything that rounds
 * to it, and a truncated value is accepted too (17/37 = 45.9459… written 45.94%).
 * Only exact counts and an exact rate are compared. Counts are looked for in the
 * rate's sentence and the one before; a rate that names its object (行政复议案件办结率)
 * also pairs with the counts of that object earlier in its section, and 出庭率 with
 * the 应出庭/出庭 counts of its paragraph (a warning: the basis may differ).
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/rate-mismatch',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '文中写出的比率应与其依据的数量一致（允许按所写位数四舍五入或截断）。',
      en: 'A stated rate must agree with the counts it is computed from, within the rounding its digits allow.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{{rate}}写作{{stated}}，但按{{numeratorVerb}}数（{{numerator}}）÷{{denominatorVerb}}数（{{denominator}}）计算应为{{computed}}。',
        en: '{{rate}} is given as {{stated}}, but {{numerator}} / {{denominator}} is {{computed}}.',
      },
      countHere: {
        'zh-CN': '{{verb}}数（{{count}}）',
        en: '{{verb}} count ({{count}})',
      },
    },
  },
  check(document, context) {
    // An indexed loop, not for…of: this runs once a report, in code not yet optimised, where for…of
    // makes an iterator and a result object per step.
    const relations = relationsOfKind(
      extractStatistics(document, context.analysisCache).relations,
      'rate',
      figureLedger(document, context.analysisCache).sectionRates,
    );
    for (let i = 0; i < relations.length; i++) {
      const rel = relations[i]!;
      if (!rel.rate.exact) continue;
      if (rateAgreesWithin(rel.rate.value, rel.rate.decimals, rel.computedMin, rel.computedMax)) continue;
      const numeratorVerb = verbOf(rel.numerator, rel.basis === 'part-total' ? '分项' : '办结');
      const denominatorVerb = rel.basis === 'part-total' ? '总' : verbOf(rel.denominator, '收到');
      context.report({
        messageId: 'mismatch',
        // Counts found elsewhere in the section may use another basis than the rate: a warning.
        ...('reach' in rel ? { severity: 'warn' as const } : {}),
        range: { start: rel.rate.nameRange.start, end: rel.rate.range.end },
        data: {
          rate: rel.rate.name,
          stated: rel.rate.number.raw.trim(),
          computed: formatPercent(rel.computed, rel.rate.decimals),
          numerator: shown(rel.numerator),
          denominator: shown(rel.denominator),
          numeratorVerb,
          denominatorVerb,
        },
        related: [
          { range: rel.numerator.range, messageId: 'countHere', data: { verb: numeratorVerb, count: shown(rel.numerator) } },
          { range: rel.denominator.range, messageId: 'countHere', data: { verb: denominatorVerb, count: shown(rel.denominator) } },
        ],
      });
    }
  },
});

/**
 * Whether a rate written with `decimals` digits may stand for `computed`:
 * rounded (|computed − stated| ≤ half a unit of the last digit) or truncated
 * (stated ≤ computed < stated + one unit).
 */
export function rateAgrees(stated: number, decimals: number, computed: number): boolean {
  const step = 10 ** -decimals;
  const eps = 1e-9;
  if (Math.abs(computed - stated) <= step / 2 + eps) return true;
  return computed >= stated - eps && computed < stated + step - eps;
}

/**
 * Whether a stated rate may stand for some value in [min, max] (counts rounded to
 * 万 give a range of ratios): the range meets the values the stated digits cover.
 */
export function rateAgreesWithin(stated: number, decimals: number, min: number, max: number): boolean {
  if (rateAgrees(stated, decimals, min) || rateAgrees(stated, decimals, max)) return true;
  const step = 10 ** -decimals;
  // The stated value covers [stated − step/2, stated + step): does [min, max] reach into it?
  const eps = 1e-9;
  return min < stated + step - eps && max >= stated - step / 2 - eps;
}

export default rule;
