import type { ConceptId } from '@fzlint/ontology';
import { fold, isSpace, type Heading, type ReportDocument, type TextRange } from '@fzlint/parser';
import { defineRule, type ReportDescriptor } from '@fzlint/rule-api';
import { documentAnchor, flattenSections, headingWords, isConceptSection } from './outline.js';
import { BROKEN_YEAR, YEAR_SPAN_AFTER, YEAR_SPAN_BEFORE } from './vocabulary.js';

type MessageId = 'titleYear' | 'bodyYear' | 'headingYear' | 'planYear' | 'brokenYear' | 'unknownYear';

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

/** The digits of a year inside `range` (read through soft line breaks: `202`/`1`), or undefined. */
function yearDigits(text: string, range: TextRange): TextRange | undefined {
  const f = fold(text, range.start, range.end);
  const m = YEAR_DIGITS.exec(f.text);
  return m ? { start: f.start(m.index), end: f.end(m.index + m[0].length) } : undefined;
}

/**
 * The year written at `digits` (a range `yearDigits` gave: four ASCII or four full-width digits once
 * folded), read in place: folding removes only line breaks and the blanks beside them, never a digit,
 * so the year is its digits in order (no folded copy, no replace by a callback per heading).
 */
function yearAt(text: string, digits: TextRange): number {
  let year = 0;
  for (let k = digits.start; k < digits.end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) year = year * 10 + (c - 0x30);
    else if (c >= 0xff10 && c <= 0xff19) year = year * 10 + (c - 0xff10);
  }
  return year;
}

/** Whether the year at `digits` is part of a span (`2018年以来`, `2021—2025年`). */
function inSpan(text: string, digits: TextRange): boolean {
  const after = fold(text, digits.end, Math.min(text.length, digits.end + 12)).text.slice(0, 4);
  const before = fold(text, Math.max(0, digits.start - 12), digits.start).text.slice(-2);
  return YEAR_SPAN_AFTER.test(after) || YEAR_SPAN_BEFORE.test(before);
}

/**
 * The year a concept heading with a year (`heading.year`, told by the caller before it reads the
 * words) names, when it names exactly one year and not a span. `label`: the heading's words
 * (`headingWords`), read once by the caller, which also shows them in the message.
 */
function headingYear(text: string, heading: Heading, label: string): { year: number; range: TextRange } | undefined {
  // Two different years in its words: no vote (the matches compared as they are found, no list or set of them).
  YEAR_IN_TEXT.lastIndex = 0;
  let named: string | undefined;
  for (let m = YEAR_IN_TEXT.exec(label); m; m = YEAR_IN_TEXT.exec(label)) {
    if (named === undefined) named = m[0];
    else if (m[0] !== named) {
      YEAR_IN_TEXT.lastIndex = 0;
      return undefined;
    }
  }
  const digits = heading.yearRange ? yearDigits(text, heading.yearRange) : yearDigits(text, heading.titleRange);
  if (!digits || inSpan(text, digits)) return undefined;
  if (yearAt(text, digits) !== heading.year) return undefined;
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
  const f = fold(text, sentence.range.start, sentence.range.end, sentence.text);
  const m = OPENING_YEAR.exec(f.text);
  if (!m || m[1] === undefined) return undefined;
  const at = m[0].indexOf(m[1]);
  const year = Number(m[1]);
  return { kind: 'body', written: year, implies: year, range: { start: f.start(at), end: f.end(at + 4) }, weight: WEIGHT.body };
}

const CHECKED: readonly ConceptId[] = ['measures-and-results', 'shortcomings-and-causes', 'first-responsible-person'];
/** The concepts whose headings vote for the year: the checked ones and the plan. */
const VOTING_CONCEPTS: readonly ConceptId[] = [...CHECKED, 'next-year-plan'];

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
    scope: 'document',
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
      brokenYear: {
        'zh-CN': '年份“{{actual}}”残缺，年份应写全四位{{expected}}。',
        en: 'The year “{{actual}}” has lost digits; write the full four-digit year{{expected}}.',
      },
      unknownYear: {
        'zh-CN': '未能从报告中确定报告年度，依赖年度的检查（年份一致、公开时限、引用时效）已跳过；请用 --report-year 指定报告年度（或在配置中设置 reportYear）。',
        en: 'The report year could not be read from the report, so the checks that need it (year consistency, disclosure deadline, outdated references) were skipped; give it with --report-year (or reportYear in the config).',
      },
    },
  },
  check(document, context) {
    const { text } = document;
    // Nothing written yet is not a report with an unknown year.
    if (document.sentences.length === 0) return;
    reportBrokenYears(document, context.settings.reportYear, context.settings.locale, context.report);
    if (context.settings.reportYear === undefined) {
      context.report({ messageId: 'unknownYear', data: {}, range: documentAnchor(document), severity: 'info' });
    }
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
    for (let c = 0; c < VOTING_CONCEPTS.length; c++) {
      const id = VOTING_CONCEPTS[c]!;
      // conceptSections(entries, id) in document order, tested entry by entry: no list per concept.
      for (let s = 0; s < entries.length; s++) {
        if (!isConceptSection(entries[s]!, id)) continue;
        const heading = entries[s]!.section.heading;
        if (heading.year === undefined) continue;
        const label = headingWords(heading);
        const found = headingYear(text, heading, label);
        if (!found) continue;
        const plan = id === 'next-year-plan';
        votes.push({
          kind: plan ? 'plan' : 'heading',
          written: found.year,
          implies: plan ? found.year - 1 : found.year,
          range: found.range,
          weight: plan ? WEIGHT.plan : WEIGHT.heading,
          label,
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
    for (let i = 0; i < votes.length; i++) {
      const v = votes[i]!;
      const s = support.get(v.implies) ?? { weight: 0, count: 0, first: i };
      support.set(v.implies, { weight: s.weight + v.weight, count: s.count + 1, first: s.first });
    }
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

    for (let i = 0; i < votes.length; i++) {
      const v = votes[i]!;
      if (v.implies === year) continue;
      const expected = v.kind === 'plan' ? year + 1 : year;
      const data = { actual: v.written, expected, year, label: v.label ?? '' };
      const descriptor: ReportDescriptor<MessageId> = {
        messageId: v.kind === 'title' ? 'titleYear' : v.kind === 'body' ? 'bodyYear' : v.kind === 'plan' ? 'planYear' : 'headingYear',
        data,
        range: v.range,
        // The places disagree for sure; which one is wrong is sure only when the year is.
        ...(certain ? {} : { severity: 'warn' as const }),
        ...(certain && /^\d{4}$/u.test(text.slice(v.range.start, v.range.end)) ? { fix: { range: v.range, text: String(expected) } } : {}),
      };
      context.report(descriptor);
    }
  },
});

export default rule;

type Report = (d: ReportDescriptor<MessageId>) => void;

/**
 * Whether text[start, end) has a 年 with a digit before it and 度 or a digit after it,
 * spaces and line breaks between allowed (what `BROKEN_YEAR` needs once the stretch is
 * folded): most sentences have none, and are neither folded nor searched.
 */
export function mayHoldBrokenYear(text: string, start: number, end: number): boolean {
  return brokenYearFrom(text, start, end, start);
}

/** {@link mayHoldBrokenYear} for a stretch whose first 年 is at or after `from` (`from` ≥ `start`). */
function brokenYearFrom(text: string, start: number, end: number, from: number): boolean {
  // A bounded loop, not indexOf: that would run on to the text's end for every sentence without 年.
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) !== 0x5e74) continue;
    let b = k - 1;
    while (b >= start && isSpace(text.charCodeAt(b))) b--;
    if (b < start) continue;
    const before = text.charCodeAt(b);
    if (!isAsciiDigit(before)) continue;
    // Four digits or more run together before it (2023年度, 2023年12月): a whole year, which BROKEN_YEAR's
    // look-behind refuses (folding only removes white space, never splits a run of digits).
    if (b - 3 >= start && isAsciiDigit(text.charCodeAt(b - 1)) && isAsciiDigit(text.charCodeAt(b - 2)) && isAsciiDigit(text.charCodeAt(b - 3))) continue;
    let a = k + 1;
    while (a < end && isSpace(text.charCodeAt(a))) a++;
    if (a >= end) continue;
    const after = text.charCodeAt(a);
    if (after === 0x5ea6 || isAsciiDigit(after)) return true;
  }
  return false;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Years that lost their digits (`20年度法治政府建设`, `20年12月18日` in a 2020 report): a
 * year written with two or three digits before 年度 or before a month. The two digits
 * of the century 2000 are completed (20 → 2020), and fixed when they are the report
 * year's; three digits (`202年`) cannot be completed.
 */
function reportBrokenYears(document: ReportDocument, reportYear: number | undefined, locale: 'zh-CN' | 'en', report: Report): void {
  const { text } = document;
  // The sentences' ranges, read in place (not copied into a list), after the title's when no sentence holds the title.
  const { sentences } = document;
  const title = document.title;
  let withTitle = false;
  if (title) {
    withTitle = true;
    for (let i = 0; i < sentences.length; i++) {
      const r = sentences[i]!.range;
      if (r.start <= title.range.start && title.range.end <= r.end) {
        withTitle = false;
        break;
      }
    }
  }
  // The text's next 年 at or after `searchedFrom` (-1: none), found by indexOf and kept while the
  // ranges move forward: the text is read once for 年, not each sentence character by character.
  let searchedFrom = 0;
  let nextYearMark = text.indexOf('年');
  for (let i = withTitle ? -1 : 0; i < sentences.length; i++) {
    const range = i < 0 ? title!.range : sentences[i]!.range;
    if (searchedFrom > range.start || (nextYearMark >= 0 && nextYearMark < range.start)) {
      searchedFrom = range.start;
      nextYearMark = text.indexOf('年', range.start);
    }
    if (nextYearMark < 0 || nextYearMark >= range.end) continue;
    if (!brokenYearFrom(text, range.start, range.end, nextYearMark)) continue;
    const f = fold(text, range.start, range.end);
    BROKEN_YEAR.lastIndex = 0;
    for (let m = BROKEN_YEAR.exec(f.text); m; m = BROKEN_YEAR.exec(f.text)) {
      const digits = m[1]!;
      const at = { start: f.start(m.index), end: f.end(m.index + m[0].length) };
      const full = digits.length === 2 ? 2000 + Number(digits) : undefined;
      const sure = full !== undefined && reportYear !== undefined && Math.abs(full - reportYear) <= 1;
      const expected = full === undefined ? '' : locale === 'en' ? ` (${full})` : `（${full}）`;
      const digitRange = { start: at.start, end: f.end(m.index + digits.length) };
      report({
        messageId: 'brokenYear',
        data: { actual: m[0], expected },
        range: at,
        ...(sure && /^\d+$/u.test(text.slice(digitRange.start, digitRange.end)) ? { fix: { range: digitRange, text: String(full) } } : {}),
      });
    }
  }
}
