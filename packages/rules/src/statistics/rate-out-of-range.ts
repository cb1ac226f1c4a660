import { defineRule } from '@fzlint/rule-api';
import { extractStatistics } from './relations.js';

/**
 * A rate (…率, 占比, 比例, 比重) above 100%. Growth and comparison figures
 * (增长40%, 较上年提高120%, 增长率) and plan fulfilment (完成率) may exceed 100% and are
 * exempt; so is a number that is only an upper bound (近100%).
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/rate-out-of-range',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '办结率、整改率、占比等比率应在0%到100%之间（增长、同比等变化幅度除外）。',
      en: 'A rate or share (办结率, 整改率, 占比 …) must lie between 0% and 100%; growth and comparison figures are exempt.',
    },
    messages: {
      outOfRange: {
        'zh-CN': '{{rate}}为{{stated}}，超出0%—100%的范围：比率不能大于100%。',
        en: '{{rate}} is {{stated}}, outside 0%–100%: a rate cannot exceed 100%.',
      },
    },
  },
  check(document, context) {
    // An indexed loop, not for…of: this runs once a report, in code not yet optimised, where for…of
    // makes an iterator and a result object per step.
    const rates = extractStatistics(document, context.analysisCache).rates;
    for (let i = 0; i < rates.length; i++) {
      const rate = rates[i]!;
      if (rate.unbounded) continue;
      const marker = rate.number.approximateMarker ?? '';
      const upperBoundOnly = rate.number.approximate && /近|不到|以内|以下|不足|约|左右/.test(marker);
      if (upperBoundOnly) continue;
      if (!(rate.value > 100 || rate.value < 0)) continue;
      context.report({
        messageId: 'outOfRange',
        range: { start: rate.nameRange.start, end: rate.range.end },
        data: { rate: rate.name, stated: rate.number.raw.trim() },
      });
    }
  },
});

export default rule;
