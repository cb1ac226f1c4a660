import type { CalendarDate, DocumentFact, TextRange } from '@fzlint/parser';
import { defineRule } from '@fzlint/rule-api';

type MessageId = 'tooEarly' | 'afterDeadline';

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function formatDate(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

const WHAT = {
  writing: { 'zh-CN': '落款（成文）日期', en: 'signature date' },
  publication: { 'zh-CN': '发布日期', en: 'publication date' },
} as const;

/**
 * The regulation has the annual report made public before 1 April of the next
 * year, and it reports on a whole year. A writing (signature) or publication date
 * that the text states and that is after 1 April of the following year, or before
 * the report year has even ended (a 2021 report signed 2021年12月6日), is worth an info.
 *
 * Dates fzlint assumed (31 March of the next year when the text gives none) never
 * trigger it, nor do dates given on the command line: only what the text says.
 * A date ON 1 April is not reported: whether 1 April itself is late is a reading
 * of “4月1日之前” this rule leaves to people.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'structure/disclosure-deadline',
    family: 'structure',
    defaultSeverity: 'info',
    description: {
      'zh-CN': '报告的落款或发布日期应在报告年度结束之后、次年4月1日之前',
      en: 'The report’s signature or publication date should fall after the report year ends and before 1 April of the next year',
    },
    fixable: false,
    scope: 'document',
    messages: {
      tooEarly: {
        'zh-CN': '{{what}}{{date}}早于{{year}}年度结束：年度报告应在年度结束后总结全年情况，并在{{deadline}}前公开。',
        en: 'The {{what}} {{date}} is before the {{year}} report year has ended: the annual report should cover the whole year and be published before {{deadline}}.',
      },
      afterDeadline: {
        'zh-CN': '{{what}}{{date}}晚于规定的公开期限：{{year}}年度报告应在{{deadline}}前向社会公开。',
        en: 'The {{what}} {{date}} is after the disclosure deadline: the {{year}} report should be published before {{deadline}}.',
      },
    },
  },
  check(document, context) {
    const year = context.settings.reportYear;
    if (year === undefined) return;
    const deadline: CalendarDate = { year: year + 1, month: 4, day: 1 };
    const yearEnd: CalendarDate = { year, month: 12, day: 31 };
    const seen: TextRange[] = [];
    const facts: Array<[keyof typeof WHAT, DocumentFact<CalendarDate> | undefined]> = [
      ['writing', document.writingDate],
      ['publication', document.publicationDate],
    ];
    for (let i = 0; i < facts.length; i++) {
      const kind = facts[i]![0];
      const fact = facts[i]![1];
      if (!fact || fact.assumed || fact.source === 'default' || fact.source === 'option' || !fact.range) continue;
      const range = fact.range;
      if (seen.some((r) => r.start === range.start && r.end === range.end)) continue;
      seen.push(range);
      const date = fact.value;
      const messageId: MessageId | undefined =
        compare(date, yearEnd) < 0 ? 'tooEarly' : compare(date, deadline) > 0 ? 'afterDeadline' : undefined;
      if (!messageId) continue;
      context.report({
        messageId,
        data: {
          what: WHAT[kind][context.settings.locale],
          date: formatDate(date),
          year,
          deadline: formatDate(deadline),
        },
        range,
      });
    }
  },
});

export default rule;
