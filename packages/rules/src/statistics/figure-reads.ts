/**
 * What the figure rules read of a document, so that an editor's incremental lint can tell
 * whether an edit left all of it as it was (then their findings are the old ones, shifted).
 *
 * The statistics rules and `continuity/restated-figure` read a report through the statistics
 * analysis (`extractStatistics`) and the figures ledger built from it. The analysis reads each
 * paragraph on its own; the ledger reads, besides the analysis:
 * - the text before a bare count, back to 48 characters within its sentence, for its period
 *   and scope (`ownFigure`);
 * - a change statement's text (`text.slice(change.range)`), for messages;
 * - the whole sentence of a received/concluded pair found across a section, for carried-over
 *   work (`hasCarryOver`);
 * - each statement's place: its sentence's heading and range, the title, the body, web-page
 *   junk, 《》 titles, the next-year plan's sections;
 * - the distances between statements where it takes the nearest of several equal figures as a
 *   change's base (`uniqueInSection`): recorded per ledger as spans (`ledgerDistanceSpans`).
 * The rest of the ledger's work (keys, pairings, conflicts) is a function of those inputs
 * that depends on offsets only through their order, so equal inputs with the offsets after an
 * edit shifted give the same findings, shifted.
 */
import type { ReportDocument, TextRange } from '@fzlint/parser';
import type { AnalysisCache } from '@fzlint/rule-api';
import { figureLedger, isBareCount, ledgerDistanceSpans, ownFigure } from './figures.js';
import { hasCarryOver } from './mentions.js';
import { extractStatistics } from './relations.js';
import type { StatisticRelation, StatisticsResult } from './types.js';

/** An edit: text [start, oldEnd) of the old document became [start, oldEnd + delta) of the new one. */
export interface FigureEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** An old offset in the new text: before the change the same, from its end on shifted; inside it NaN. */
function pointIn(e: FigureEdit, x: number): number {
  return x < e.start ? x : x >= e.oldEnd ? x + e.delta : Number.NaN;
}

/** Whether old range `a` is new range `b`: wholly before the change, or wholly after it and shifted. */
function sameRangeAcross(e: FigureEdit, a: TextRange | undefined, b: TextRange | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.end <= e.start) return a.start === b.start && a.end === b.end;
  if (a.start >= e.oldEnd) return a.start + e.delta === b.start && a.end + e.delta === b.end;
  return false;
}

/** Fields of the analysis holding a range of the text (mentions, rates, changes, numbers, relations). */
export const RANGE_FIELDS: ReadonlySet<string> = new Set(['range', 'valueRange', 'nameRange', 'verbRange', 'markerRange', 'innerRange']);
/** Fields of the analysis holding one offset of the text. */
export const POINT_FIELDS: ReadonlySet<string> = new Set(['clauseStart', 'subjectAt']);
/**
 * Fields holding no offset (the vocabulary's objects, a figure's context, a count's object):
 * the same object is the same value.
 */
export const VALUE_FIELDS: ReadonlySet<string> = new Set(['verb', 'metric', 'figure', 'object']);

/** How deep the analysis nests (relation → mention → number → range); deeper means something unknown: not the same. */
const MAX_DEPTH = 10;

/**
 * Whether two values of the analysis are the same across the edit: every field equal, the
 * ranges and offsets of `RANGE_FIELDS` and `POINT_FIELDS` mapped by the edit (one in or
 * across the change is never the same). Any other number is compared as it is: an offset
 * this table missed makes the test fail after the change, never pass wrongly — but for one
 * inside a same-length replacement, which the analysis would then have to read identically.
 */
function sameAcross(e: FigureEdit, x: unknown, y: unknown, depth: number): boolean {
  if (x === y) return typeof x !== 'object' || x === null ? true : sameObject(e, x, x, depth);
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
    return typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y);
  }
  return sameObject(e, x, y, depth);
}

function sameObject(e: FigureEdit, x: object, y: object, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameAcross(e, x[i], y[i], depth + 1)) return false;
    return true;
  }
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  for (const key in a) if (!sameField(e, key, a[key], b[key], depth)) return false;
  for (const key in b) if (!(key in a) && !sameField(e, key, undefined, b[key], depth)) return false;
  return true;
}

function sameField(e: FigureEdit, key: string, x: unknown, y: unknown, depth: number): boolean {
  if (RANGE_FIELDS.has(key)) return sameRangeAcross(e, x as TextRange | undefined, y as TextRange | undefined);
  if (POINT_FIELDS.has(key)) return x === undefined || y === undefined ? x === y : pointIn(e, x as number) === y;
  if (x === y && VALUE_FIELDS.has(key)) return true;
  // The same object elsewhere may hold offsets, which must then be mapped: compared field by field.
  return sameAcross(e, x, y, depth + 1);
}

/** Index of the first item of `list` (in paragraph order) in a paragraph at or after `paragraph`. */
function firstInParagraph(list: readonly { readonly paragraphIndex: number }[], paragraph: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.paragraphIndex < paragraph) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the items of paragraphs [first, last] are the same across the edit, with the same number before them. */
function sameItems(e: FigureEdit, a: readonly { readonly paragraphIndex: number }[], b: readonly { readonly paragraphIndex: number }[], first: number, last: number): boolean {
  const a0 = firstInParagraph(a, first);
  const b0 = firstInParagraph(b, first);
  const a1 = firstInParagraph(a, last + 1);
  const b1 = firstInParagraph(b, last + 1);
  if (a0 !== b0 || a1 - a0 !== b1 - b0) return false;
  for (let i = a0; i < a1; i++) if (!sameAcross(e, a[i], b[i], 0)) return false;
  return true;
}

/** The paragraph a relation is in (relations never leave their paragraph). */
function relationParagraph(rel: StatisticRelation): number {
  switch (rel.kind) {
    case 'parts':
      return rel.total.paragraphIndex;
    case 'received-concluded':
      return rel.concluded.paragraphIndex;
    case 'rate':
      return rel.rate.paragraphIndex;
    case 'derived-total':
      return rel.result.paragraphIndex;
  }
}

/** Whether the relations of paragraphs [first, last] are the same across the edit, in the same order. */
function sameRelations(e: FigureEdit, a: StatisticsResult, b: StatisticsResult, first: number, last: number): boolean {
  if (a.relations.length !== b.relations.length) return false;
  for (let i = 0; i < a.relations.length; i++) {
    const x = a.relations[i]!;
    const y = b.relations[i]!;
    const p = relationParagraph(x);
    if (p !== relationParagraph(y)) return false;
    if (p >= first && p <= last && !sameAcross(e, x, y, 0)) return false;
  }
  return true;
}

/**
 * Whether the figure rules read the same in `next` as in `previous` around an edit inside
 * paragraphs [first, last] (the same paragraphs in both: the caller has checked that the edit
 * keeps every paragraph and sentence, the outline, and everything outside those paragraphs,
 * shifted): the statistics analysis of those paragraphs (every count, rate, change and
 * relation, offsets mapped), and what the ledger reads of their text besides — a bare count's
 * own words, whether a sentence touching the change mentions carried-over work, each
 * sentence's heading and place. With `cache`, the analysis of the new document is read
 * through it (the edited paragraph again, the rest from the cache).
 */
export function figureReadsKept(previous: ReportDocument, next: ReportDocument, edit: FigureEdit, first: number, last: number, cache?: AnalysisCache): boolean {
  const a = extractStatistics(previous, cache);
  const b = extractStatistics(next, cache);
  if (a.mentions.length !== b.mentions.length || a.rates.length !== b.rates.length || a.changes.length !== b.changes.length) return false;
  if (!sameItems(edit, a.mentions, b.mentions, first, last)) return false;
  if (!sameItems(edit, a.rates, b.rates, first, last)) return false;
  if (!sameItems(edit, a.changes, b.changes, first, last)) return false;
  if (!sameRelations(edit, a, b, first, last)) return false;
  // A bare count's period and scope, read from its own words (`ownFigure`: back to its sentence's
  // start or OWN_WINDOW characters): the same reading (it holds no offset).
  const m0 = firstInParagraph(a.mentions, first);
  const m1 = firstInParagraph(a.mentions, last + 1);
  for (let i = m0; i < m1; i++) {
    const x = a.mentions[i]!;
    if (!isBareCount(x)) continue;
    const y = b.mentions[i]!;
    const xs = previous.sentences[x.sentenceIndex]?.range.start ?? x.clauseStart;
    const ys = next.sentences[y.sentenceIndex]?.range.start ?? y.clauseStart;
    if (!sameAcross(edit, ownFigure(x, previous.text, xs), ownFigure(y, next.text, ys), 0)) return false;
  }
  // The sentences touching the change: whether they mention carried-over work, and their place.
  const { sentences: oldSentences } = previous;
  const { sentences: newSentences } = next;
  if (oldSentences.length !== newSentences.length) return false;
  const newEnd = edit.oldEnd + edit.delta;
  for (let i = firstAtOrAfter(oldSentences, edit.start - 1); i < oldSentences.length && oldSentences[i]!.range.start <= edit.oldEnd + 1; i++) {
    const x = oldSentences[i]!;
    const y = newSentences[i]!;
    if (x.headingIndex !== y.headingIndex || x.paragraphIndex !== y.paragraphIndex) return false;
    if (hasCarryOver(x.text) !== hasCarryOver(y.text)) return false;
    if (placeOf(previous, x.range, x.headingIndex) !== placeOf(next, y.range, y.headingIndex)) return false;
  }
  for (let i = firstAtOrAfter(newSentences, edit.start - 1); i < newSentences.length && newSentences[i]!.range.start <= newEnd + 1; i++) {
    const x = oldSentences[i]!;
    const y = newSentences[i]!;
    if (x.headingIndex !== y.headingIndex || hasCarryOver(x.text) !== hasCarryOver(y.text)) return false;
    if (placeOf(previous, x.range, x.headingIndex) !== placeOf(next, y.range, y.headingIndex)) return false;
  }
  return true;
}

/** Index of the first sentence ending after `offset`. */
function firstAtOrAfter(sentences: ReportDocument['sentences'], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.range.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the ledger's `placer` reads of a statement's sentence: whether it overlaps the title, whether it is its heading. */
function placeOf(document: ReportDocument, range: TextRange, headingIndex: number): number {
  const { title, headings } = document;
  const heading = headings[headingIndex];
  const inTitle = title !== undefined && range.start < title.range.end && range.end > title.range.start;
  const isHeading = heading !== undefined && heading.range.start <= range.start && range.end <= heading.range.end + 1;
  return (inTitle ? 1 : 0) + (isHeading ? 2 : 0);
}

/**
 * Whether the 《》 titles (a figure starting inside one is a citation, not the report's) place
 * every statement as before, shifted: the titles before the change the same, those after it
 * the same shifted, and any other (edited, made or unmade by the edit) holding the start of no
 * count, rate or change of its document's analysis.
 */
export function citationsKept(previous: ReportDocument, next: ReportDocument, edit: FigureEdit, cache?: AnalysisCache): boolean {
  const a = previous.references.filter((r) => r.kind === 'book-title');
  const b = next.references.filter((r) => r.kind === 'book-title');
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.range.end <= edit.start && sameRangeAcross(edit, a[head]!.range, b[head]!.range)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head) {
    const x = a[a.length - 1 - tail]!.range;
    if (x.start < edit.oldEnd || !sameRangeAcross(edit, x, b[b.length - 1 - tail]!.range)) break;
    tail++;
  }
  if (head + tail === a.length && head + tail === b.length) return true;
  const holdsNone = (document: ReportDocument, titles: readonly { readonly range: TextRange }[]): boolean => {
    const { mentions, rates, changes } = extractStatistics(document, cache);
    for (const t of titles) {
      const inside = (x: { readonly range: TextRange }): boolean => x.range.start >= t.range.start && x.range.start < t.range.end;
      if (mentions.some(inside) || rates.some(inside) || changes.some(inside)) return false;
    }
    return true;
  };
  return holdsNone(previous, a.slice(head, a.length - tail)) && holdsNone(next, b.slice(head, b.length - tail));
}

/** The distance spans of documents whose figure findings were kept (the ledger was not built for them). */
const keptSpans = new WeakMap<ReportDocument, readonly TextRange[]>();

/**
 * Where the figures ledger of `document` compares distances between statements (see
 * `ledgerDistanceSpans`): the ledger's own record, or the one carried to a document whose
 * figure findings were kept (`keepFigureSpans`). Builds the ledger when neither is known.
 */
function distanceSpansOf(document: ReportDocument, cache?: AnalysisCache): readonly TextRange[] {
  return keptSpans.get(document) ?? ledgerDistanceSpans(figureLedger(document, cache));
}

/**
 * Whether the edit leaves every distance the ledger of `previous` compares as it was: no span
 * of statements among which it took the nearest has the change inside it (every statement of
 * the span before the change, or every one after it).
 */
export function figureDistancesKept(previous: ReportDocument, edit: FigureEdit, cache?: AnalysisCache): boolean {
  for (const s of distanceSpansOf(previous, cache)) if (!(s.end < edit.start || s.start >= edit.oldEnd)) return false;
  return true;
}

/**
 * Records that the figure findings of `next` are those of `previous`, shifted (the ledger of
 * `next` is not built): its distance spans are the old ones, shifted. Call after
 * `figureDistancesKept` said yes.
 */
export function keepFigureSpans(previous: ReportDocument, next: ReportDocument, edit: FigureEdit, cache?: AnalysisCache): void {
  const spans = distanceSpansOf(previous, cache);
  keptSpans.set(next, spans.length === 0 || edit.delta === 0 ? spans : spans.map((s) => (s.start >= edit.oldEnd ? { start: s.start + edit.delta, end: s.end + edit.delta } : s)));
}
