/**
 * Facts about the whole report: its title, report year, writing date and
 * publication date, each with the place it was read from. Nothing is ever
 * dated from the machine's clock: what the text (or the caller) does not say
 * stays unknown.
 */
import { chineseNumeralValue } from '@fzlint/ontology';
import type { CalendarDate, DocumentFact, Heading, ParseOptions, ReportTitle, Sentence, TextRange } from './model.js';
import type { Block, FrontMatter } from './block.js';
import { matchNumbering } from './headings.js';
import { fold, ISSUER_END, unfolded, type Fold } from './text.js';

/** What the facts need of a body block. */
export interface FactBlock {
  readonly block: Block;
}

const TITLE_LIKE = /(?:报告|情况|总结)\s*$/u;
const TITLE_RUN_IN = /^([^。，,；\s]{6,60}?报告)(?=\s*(?:(?:19|20)\d{2}\s*年|今年))/u;
const TITLE_WORDS = /法治政府|依法行政|法治建设/u;
/** Page metadata naming the title: `标 题: …` in a table, or the `标题: …` line of an archive's header. */
const META_TITLE = /标\s*题\s*[:：|]\s*[|｜]?[ \t\u3000]*([^|｜\n]+?)(?=[ \t\u3000]*(?:[|｜]|$)|[ \t\u3000]+[^\s:：|｜]{1,8}\s*[:：]|\s*(?:发布时间|发布日期|发文字号|文\s*号|发布机构|发文机关|栏\s*目|来\s*源|原始链接|原文链接)\s*[:：])/mu;
const YEAR_OF_TITLE = /((?:19|20)\d{2})\s*年/u;

/** A block's text as read: soft line breaks removed. */
function blockText(text: string, b: Block): Fold {
  const s = b.kind === 'heading' ? (b.contentStart ?? b.start) : b.start;
  const e = b.kind === 'heading' ? (b.contentEnd ?? b.end) : b.end;
  return b.soft ? fold(text, s, e) : unfolded(text, s, e);
}

/** Where a title was found. */
interface TitleAt {
  readonly s: number;
  readonly e: number;
}

/** The title line in the body: a short line naming 法治政府 and ending in 报告/情况/总结, before the first prose paragraph. */
function bodyTitle(text: string, body: readonly FactBlock[]): TitleAt | undefined {
  // A broken title is looked for only above the report's first numbered line.
  let numbered = false;
  for (let i = 0; i < body.length && i < 8; i++) {
    const b = (body[i] as FactBlock).block;
    const f = blockText(text, b);
    const line = f.text;
    if (line.length > 90 || /[。；]/u.test(line)) {
      // A title run together with the first sentence (…情况的报告2023年，省政府…).
      const run = i === 0 ? TITLE_RUN_IN.exec(line) : null;
      if (run?.[1] && TITLE_WORDS.test(run[1])) return { s: f.start(0), e: f.end(run[1].length) };
      if (line.length >= 40) return undefined;
      continue;
    }
    if (TITLE_WORDS.test(line) && TITLE_LIKE.test(line) && !matchNumbering(line, 0)) return { s: f.start(0), e: f.end(line.length) };
    const split = numbered ? undefined : splitTitle(text, body, i, line);
    if (split) return { s: f.start(0), e: split };
    if (matchNumbering(line, 0)) numbered = true;
  }
  return undefined;
}

/** Longest line of a title broken over two lines, in UTF-16 units. */
const SPLIT_TITLE_LINE = 60;

/**
 * A title a web copy broke over two lines (某县司法局2023年法治政府 / 建设情况报告):
 * two short lines without a sentence mark, the second not a title of its own
 * (else that line is the title, the first an issuer line above it), together
 * naming 法治政府 and ending in 报告/情况/总结. Returns where the second line ends.
 */
function splitTitle(text: string, body: readonly FactBlock[], i: number, line: string): number | undefined {
  const next = body[i + 1]?.block;
  if (!next || line.length > SPLIT_TITLE_LINE || /[，,]/u.test(line) || TITLE_LIKE.test(line) || matchNumbering(line, 0)) return undefined;
  const g = blockText(text, next);
  const second = g.text;
  if (second.length === 0 || second.length > SPLIT_TITLE_LINE || /[。；，,]/u.test(second) || matchNumbering(second, 0)) return undefined;
  if (TITLE_WORDS.test(second) && TITLE_LIKE.test(second)) return undefined;
  const joined = line + second;
  if (!TITLE_WORDS.test(joined) || !TITLE_LIKE.test(joined)) return undefined;
  return g.end(second.length);
}

/** A title-like line among the page furniture above the report (the page's headline). */
function headerTitle(text: string, header: readonly FactBlock[]): TitleAt | undefined {
  for (const { block } of header) {
    const f = blockText(text, block);
    const line = f.text;
    if (line.length <= 80 && !/[。；]/u.test(line) && TITLE_WORDS.test(line) && TITLE_LIKE.test(line) && !matchNumbering(line, 0)) {
      return { s: f.start(0), e: f.end(line.length) };
    }
  }
  return undefined;
}

/** The title the page's metadata (标题: …) gives, in the junk around the report. */
function metadataTitle(text: string, junkRanges: readonly TextRange[]): TitleAt | undefined {
  for (const r of junkRanges) {
    const chunk = text.slice(r.start, Math.min(r.end, r.start + 4000));
    const m = META_TITLE.exec(chunk);
    if (m && m[1] && TITLE_WORDS.test(m[1])) {
      const s = r.start + m.index + m[0].indexOf(m[1]);
      return { s, e: s + m[1].length };
    }
  }
  return undefined;
}

const squeeze = (s: string): string => s.replace(/\s+/gu, '');

/**
 * The report's title. The title line of the body, unless the page's metadata
 * names a title that line does not match: an archive's `标题:` line is then
 * surer than a line of the page (a breadcrumb's last step names only part of it).
 * Without either, a title-like line among the page furniture above the report.
 */
export function findTitle(text: string, body: readonly FactBlock[], junkRanges: readonly TextRange[], header: readonly FactBlock[] = []): ReportTitle | undefined {
  const inBody = bodyTitle(text, body);
  const meta = metadataTitle(text, junkRanges);
  // A page's headline above its metadata (浙江省2021年法治政府建设情况 / • 来源:… / 正文).
  let found = inBody ?? meta ?? headerTitle(text, header);
  if (inBody && meta) {
    const b = squeeze(fold(text, inBody.s, inBody.e).text);
    const m = squeeze(text.slice(meta.s, meta.e));
    if (!b.includes(m)) found = meta;
  }
  return found ? titleOf(text, found.s, found.e) : undefined;
}

function titleOf(text: string, s: number, e: number): ReportTitle {
  const f = fold(text, s, e);
  const y = YEAR_OF_TITLE.exec(f.text);
  return {
    text: text.slice(s, e),
    range: { start: s, end: e },
    ...(y ? { year: Number(y[1]), yearRange: { start: f.start(y.index), end: f.end(y.index + 4) } } : {}),
  };
}

/** The `title:` of YAML front matter, when the body has no title line. */
export function frontMatterTitle(text: string, fm: FrontMatter | undefined): ReportTitle | undefined {
  const f = fm?.fields.get('title');
  if (!f || f.value.length === 0) return undefined;
  const t = text.slice(f.start, f.end).replace(/^(['"])(.*)\1$/u, '$2');
  const s = f.start + text.slice(f.start, f.end).indexOf(t);
  return titleOf(text, s, s + t.length);
}

const FULL_DATE_TEXT = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/u;
const DELIVERY_LINE = /^[(（]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^)）]{2,60}(?:会议|大会)上\s*[)）]$/u;
const ISO_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;
const META_DATE = /(发文日期|成文日期|发布日期|印发日期|生成日期|发布时间)\s*[:：]?\s*[|｜]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/gu;
const FIRST_SENTENCE_YEAR = /^(?:[^。，,\d]{0,12}?[，,]?)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/u;
const PREAMBLE_YEAR = /((?:19|20)\d{2})\s*年度?[^。，,]{0,12}?法治(?:政府)?建设[^。，,]{0,10}?(?:报告|情况)/u;
const SIGNATURE_DATE = new RegExp(FULL_DATE_TEXT.source, 'gu');

function numeralOrDigits(s: string): number {
  return /^\d+$/u.test(s) ? Number(s) : (chineseNumeralValue(s) ?? NaN);
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

const before = (a: CalendarDate, b: CalendarDate): boolean => (a.year - b.year || a.month - b.month || a.day - b.day) < 0;

/**
 * The signature date: near the end of the body, a date standing alone, or an
 * issuer followed by its date (`莆田市科学技术局2021年12月22日`), with at most a
 * note in brackets after it — also inside the last paragraph of a report stored
 * on one line. The office's `…日印发` line is not a signature.
 */
function signatureDate(text: string, body: readonly FactBlock[]): DocumentFact<CalendarDate> | undefined {
  for (let i = body.length - 1; i >= 0 && i >= body.length - 8; i--) {
    const f = blockText(text, (body[i] as FactBlock).block);
    const line = f.text;
    // Only the block's tail can hold a signature.
    const from = Math.max(0, line.length - 96);
    let found: RegExpExecArray | undefined;
    SIGNATURE_DATE.lastIndex = from;
    for (let m = SIGNATURE_DATE.exec(line); m; m = SIGNATURE_DATE.exec(line)) {
      const head = line.slice(from, m.index);
      const lastStop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'), head.lastIndexOf('；'));
      const issuer = head.slice(lastStop + 1).replace(/\s/gu, '');
      // After the signature: a note in brackets, the copy list (抄送：…) and the office's 印发 line.
      const rest = line
        .slice(m.index + m[0].length)
        .replace(/[(（][^()（）]{0,16}[)）]/gu, '')
        .replace(/抄\s*送\s*[:：][^。；]{0,60}[。；]?/gu, '')
        .replace(/[^。，,；]{0,30}?(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*印\s*发/gu, '');
      if (issuer.length > 2 && !(issuer.length <= 30 && ISSUER_END.test(issuer))) continue;
      if (/^\s*印发/u.test(line.slice(m.index + m[0].length)) || rest.length > 40 || /[。，,；;！？]/u.test(rest)) continue;
      found = m;
    }
    if (!found) continue;
    const d = toDate(found[1] ?? '', found[2] ?? '', found[3] ?? '');
    if (d) return fact(d, 'signature', { start: f.start(found.index), end: f.end(found.index + found[0].length) });
  }
  return undefined;
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
): { reportYear: DocumentFact<number> | undefined; writingDate: DocumentFact<CalendarDate> | undefined; publicationDate: DocumentFact<CalendarDate> | undefined } {
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
      // (A line ends at \n, \r\n or a lone \r.)
      const lone = /(?:^|[\n\r])\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*(?:[\n\r]|$)/u.exec(chunk);
      const d = lone ? toDate(lone[1] ?? '', lone[2] ?? '', lone[3] ?? '') : undefined;
      if (lone && d) {
        const s = r.start + lone.index + lone[0].indexOf(lone[1] ?? '');
        headerDate = { date: d, range: { start: s, end: s + 10 } };
      }
    }
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

  // The writing date the text states (not a default).
  let writingDate: DocumentFact<CalendarDate> | undefined;
  const fmDate = fm?.fields.get('date') ?? fm?.fields.get('writingDate') ?? fm?.fields.get('writing_date');
  if (options.writingDate) writingDate = fact(options.writingDate, 'option');
  else if (fmDate) {
    const dm = ISO_DATE.exec(fmDate.value) ?? FULL_DATE_TEXT.exec(fmDate.value);
    const d = dm ? toDate(dm[1] ?? '', dm[2] ?? '', dm[3] ?? '') : undefined;
    if (d) writingDate = fact(d, 'front-matter', { start: fmDate.start, end: fmDate.end });
  }
  writingDate ??= signatureDate(text, body) ?? deliveryDate(text, body);
  if (!writingDate) {
    const m = meta.get('成文日期') ?? meta.get('发文日期') ?? meta.get('印发日期');
    if (m) writingDate = fact(m.date, 'metadata', m.range);
  }

  // Report year.
  let reportYear: DocumentFact<number> | undefined;
  const fmYear = fm?.fields.get('year') ?? fm?.fields.get('reportYear') ?? fm?.fields.get('report_year');
  if (options.reportYear !== undefined) reportYear = fact(options.reportYear, 'option');
  else if (fmYear && /^\d{4}$/u.test(fmYear.value)) reportYear = fact(Number(fmYear.value), 'front-matter', { start: fmYear.start, end: fmYear.end });
  else if (title?.year !== undefined && title.yearRange) {
    const inJunk = junkRanges.some((r) => r.start <= title.range.start && title.range.end <= r.end);
    const inFm = fm !== undefined && fm.start <= title.range.start && title.range.end <= fm.end;
    reportYear = fact(title.year, inFm ? 'front-matter' : inJunk ? 'metadata' : 'title', title.yearRange);
  } else {
    reportYear = openingYear(text, sentences, headings) ?? headingsYear(headings);
    // Signed, or else published, in the first half of a year: the report is on the year before.
    for (const date of [writingDate, publicationDate]) {
      if (reportYear || !date || date.source === 'option' || date.value.month > 6) continue;
      reportYear = fact(date.value.year - 1, date.source, date.range);
    }
  }

  // No date stated: a report is written by the time it is published, and a publication date
  // before the deadline the regulation sets is a closer bound than that deadline.
  const deadline: CalendarDate | undefined = reportYear ? { year: reportYear.value + 1, month: 3, day: 31 } : undefined;
  if (!writingDate && publicationDate && deadline && before(publicationDate.value, deadline)) {
    writingDate = publicationDate;
  }
  if (!writingDate && deadline) writingDate = { value: deadline, source: 'default', assumed: true };

  // One literal, a fact not found undefined (the one caller reads each with `?? undefined`): spreads of
  // optional parts copied each part's properties by a runtime call, ~0.4 % of a lint's samples.
  return { reportYear, writingDate, publicationDate };
}

/** The year the opening sentences name: 2023年，在市委的坚强领导下…, or 现将我局2022年度法治政府建设工作报告如下. */
function openingYear(text: string, sentences: readonly Sentence[], headings: readonly Heading[]): DocumentFact<number> | undefined {
  let checked = 0;
  for (const st of sentences) {
    if (checked >= 4) break;
    if (st.text.length < 8 || (st.headingIndex >= 0 && headings[st.headingIndex]?.range.start === st.range.start)) continue;
    if (/^[(（]/u.test(st.text)) continue;
    checked++;
    const f = fold(text, st.range.start, st.range.end);
    const m = FIRST_SENTENCE_YEAR.exec(f.text) ?? PREAMBLE_YEAR.exec(f.text);
    if (m) {
      const at = m.index + m[0].indexOf(m[1] ?? '');
      return fact(Number(m[1]), 'first-sentence', { start: f.start(at), end: f.end(at + 4) });
    }
  }
  return undefined;
}

/** The year the top-level headings name: the results heading's, or the plan heading's minus one. */
function headingsYear(headings: readonly Heading[]): DocumentFact<number> | undefined {
  const results = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept !== 'next-year-plan');
  const plan = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept === 'next-year-plan');
  if (results?.year !== undefined && results.yearRange) return fact(results.year, 'heading', results.yearRange);
  if (plan?.year !== undefined && plan.yearRange) return fact(plan.year - 1, 'heading', plan.yearRange);
  return undefined;
}

/** A report delivered to the people's congress names the sitting: （2023年4月27日在…会议上）. */
function deliveryDate(text: string, body: readonly FactBlock[]): DocumentFact<CalendarDate> | undefined {
  for (let i = 0; i < body.length && i < 4; i++) {
    const b = (body[i] as FactBlock).block;
    const line = text.slice(b.start, b.end);
    const m = DELIVERY_LINE.exec(line);
    const d = m ? toDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
    if (m && d) {
      const s = b.start + line.indexOf(m[1] ?? '');
      const e = b.start + line.indexOf('日', s - b.start) + 1;
      return fact(d, 'signature', { start: s, end: e });
    }
  }
  return undefined;
}
