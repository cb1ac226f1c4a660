import { defineRule, type Severity } from '@fzlint/rule-api';
import { earliestDay, latestDay, yearOfDay } from './dates.js';
import { capFor, displayName, shownText, datesKnown } from './judge.js';
import { analyzeReferences } from './match.js';

type MessageId = 'periodEnded' | 'periodEndedInPlan';

/**
 * A 普法 period (六五 … 九五) or five-year plan period (十三五 … 十五五) named as the
 * frame of the report year's work, or of next year's plan, after its last year.
 * The period's years are the years of its catalogue dates (七五: 2016–2020).
 * Skipped on purpose: historical mentions (七五普法期间获评, “七五”普法总结验收,
 * 十三五时期…以来), and periods inside another document's title
 * (《XX市“十四五”规划》 is that document's name). A period that has not begun is
 * `references/anachronism`'s business.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-plan-period',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '普法或五年规划时期已经结束，仍作为本年度或下一年度工作的时期提出',
      en: 'A 普法 or five-year plan period used for the report year’s or next year’s work after it ended',
    },
    fixable: false,
    scope: 'sentence',
    messages: {
      periodEnded: {
        'zh-CN': '「{{text}}」（{{name}}）是{{from}}—{{to}}年的时期，{{year}}年的工作应属{{successor}}。',
        en: '“{{text}}” ({{name}}) covers {{from}}–{{to}}; work in {{year}} belongs to {{successorEn}}.',
      },
      periodEndedInPlan: {
        'zh-CN': '下一年度（{{year}}年）工作安排中提出「{{text}}」，但{{name}}已于{{to}}年结束，应为{{successor}}。',
        en: 'The plan for {{year}} names “{{text}}”, but {{name}} ended in {{to}}; it should be {{successorEn}}.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      const { entry } = ref;
      if (entry.kind !== 'plan-period' && entry.kind !== 'pufa-period') continue;
      if (ref.historical || ref.inOtherTitle) continue;
      const from = earliestDay(entry.validFrom);
      const to = latestDay(entry.validUntil);
      if (from === undefined || to === undefined) continue;
      const workYear = ref.inNextYearPlan ? dates.reportYear + 1 : dates.reportYear;
      const toYear = yearOfDay(to);
      if (workYear <= toYear) continue;
      const successor = ref.successor;
      // A period is a calendar frame: its successor exists as a period even before its plan is adopted.
      let severity: Severity = ref.inNextYearPlan ? 'error' : 'warn';
      severity = capFor(entry, successor, severity);
      context.report({
        messageId: ref.inNextYearPlan ? 'periodEndedInPlan' : 'periodEnded',
        data: {
          text: shownText(ref.text),
          name: displayName(entry),
          from: yearOfDay(from),
          to: toYear,
          year: workYear,
          successor: successor ? displayName(successor) : '新的时期（目录中暂无）',
          successorEn: successor ? displayName(successor) : 'the next period (not in the catalogue yet)',
        },
        range: ref.range,
        severity,
      });
    }
  },
});

export default rule;
