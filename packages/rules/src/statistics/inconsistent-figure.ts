import { defineRule } from '@fzlint/rule-api';
import { describeFigure } from './format.js';
import { figureLedger } from './figures.js';

/**
 * One figure stated twice in the report with values that cannot both hold:
 * 全年共受理行政复议案件120件 … three paragraphs later … 今年受理行政复议案件128件.
 *
 * Two statements are one figure when their metric keys are equal (see the figures
 * ledger): the same object (an annual register of the vocabulary: 行政复议案件,
 * 行政诉讼案件, 信息公开申请, 信访件, 提案, 市场主体, 行政处罚案件 — not things counted
 * campaign by campaign, such as 问题 or 隐患), the same measure and verb sense (收到 and
 * 受理 are different figures), the same scope and unit (全市, 市本级, 市司法局, a 其中
 * part are all different), the same period (上年, 2021年, 累计, 近三年, 截至6月底 are
 * different) and the same unit family. Approximate figures count with their bounds
 * (余/多 at least, 近 at most, 约 anything) and 万/亿 figures with their rounding.
 * Statements in one sentence (lists, 分别为), parts of a total, and numbers in
 * headings, the title and 《》 titles are not compared. The finding sits on the later
 * statement and points at the earlier one.
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/inconsistent-figure',
    family: 'statistics',
    defaultSeverity: 'warn',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '同一数据（同一对象、口径、范围和时期）在报告中多次出现时，数值应一致。',
      en: 'A figure stated more than once (same object, measure, scope and period) must have the same value each time.',
    },
    messages: {
      inconsistent: {
        'zh-CN': '{{figure}}在此写作{{later}}，与前文的{{earlier}}不一致：同一数据（{{key}}）前后应一致。',
        en: '{{figureEn}} is given as {{later}} here but as {{earlier}} earlier; the same figure ({{keyEn}}) must agree throughout the report.',
      },
      earlierHere: {
        'zh-CN': '前文写作{{earlier}}',
        en: 'given earlier as {{earlier}}',
      },
    },
  },
  check(document, context) {
    for (const { later, earlier } of figureLedger(document, context.analysisCache).conflicts) {
      const figure = describeFigure(later);
      const data = {
        figure: figure.zh,
        figureEn: figure.en,
        key: figure.keyZh,
        keyEn: figure.keyEn,
        later: later.text.trim(),
        earlier: earlier.text.trim(),
      };
      context.report({
        messageId: 'inconsistent',
        range: later.range,
        data,
        related: [{ range: earlier.range, messageId: 'earlierHere', data }],
      });
    }
  },
});

export default rule;
