/**
 * Facts about the whole report: its title, report year, writing date and
 * publication date, each with the place it was read from.
 */
import { chineseNumeralValue } from '@fzlint/ontology';
import type { CalendarDate, DocumentFact, Heading, ParseOptions, ReportTitle, Sentence, TextRange } from './model.js';
import type { Block, FrontMatter } from './blocks.js';
import { matchNumbering } from './headings.js';

/** What the facts need of a body block. */
export interface FactBlock {
  readonly block: Block;
}

const TITLE_LIKE = /(?:报告|情况|工作总结)\s*$/;
const TITLE_RUN_IN = /^([^。，,；\s]{6,60}?报告)(?=\s*(?:(?:19|20)\d{2}\s*年|今年))/;
const TITLE_WORDS = /法治政府|依法行政|法治建设/;
const META_TITLE = /标\s*题\s*[:：|]\s*[|｜]?\s*([^|｜\n]+?)\s*(?:[|｜]|$)/m;

/** The title line: a short line naming 法治政府 and ending in 报告/情况, before the first prose paragraph. */
export function findTitle(text: string, body: readonly FactBlock[], junkRanges: readonly TextRange[]): ReportTitle | undefined {
  let found: { s: number; e: number } | undefined;
  for (let i = 0; i < body.length && i < 8; i++) {
    const b = (body[i] as FactBlock).block;
    const s = b.kind === 'heading' ? (b.contentStart ?? b.start) : b.start;
    const e = b.kind === 'heading' ? (b.contentEnd ?? b.end) : b.end;
    const line = text.slice(s, e);
    if (line.length > 90 || /[。；]/.test(line)) {
      // A title run together with the first sentence (…情况的报告2023年，省政府…).
      const run = i === 0 ? TITLE_RUN_IN.exec(line) : null;
      if (run?.[1] && TITLE_WORDS.test(run[1])) {
        found = { s, e: s + run[1].length };
        break;
      }
      if (line.length >= 40) break;
      continue;
    }
    if (TITLE_WORDS.test(line) && TITLE_LIKE.test(line) && !matchNumbering(text, s)) {
      found = { s, e };
      break;
    }
  }
  if (!found) {
    // Page metadata (标 题: …) names the title when the page text has none.
    for (const r of junkRanges) {
      const chunk = text.slice(r.start, Math.min(r.end, r.start + 4000));
      const m = META_TITLE.exec(chunk);
      if (m && m[1] && TITLE_WORDS.test(m[1])) {
        const s = r.start + m.index + m[0].indexOf(m[1]);
        found = { s, e: s + m[1].length };
        break;
      }
    }
  }
  if (!found) return undefined;
  const t = text.slice(found.s, found.e);
  const y = /((?:19|20)\d{2})\s*年/.exec(t);
  return {
    text: t,
    range: { start: found.s, end: found.e },
    ...(y ? { year: Number(y[1]), yearRange: { start: found.s + y.index, end: found.s + y.index + 4 } } : {}),
  };
}

/** The `title:` of YAML front matter, when the body has no title line. */
export function frontMatterTitle(text: string, fm: FrontMatter | undefined): ReportTitle | undefined {
  const f = fm?.fields.get('title');
  if (!f || f.value.length === 0) return undefined;
  const t = text.slice(f.start, f.end).replace(/^(['"])(.*)\1$/, '$2');
  const s = f.start + text.slice(f.start, f.end).indexOf(t);
  const y = /((?:19|20)\d{2})\s*年/.exec(t);
  return {
    text: t,
    range: { start: s, end: s + t.length },
    ...(y ? { year: Number(y[1]), yearRange: { start: s + y.index, end: s + y.index + 4 } } : {}),
  };
}

const FULL_DATE_TEXT = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DELIVERY_LINE = /^[(（]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^)）]{2,60}(?:会议|大会)上\s*[)）]$/;
const ISO_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const META_DATE = /(发文日期|成文日期|发布日期|印发日期|生成日期|发布时间)\s*[:：]?\s*[|｜]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/g;
const FIRST_SENTENCE_YEAR = /^(?:[^。，,\d]{0,12}?[，,]?)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
const PREAMBLE_YEAR = /((?:19|20)\d{2})\s*年度?[^。，,]{0,12}?法治(?:政府)?建设[^。，,]{0,10}?(?:报告|情况)/;

function numeralOrDigits(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (chineseNumeralValue(s) ?? NaN);
}

function toDate(y: string, m: string, d: string): CalendarDate | undefined {
  const year = numeralOrDigits(y);
  const month = numeralOrDigits(m);
  const day = numeralOrDigits(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2100)) return undefined;
  return { year, month, day };
}

function fact<T>(value: T, source: DocumentFact<T>['source'], range?: TextRange): DocumentFact<T> {
  return range ? { value, source, range, assumed: false } : { value, source, assumed: false };
}

/** The report year, writing date and publication date, each with its source. */
export function readFacts(
  text: string,
  options: ParseOptions,
  fm: FrontMatter | undefined,
  title: ReportTitle | undefined,
  body: readonly FactBlock[],
  headings: readonly Heading[],
  junkRanges: readonly TextRange[],
  sentences: readonly Sentence[],
): { reportYear?: DocumentFact<number>; writingDate: DocumentFact<CalendarDate>; publicationDate?: DocumentFact<CalendarDate> } {
  // Metadata dates from page furniture.
  const meta = new Map<string, { date: CalendarDate; range: TextRange }>();
  let headerDate: { date: CalendarDate; range: TextRange } | undefined;
  for (const r of junkRanges) {
    const chunk = text.slice(r.start, Math.min(r.end, r.start + 4000));
    META_DATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = META_DATE.exec(chunk))) {
      const dm = ISO_DATE.exec(m[2] ?? '');
      const d = dm ? toDate(dm[1] ?? '', dm[2] ?? '', dm[3] ?? '') : undefined;
      const key = (m[1] ?? '').replace('发布时间', '发布日期');
      if (d && !meta.has(key)) {
        const s = r.start + m.index + m[0].indexOf(m[2] ?? '');
        meta.set(key, { date: d, range: { start: s, end: s + (m[2] ?? '').length } });
      }
    }
    if (!headerDate && r.start < (body[0]?.block.start ?? Infinity)) {
      const lone = /(?:^|\n)\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*(?:\n|$)/.exec(chunk);
      const d = lone ? toDate(lone[1] ?? '', lone[2] ?? '', lone[3] ?? '') : undefined;
      if (lone && d) {
        const s = r.start + lone.index + lone[0].indexOf(lone[1] ?? '');
        headerDate = { date: d, range: { start: s, end: s + 10 } };
      }
    }
  }

  // Report year.
  let reportYear: DocumentFact<number> | undefined;
  const fmYear = fm?.fields.get('year') ?? fm?.fields.get('reportYear') ?? fm?.fields.get('report_year');
  if (options.reportYear !== undefined) reportYear = fact(options.reportYear, 'option');
  else if (fmYear && /^\d{4}$/.test(fmYear.value)) reportYear = fact(Number(fmYear.value), 'front-matter', { start: fmYear.start, end: fmYear.end });
  else if (title?.year !== undefined && title.yearRange) {
    const inJunk = junkRanges.some((r) => r.start <= title.range.start && title.range.end <= r.end);
    const inFm = fm !== undefined && fm.start <= title.range.start && title.range.end <= fm.end;
    reportYear = fact(title.year, inFm ? 'front-matter' : inJunk ? 'metadata' : 'title', title.yearRange);
  } else {
    // The opening sentences: 2023年，在市委的坚强领导下…, or a preamble naming the report (现将我局2022年度法治政府建设工作报告如下).
    let checked = 0;
    for (const st of sentences) {
      if (checked >= 4) break;
      if (st.text.length < 8 || (st.headingIndex >= 0 && headings[st.headingIndex]?.range.start === st.range.start)) continue;
      if (/^[(（]/.test(st.text)) continue;
      checked++;
      const m = FIRST_SENTENCE_YEAR.exec(st.text) ?? PREAMBLE_YEAR.exec(st.text);
      if (m) {
        const s = st.range.start + m.index + m[0].indexOf(m[1] ?? '');
        reportYear = fact(Number(m[1]), 'first-sentence', { start: s, end: s + 4 });
        break;
      }
    }
    if (!reportYear) {
      const results = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept !== 'next-year-plan');
      const plan = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept === 'next-year-plan');
      if (results?.year !== undefined && results.yearRange) reportYear = fact(results.year, 'heading', results.yearRange);
      else if (plan?.year !== undefined && plan.yearRange) reportYear = fact(plan.year - 1, 'heading', plan.yearRange);
    }
  }

  // Writing date.
  let writingDate: DocumentFact<CalendarDate> | undefined;
  const fmDate = fm?.fields.get('date') ?? fm?.fields.get('writingDate') ?? fm?.fields.get('writing_date');
  if (options.writingDate) writingDate = fact(options.writingDate, 'option');
  else if (fmDate) {
    const dm = ISO_DATE.exec(fmDate.value) ?? FULL_DATE_TEXT.exec(fmDate.value);
    const d = dm ? toDate(dm[1] ?? '', dm[2] ?? '', dm[3] ?? '') : undefined;
    if (d) writingDate = fact(d, 'front-matter', { start: fmDate.start, end: fmDate.end });
  }
  if (!writingDate) {
    // A signature date is a line of its own near the end of the body.
    for (let i = body.length - 1; i >= 0 && i >= body.length - 8; i--) {
      const b = (body[i] as FactBlock).block;
      const line = text.slice(b.start, b.end);
      if (line.length > 20) continue;
      const m = FULL_DATE_TEXT.exec(line);
      if (m && m[0].length >= line.replace(/\s/g, '').length - 2) {
        const d = toDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
        if (d) {
          writingDate = fact(d, 'signature', { start: b.start + m.index, end: b.start + m.index + m[0].length });
          break;
        }
      }
    }
  }
  if (!writingDate) {
    // A report delivered to the people's congress names the sitting: （2023年4月27日在…会议上）.
    for (let i = 0; i < body.length && i < 4; i++) {
      const b = (body[i] as FactBlock).block;
      const line = text.slice(b.start, b.end);
      const m = DELIVERY_LINE.exec(line);
      const d = m ? toDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
      if (m && d) {
        const s = b.start + line.indexOf(m[1] ?? '');
        const e = b.start + line.indexOf('日', s - b.start) + 1;
        writingDate = fact(d, 'signature', { start: s, end: e });
        break;
      }
    }
  }
  if (!writingDate) {
    const m = meta.get('成文日期') ?? meta.get('发文日期') ?? meta.get('印发日期');
    if (m) writingDate = fact(m.date, 'metadata', m.range);
  }
  if (!writingDate) {
    const y = reportYear ? reportYear.value + 1 : new Date().getFullYear();
    writingDate = { value: { year: y, month: 3, day: 31 }, source: 'default', assumed: true };
  }

  // Publication date.
  let publicationDate: DocumentFact<CalendarDate> | undefined;
  const fmPub = fm?.fields.get('published') ?? fm?.fields.get('publicationDate');
  const pubDm = fmPub ? ISO_DATE.exec(fmPub.value) : null;
  const pubD = pubDm ? toDate(pubDm[1] ?? '', pubDm[2] ?? '', pubDm[3] ?? '') : undefined;
  if (fmPub && pubD) publicationDate = fact(pubD, 'front-matter', { start: fmPub.start, end: fmPub.end });
  else {
    const p = meta.get('发布日期') ?? headerDate ?? meta.get('发文日期');
    if (p) publicationDate = fact(p.date, 'metadata', p.range);
  }

  return {
    ...(reportYear ? { reportYear } : {}),
    writingDate,
    ...(publicationDate ? { publicationDate } : {}),
  };
}
