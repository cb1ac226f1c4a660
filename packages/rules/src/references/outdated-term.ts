import { defineRule, type ReportDescriptor } from '@fzlint/rule-api';
import { renameEdit, renameFix, renameText } from './fixes.js';
import { judgeOutdated, outdatedData, datesKnown } from './judge.js';
import { analyzeReferences } from './match.js';

type MessageId = 'renamed' | 'ended' | 'renamedSuggest';

/**
 * A renamed term (新型冠状病毒肺炎 → 新型冠状病毒感染, 全面依法治国新理念新思想新战略 →
 * 习近平法治思想) or an ended policy (乙类甲管, 动态清零) described as current.
 * A term that ended during the report year is only info: the report recounts the
 * year as it was (a 2022 report may say 新冠肺炎疫情 of 2022 events). Renames are
 * fixed when the entry is confirmed; unconfirmed ones (法制观念 → 法治观念) get a
 * suggestion instead. Historical mentions (原称…, 更名为…) are skipped.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/outdated-term',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '使用已更名的提法或已结束的政策措施',
      en: 'Uses a renamed term or describes an ended policy as current',
    },
    fixable: true,
    scope: 'sentence',
    hasSuggestions: true,
    messages: {
      renamed: {
        'zh-CN': '「{{text}}」自{{since}}起已改称{{successor}}，应写作「{{replacement}}」。',
        en: '“{{text}}” has been called {{successorEn}} since {{sinceEn}}; write “{{replacement}}”.',
      },
      renamedSuggest: {
        'zh-CN': '改为「{{replacement}}」',
        en: 'Change to “{{replacement}}”',
      },
      ended: {
        'zh-CN': '「{{text}}」{{nameClause}}自{{since}}起已不再实行，现为{{successor}}；作为现行做法表述不妥。',
        en: '“{{text}}”{{nameClauseEn}} ended in {{sinceEn}}, followed by {{successorEn}}; do not describe it as current.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    // One finding per entry and sentence (外防输入、内防反弹 … 动态清零 is one policy). The
    // references come sorted by start, so a sentence's come together: the entries reported are
    // kept in a list with their sentences, and a reference is looked up among its own sentence's
    // (from `sentenceFrom` on), not by an `id@sentence` string per reference in a Set (~0.4 MB per
    // 200 corpus reports). Should a sentence ever come back (not in text order), the pairs become
    // that Set's keys, as before.
    const foundIds: string[] = [];
    const foundSentences: number[] = [];
    let sentence = -1;
    let sentenceFrom = 0;
    let seen: Set<string> | undefined;
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      if (ref.entry.kind !== 'term' && ref.entry.kind !== 'formula') continue;
      if (ref.historical || ref.inOtherTitle) continue;
      const id = ref.entry.id;
      let key: string | undefined;
      if (seen === undefined && ref.sentenceIndex < sentence) {
        seen = new Set<string>();
        for (let j = 0; j < foundIds.length; j++) seen.add(`${foundIds[j]}@${foundSentences[j]}`);
      }
      if (seen !== undefined) {
        key = `${id}@${ref.sentenceIndex}`;
        if (seen.has(key)) continue;
      } else if (ref.sentenceIndex !== sentence) {
        sentence = ref.sentenceIndex;
        sentenceFrom = foundIds.length;
      } else if (foundIds.indexOf(id, sentenceFrom) >= 0) continue;
      const judgement = judgeOutdated(ref.entry, ref.successor, dates, {
        inNextYearPlan: ref.inNextYearPlan,
        duringYear: 'info',
      });
      if (!judgement) continue;
      if (seen !== undefined) seen.add(key!);
      else {
        foundIds.push(id);
        foundSentences.push(ref.sentenceIndex);
      }
      const data = outdatedData(ref.text, ref.entry, ref.successor, judgement);
      const replacement = renameText(ref);
      const fix = renameFix(ref, ref.successor);
      const suggestionFix = !fix && replacement ? renameEdit(ref) : undefined;
      // The finding's own data object (outdatedData makes one per call) and one descriptor literal, the
      // optional fields assigned: no spread copies (this rule reports most of a lint's findings).
      data.replacement = replacement ?? '';
      const descriptor: { -readonly [K in keyof ReportDescriptor<MessageId>]: ReportDescriptor<MessageId>[K] } = {
        messageId: replacement ? 'renamed' : 'ended',
        data,
        range: ref.range,
        severity: judgement.severity,
      };
      if (fix) descriptor.fix = fix;
      if (suggestionFix) {
        descriptor.suggestions = [{ messageId: 'renamedSuggest' as const, data: { replacement: replacement! }, fix: suggestionFix }];
      }
      context.report(descriptor);
    }
  },
});

export default rule;
