import type { ConceptId } from '@fzlint/ontology';
import type { Heading, ReportDocument, TextRange } from '@fzlint/parser';
import { defineRule, type ReportDescriptor } from '@fzlint/rule-api';
import { conceptSections, flattenSections, headingLabel } from './outline.js';
import { YEAR_SPAN_AFTER, YEAR_SPAN_BEFORE } from './vocabulary.js';

type MessageId = 'titleYear' | 'bodyYear' | 'headingYear' | 'planYear';

/** One place that states the report year, directly or (the plan) as year + 1. */
interface Vote {
  readonly kind: 'title' | 'body' | 'heading' | 'plan';
  /** The year written. */
  readonly written: number;
  /** The report year it implies (the plan's year minus one). */
  readonly implies: number;
  /** The digits of the year. */
  readonly range: TextRange;
  readonly weight: number;
  readonly label?: string;
}

const YEAR_DIGITS = /(?:19|20)\d{2}|(?:１９|２０)[０-９]{2}/u;
const YEAR_IN_TEXT = /(?:19|20)\d{2}(?=\s*年)/gu;
// The preamble's first sentence opens with the year it reports on: `2021年，桐乡市人民政府……` (not a date: `2021年12月`).
const OPENING_YEAR = /^\s*((?:19|20)\d{2})年(?!以来|至|到|[—–\-~～－]|\s*\d{1,2}\s*月)/u;

// A title or an opening sentence is the report's identity; one heading is one vote.
const WEIGHT = { title: 2, body: 2, heading: 1, plan: 1 } as const;

/** The digits of a year inside `range`, or undefined. */
function yearDigits(text: string, range: TextRange): TextRange | undefined {
  const m = YEAR_DIGITS.exec(text.slice(range.start, range.end));
  return m ? { start: range.start + m.index, end: range.start + m.index + m[0].length } : undefined;
}

/** Whether the year at `digits` is part of a span (`2018年以来`, `2021—2025年`). */
function inSpan(text: string, digits: TextRange): boolean {
  return YEAR_SPAN_AFTER.test(text.slice(digits.end, digits.end + 4)) || YEAR_SPAN_BEFORE.test(text.slice(Math.max(0, digits.start - 2), digits.start));
}

/** The year a concept heading names, when it names exactly one year and not a span. */
function headingYear(text: string, heading: Heading): { year: number; range: TextRange } | undefined {
  if (heading.year === undefined) return undefined;
  const label = headingLabel(heading);
  const years = new Set(label.match(YEAR_IN_TEXT) ?? []);
  if (years.size > 1) return undefined;
  const digits = heading.yearRange ? yearDigits(text, heading.yearRange) : yearDigits(text, heading.titleRange);
  if (!digits || inSpan(text, digits)) return undefined;
  if (Number(text.slice(digits.start, digits.end).replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))) !== heading.year) {
    return undefined;
  }
  return { year: heading.year, range: digits };
}

/** The year the preamble opens with, when it opens with one. */
function bodyVote(document: ReportDocument): Vote | undefined {
  const { text } = document;
  const fact = document.reportYear;
  if (fact && !fact.assumed && fact.source === 'first-sentence' && fact.range) {
    const digits = yearDigits(text, fact.range);
    if (digits && !inSpan(text, digits)) {
      return { kind: 'body', written: fact.value, implies: fact.value, range: digits, weight: WEIGHT.body };
    }
  }
  const after = document.title ? document.title.range.end : document.bodyRange.start;
  const firstHeading = document.headings[0]?.range.start ?? document.bodyRange.end;
  const sentence = document.sentences.find(
    (s) => s.range.start >= after && s.range.start < firstHeading && s.text.trim().length > 0 && !document.junkRanges.some((j) => s.range.start >= j.start && s.range.start < j.end),
  );
  if (!sentence) return undefined;
  const m = OPENING_YEAR.exec(sentence.text);
  if (!m || m[1] === undefined) return undefined;
  const start = sentence.range.start + m[0].indexOf(m[1]);
  const year = Number(m[1]);
  return { kind: 'body', written: year, implies: year, range: { start, end: start + 4 }, weight: WEIGHT.body };
}

const CHECKED: readonly ConceptId[] = ['measures-and-results', 'shortcomings-and-causes', 'first-responsible-person'];

/**
 * The title, the opening of the body, the headings of this year's contents and
 * the next-year plan's heading (which names report year + 1) must agree on the
 * report year. The year stated by most of them (the title and the opening count
 * double) is the report year, unless it was given explicitly (`--report-year`,
 * config, front matter); each place that disagrees is an error — typically a
 * heading left over from last year's report.
 *
 * A heading naming two years or a span (`2018年以来`) is not a vote. The wrong
 * year is fixed only when the report year is certain: given explicitly, or agreed
 * by at least two places that outweigh all the others.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'structure/year-consistency',
    family: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '标题、正文开头、本年度各部分标题的年份须与报告年度一致，下一年度工作安排的标题年份须为报告年度加一',
      en: 'The title, the opening, and the headings of this year’s contents must name the report year, and the next-year plan’s heading the year after',
    },
    fixable: true,
    messages: {
      titleYear: {
        'zh-CN': '标题中的年份{{actual}}与报告年度{{year}}不一致。',
        en: 'The title names {{actual}}, but the report year is {{year}}.',
      },
      bodyYear: {
        'zh-CN': '正文开头的年份{{actual}}与报告年度{{year}}不一致。',
        en: 'The opening names {{actual}}, but the report year is {{year}}.',
      },
      headingYear: {
        'zh-CN': '“{{label}}”标题中的年份{{actual}}与报告年度{{year}}不一致，可能沿用了往年报告的标题；应为{{expected}}。',
        en: 'The heading “{{label}}” names {{actual}}, but the report year is {{year}} (left over from an earlier report?); it should be {{expected}}.',
      },
      planYear: {
        'zh-CN': '下一年度工作安排“{{label}}”的年份应为{{expected}}（报告年度{{year}}的下一年），而不是{{actual}}。',
        en: 'The next-year plan “{{label}}” should name {{expected}} (the year after the report year {{year}}), not {{actual}}.',
      },
    },
  },
  check(document, context) {
    const { text } = document;
    const votes: Vote[] = [];
    const title = document.title;
    if (title?.year !== undefined) {
      const digits = yearDigits(text, title.yearRange ?? title.range);
      if (digits && !inSpan(text, digits)) {
        votes.push({ kind: 'title', written: title.year, implies: title.year, range: digits, weight: WEIGHT.title });
      }
    }
    const body = bodyVote(document);
    if (body) votes.push(body);
    const entries = flattenSections(document);
    for (const id of [...CHECKED, 'next-year-plan' as const]) {
      for (const entry of conceptSections(entries, id)) {
        const found = headingYear(text, entry.section.heading);
        if (!found) continue;
        const plan = id === 'next-year-plan';
        votes.push({
          kind: plan ? 'plan' : 'heading',
          written: found.year,
          implies: plan ? found.year - 1 : found.year,
          range: found.range,
          weight: plan ? WEIGHT.plan : WEIGHT.heading,
          label: headingLabel(entry.section.heading),
        });
      }
    }
    const fact = document.reportYear;
    const explicitYear =
      context.settings.reportYear !== undefined &&
      (fact === undefined || fact.value !== context.settings.reportYear || fact.source === 'option' || fact.source === 'front-matter')
        ? context.settings.reportYear
        : undefined;
    if (votes.length === 0 || (explicitYear === undefined && votes.length < 2)) return;

    const support = new Map<number, { weight: number; count: number; first: number }>();
    votes.forEach((v, i) => {
      const s = support.get(v.implies) ?? { weight: 0, count: 0, first: i };
      support.set(v.implies, { weight: s.weight + v.weight, count: s.count + 1, first: s.first });
    });
    let year = explicitYear;
    if (year === undefined) {
      // Heaviest wins; on a tie the earliest place (title, then opening) wins.
      let best: [number, { weight: number; count: number; first: number }] | undefined;
      for (const entry of support) {
        if (!best || entry[1].weight > best[1].weight || (entry[1].weight === best[1].weight && entry[1].first < best[1].first)) best = entry;
      }
      year = best![0];
    }
    const agreeing = support.get(year);
    const totalWeight = votes.reduce((sum, v) => sum + v.weight, 0);
    const certain =
      explicitYear !== undefined ||
      (agreeing !== undefined && agreeing.count >= 2 && agreeing.weight > totalWeight - agreeing.weight);

    for (const v of votes) {
      if (v.implies === year) continue;
      const expected = v.kind === 'plan' ? year + 1 : year;
      const data = { actual: v.written, expected, year, label: v.label ?? '' };
      const descriptor: ReportDescriptor<MessageId> = {
        messageId: v.kind === 'title' ? 'titleYear' : v.kind === 'body' ? 'bodyYear' : v.kind === 'plan' ? 'planYear' : 'headingYear',
        data,
        range: v.range,
        ...(certain && /^\d{4}$/u.test(text.slice(v.range.start, v.range.end)) ? { fix: { range: v.range, text: String(expected) } } : {}),
      };
      context.report(descriptor);
    }
  },
});

export default rule;
