import { defineRule } from '@fzlint/rule-api';
import { judgeOutdated, outdatedData, datesKnown } from './judge.js';
import { analyzeReferences } from './match.js';

type MessageId = 'outdated' | 'outdatedInPlan' | 'supersededAfterYear';

/**
 * A policy document, plan document (纲要, 规划, 意见, 决定) or law version that had been
 * superseded or repealed when the report was written, cited as in force.
 * Skipped on purpose: historical mentions (原《合同法》, 民法典施行后合同法同时废止),
 * the same name inside another document's title (《XX市贯彻〈…〉实施方案》 is a local
 * document of its time), and generic law names (行政复议法 means the version in force).
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-policy',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '引用已被取代或废止的政策文件、规划或法律版本',
      en: 'Cites a policy, plan document or law version that had been superseded or repealed',
    },
    fixable: false,
    scope: 'sentence',
    messages: {
      outdated: {
        'zh-CN': '「{{text}}」{{nameClause}}自{{since}}起已不再现行，已由{{successor}}取代；报告作为现行依据引用不妥。',
        en: '“{{text}}”{{nameClauseEn}} has not been in force since {{sinceEn}}; it was replaced by {{successorEn}}.',
      },
      outdatedInPlan: {
        'zh-CN': '下一年度工作安排引用了「{{text}}」{{nameClause}}，它自{{since}}起已不再现行，应改为依据{{successor}}。',
        en: 'The next-year plan cites “{{text}}”{{nameClauseEn}}, no longer in force since {{sinceEn}}; cite {{successorEn}} instead.',
      },
      supersededAfterYear: {
        'zh-CN': '「{{text}}」{{nameClause}}在报告年度结束后（{{since}}）已由{{successor}}取代；成稿时宜注明或改用新的依据。',
        en: '“{{text}}”{{nameClauseEn}} was replaced by {{successorEn}} after the report year ended ({{sinceEn}}); consider naming the new one.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      if (ref.entry.kind !== 'policy' && ref.entry.kind !== 'law') continue;
      if (ref.historical || ref.inOtherTitle) continue;
      const judgement = judgeOutdated(ref.entry, ref.successor, dates, { inNextYearPlan: ref.inNextYearPlan });
      if (!judgement) continue;
      context.report({
        messageId:
          judgement.when === 'plan' ? 'outdatedInPlan' : judgement.when === 'after-year' ? 'supersededAfterYear' : 'outdated',
        data: outdatedData(ref.text, ref.entry, ref.successor, judgement),
        range: ref.range,
        severity: judgement.severity,
      });
    }
  },
});

export default rule;
