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
import { documentMemo, type ReportDocument, type Section, type TextRange } from '@fzlint/parser';
import type { AnalysisCache } from '@fzlint/rule-api';
import { figureLedger, isBareCount, ledgerDistanceSpans, OWN_WINDOW as OWN_WORDS, ownFigure } from './figures.js';
import { hasCarryOver } from './mentions.js';
import { analyzeStatistics, STATISTICS_CACHE } from './relations.js';
import { StatisticsCache } from './incremental.js';

/** An edit: text [start, oldEnd) of the old document became [start, oldEnd + delta) of the new one. */
export interface FigureEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** An edit before everything compared: every offset the same. */
const UNMOVED: FigureEdit = { start: -1, oldEnd: -1, delta: 0 };

/** The paragraph analyses read when the lint has no `AnalysisCache` (bounded, as any `StatisticsCache`). */
const OWN_CACHE = new StatisticsCache(analyzeStatistics);

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

/** The three field sets as one look-up (1 range, 2 point, 3 value): one hash probe per field, not three. */
const FIELD_KIND: ReadonlyMap<string, number> = new Map([
  ...[...RANGE_FIELDS].map((k) => [k, 1] as const),
  ...[...POINT_FIELDS].map((k) => [k, 2] as const),
  ...[...VALUE_FIELDS].map((k) => [k, 3] as const),
]);

function sameField(e: FigureEdit, key: string, x: unknown, y: unknown, depth: number): boolean {
  const kind = FIELD_KIND.get(key);
  if (kind === 1) return sameRangeAcross(e, x as TextRange | undefined, y as TextRange | undefined);
  if (kind === 2) return x === undefined || y === undefined ? x === y : pointIn(e, x as number) === y;
  if (x === y && kind === 3) return true;
  // The same object elsewhere may hold offsets, which must then be mapped: compared field by field.
  return sameAcross(e, x, y, depth + 1);
}

/**
 * Whether the figure rules read the same in `next` as in `previous` around an edit inside
 * paragraphs [first, last] (the same paragraphs in both: the caller has checked that the edit
 * keeps every paragraph and sentence, the outline, and everything outside those paragraphs,
 * shifted): the statistics analysis of those paragraphs (every count, rate, change and
 * relation, offsets mapped), and what the ledger reads of their text besides — a bare count's
 * own words, whether a sentence touching the change mentions carried-over work, each
 * sentence's heading and place. Each paragraph's analysis is compared as the statistics cache
 * keeps it (`StatisticsCache.paragraph`: relative to the paragraph, read again only for the
 * edited text), so no whole document's analysis is assembled; without `cache`, a cache of this
 * module's own.
 */
export function figureReadsKept(previous: ReportDocument, next: ReportDocument, edit: FigureEdit, first: number, last: number, cache?: AnalysisCache): boolean {
  const statistics = cache ? cache.get(STATISTICS_CACHE) : OWN_CACHE;
  for (let p = first; p <= last; p++) {
    const a = statistics.paragraph(previous, p);
    const b = statistics.paragraph(next, p);
    if (a === undefined || b === undefined) {
      if (a !== b) return false;
      continue;
    }
    // The same analysis (the same text from the same start, or shifted whole): nothing in it moved
    // apart, so it reads the same.
    if (a.analysis === b.analysis && (a.lo === b.lo || b.lo === a.lo + edit.delta)) continue;
    // The paragraph's analysis is relative to its start: the edit too (a paragraph after it: unmoved).
    let e: FigureEdit;
    if (a.lo === b.lo) e = { start: edit.start - a.lo, oldEnd: edit.oldEnd - a.lo, delta: edit.delta };
    else if (a.lo >= edit.oldEnd && b.lo === a.lo + edit.delta) e = UNMOVED;
    else return false;
    if (!sameAcross(e, a.mentions, b.mentions, 0) || !sameAcross(e, a.rates, b.rates, 0) || !sameAcross(e, a.changes, b.changes, 0)) return false;
    if (!sameAcross(e, a.relations, b.relations, 0)) return false;
    // A bare count's period and scope, read from its own words (`ownFigure`: back to its sentence's
    // start or 48 characters): the same reading (it holds no offset). The mentions being the same
    // (above), a count whose words read lie wholly before the change, or wholly after it and
    // shifted, in both, reads the same text: only those near the change are read again.
    for (let i = 0; i < a.mentions.length; i++) {
      const x = a.mentions[i]!;
      if (!isBareCount(x)) continue;
      const y = b.mentions[i]!;
      const xs = a.sentences[2 * x.sentenceIndex]!;
      const ys = b.sentences[2 * y.sentenceIndex]!;
      if (ownWordsKept(e, x.range.start, xs, y.range.start, ys)) continue;
      if (!sameAcross(e, ownFigure(x, a.text, xs), ownFigure(y, b.text, ys), 0)) return false;
    }
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

/**
 * Whether the words `ownFigure` reads before a count, [max(sentence start, count start − 48),
 * count start), are the same text old and new: the count at `x` of a sentence starting at `xs`
 * (old, relative to its paragraph as `e` is) and at `y`, `ys` (new), the span ending at or before
 * the change's start, unmoved, or starting at or after its old end, shifted by the edit.
 */
export function ownWordsKept(e: FigureEdit, x: number, xs: number, y: number, ys: number): boolean {
  const from = Math.max(xs, x - OWN_WORDS);
  const to = Math.max(ys, y - OWN_WORDS);
  if (x <= e.start) return y === x && to === from;
  return from >= e.oldEnd && y === x + e.delta && to === from + e.delta;
}

/**
 * What the figure rules read of the outline, the same across the edit: each heading's range
 * (the ledger's `placer`: a statement of a heading's own sentence is placed 'heading') and
 * each section's range and concept, and its heading's concept (`placer`'s next-year plan); the
 * title's range. A heading's wording, numbering, level and year are not read but as the text
 * of its sentences, which the analysis and `figureReadsKept` compare as any sentence's; so an
 * edit inside a heading that keeps these keeps the figure rules' reads of the outline. Offsets
 * map as the edit moves them: before the change the same, from its end on shifted, so a
 * heading or section holding the change keeps its start and shifts its end; an offset inside
 * the change is never the same.
 */
export function headingReadsKept(previous: ReportDocument, next: ReportDocument, edit: FigureEdit): boolean {
  const a = previous.headings;
  const b = next.headings;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameSpanAcross(edit, a[i]!.range, b[i]!.range) || a[i]!.concept !== b[i]!.concept) return false;
  }
  if ((previous.title === undefined) !== (next.title === undefined)) return false;
  if (previous.title && next.title && !sameSpanAcross(edit, previous.title.range, next.title.range)) return false;
  return sameSectionsAcross(edit, previous.sections, next.sections);
}

function sameSectionsAcross(edit: FigureEdit, a: readonly Section[], b: readonly Section[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.concept !== y.concept || x.heading.concept !== y.heading.concept || !sameSpanAcross(edit, x.range, y.range)) return false;
    if (!sameSectionsAcross(edit, x.children, y.children)) return false;
  }
  return true;
}

/** Whether old range `a` is new range `b`, each end mapped by the edit (before the change the same, at or after its end shifted; inside it never). */
function sameSpanAcross(e: FigureEdit, a: TextRange, b: TextRange): boolean {
  return endAcross(e, a.start) === b.start && endAcross(e, a.end) === b.end;
}

/** An old range end in the new text: at or before the change's start the same, at or after its end shifted, inside it NaN. */
function endAcross(e: FigureEdit, x: number): number {
  return x <= e.start ? (x === e.start && e.oldEnd === e.start && e.delta !== 0 ? Number.NaN : x) : x >= e.oldEnd ? x + e.delta : Number.NaN;
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
 * count, rate or change of the analysis (the ledger's statements start there).
 */
export function citationsKept(previous: ReportDocument, next: ReportDocument, edit: FigureEdit, cache?: AnalysisCache): boolean {
  const a = previous.references;
  const b = next.references;
  // The titles before the change, in both (other references skipped), then those after it from the end.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a[i]!.kind !== 'book-title') i++;
    while (j < b.length && b[j]!.kind !== 'book-title') j++;
    if (i >= a.length || j >= b.length || a[i]!.range.end > edit.start || !sameRangeAcross(edit, a[i]!.range, b[j]!.range)) break;
    i++;
    j++;
  }
  let ia = a.length - 1;
  let jb = b.length - 1;
  for (;;) {
    while (ia >= i && a[ia]!.kind !== 'book-title') ia--;
    while (jb >= j && b[jb]!.kind !== 'book-title') jb--;
    if (ia < i || jb < j || a[ia]!.range.start < edit.oldEnd || !sameRangeAcross(edit, a[ia]!.range, b[jb]!.range)) break;
    ia--;
    jb--;
  }
  if (ia < i && jb < j) return true;
  const statistics = cache ? cache.get(STATISTICS_CACHE) : OWN_CACHE;
  return titlesWithoutFigures(previous, i, ia, statistics) && titlesWithoutFigures(next, j, jb, statistics);
}

/** Whether no statement of `document` starts inside a 《》 title among references [from, to]. */
function titlesWithoutFigures(document: ReportDocument, from: number, to: number, statistics: StatisticsCache): boolean {
  const { references, sentences } = document;
  for (let k = from; k <= to; k++) {
    const r = references[k]!.range;
    if (references[k]!.kind !== 'book-title') continue;
    // The statements of the paragraphs it touches (a statement comes from one sentence).
    const first = sentences[firstAtOrAfter(sentences, r.start + 1)];
    const last = sentences[firstAtOrAfter(sentences, r.end)];
    if (!first || !last) continue;
    for (let p = first.paragraphIndex; p <= last.paragraphIndex; p++) {
      const run = statistics.paragraph(document, p);
      if (!run) continue;
      const inside = (x: { readonly range: TextRange }): boolean => x.range.start + run.lo >= r.start && x.range.start + run.lo < r.end;
      if (run.mentions.some(inside) || run.rates.some(inside) || run.changes.some(inside)) return false;
    }
  }
  return true;
}

/** The distance spans of documents whose figure findings were kept (the ledger was not built for them). */
const keptSpans = documentMemo<readonly TextRange[]>();

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
