import { defineRule, type Severity } from '@fzlint/rule-api';
import { latestDay, yearOfDay } from './dates.js';
import { renameFix, renameText } from './fixes.js';
import { displayName, judgeOutdated, minSeverity, outdatedData, datesKnown } from './judge.js';
import { analyzeReferences } from './match.js';

type MessageId = 'renamed' | 'abolished';

/**
 * An institution name abolished by reform, used as a living body. Catalogue dates
 * are the central reform dates (2018-03, 2023-03); local bodies followed within a
 * year or two, so the year after the central date is only info and the report
 * year of the reform itself passes. Skipped on purpose: 原工商局, 原市政府法制办公室,
 * 改革前的…, sentences that recount the reform (职责整合, 不再保留, 更名为), and names
 * inside another document's title (《XX县工商局关于…》 was issued by that body).
 * Fixes replace the name only when the successor is a pure rename (卫计委 → 卫健委).
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-organization',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '使用已在机构改革中撤销或更名的机构名称',
      en: 'Uses the name of a body abolished or renamed by institutional reform',
    },
    fixable: true,
    scope: 'sentence',
    messages: {
      renamed: {
        'zh-CN': '「{{text}}」已于{{since}}更名为{{successor}}，应写作「{{replacement}}」。',
        en: '“{{text}}” was renamed {{successorEn}} in {{sinceEn}}; write “{{replacement}}”.',
      },
      abolished: {
        'zh-CN': '「{{text}}」{{nameClause}}已在{{since}}的机构改革中撤销，职责现由{{successor}}承担；如指历史机构，请写作“原{{text}}”。',
        en: '“{{text}}”{{nameClauseEn}} was abolished by the reform of {{sinceEn}}; its duties are now with {{successorEn}}. For the former body write 原{{text}}.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      if (ref.entry.kind !== 'organization' || ref.historical || ref.inOtherTitle) continue;
      const judgement = judgeOutdated(ref.entry, ref.successor, dates, { inNextYearPlan: ref.inNextYearPlan });
      if (!judgement) continue;
      const until = latestDay(judgement.since);
      if (until === undefined) continue;
      const workYear = ref.inNextYearPlan ? dates.reportYear + 1 : dates.reportYear;
      const grace = workYear - yearOfDay(until);
      if (grace <= 0) continue;
      const severity: Severity = grace === 1 ? minSeverity(judgement.severity, 'info') : judgement.severity;
      const fix = renameFix(ref, ref.successor);
      const replacement = renameText(ref);
      const data = outdatedData(ref.text, ref.entry, ref.successor, judgement);
      context.report({
        messageId: replacement && fix ? 'renamed' : 'abolished',
        data: { ...data, replacement: replacement ?? (ref.successor ? displayName(ref.successor) : '') },
        range: ref.range,
        severity,
        ...(fix ? { fix } : {}),
      });
    }
  },
});

export default rule;
