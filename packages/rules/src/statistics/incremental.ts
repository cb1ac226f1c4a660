import type { NumberMention, ReportDocument, TextRange } from '@fzlint/parser';
import { statisticsInput, type StatisticsInput } from './input.js';
import {
  mayStateFigure,
  numbersBySentence,
  readSentence,
  releaseSentenceReader,
  type ChangeStatement,
  type FigureContext,
  type RateStatement,
  type SentenceContext,
  type SentenceMentions,
  type SentencePlace,
  type SentenceReader,
  type StatisticMention,
} from './mentions.js';
import type { StatisticRelation, StatisticsResult } from './types.js';

/** The fields of a number the analysis reads, relative to the run start. */
interface NumberFields {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly kind: NumberMention['kind'];
  readonly value: number;
  readonly unit: string | undefined;
  readonly approximate: boolean;
  readonly approximateMarker: string | undefined;
  readonly decimals: number;
  readonly multiplier: number | undefined;
}

/**
 * One paragraph's analysis as `StatisticsCache.paragraph` gives it: the cached analysis itself,
 * its start in the document, its text and sentence bounds, its counts, rates, changes and
 * relations by phase, all relative to its start.
 */
export interface ParagraphStatistics {
  readonly analysis: object;
  readonly lo: number;
  readonly text: string;
  readonly sentences: readonly number[];
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  readonly changes: readonly ChangeStatement[];
  readonly relations: readonly (readonly StatisticRelation[])[];
}

/** A run's results rebased into one document, kept to be handed out again while nothing moves. */
interface Placed {
  /** Index of the run's first sentence. */
  readonly a: number;
  readonly sentences: readonly ReportDocument['sentences'][number][];
  readonly numbers: readonly NumberMention[];
  readonly lo: number;
  readonly mentionBase: number;
  readonly rateBase: number;
  readonly changeBase: number;
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  readonly changes: readonly ChangeStatement[];
  readonly phases: readonly (readonly StatisticRelation[])[];
}

/**
 * The analysis of one paragraph (a run of sentences with the same paragraph index),
 * as if the paragraph were a document of its own: offsets relative to the run's
 * start, mention/rate/sentence indices from 0, paragraph index 0. It holds no
 * reference to a document, and its key is a detached copy of the paragraph text,
 * so that a cached entry never keeps a whole old text alive.
 */
interface RunAnalysis {
  /** The paragraph text, from the first sentence (or number) start to the last end: the cache key. */
  readonly key: string;
  /** Start and end of each sentence, relative. */
  readonly sentences: readonly number[];
  readonly numbers: readonly NumberFields[];
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  /** Position among the run's numbers of each mention's number. */
  readonly mentionNumber: readonly number[];
  /** Position among the run's numbers of each rate's number. */
  readonly rateNumber: readonly number[];
  readonly changes: readonly ChangeStatement[];
  /** Position among the run's numbers of each change's number, and of its base (-1: none). */
  readonly changeNumber: readonly number[];
  readonly changeBase: readonly number[];
  /** Relations by phase, in the order the whole-document pass emits them (see `phaseOf`). */
  readonly phases: readonly (readonly StatisticRelation[])[];
}

/**
 * The counts and rates of one sentence read on its own (`readSentence` on the
 * sentence's text): offsets relative to the sentence start, indices from 0.
 */
interface SentenceAnalysis {
  /** The cache key: context, text and numbers of the sentence (detached). */
  readonly key: string;
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  readonly mentionNumber: readonly number[];
  readonly rateNumber: readonly number[];
  readonly changes: readonly ChangeStatement[];
  readonly changeNumber: readonly number[];
  readonly changeBase: readonly number[];
  /** What flows into the next sentence (no offsets in it: cached as is). */
  readonly outgoing: SentenceContext | undefined;
}

/** The analysis of a whole text, with its sentences and numbers (`analyzeStatistics`), reading sentences with `reader`. */
export type StatisticsAnalyzer = (input: StatisticsInput, reader?: SentenceReader) => StatisticsResult;

/**
 * Default budget, in characters of text, of each of the two caches (paragraphs,
 * sentences). An entry takes about 15 bytes per character of its text (measured),
 * so each cache stays under ~5 MB however many reports are open or edited, and a
 * budget holds the paragraphs with numbers of several 100 KB reports.
 */
const DEFAULT_MAX_CHARS = 300_000;

/**
 * A map that forgets its least recently used entries once the text they were made
 * from exceeds `maxChars` (the newest entry is always kept). Weighing by text, not
 * by count, keeps memory flat whether paragraphs are short or very long.
 */
class TextLru<V extends { readonly key: string }> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  constructor(private readonly maxChars: number) {}
  get size(): number {
    return this.map.size;
  }
  get weight(): number {
    return this.chars;
  }
  /** The entry under `key`, made the most recent. */
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v) this.touch(v);
    return v;
  }
  /** Makes `v` (stored under its own, detached key) the most recent. */
  private touch(v: V): void {
    this.map.delete(v.key);
    this.map.set(v.key, v);
  }
  set(v: V): void {
    const old = this.map.get(v.key);
    if (old) this.map.delete(old.key);
    else this.chars += v.key.length;
    this.map.set(v.key, v);
    while (this.chars > this.maxChars && this.map.size > 1) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
      this.chars -= oldest.value.length;
    }
  }
  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}

/**
 * The whole-document pass emits relations phase by phase over the whole text
 * (all parts, then all received/concluded pairs, then rates, then net changes, then
 * received balances); within a phase, in text order. Concatenating runs phase by
 * phase therefore gives the same order.
 */
const PHASES = 5;
function phaseOf(rel: StatisticRelation): number {
  switch (rel.kind) {
    case 'parts':
      return 0;
    case 'received-concluded':
      return 1;
    case 'rate':
      return 2;
    case 'derived-total':
      return rel.operation === 'net-change' ? 3 : 4;
  }
}

/**
 * A string that shares no storage with the text it was cut from: engines keep a
 * slice as a view of its parent, and a cached slice would keep a whole old
 * document text alive.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether numbers are in text order already (they are, from the parser): sorting them would be wasted. */
function shift(range: TextRange, by: number): TextRange {
  return { start: range.start + by, end: range.end + by };
}

type Sentence = ReportDocument['sentences'][number];

/** The fields of `n` the analysis reads, relative to `lo` and to the run's first sentence `a`. */
function fieldsOf(n: NumberMention, lo: number, a: number): NumberFields {
  return {
    start: n.range.start - lo,
    end: n.range.end - lo,
    sentence: n.sentenceIndex - a,
    kind: n.kind,
    value: n.value,
    unit: n.unit,
    approximate: n.approximate,
    approximateMarker: n.approximateMarker,
    decimals: n.decimals,
    multiplier: n.multiplier,
  };
}

/** Every number field the analysis reads, relative to `lo`, as a key part. */
function numberKey(n: NumberMention, lo: number): string {
  return `${n.range.start - lo},${n.range.end - lo},${n.kind},${n.value},${n.unit ?? ''},${n.approximate ? `~${n.approximateMarker ?? ''}` : ''},${n.decimals},${n.multiplier ?? ''};`;
}

/** The figure context flowing into a sentence, as a key part. */
function figureKey(f: FigureContext | undefined): string {
  if (!f) return '';
  const p = f.period ? `${f.period.kind}\u0002${f.period.text}\u0002${f.period.year ?? ''}` : '';
  const sc = f.scope ? `${f.scope.kind}\u0002${f.scope.text}` : '';
  return `${p}\u0005${sc}\u0005${f.subject}`;
}

/** The context flowing into a sentence, as a key part (an object is its key, text, flag and metric). */
function contextKey(context: SentenceContext | undefined): string {
  const o = context?.object;
  const object = o ? `${o.key}\u0002${o.text}\u0002${o.inherited ? 1 : 0}\u0002${o.metric?.id ?? ''}` : '';
  return `${object}\u0003${context?.scope ?? '\u0004'}\u0003${figureKey(context?.figure)}`;
}

function sameFields(f: NumberFields, n: NumberMention, lo: number, a: number): boolean {
  return (
    f.start === n.range.start - lo &&
    f.end === n.range.end - lo &&
    f.sentence === n.sentenceIndex - a &&
    f.kind === n.kind &&
    f.value === n.value &&
    f.unit === n.unit &&
    f.approximate === n.approximate &&
    f.approximateMarker === n.approximateMarker &&
    f.decimals === n.decimals &&
    f.multiplier === n.multiplier
  );
}

function rebaseMention(m: StatisticMention, n: NumberMention, index: number, a: number, paragraphIndex: number, lo: number): StatisticMention {
  // Written out field by field: a spread over mentions of many shapes is several times slower.
  const g: Mutable<StatisticMention> = {
    index,
    number: n,
    range: n.range,
    value: m.value,
    lower: m.lower,
    upper: m.upper,
    exact: m.exact,
    precision: m.precision,
    unit: m.unit,
    unitFamily: m.unitFamily,
    label: m.label,
    carryOver: m.carryOver,
    inPartList: m.inPartList,
    sentenceIndex: m.sentenceIndex + a,
    paragraphIndex,
    clauseStart: m.clauseStart + lo,
    measure: m.measure,
    figure: m.figure,
    // The optional fields in the whole-document reader's order: one shape for every mention.
    action: m.action,
    verb: m.verb,
    verbRange: m.verbRange === undefined ? undefined : shift(m.verbRange, lo),
    verbText: m.verbText,
    object: m.object,
    scope: m.scope,
    year: m.year,
  };
  return g;
}

function rebaseRate(r: RateStatement, n: NumberMention, index: number, a: number, paragraphIndex: number, lo: number): RateStatement {
  const g: Mutable<RateStatement> = {
    index,
    number: n,
    name: r.name,
    nameRange: shift(r.nameRange, lo),
    range: n.range,
    value: r.value,
    decimals: r.decimals,
    exact: r.exact,
    share: r.share,
    unbounded: r.unbounded,
    sentenceIndex: r.sentenceIndex + a,
    paragraphIndex,
    figure: r.figure,
    verb: r.verb,
    metric: r.metric,
  };
  return g;
}

function rebaseChange(
  c: ChangeStatement,
  n: NumberMention,
  base: NumberMention | undefined,
  index: number,
  a: number,
  paragraphIndex: number,
  lo: number,
): ChangeStatement {
  const g: Mutable<ChangeStatement> = {
    index,
    number: n,
    range: shift(c.range, lo),
    verb: c.verb,
    direction: c.direction,
    form: c.form,
    value: c.value,
    decimals: c.decimals,
    exact: c.exact,
    against: c.against,
    times: c.times,
    againstYear: c.againstYear,
    subjectAt: c.subjectAt === undefined ? undefined : c.subjectAt + lo,
    base,
    sentenceIndex: c.sentenceIndex + a,
    paragraphIndex,
  };
  return g;
}

/** The stretch of text a run of sentences [a, b) and its numbers cover: what the cache keys and analyses. */
function runSpan(sentences: ReportDocument['sentences'], a: number, b: number, runNumbers: readonly NumberMention[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = a; s < b; s++) {
    const r = sentences[s]!.range;
    if (r.start < lo) lo = r.start;
    if (r.end > hi) hi = r.end;
  }
  for (const n of runNumbers) {
    if (n.range.start < lo) lo = n.range.start;
    if (n.range.end > hi) hi = n.range.end;
  }
  return { lo, hi };
}

/**
 * A bounded, content-keyed cache of paragraph and sentence analyses, used by
 * `extractStatistics`.
 *
 * Objects elided in a clause are carried over only within a paragraph, and every
 * relation stays inside one paragraph, so a paragraph's analysis depends on its own
 * text, sentence boundaries and numbers only. Entries are keyed by the paragraph
 * text and checked, on a hit, against the sentence ranges and every number field
 * the analysis reads (relative to the paragraph start). The stored analysis uses
 * relative offsets and local indices, and is rebased to absolute offsets and
 * document indices when a document's result is assembled. When a paragraph must be
 * analysed again, its sentences are read through a second cache keyed by the
 * sentence's text, numbers and what flows in from the sentence before (the object
 * and scope of its last count), so an edit in a long paragraph re-reads one
 * sentence; only the relations of that paragraph are recomputed. The paragraphs
 * before an edit, whose sentence and number objects `reparse` keeps, get their
 * previous rebased objects back without any work. Paragraphs without numbers have
 * nothing to analyse and are not stored. Least recently used entries are dropped
 * beyond `maxChars` characters of text in each of the two caches.
 */
export class StatisticsCache {
  private readonly entries: TextLru<RunAnalysis>;
  /** Sentence analyses, so that an edit in a long paragraph re-reads one sentence, not all of them. */
  private readonly sentenceEntries: TextLru<SentenceAnalysis>;
  private sentenceHitCount = 0;
  private sentenceMissCount = 0;
  /**
   * The last placement of a run, by the run's first sentence object: the paragraphs
   * `reparse` left untouched keep their sentence objects, and their results.
   */
  private placements = new WeakMap<Sentence, { readonly text: string; readonly placed: Placed }>();
  /** The answers of `paragraph` by document and paragraph index (null: a paragraph without numbers). */
  private paragraphsRead = new WeakMap<ReportDocument, Map<number, ParagraphStatistics | null>>();
  private hitCount = 0;
  private missCount = 0;

  constructor(
    private readonly analyze: StatisticsAnalyzer,
    maxChars = DEFAULT_MAX_CHARS,
  ) {
    this.entries = new TextLru(maxChars);
    this.sentenceEntries = new TextLru(maxChars);
  }

  /** Paragraph analyses stored. */
  get size(): number {
    return this.entries.size;
  }

  /** Characters of text the stored paragraph and sentence analyses were made from. */
  get chars(): { readonly paragraphs: number; readonly sentences: number } {
    return { paragraphs: this.entries.weight, sentences: this.sentenceEntries.weight };
  }

  /**
   * Paragraphs found in the cache and paragraphs analysed, and, inside the
   * paragraphs analysed, sentences found and sentences read, since creation or `clear`.
   */
  get stats(): { readonly hits: number; readonly misses: number; readonly sentenceHits: number; readonly sentenceMisses: number } {
    return { hits: this.hitCount, misses: this.missCount, sentenceHits: this.sentenceHitCount, sentenceMisses: this.sentenceMissCount };
  }

  /** Forgets every analysis and placement (the next extraction is a cold one). */
  clear(): void {
    this.entries.clear();
    this.sentenceEntries.clear();
    this.placements = new WeakMap();
    this.paragraphsRead = new WeakMap();
    this.hitCount = 0;
    this.missCount = 0;
    this.sentenceHitCount = 0;
    this.sentenceMissCount = 0;
  }

  /** The statistics of `document`, deep-equal to the whole-document analysis. */
  extract(document: ReportDocument): StatisticsResult {
    const { text, sentences } = document;
    const grouped = numbersBySentence(statisticsInput(document).numbers, sentences.length);

    const mentions: StatisticMention[] = [];
    const rates: RateStatement[] = [];
    const changes: ChangeStatement[] = [];
    const phases: StatisticRelation[][] = Array.from({ length: PHASES }, () => []);
    for (let a = 0; a < sentences.length; ) {
      const paragraphIndex = sentences[a]!.paragraphIndex;
      let b = a + 1;
      while (b < sentences.length && sentences[b]!.paragraphIndex === paragraphIndex) b++;
      const runNumbers: NumberMention[] = [];
      for (let s = a; s < b; s++) {
        for (const n of grouped[s]!) runNumbers.push(n);
      }
      if (runNumbers.length > 0) {
        const placed = this.place(text, sentences, a, b, runNumbers, paragraphIndex, mentions.length, rates.length, changes.length);
        for (const m of placed.mentions) mentions.push(m);
        for (const r of placed.rates) rates.push(r);
        for (const c of placed.changes) changes.push(c);
        placed.phases.forEach((list, phase) => {
          for (const rel of list) phases[phase]!.push(rel);
        });
      }
      a = b;
    }
    return { mentions, rates, changes, relations: phases.flat() };
  }

  /**
   * The analysis of paragraph `paragraphIndex` of `document` alone, as the cache keeps it
   * (offsets relative to `lo`, the run's start; indices from 0), read again only when the cache
   * does not hold it; undefined for a paragraph without numbers (nothing to analyse). For
   * comparing one paragraph's analysis before and after an edit without rebasing a whole
   * document's (`figureReadsKept`). The placements and counters are left alone.
   */
  paragraph(document: ReportDocument, paragraphIndex: number): ParagraphStatistics | undefined {
    // An editor's keystrokes compare each document twice, as the new one and then as the old one:
    // the second time, the same answer (it depends on the document and the index alone).
    let known = this.paragraphsRead.get(document);
    if (known === undefined) this.paragraphsRead.set(document, (known = new Map()));
    let found = known.get(paragraphIndex);
    if (found === undefined) known.set(paragraphIndex, (found = this.readParagraph(document, paragraphIndex) ?? null));
    return found ?? undefined;
  }

  private readParagraph(document: ReportDocument, paragraphIndex: number): ParagraphStatistics | undefined {
    const { text, sentences } = document;
    let a = 0;
    let hi = sentences.length;
    while (a < hi) {
      const mid = (a + hi) >> 1;
      if (sentences[mid]!.paragraphIndex < paragraphIndex) a = mid + 1;
      else hi = mid;
    }
    let b = a;
    while (b < sentences.length && sentences[b]!.paragraphIndex === paragraphIndex) b++;
    if (b === a) return undefined;
    // The run's numbers as `numbersBySentence` groups them: by sentence, each group in text order.
    const groups: NumberMention[][] = [];
    for (let s = a; s < b; s++) groups.push([]);
    for (const n of statisticsInput(document).numbers) if (n.sentenceIndex >= a && n.sentenceIndex < b) groups[n.sentenceIndex - a]!.push(n);
    const runNumbers: NumberMention[] = [];
    for (const g of groups) {
      g.sort((x, y) => x.range.start - y.range.start);
      for (const n of g) runNumbers.push(n);
    }
    if (runNumbers.length === 0) return undefined;
    const { lo, hi: end } = runSpan(sentences, a, b, runNumbers);
    const slice = text.slice(lo, end);
    let run = this.entries.get(slice);
    if (!run || !this.matches(run, sentences, a, b, runNumbers, lo)) {
      run = this.analyzeRun(slice, sentences, a, b, runNumbers, lo);
      this.entries.set(run);
    }
    return { analysis: run, lo, text: run.key, sentences: run.sentences, mentions: run.mentions, rates: run.rates, changes: run.changes, relations: run.phases };
  }

  /** The results of the run of sentences [a, b), rebased into the document. */
  private place(
    text: string,
    sentences: ReportDocument['sentences'],
    a: number,
    b: number,
    runNumbers: readonly NumberMention[],
    paragraphIndex: number,
    mentionBase: number,
    rateBase: number,
    changeBase: number,
  ): Placed {
    const { lo, hi } = runSpan(sentences, a, b, runNumbers);

    // Nothing moved: the same sentence and number objects (kept by `reparse`) at the same place.
    const previous = this.placements.get(sentences[a]!);
    if (previous && this.unmoved(previous.placed, previous.text, text, sentences, a, b, runNumbers, lo, mentionBase, rateBase, changeBase)) {
      this.hitCount++;
      this.entries.get(previous.text); // keeps the paragraph young while it is being edited around
      return previous.placed;
    }

    const slice = text.slice(lo, hi);
    let run = this.entries.get(slice);
    if (run && this.matches(run, sentences, a, b, runNumbers, lo)) {
      this.hitCount++;
    } else {
      this.missCount++;
      run = this.analyzeRun(slice, sentences, a, b, runNumbers, lo);
      this.entries.set(run);
    }

    const local = run.mentions.map((m, i) =>
      rebaseMention(m, runNumbers[run.mentionNumber[i]!]!, m.index + mentionBase, a, paragraphIndex, lo),
    );
    const localRates = run.rates.map((r, i) =>
      rebaseRate(r, runNumbers[run.rateNumber[i]!]!, r.index + rateBase, a, paragraphIndex, lo),
    );
    const localChanges = run.changes.map((c, i) => {
      const base = run.changeBase[i]!;
      return rebaseChange(c, runNumbers[run.changeNumber[i]!]!, base >= 0 ? runNumbers[base] : undefined, c.index + changeBase, a, paragraphIndex, lo);
    });
    const M = (m: StatisticMention): StatisticMention => local[m.index]!;
    const phases = run.phases.map((list) =>
      list.map((rel): StatisticRelation => {
        switch (rel.kind) {
          case 'parts':
            return { ...rel, total: M(rel.total), parts: rel.parts.map(M), markerRange: shift(rel.markerRange, lo) };
          case 'received-concluded':
            return { ...rel, received: M(rel.received), concluded: M(rel.concluded) };
          case 'rate':
            return { ...rel, rate: localRates[rel.rate.index]!, numerator: M(rel.numerator), denominator: M(rel.denominator) };
          case 'derived-total':
            return { ...rel, result: M(rel.result), terms: rel.terms.map((t) => ({ mention: M(t.mention), sign: t.sign })) };
        }
      }),
    );
    const placed: Placed = {
      a,
      sentences: sentences.slice(a, b),
      numbers: runNumbers,
      lo,
      mentionBase,
      rateBase,
      changeBase,
      mentions: local,
      rates: localRates,
      changes: localChanges,
      phases,
    };
    this.placements.set(sentences[a]!, { text: run.key, placed });
    return placed;
  }

  /** Whether `was` still holds for the run: same objects, same place, same indices, same text. */
  private unmoved(
    was: Placed,
    runText: string,
    text: string,
    sentences: ReportDocument['sentences'],
    a: number,
    b: number,
    runNumbers: readonly NumberMention[],
    lo: number,
    mentionBase: number,
    rateBase: number,
    changeBase: number,
  ): boolean {
    if (was.a !== a || was.lo !== lo || was.mentionBase !== mentionBase || was.rateBase !== rateBase || was.changeBase !== changeBase) {
      return false;
    }
    if (was.sentences.length !== b - a || was.numbers.length !== runNumbers.length) return false;
    for (let s = a; s < b; s++) if (was.sentences[s - a] !== sentences[s]) return false;
    for (let i = 0; i < runNumbers.length; i++) if (was.numbers[i] !== runNumbers[i]) return false;
    // The same objects give the same [lo, hi); the text in it must be the same too.
    // (A slice compared with === is a memory compare; startsWith at an offset is far slower.)
    return text.slice(lo, lo + runText.length) === runText;
  }

  /** Whether a cached analysis was made from the same sentence ranges and numbers. */
  private matches(
    run: RunAnalysis,
    sentences: ReportDocument['sentences'],
    a: number,
    b: number,
    runNumbers: readonly NumberMention[],
    lo: number,
  ): boolean {
    if (run.sentences.length !== 2 * (b - a) || run.numbers.length !== runNumbers.length) return false;
    for (let s = a; s < b; s++) {
      const r = sentences[s]!.range;
      if (run.sentences[2 * (s - a)] !== r.start - lo || run.sentences[2 * (s - a) + 1] !== r.end - lo) return false;
    }
    for (let i = 0; i < runNumbers.length; i++) if (!sameFields(run.numbers[i]!, runNumbers[i]!, lo, a)) return false;
    return true;
  }

  /** Analyses the run [a, b) as a document of its own, with offsets relative to `lo`. */
  private analyzeRun(
    slice: string,
    sentences: ReportDocument['sentences'],
    a: number,
    b: number,
    runNumbers: readonly NumberMention[],
    lo: number,
  ): RunAnalysis {
    const runText = detach(slice);
    const runSentences: { range: TextRange; paragraphIndex: number }[] = [];
    const sentenceRanges: number[] = [];
    for (let s = a; s < b; s++) {
      const range = shift(sentences[s]!.range, -lo);
      runSentences.push({ range, paragraphIndex: 0 });
      sentenceRanges.push(range.start, range.end);
    }
    const position = new Map<NumberMention, number>();
    const numbers = runNumbers.map((n, i) => {
      const copy: NumberMention = {
        ...n,
        raw: detach(n.raw),
        range: shift(n.range, -lo),
        valueRange: shift(n.valueRange, -lo),
        sentenceIndex: n.sentenceIndex - a,
      };
      position.set(copy, i);
      return copy;
    });
    const result = this.analyze({ text: runText, sentences: runSentences, numbers }, this.reader);
    const phases: StatisticRelation[][] = Array.from({ length: PHASES }, () => []);
    for (const rel of result.relations) phases[phaseOf(rel)]!.push(rel);
    return {
      key: runText,
      sentences: sentenceRanges,
      numbers: runNumbers.map((n) => fieldsOf(n, lo, a)),
      mentions: result.mentions,
      rates: result.rates,
      mentionNumber: result.mentions.map((m) => position.get(m.number)!),
      rateNumber: result.rates.map((r) => position.get(r.number)!),
      changes: result.changes,
      changeNumber: result.changes.map((c) => position.get(c.number)!),
      changeBase: result.changes.map((c) => (c.base ? position.get(c.base)! : -1)),
      phases,
    };
  }

  /** A `SentenceReader` that reads each sentence once per content and context. */
  private readonly reader: SentenceReader = (text, range, numbers, context, at) => {
    // A sentence whose numbers state no figure: the whole-document pass does not read it (nothing
    // found, no context passed on), so neither key nor entry is made for it here (~1 in 4 with numbers).
    if (!mayStateFigure(numbers)) return { mentions: NO_MENTIONS, rates: NO_RATES, changes: NO_CHANGES };
    let lo = range.start;
    let hi = range.end;
    for (const n of numbers) {
      if (n.range.start < lo) lo = n.range.start;
      if (n.range.end > hi) hi = n.range.end;
    }
    let key = `${contextKey(context)}\u0001${range.start - lo}-${range.end - lo}:`;
    for (const n of numbers) key += numberKey(n, lo);
    key += `\u0000${text.slice(lo, hi)}`;
    let entry = this.sentenceEntries.get(key);
    if (entry) {
      this.sentenceHitCount++;
    } else {
      this.sentenceMissCount++;
      const position = new Map<NumberMention, number>();
      const local = numbers.map((n, i) => {
        const copy: NumberMention = { ...n, range: shift(n.range, -lo), valueRange: shift(n.valueRange, -lo) };
        position.set(copy, i);
        return copy;
      });
      const read = readSentence(text.slice(lo, hi), shift(range, -lo), local, context, {
        sentenceIndex: 0,
        paragraphIndex: 0,
        mentionBase: 0,
        rateBase: 0,
        changeBase: 0,
      });
      // The shared result's fields are read before the reader is let go (release clears them).
      entry = {
        key: detach(key),
        mentions: read.mentions,
        rates: read.rates,
        mentionNumber: read.mentions.map((m) => position.get(m.number)!),
        rateNumber: read.rates.map((r) => position.get(r.number)!),
        changes: read.changes,
        changeNumber: read.changes.map((c) => position.get(c.number)!),
        changeBase: read.changes.map((c) => (c.base ? position.get(c.base)! : -1)),
        // A copy: the reader's outgoing context is one shared object, rewritten by its next read.
        outgoing: read.outgoing ? { object: read.outgoing.object, scope: read.outgoing.scope, figure: read.outgoing.figure } : undefined,
      };
      releaseSentenceReader();
      this.sentenceEntries.set(entry);
    }
    return place(entry, numbers, at, lo);
  };
}

const NO_MENTIONS: readonly StatisticMention[] = [];
const NO_RATES: readonly RateStatement[] = [];
const NO_CHANGES: readonly ChangeStatement[] = [];

/** A sentence's cached counts and rates, numbered and shifted into place. */
function place(entry: SentenceAnalysis, numbers: readonly NumberMention[], at: SentencePlace, lo: number): SentenceMentions {
  return {
    mentions: entry.mentions.map((m, i) =>
      rebaseMention(m, numbers[entry.mentionNumber[i]!]!, m.index + at.mentionBase, at.sentenceIndex, at.paragraphIndex, lo),
    ),
    rates: entry.rates.map((r, i) =>
      rebaseRate(r, numbers[entry.rateNumber[i]!]!, r.index + at.rateBase, at.sentenceIndex, at.paragraphIndex, lo),
    ),
    changes: entry.changes.map((c, i) => {
      const base = entry.changeBase[i]!;
      return rebaseChange(
        c,
        numbers[entry.changeNumber[i]!]!,
        base >= 0 ? numbers[base] : undefined,
        c.index + at.changeBase,
        at.sentenceIndex,
        at.paragraphIndex,
        lo,
      );
    }),
    ...(entry.outgoing ? { outgoing: entry.outgoing } : {}),
  };
}
