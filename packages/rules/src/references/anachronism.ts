import { defineRule } from '@fzlint/rule-api';
import { earliestDay, formatIsoEn, formatIsoZh, isoOf } from './dates.js';
import { displayName, shownText, datesKnown } from './judge.js';
import { analyzeReferences } from './match.js';

type MessageId = 'notYet';

/** Words around a mention that make it planning or anticipation, not use (谋划“十四五”, 即将施行的…). */
const ANTICIPATION_BEFORE = /(?:谋划|编制|起草|制定|筹备|研究|迎接|准备|即将|将于|征求|草案|启动[^，,。；]{0,4}编制)[^，,。；]{0,8}$/u;
const ANTICIPATION_AFTER = /^[”"’]?(?:[^，,。；]{0,4})(?:编制|起草|草案|征求意见|前期|筹备|谋划|即将)/u;

/** How long before its effective date a law may already be adopted and cited (民法典: 7 months). */
const LAW_LEAD_MONTHS = 8;

/** A day number moved back by whole months (the day clamped to 28, which is safe for a bound). */
function monthsBefore(day: number, months: number): number {
  const y = Math.floor(day / 10000);
  const m = Math.floor((day % 10000) / 100);
  const total = y * 12 + (m - 1) - months;
  return Math.floor(total / 12) * 10000 + ((total % 12) + 1) * 100 + Math.min(day % 100, 28);
}

/** 《…》（2021年修订）: a revision of a law that existed before. */
const REVISION = /年(?:修订|修正|修改)）/u;

/**
 * A reference to something that did not exist yet on the writing date: a 2020
 * report citing 《法治政府建设实施纲要（2021—2025年）》, or “八五”普法 work in a 2020
 * report. Most often the report year (or the writing date) is wrong, so it is an error.
 * Skipped on purpose: the next-year-plan section (it plans what comes next),
 * five-year plan periods starting next year (为“十四五”开好局 in a 2020 report),
 * planning and anticipation (谋划“十四五”, 启动“八五”普法规划编制, 即将施行),
 * organisation names (local bodies are renamed on their own dates), unconfirmed dates,
 * and laws within eight months before they take effect (adopted and published by then).
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/anachronism',
    family: 'references',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '引用了成稿时尚未出现的文件、时期或会议（多为报告年度写错）',
      en: 'Cites a document, period or meeting that did not exist yet when the report was written (usually a wrong report year)',
    },
    fixable: false,
    scope: 'sentence',
    messages: {
      notYet: {
        'zh-CN': '「{{text}}」（{{name}}）自{{from}}起才出现，而本报告成稿于{{writing}}（{{year}}年度）；请核对报告年度或成稿日期。',
        en: '“{{text}}” ({{name}}) dates from {{fromEn}}, but this report was written on {{writingEn}} (report year {{year}}); check the report year or date.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    const writingIso = isoOf(context.settings.writingDate!);
    const reported = new Set<string>();
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      const { entry } = ref;
      if (ref.status !== 'not-yet' || ref.inNextYearPlan || ref.inOtherTitle) continue;
      if (entry.kind === 'organization' || entry.confidence === 'unconfirmed' || !entry.validFrom) continue;
      // A revised law existed before its revision: only a law new at validFrom can be cited too early.
      if (REVISION.test(entry.name)) continue;
      // A law is adopted and published months before it takes effect (validFrom is the effective
      // date): it is cited too early only when even its adoption could not have happened yet.
      if (entry.kind === 'law' && monthsBefore(earliestDay(entry.validFrom) ?? 0, LAW_LEAD_MONTHS) <= dates.writing) continue;
      // A five-year plan period is a calendar frame known before its plan is adopted (为“十四五”开好局
      // in a 2020 report): only a period starting after next year is too early.
      if (entry.kind === 'plan-period' && Number(entry.validFrom.slice(0, 4)) <= dates.reportYear + 1) continue;
      // A meeting named outside a guiding phrase (迎接党的二十大胜利召开) is anticipation.
      if (ref.via === 'congress-phrase' && ref.historical) continue;
      const sentence = document.sentences[ref.sentenceIndex];
      if (sentence) {
        const local = ref.range.start - sentence.range.start;
        const before = sentence.text.slice(Math.max(0, local - 16), local);
        const after = sentence.text.slice(local + ref.text.length, local + ref.text.length + 10);
        if (ANTICIPATION_BEFORE.test(before) || ANTICIPATION_AFTER.test(after)) continue;
      }
      const key = `${ref.range.start}:${ref.range.end}`;
      if (reported.has(key)) continue;
      reported.add(key);
      context.report({
        messageId: 'notYet',
        data: {
          text: shownText(ref.text),
          name: displayName(entry),
          from: formatIsoZh(entry.validFrom),
          fromEn: formatIsoEn(entry.validFrom),
          writing: formatIsoZh(writingIso),
          writingEn: formatIsoEn(writingIso),
          year: dates.reportYear,
        },
        range: ref.range,
      });
    }
  },
});

export default rule;
