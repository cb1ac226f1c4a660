/**
 * Figures for a year, read from the figures ledger (`figureLedger`): what this year's
 * report says about last year (上年受理98件, 2022年全县受理98件, the base of a stated
 * change: 较上年的98件增加22件, 同比增长20%（上年为90件）) and what last year's report
 * said about its own year, each with the ledger's metric key (object, qualifier,
 * measure, basis, scope, unit) and the calendar year its period names.
 *
 * A statement's year: a named year as written (2021年); else the report's own year for
 * the current period (unmarked, 本年, 全年 …) and the year before for the previous one
 * (上年, 去年, 同期 …). Periods that are not one year (累计, 近三年, 截至6月底, 上半年,
 * 自2019年以来) give no year, nor do carried-over work (上年结转 is this year's stock),
 * changes, parts of a 其中 list (their key is their total's) or figures outside the body
 * (headings, 《》 titles, the next-year plan's targets).
 */
import { documentMemo, type ReportDocument, type TextRange } from '@fzlint/parser';
import type { AnalysisCache } from '@fzlint/rule-api';
import { figureLedger, type FigureStatement, type MetricKey } from '../statistics/figures.js';
import { keyObjectNames, measureNames } from '../statistics/format.js';

/** A figure of one year, with the ledger's key of the figure it states. */
export interface YearFigure {
  /** The calendar year it is about. */
  readonly year: number;
  /** The ledger's key of the figure (for a comparison base: the key of the figure the change is about); its period is left aside. */
  readonly key: MetricKey;
  readonly kind: 'count' | 'rate';
  /** The verb (受理) or the rate's name (办结率) as written, for messages. */
  readonly verb?: string;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly exact: boolean;
  readonly precision: number;
  /** The number with its unit (98件). */
  readonly range: TextRange;
  readonly raw: string;
}

/** Measures a year's figure can be restated in: work and counts of the year (not carried-over stock, not changes). */
const YEAR_MEASURES: ReadonlySet<string> = new Set(['received', 'new', 'concluded', 'pending', 'removed', 'net', 'total', 'count', 'rate']);

/** The calendar year a statement's period names, or undefined when it is not one year. */
function yearOf(s: FigureStatement, ownYear: number): number | undefined {
  const p = s.key.period;
  if (p.kind === 'current' || p.kind === 'previous' || p.kind === 'year') {
    if (p.year !== undefined) return p.year;
    if (p.kind === 'current') return ownYear;
    if (p.kind === 'previous') return ownYear - 1;
  }
  return undefined;
}

/** What a key counts is named by the vocabulary (an object, or a rate's verb such as 出庭率), not by loose words. */
function namedObject(key: MetricKey): boolean {
  return key.object !== '' && !key.object.startsWith('text:');
}

function usable(s: FigureStatement): boolean {
  return (s.kind === 'count' || s.kind === 'rate') && s.place === 'body' && YEAR_MEASURES.has(s.key.measure) && s.key.scope.kind !== 'part' && namedObject(s.key);
}

function figureOf(s: FigureStatement, year: number, key: MetricKey = s.key): YearFigure {
  const verb = s.kind === 'rate' ? s.rate?.name : s.verb;
  return {
    year,
    key,
    kind: s.kind as 'count' | 'rate',
    ...(verb !== undefined ? { verb } : {}),
    value: s.value,
    lower: s.lower,
    upper: s.upper,
    exact: s.approximation === undefined && s.lower === s.upper,
    precision: s.precision,
    range: s.range,
    raw: s.text,
  };
}

/** A key as one string, its period left out. */
function withoutPeriod(k: MetricKey): string {
  return `${k.object}|${k.qualifier}|${k.measure}|${k.basis}|${k.scope.kind}|${k.scope.id}|${k.unit}`;
}

const CACHE = documentMemo<Map<number, readonly YearFigure[]>>();

/**
 * Every figure of `document` that is about one calendar year (`ownYear` is the report's
 * year), with its key, in text order: the ledger's counts and rates, the bases of stated
 * changes (keyed as the figure that changed), and a bare count of another year right
 * after the one figure of its sentence it restates (受理128件，上年为104件).
 */
export function yearFigures(document: ReportDocument, ownYear: number, cache?: AnalysisCache): readonly YearFigure[] {
  let byYear = CACHE.get(document);
  if (!byYear) CACHE.set(document, (byYear = new Map()));
  const cached = byYear.get(ownYear);
  if (cached) return cached;
  const ledger = figureLedger(document, cache);
  const out: YearFigure[] = [];
  // Comparison bases: the other period's figure of a change, stated in its sentence.
  const bases = new Set<number>();
  for (const c of ledger.changes) {
    const base = c.base;
    const current = c.current;
    if (!c.inline || !base.number || base.number.approximate || c.change.against === 'sequential') continue;
    // A change whose "current" figure is its own base was misread: nothing to say.
    if (base.range.start === current.range.start || !usable(current)) continue;
    const currentYear = yearOf(current, ownYear);
    if (currentYear === undefined) continue;
    const year = c.change.against === 'year' && c.change.againstYear !== undefined ? c.change.againstYear : currentYear - 1;
    bases.add(base.range.start);
    out.push({
      year,
      key: current.key,
      kind: current.kind as 'count' | 'rate',
      ...(current.kind === 'rate' ? (current.rate ? { verb: current.rate.name } : {}) : current.verb !== undefined ? { verb: current.verb } : {}),
      value: base.value,
      lower: base.value,
      upper: base.value,
      exact: true,
      precision: base.precision,
      range: base.range,
      raw: base.text,
    });
  }
  // Statements, each sentence's in order: a bare count (no verb) of another year after the
  // figures of one key in its sentence restates that figure for its year.
  let sentence = -1;
  let inSentence: { readonly s: FigureStatement; readonly year: number }[] = [];
  for (const s of ledger.statements) {
    if (s.sentenceIndex !== sentence) {
      sentence = s.sentenceIndex;
      inSentence = [];
    }
    if (!usable(s) || bases.has(s.range.start)) continue;
    const year = yearOf(s, ownYear);
    if (year === undefined) continue;
    if (s.kind === 'count' && s.key.measure === 'count' && s.key.basis === '') {
      const before = inSentence.filter((o) => o.year !== year && o.s.kind === 'count' && o.s.key.object === s.key.object && o.s.key.unit === s.key.unit);
      const keys = new Set(before.map((o) => withoutPeriod(o.s.key)));
      if (keys.size > 1) continue;
      if (keys.size === 1) {
        const restated = before[before.length - 1]!.s;
        out.push(figureOf(s, year, { ...restated.key, period: s.key.period }));
        continue;
      }
    }
    inSentence.push({ s, year });
    out.push(figureOf(s, year));
  }
  out.sort((a, b) => a.range.start - b.range.start);
  byYear.set(ownYear, out);
  return out;
}

/** Whether two scopes may be one: the same, or the report's own and its whole area (全市 in a city's report). */
function scopesMeet(a: MetricKey['scope'], b: MetricKey['scope']): boolean {
  if (a.kind === b.kind) return a.id === b.id;
  return (a.kind === 'report' && b.kind === 'area') || (a.kind === 'area' && b.kind === 'report');
}

/** Whether two figures state the same figure (for different periods, maybe): the ledger's key, the period aside, with meeting scopes. */
export function sameMeasure(a: YearFigure, b: YearFigure): boolean {
  const x = a.key;
  const y = b.key;
  return (
    a.kind === b.kind &&
    x.object === y.object &&
    x.qualifier === y.qualifier &&
    x.measure === y.measure &&
    x.basis === y.basis &&
    x.unit === y.unit &&
    scopesMeet(x.scope, y.scope)
  );
}

/** Whether two figures can both hold (their bounds, widened by the rounding of their digits, overlap). */
export function compatible(a: YearFigure, b: YearFigure): boolean {
  const slack = a.precision + b.precision;
  return a.lower <= b.upper + slack && b.lower <= a.upper + slack;
}

/** What a figure is, in words: 受理行政复议案件 / administrative review cases received; a rate by its name. */
export function describeYearFigure(f: YearFigure): { zh: string; en: string } {
  const object = keyObjectNames(f.key);
  if (f.kind === 'rate') {
    const name = f.verb ?? '比率';
    return { zh: name, en: `${name} (${object.en})` };
  }
  return { zh: `${f.verb ?? ''}${object.zh}`, en: `${object.en} ${measureNames(f.key).en}` };
}
