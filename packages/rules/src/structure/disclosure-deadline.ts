import type { CalendarDate, DocumentFact, TextRange } from '@fzlint/parser';
import { defineRule, type RuleContext } from '@fzlint/rule-api';

type MessageId = 'tooEarly' | 'afterDeadline';
type Context = RuleContext<MessageId>;

/** `a` against the day `year`-`month`-`day` (no date object per report). */
function compare(a: CalendarDate, year: number, month: number, day: number): number {
  return a.year - year || a.month - month || a.day - day;
}

/** The day of the next year before which the report is made public (1 April). */
const DEADLINE_MONTH = 4;
const DEADLINE_DAY = 1;

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
    // The two facts in turn, without a list of pairs or a list of seen ranges per report: a publication
    // date read at the writing date's range is the same statement, reported once.
    const writing = document.writingDate;
    let seen: TextRange | undefined;
    if (stated(writing)) {
      seen = writing.range;
      checkFact(context, year, 'writing', writing.value, seen);
    }
    const publication = document.publicationDate;
    if (!stated(publication)) return;
    const range = publication.range;
    if (seen && seen.start === range.start && seen.end === range.end) return;
    checkFact(context, year, 'publication', publication.value, range);
  },
});

/** Whether the text states the fact (not assumed, not a default or an option) at a range. */
function stated(fact: DocumentFact<CalendarDate> | undefined): fact is DocumentFact<CalendarDate> & { readonly range: TextRange } {
  return !(!fact || fact.assumed || fact.source === 'default' || fact.source === 'option' || !fact.range);
}

function checkFact(context: Context, year: number, kind: keyof typeof WHAT, date: CalendarDate, range: TextRange): void {
  const messageId: MessageId | undefined =
    compare(date, year, 12, 31) < 0 ? 'tooEarly' : compare(date, year + 1, DEADLINE_MONTH, DEADLINE_DAY) > 0 ? 'afterDeadline' : undefined;
  if (!messageId) return;
  context.report({
    messageId,
    data: {
      what: WHAT[kind][context.settings.locale],
      date: formatDate(date),
      year,
      deadline: formatDate({ year: year + 1, month: DEADLINE_MONTH, day: DEADLINE_DAY }),
    },
    range,
  });
}

export default rule;
