/**
 * Figures for a year: what this year's report says about last year (上年受理98件,
 * 较上年的98件, 2022年全县受理98件) and what last year's report said about its own
 * year. Both come from the statistics extraction (`extractStatistics`: counts with
 * object, verb, unit and scope); this module only decides which year each count
 * is about and adds the comparison bases the extraction leaves out (较上年的98件).
 *
 * A count's year: a year or a last-year word (上年, 去年, 上年同期 …) in the
 * count's own clause; else one opening the sentence (「2022年，……」 frames it);
 * else the report's own year. A difference (较上年增加22件) is never a figure.
 */
import { LAST_YEAR_WORDS, THIS_YEAR_WORDS, type MetricActionKind } from '@fzlint/ontology';
import type { NumberMention, ReportDocument, TextRange } from '@fzlint/parser';
import { extractStatistics, type StatisticMention } from '../statistics/index.js';
import { findMetricObject, precisionOf } from '../statistics/mentions.js';
import { scopesCompatible } from '../statistics/relations.js';

/** A count of one object in one year. */
export interface YearFigure {
  /** The year it is about. */
  readonly year: number;
  /** Ontology object id (行政复议案件 → administrative-review-case). */
  readonly object: string;
  readonly objectName: string;
  readonly objectNameEn: string;
  readonly action?: MetricActionKind;
  /** The verb as written (受理), for messages. */
  readonly verbText?: string;
  readonly unitFamily: string;
  readonly scope?: string;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly exact: boolean;
  readonly precision: number;
  /** The count with its unit (98件). */
  readonly range: TextRange;
  readonly raw: string;
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

const YEAR = String.raw`(?:19|20)\d{2}`;
const LAST = alternation(LAST_YEAR_WORDS);
const THIS = alternation(THIS_YEAR_WORDS);
/** A period word or year, as the last one before a count in its clause. */
const PERIOD = new RegExp(String.raw`(${LAST})|(${THIS})|(${YEAR})\s*年(?!\s*(?:以来|至今|[—–\-~～－至到]|\d))`, 'gu');
/** A sentence opening on its period: 「2022年，」「上年，」「今年以来」 (以来 only for this year's words). */
const FRAME = new RegExp(String.raw`^\s*(?:在|截至|截止)?\s*(?:(${LAST})|(${THIS})|(${YEAR})\s*年度?)(?:[底末])?\s*[，,：:]`, 'u');
const CLAUSE_BREAK = /[，,；;：:。！？!?（）()]/u;
const LAST_WORDS = new RegExp(LAST, 'gu');
/** A comparison base right before a count: 较上年的98件, 比2022年同期的98件, （上年同期为98件）. */
const BASE_BEFORE = new RegExp(String.raw`(?:(${LAST})|(${YEAR})\s*年度?(?:同期)?)(?:的|为|是|同期为|同期的|有)?\s*$`, 'u');
/** A difference after a period word: 较上年增加22件 — 22 is no figure of either year. */
const DIFFERENCE_AFTER_PERIOD = /(?:增加|减少|增长|下降|上升|提高|降低|多|少|增|减)(?:了)?\s*$/u;

type Period = { kind: 'last' } | { kind: 'this' } | { kind: 'year'; year: number };

function periodOf(match: RegExpExecArray): Period {
  if (match[1]) return { kind: 'last' };
  if (match[2]) return { kind: 'this' };
  return { kind: 'year', year: Number(match[3]) };
}

/** The period named last in `text` (a clause before a count), if any. */
function lastPeriodIn(text: string): Period | undefined {
  let found: Period | undefined;
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) found = periodOf(m);
  return found;
}

/** How far back a count's clause is read: a longer run without a break is no clause (and the scan stays linear). */
const MAX_CLAUSE = 120;

function clauseBefore(text: string, sentenceStart: number, at: number): string {
  let s = at;
  const stop = Math.max(sentenceStart, at - MAX_CLAUSE);
  while (s > stop && !CLAUSE_BREAK.test(text[s - 1]!)) s--;
  return text.slice(s, at);
}

function resolve(period: Period | undefined, ownYear: number): number {
  if (!period || period.kind === 'this') return ownYear;
  if (period.kind === 'last') return ownYear - 1;
  return period.year;
}

function figureOf(m: StatisticMention, year: number, object: { id: string; name: string; nameEn: string }): YearFigure {
  return {
    year,
    object: object.id,
    objectName: object.name,
    objectNameEn: object.nameEn,
    ...(m.action ? { action: m.action } : {}),
    ...(m.verbText ? { verbText: m.verbText } : {}),
    unitFamily: m.unitFamily,
    ...(m.scope ? { scope: m.scope } : {}),
    value: m.value,
    lower: m.lower,
    upper: m.upper,
    exact: m.exact,
    precision: m.precision,
    range: m.range,
    raw: m.number.raw,
  };
}

const CACHE = new WeakMap<ReportDocument, Map<number, readonly YearFigure[]>>();

/**
 * Every count of `document` with an ontology object, with the year it is about
 * (`ownYear` is the report's year). Counts of carried-over or cumulative work
 * (上年结转, 累计) are left out: they are other measures than the year's own.
 */
export function yearFigures(document: ReportDocument, ownYear: number): readonly YearFigure[] {
  let byYear = CACHE.get(document);
  if (!byYear) CACHE.set(document, (byYear = new Map()));
  const cached = byYear.get(ownYear);
  if (cached) return cached;
  const { text, sentences } = document;
  const stats = extractStatistics(document);
  const out: YearFigure[] = [];
  const counted = new Set<NumberMention>();
  // Frames: the period a sentence opens on, by sentence index.
  const frameOf = (sentenceIndex: number): Period | undefined => {
    const s = sentences[sentenceIndex];
    if (!s) return undefined;
    const m = FRAME.exec(text.slice(s.range.start, Math.min(s.range.end, s.range.start + 24)));
    return m ? periodOf(m as RegExpExecArray) : undefined;
  };
  for (const m of stats.mentions) {
    counted.add(m.number);
    if (m.carryOver) continue;
    const sentence = sentences[m.sentenceIndex];
    if (!sentence) continue;
    const clause = clauseBefore(text, sentence.range.start, m.range.start);
    if (DIFFERENCE_AFTER_PERIOD.test(clause) && lastPeriodIn(clause)) continue;
    const period = lastPeriodIn(clause) ?? (m.year !== undefined ? { kind: 'year' as const, year: m.year } : frameOf(m.sentenceIndex));
    const metric = m.object?.metric ?? findMetricObject(clause.replace(LAST_WORDS, ''));
    if (!metric) continue;
    out.push(figureOf(m, resolve(period, ownYear), metric));
  }
  // Comparison bases the extraction leaves out: 120件，较上年的98件增加22件 → 98 is last
  // year's count of what the count before it counts. Numbers and mentions are both in
  // text order: one pass keeps the last count with an object of the current sentence.
  let sentenceOfLast = -1;
  let nextMention = 0;
  let reference: StatisticMention | undefined;
  for (const n of document.numbers) {
    if (n.sentenceIndex !== sentenceOfLast) {
      sentenceOfLast = n.sentenceIndex;
      reference = undefined;
    }
    while (nextMention < stats.mentions.length && stats.mentions[nextMention]!.range.start < n.range.start) {
      const m = stats.mentions[nextMention++]!;
      if (m.sentenceIndex === n.sentenceIndex && m.object?.metric) reference = m;
    }
    if (counted.has(n) || n.kind !== 'count' || n.approximate) continue;
    const sentence = sentences[n.sentenceIndex];
    if (!sentence || !reference?.object?.metric) continue;
    const before = text.slice(Math.max(sentence.range.start, n.range.start - 12), n.range.start);
    const base = BASE_BEFORE.exec(before);
    if (!base) continue;
    const unit = (n.unit ?? '').replace(/^[万亿千百]+/, '');
    if (unit !== reference.unit) continue;
    const year = base[1] ? ownYear - 1 : Number(base[2]);
    out.push({
      ...figureOf(reference, year, reference.object.metric),
      value: n.value,
      lower: n.value,
      upper: n.value,
      exact: true,
      precision: precisionOf(n),
      range: n.range,
      raw: n.raw,
    });
  }
  out.sort((a, b) => a.range.start - b.range.start);
  byYear.set(ownYear, out);
  return out;
}

/** Whether two figures may describe the same count: same object, verb, unit family and a compatible scope. */
export function sameMeasure(a: YearFigure, b: YearFigure): boolean {
  if (a.object !== b.object || a.unitFamily !== b.unitFamily) return false;
  if (a.action !== undefined && b.action !== undefined && a.action !== b.action) return false;
  return scopesCompatible(a.scope, b.scope);
}

/** Whether two figures can both hold (their bounds, widened by the rounding of their digits, overlap). */
export function compatible(a: YearFigure, b: YearFigure): boolean {
  const slack = a.precision + b.precision;
  return a.lower <= b.upper + slack && b.lower <= a.upper + slack;
}
