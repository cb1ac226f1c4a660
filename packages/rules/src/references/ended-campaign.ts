import type { CatalogueEntry } from '@fzlint/ontology';
import { defineRule, type Severity } from '@fzlint/rule-api';
import { formatIsoEn, formatIsoZh, latestDay } from './dates.js';
import { datesKnown, displayName, minSeverity, shownText } from './judge.js';
import { analyzeReferences, type CatalogueReference } from './match.js';

type MessageId = 'ended' | 'endedInPlan';

/**
 * Words after a campaign's name that look back on it (扫黑除恶专项斗争期间, …取得阶段性成果后,
 * 党史学习教育圆满收官, 巩固…成果, 转入常态化): the campaign is recounted, not written as current work.
 */
const LOOKING_BACK_AFTER =
  /^[”"’]?(?:期间|时期|以来|开展以来|中(?!央)|结束|收官|圆满|总结|成果|经验|阶段性成果|取得|先进|表彰|之后|以后|后(?!续)|转入|转为|常态化长效化|长效化|回头看|整改|以前|之前|前)/u;
/** Words before it that look back (回顾, 总结, 巩固, 在…中获评). */
const LOOKING_BACK_BEFORE = /(?:回顾|总结|巩固|深化|拓展|持续巩固|获评|荣获|评为|完成|圆满完成|自|从|经过|通过)[^，,。；]{0,6}$/u;

function lookingBack(sentence: string, start: number, end: number): boolean {
  if (LOOKING_BACK_AFTER.test(sentence.slice(end, end + 8))) return true;
  return LOOKING_BACK_BEFORE.test(sentence.slice(Math.max(0, start - 10), start));
}

/** The successor's name for messages: its entry's name, or the research's wording. */
function successorName(entry: CatalogueEntry, successor: CatalogueEntry | undefined): string | undefined {
  if (successor) return displayName(successor);
  return entry.successorName;
}

/**
 * A time-bound campaign or programme written as the report year's work after it had
 * ended — 扫黑除恶专项斗争 in a 2022 report (常态化扫黑除恶斗争 since 2021), 政法队伍教育整顿
 * after 2021, a 三年行动 after its last year: warning; in the next-year plan after it
 * ended: error. The message names the successor. Looking back is not a finding
 * (…期间, …取得阶段性成果后, 圆满收官, 巩固…成果, 转入常态化), nor a campaign that ended
 * during the report year (the report recounts that year), nor one without an end.
 * Campaigns the research dates only from second-hand sources still warn; unconfirmed
 * ones and those whose successor wording is current usage (党史学习教育常态化长效化) never
 * go above info.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/ended-campaign',
    family: 'references',
    // The ceiling: findings carry their own severity (error only in the next-year plan).
    defaultSeverity: 'error',
    description: {
      'zh-CN': '把已结束的专项工作、集中教育或阶段性任务写成当年工作',
      en: 'Writes an ended campaign or time-bound programme as the year’s work',
    },
    fixable: false,
    scope: 'sentence',
    messages: {
      ended: {
        'zh-CN': '「{{text}}」（{{name}}）已于{{end}}结束{{successorClause}}；作为{{year}}年度的工作表述不妥，回顾时请写明“期间”“取得成果”等。',
        en: '“{{text}}” ({{name}}) ended in {{endEn}}{{successorClauseEn}}; it is not {{year}} work — if you recount it, say so.',
      },
      endedInPlan: {
        'zh-CN': '下一年度工作安排写了「{{text}}」（{{name}}），它已于{{end}}结束{{successorClause}}。',
        en: 'The next-year plan names “{{text}}” ({{name}}), which ended in {{endEn}}{{successorClauseEn}}.',
      },
    },
  },
  check(document, context) {
    if (!datesKnown(document, context.settings)) return;
    const { references, dates } = analyzeReferences(document, context.settings);
    const seen = new Set<string>();
    const yearStart = dates.reportYear * 10000 + 101;
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      const entry = ref.entry;
      if (entry.kind !== 'campaign' || ref.inOtherTitle || ref.historical || !entry.validUntil) continue;
      const end = latestDay(entry.validUntil);
      if (end === undefined || end >= dates.writing) continue;
      let severity: Severity;
      if (ref.inNextYearPlan) severity = 'error';
      else if (end < yearStart) severity = 'warn';
      else continue;
      const sentence = document.sentences[ref.sentenceIndex];
      if (sentence && lookingBack(sentence.text, ref.range.start - sentence.range.start, ref.range.end - sentence.range.start)) continue;
      // One finding per campaign and sentence.
      const key = `${entry.id}@${ref.sentenceIndex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (entry.confidence === 'unconfirmed') severity = minSeverity(severity, 'info');
      if (entry.severityCap) severity = minSeverity(severity, entry.severityCap);
      report(ref, severity);
    }

    function report(ref: CatalogueReference, severity: Severity): void {
      const entry = ref.entry;
      const next = successorName(entry, ref.successor);
      context.report({
        messageId: ref.inNextYearPlan ? 'endedInPlan' : 'ended',
        data: {
          text: shownText(ref.text),
          name: entry.name,
          end: formatIsoZh(entry.validUntil!),
          endEn: formatIsoEn(entry.validUntil!),
          successorClause: next ? `，现为${next}` : '',
          successorClauseEn: next ? `; now ${next}` : '',
          year: String(dates.reportYear),
        },
        range: ref.range,
        severity,
      });
    }
  },
});

export default rule;
