import {
  DISJOINT_PART_SETS,
  EXHAUSTIVE_SPLITS,
  NEUTRAL_SCOPES,
  PART_MARKERS,
  SPLIT_PART_VARIANTS,
  type PartMarker,
} from '@fzlint/ontology';
import { documentMemo, WordsByFirstUnit, type NumberMention, type ReportDocument, type TextRange } from '@fzlint/parser';
import type { AnalysisCache, AnalysisKey } from '@fzlint/rule-api';
import { StatisticsCache } from './incremental.js';
import { markUnits, PART_MARKER_FIRST, STAT_UNIT } from './unit-class.js';
import { statisticsInput, type StatisticsInput } from './input.js';
import { extractMentions, hasCarryOver, type RateStatement, type SentenceReader, type StatisticMention } from './mentions.js';
import type {
  PartsRelation,
  RateRelation,
  ReceivedConcludedRelation,
  StatisticRelation,
  StatisticsResult,
} from './types.js';

export type {
  DerivedTotalRelation,
  PartsRelation,
  RateRelation,
  ReceivedConcludedRelation,
  StatisticRelation,
  StatisticsResult,
} from './types.js';

const NEUTRAL = new Set(NEUTRAL_SCOPES);
/** The markers by their first character, longest first (the order a regex alternation of them would try). */
const MARKERS_BY_FIRST = new WordsByFirstUnit<PartMarker>(PART_MARKERS, (m) => m.text);
/**
 * PART_MARKER_FIRST at the markers' first units in the shared table: `nextPartMarker` reads it at
 * every unit of a sentence (under the CLI's flags, without inlining, `MARKERS_BY_FIRST.startsWith`
 * was a call per unit).
 */
markUnits(MARKERS_BY_FIRST.firstUnits(), PART_MARKER_FIRST);

/** The marker `nextPartMarker` found last. */
let foundMarker: PartMarker | undefined;

/**
 * Start of the first part marker (其中, 分别为 …) in text[from, end), or -1; the marker is left
 * in `foundMarker`. At each position the longest marker that ends by `end`: the matches of a
 * global regex of the markers (longest first) over `text.slice(from, end)`, without the slice.
 * Exported for tests.
 */
export function nextPartMarker(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if ((STAT_UNIT[text.charCodeAt(i)]! & PART_MARKER_FIRST) === 0) continue;
    const marker = MARKERS_BY_FIRST.at(text, i, end);
    if (marker !== undefined) {
      foundMarker = marker;
      return i;
    }
  }
  return -1;
}
/**
 * Between a total and its marker stand only punctuation and the rest of the total's
 * own clause (106件,其中 / 28745户(其中: / 263人参加考试,其中).
 */
const TOTAL_MARKER_GAP = /^[^，,；;。：:（(）)]*[\s，,、；;：:（(【[]*$/;
/** 含 is a part marker only right after punctuation or 其中 (含往年 elsewhere is carry-over talk). */
const HAN_AFTER = /[，,（(：:、]\s*$|其中[，,：:\s]*$/;
const CLOSE_BRACKET = /[）)】\]]/;
const OPEN_BRACKET = /[（(【[]/;
const SPLITS = EXHAUSTIVE_SPLITS.map((s) => new Set(s));
/** Every word of every split. */
const SPLIT_WORDS: ReadonlySet<string> = new Set(EXHAUSTIVE_SPLITS.flat());

/** Two scopes may describe the same cases: either is unstated, they are equal, or both only name the period/area. */
export function scopesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  return NEUTRAL.has(a) && NEUTRAL.has(b);
}

/** Two mentions count the same thing in the same unit family. */
function sameObject(a: StatisticMention, b: StatisticMention): boolean {
  if (a.unitFamily !== b.unitFamily) return false;
  return (a.object?.key ?? '') === (b.object?.key ?? '');
}

/** Normalises a part label to a split's vocabulary (个工商户 → 个体工商户). */
export function splitLabel(label: string): string {
  const l = label.replace(LABEL_LEAD, '').replace(LABEL_TAIL, '');
  // A Map, not the record: a label is a fresh string, and a keyed load by one goes through the
  // string table each time (the record's inherited names are no variant either).
  return PART_VARIANTS.get(l) ?? l;
}

// Module constants (not literals in splitLabel: a literal is a new RegExp object per call).
const LABEL_LEAD = /^[：:，,\s]+/;
const LABEL_TAIL = /[的类]+$/;
const PART_VARIANTS: ReadonlyMap<string, string> = new Map(Object.entries(SPLIT_PART_VARIANTS));

const DISJOINT_SETS = DISJOINT_PART_SETS.map((set) => [...set].sort((a, b) => b.length - a.length));

/** Whether each part is named by a different member of one disjoint category set (维持…, 撤销…). */
function isDisjointList(labels: readonly string[]): boolean {
  if (labels.length < 2) return false;
  next: for (let s = 0; s < DISJOINT_SETS.length; s++) {
    const set = DISJOINT_SETS[s]!;
    // Most lists fail at their first label: the list of used members is made only past it.
    const first = memberStarting(set, labels[0]!);
    if (first === undefined) continue;
    const used: string[] = [first];
    for (let i = 1; i < labels.length; i++) {
      const member = memberStarting(set, labels[i]!);
      if (member === undefined || used.includes(member)) continue next;
      used.push(member);
    }
    return true;
  }
  return false;
}

/** The first member of `set` that `label` starts with (a loop: `find` made a closure per label and set). */
function memberStarting(set: readonly string[], label: string): string | undefined {
  for (let k = 0; k < set.length; k++) if (label.startsWith(set[k]!)) return set[k];
  return undefined;
}

/** The labels of a list of fewer than two parts (never read, never written). */
const NO_LABELS: readonly string[] = [];

/** The parts' split labels, pushed into a literal (one array kind for every caller, see percentStarts). */
function labelsOf(parts: readonly StatisticMention[]): string[] {
  const labels: string[] = [];
  for (let i = 0; i < parts.length; i++) labels.push(splitLabel(parts[i]!.label));
  return labels;
}

function isExhaustiveSplit(labels: readonly string[]): boolean {
  // Every split holds its list's first label: a first label in none (most lists) ends it here,
  // before the set and the closures below.
  if (!SPLIT_WORDS.has(labels[0]!)) return false;
  if (new Set(labels).size !== labels.length) return false;
  return SPLITS.some((split) => split.size === labels.length && labels.every((l) => split.has(l)));
}

const memo = documentMemo<StatisticsResult>();

/**
 * The statistics analysis's state in an `AnalysisCache`: a content-keyed paragraph
 * cache, so that after an edit only the paragraphs whose text changed are read again.
 */
export const STATISTICS_CACHE: AnalysisKey<StatisticsCache> = {
  name: 'statistics',
  create: () => new StatisticsCache(analyzeStatistics),
};

/**
 * Statistic mentions, rates, changes and the relations between them: received/concluded
 * pairs, totals and parts, rates with their counts, and stated arithmetic. Computed
 * once per document and shared by the statistics rules (and by hovers in an editor).
 *
 * Without `cache` the document is analysed in one pass — what a command-line run or a
 * library call wants. With an `AnalysisCache` (a rule passes `context.analysisCache`;
 * the language server keeps one) paragraphs are analysed one by one through the cache's
 * `STATISTICS_CACHE`, so that after an edit (a new document from `reparse`) only the
 * paragraphs whose text changed are read again. Either way the result is deep-equal to
 * `extractStatisticsUncached` and memoised per document. A `StatisticsCache` of your
 * own is used as is, without the per-document memo (tests count its hits).
 */
export function extractStatistics(document: ReportDocument, cache?: AnalysisCache | StatisticsCache): StatisticsResult {
  if (cache instanceof StatisticsCache) return cache.extract(document);
  const cached = memo.get(document);
  if (cached) return cached;
  const result = cache ? cache.get(STATISTICS_CACHE).extract(document) : analyzeStatistics(statisticsInput(document));
  memo.set(document, result);
  return result;
}

/**
 * The relations of one kind (`received-concluded`, `rate`, …), then `more` (the ledger's section
 * relations of that kind), in one list: what a rule checks of both sources alike. Indexed loops,
 * not for…of: a rule calls this once a report, in code not yet optimised, where for…of makes an
 * iterator and a result object per step.
 */
export function relationsOfKind<K extends StatisticRelation['kind'], M>(
  relations: readonly StatisticRelation[],
  kind: K,
  more: readonly M[],
): (Extract<StatisticRelation, { kind: K }> | M)[] {
  const out: (Extract<StatisticRelation, { kind: K }> | M)[] = [];
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i]!;
    if (rel.kind === kind) out.push(rel as Extract<StatisticRelation, { kind: K }>);
  }
  for (let i = 0; i < more.length; i++) out.push(more[i]!);
  return out;
}

/**
 * The statistics of a document read in one whole-document pass, without any cache:
 * the reference the incremental path must equal (tests, benchmarks).
 */
export function extractStatisticsUncached(document: ReportDocument): StatisticsResult {
  return analyzeStatistics(statisticsInput(document));
}

/**
 * A fresh cache for `extractStatistics` (for tests, or one per workspace), keeping
 * paragraph and sentence analyses made from at most `maxChars` characters of text each.
 */
export function createStatisticsCache(maxChars?: number): StatisticsCache {
  return new StatisticsCache(analyzeStatistics, maxChars);
}

/**
 * The whole analysis over a text with its sentences and numbers (a document, or one
 * paragraph of it). Everything it reads lies inside a run of sentences of one
 * paragraph: elided objects carry over only within a paragraph, and relations reach
 * back at most to the previous sentence of the same paragraph. `reader` reads each
 * sentence's counts (the incremental path passes a cached one).
 */
export function analyzeStatistics(doc: StatisticsInput, reader?: SentenceReader): StatisticsResult {
  const text = doc.text;
  const { mentions, rates, changes, bySentence, ratesBySentence, numbersBySentence } = extractMentions(doc, reader);
  const relations: StatisticRelation[] = [];

  // 1. Totals and parts.
  const partOf = new Map<number, PartsRelation>();
  const partsByTotal = new Map<number, PartsRelation>();
  const sentences = doc.sentences;
  // The sentences of two or more counts, from the runs of the counts (in sentence order), not a
  // look at every sentence (~3 in 10 hold a number, fewer two counts).
  for (let i = 0; i < mentions.length; ) {
    const si = mentions[i]!.sentenceIndex;
    let j = i + 1;
    while (j < mentions.length && mentions[j]!.sentenceIndex === si) j++;
    if (j - i >= 2) readParts(text, sentences[si]!.range, bySentence[si]!, numbersBySentence[si], relations, partOf, partsByTotal);
    i = j;
  }

  // 2. Received/concluded pairs: the nearest earlier received count of the same object and
  // scope, in the same sentence or (for an elided object) the previous one of the paragraph.
  const receivedOf = new Map<number, ReceivedConcludedRelation>();
  const carryOverIn = new Map<number, boolean>();
  const sentenceCarriesOver = (si: number): boolean => {
    let v = carryOverIn.get(si);
    if (v === undefined) {
      const range = doc.sentences[si]!.range;
      v = hasCarryOver(text.slice(range.start, range.end));
      carryOverIn.set(si, v);
    }
    return v;
  };
  // Indexed loops over the counts and rates, not for…of: until a loop is optimised, for…of makes
  // an iterator and a result object per step.
  for (let i = 0; i < mentions.length; i++) {
    const c = mentions[i]!;
    if (c.action !== 'concluded') continue;
    const r = findReceived(c, bySentence, partOf);
    if (!r) continue;
    const rel: ReceivedConcludedRelation = {
      kind: 'received-concluded',
      received: r,
      concluded: c,
      carryOver: r.carryOver || c.carryOver || sentenceCarriesOver(r.sentenceIndex) || sentenceCarriesOver(c.sentenceIndex),
    };
    relations.push(rel);
    receivedOf.set(c.index, rel);
  }

  // 3. Rates with their counts.
  for (let i = 0; i < rates.length; i++) {
    const rel = rateRelation(rates[i]!, bySentence, ratesBySentence, receivedOf, partOf, doc);
    if (rel) relations.push(rel);
  }

  // 4. Stated arithmetic.
  netChanges(mentions, bySentence, partsByTotal, relations);
  receivedBalances(mentions, bySentence, receivedOf, partOf, sentenceCarriesOver, relations);

  return { mentions, rates, changes, relations };
}

/**
 * Step 1 of `analyzeStatistics` for one sentence of two or more counts: each total with
 * its parts (其中…, 分别为…, 包括…, a bracketed list), added to `relations`, `partOf` and
 * `partsByTotal`. A function of its own: V8's optimising compiler compiles smaller units
 * faster (and this loop was on-stack replaced inside the whole analysis).
 */
function readParts(
  text: string,
  sentenceRange: TextRange,
  here: readonly StatisticMention[],
  sentenceNumbers: readonly NumberMention[] | undefined,
  relations: StatisticRelation[],
  partOf: Map<number, PartsRelation>,
  partsByTotal: Map<number, PartsRelation>,
): void {
  const sentenceEnd = sentenceRange.end;
  let percents: number[] | undefined; // read only where a marker is found
  let next = 0; // index in `here` of the first mention after the marker
  // The markers of the sentence, read in the document text by their first characters (no
  // slice and no regex per sentence): at each position the longest marker that ends inside
  // the sentence, and the scan goes on after it, as a global regex over the sentence would.
  for (let at = nextPartMarker(text, sentenceRange.start, sentenceEnd); at >= 0; at = nextPartMarker(text, at + foundMarker!.text.length, sentenceEnd)) {
    const marker = foundMarker!;
    const markerEnd = at + marker.text.length;
    percents ??= percentStarts(sentenceNumbers ?? []);
    const lead = text.slice(Math.max(sentenceRange.start, at - 8), at);
    if (marker.text === '含' && !HAN_AFTER.test(lead)) continue;
    // 其中,含重点信访事件4起: one list, already read from 其中.
    if (marker.text === '含' && /其中[，,：:\s]*$/.test(lead)) continue;
    while (next < here.length && here[next]!.range.end <= at) next++;
    const total = here[next - 1];
    if (!total || !TOTAL_MARKER_GAP.test(text.slice(total.range.end, at))) continue;
    // 分别为 partitions only the count right before it (735件，分别为…); after a list of
    // verbs (受理、办结分别为50件、45件) it hands the verbs out instead.
    if (marker.exhaustive && !/^[\s，,：:（(]*$/.test(text.slice(total.range.end, at))) continue;
    if (hasPercentBetween(percents, total.range.end, at)) continue;
    const inBracket = OPEN_BRACKET.test(text.slice(total.range.end, at));
    const parts: StatisticMention[] = [];
    let cursor = markerEnd;
    for (let k = next; k < here.length; k++) {
      const c = here[k]!;
      if (c.range.start < markerEnd) continue;
      const gap = text.slice(cursor, c.range.start);
      if (inBracket && CLOSE_BRACKET.test(gap)) break;
      if (parts.length > 0 && /其中|分别为|分别是|包括/.test(gap)) break;
      if (c.unitFamily !== total.unitFamily) break;
      if (hasPercentBetween(percents, cursor, c.range.start)) break;
      // 其中涉及物业60件,办结95件: a new verb in a new clause leaves the list; inside one
      // 、-list (维持30件、撤销15件) verbs are only the parts' names.
      const first = parts[0];
      const newClause = /[，,；;]/.test(gap);
      if (first && newClause && listAction(first) !== listAction(c) && !(listAction(first) === 'concluded' && c.action === 'pending')) {
        break;
      }
      parts.push(c);
      cursor = c.range.end;
    }
    if (parts.length === 0) continue;
    // The parts' labels, read once for both tests below (a list of one is neither).
    const labels = parts.length >= 2 ? labelsOf(parts) : NO_LABELS;
    const exhaustive: PartsRelation['exhaustive'] = marker.exhaustive
      ? parts.length >= 2
        ? 'marker'
        : false
      : parts.length >= 2 && isExhaustiveSplit(labels)
        ? 'split'
        : false;
    const rel: PartsRelation = {
      kind: 'parts',
      total,
      parts,
      marker: marker.text,
      markerRange: { start: at, end: markerEnd },
      exhaustive,
      disjoint: exhaustive !== false || isDisjointList(labels),
    };
    relations.push(rel);
    partsByTotal.set(total.index, rel);
    for (let i = 0; i < parts.length; i++) if (!partOf.has(parts[i]!.index)) partOf.set(parts[i]!.index, rel);
  }
}

/** The action that separates list items: outcomes (撤销12件) are categories, like 维持68件. */
function listAction(m: StatisticMention): StatisticMention['action'] {
  return m.verb?.outcome ? undefined : m.action;
}

/** Sorted start offsets of the percentages of a sentence. */
function percentStarts(numbers: readonly { kind: string; range: TextRange }[]): number[] {
  // Pushed into a literal, not filter().map(): map makes a holey array where there is a percentage and a
  // packed one where there is none, and hasPercentBetween, inlined into analyzeStatistics, deoptimised on
  // the second kind (each time a recompilation of that large function).
  const out: number[] = [];
  for (let i = 0; i < numbers.length; i++) if (numbers[i]!.kind === 'percent') out.push(numbers[i]!.range.start);
  return out;
}

/** Whether a percentage starts in [from, to) (binary search: sentences may hold many numbers). */
function hasPercentBetween(starts: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < to;
}

/** How many earlier counts a relation may reach back over: relations are local, and this keeps long lists linear. */
const WINDOW = 24;

/** Index of the last mention of a sentence that ends at or before `offset`, or -1. */
function lastBefore(here: readonly StatisticMention[], offset: number): number {
  let lo = 0;
  let hi = here.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (here[mid]!.range.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Scratch list filled by `before` (a relation never asks again while it reads one): an
 * array re-used for every count instead of a generator and an iterator result per count.
 * Written by index up to the count `before` returns, never cut by `length = 0`: V8 drops the
 * backing store of an array set to length 0, and the next push allocated a new one (17 slots)
 * on every call. Entries past the count are stale (at most WINDOW mentions kept alive).
 */
const BEFORE: StatisticMention[] = [];

/**
 * Mentions before `m` in its sentence (nearest first), then those of the previous
 * sentence of its paragraph; at most WINDOW of them. Fills the shared `BEFORE` list and
 * returns how many it holds: read them before the next call.
 */
function before(
  m: { sentenceIndex: number; paragraphIndex: number; range: TextRange },
  bySentence: readonly (readonly StatisticMention[])[],
): number {
  const out = BEFORE;
  let n = 0;
  const here = bySentence[m.sentenceIndex] ?? NO_MENTIONS;
  for (let i = lastBefore(here, m.range.start); i >= 0 && n < WINDOW; i--) out[n++] = here[i]!;
  const prev = bySentence[m.sentenceIndex - 1] ?? NO_MENTIONS;
  for (let i = prev.length - 1, budget = WINDOW - n; i >= 0 && budget > 0; i--, budget--) {
    if (prev[i]!.paragraphIndex === m.paragraphIndex) out[n++] = prev[i]!;
  }
  return n;
}

const NO_MENTIONS: readonly StatisticMention[] = [];

function findReceived(
  c: StatisticMention,
  bySentence: readonly (readonly StatisticMention[])[],
  partOf: ReadonlyMap<number, PartsRelation>,
): StatisticMention | undefined {
  const cPart = partOf.get(c.index);
  // Across sentences only when the concluded count opens its sentence (已化解17起 after
  // 确定37件矛盾隐患。) and has an object, named or carried over.
  const opensSentence = (bySentence[c.sentenceIndex] ?? [])[0] === c;
  // 2022年度受理30件，2021年度受理25件，两年共审结50件: counts of several years before an
  // undated concluded count leave its basis open.
  const count = before(c, bySentence);
  const candidates = BEFORE;
  let firstYear: number | undefined;
  let severalYears = false;
  for (let i = 0; i < count; i++) {
    const r = candidates[i]!;
    if (r.action === 'received' && r.sentenceIndex === c.sentenceIndex && r.year !== undefined && sameObject(r, c)) {
      if (firstYear === undefined) firstYear = r.year;
      else if (r.year !== firstYear) severalYears = true;
    }
  }
  if (severalYears && c.year === undefined) return undefined;
  // 出庭 is counted against 应出庭, the ordinary concluded verbs against 受理/收到 ….
  const baseGroup = c.verb?.base ?? 'receive';
  for (let i = 0; i < count; i++) {
    const r = candidates[i]!;
    if (r.action !== 'received' || r.verb?.group !== baseGroup) continue;
    if (r.year !== undefined && c.year !== undefined && r.year !== c.year) continue;
    if (r.sentenceIndex !== c.sentenceIndex && (!c.object || !opensSentence)) return undefined;
    const rPart = partOf.get(r.index);
    if (rPart && rPart !== cPart) continue;
    if (!sameObject(r, c) || !scopesCompatible(r.scope, c.scope)) continue;
    return r;
  }
  return undefined;
}

function rateRelation(
  rate: RateStatement,
  bySentence: readonly (readonly StatisticMention[])[],
  ratesBySentence: readonly (readonly RateStatement[])[],
  receivedOf: ReadonlyMap<number, ReceivedConcludedRelation>,
  partOf: ReadonlyMap<number, PartsRelation>,
  doc: StatisticsInput,
): RateRelation | undefined {
  // 纠错率 and 败诉率 are over the concluded cases, which the text seldom gives as their base.
  if (rate.verb && !rate.verb.rateOverReceived) return undefined;
  if (rate.verb) {
    const verb = rate.verb;
    // Made only here: the share path and the rates over concluded cases do not need it.
    const at = { sentenceIndex: rate.sentenceIndex, paragraphIndex: rate.paragraphIndex, range: rate.nameRange };
    const count = before(at, bySentence);
    const candidates = BEFORE;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (c.action !== 'concluded' || c.verb?.group !== verb.group) continue;
      if (rate.metric && c.object?.metric && c.object.metric.id !== rate.metric.id) continue;
      // A rate in a later sentence names its own counts; do not reach back past other rates.
      if (c.sentenceIndex !== rate.sentenceIndex && (ratesBySentence[rate.sentenceIndex] ?? []).some((q) => q.range.end <= rate.range.start && q !== rate)) {
        return undefined;
      }
      const pair = receivedOf.get(c.index);
      if (!pair || pair.carryOver) return undefined;
      return ratio(rate, c, pair.received, 'received-concluded');
    }
    return undefined;
  }
  if (rate.share) {
    // 其中败诉5件,占比10%: the part right before the share, over its total.
    const here = bySentence[rate.sentenceIndex] ?? [];
    const last = here[lastBefore(here, rate.nameRange.start)];
    if (!last) return undefined;
    const gap = doc.text.slice(last.range.end, rate.nameRange.start);
    if (!/^[\s，,、]*$/.test(gap)) return undefined;
    const parts = partOf.get(last.index);
    if (!parts) return undefined;
    return ratio(rate, last, parts.total, 'part-total');
  }
  return undefined;
}

/**
 * A throwaway rate relation made once per thread when the module loads, the three computed values
 * undefined: stored first as fractions, they were double fields (a mutable box each, and a new
 * heap number per load in code V8 has not optimised); seeded, they are tagged (figures.ts's seeded
 * statements say more). The key order is checked against a real relation by a test (`rateRelationShapeKeys`).
 * Made by a call: a bundler drops an unused literal (esbuild left the first version out of the CLI's bundle).
 */
const SEEDED_RATE_RELATION: Readonly<Record<string, unknown>> = [undefined].map((n) => ({
  kind: 'rate',
  rate: undefined,
  numerator: undefined,
  denominator: undefined,
  computed: n,
  computedMin: n,
  computedMax: n,
  basis: 'received-concluded',
}))[0]!;

/** The fields of the seeded rate relation, in order (for the test that keeps them in `ratio`'s order). */
export function rateRelationShapeKeys(): string[] {
  return Object.keys(SEEDED_RATE_RELATION);
}

/**
 * A rate with the counts it is computed from, or undefined when they cannot give it
 * (approximate counts, a zero base, counts of different units).
 */
export function ratio(
  rate: RateStatement,
  numerator: StatisticMention,
  denominator: StatisticMention,
  basis: RateRelation['basis'],
): RateRelation | undefined {
  if (!numerator.exact || !denominator.exact) return undefined;
  // Each loaded once (eleven loads before, when a load of a double field in baseline code boxed a
  // new heap number; the counts' fields are tagged since mentions.ts's primed counts).
  const d = denominator.value;
  if (d <= 0) return undefined;
  if (numerator.unitFamily !== denominator.unitFamily) return undefined;
  const n = numerator.value;
  const np = numerator.precision;
  const dp = denominator.precision;
  const computedMin = ((n - np) / (d + dp)) * 100;
  const computedMax = d - dp > 0 ? ((n + np) / (d - dp)) * 100 : Infinity;
  return {
    kind: 'rate',
    rate,
    numerator,
    denominator,
    computed: (n / d) * 100,
    computedMin,
    computedMax,
    basis,
  };
}

/** Appends the net-change arithmetic (新增 − 注销 = 净增) to `out` (a push, not a generator: no iterator per call). */
function netChanges(
  mentions: readonly StatisticMention[],
  bySentence: readonly (readonly StatisticMention[])[],
  partsByTotal: ReadonlyMap<number, PartsRelation>,
  out: StatisticRelation[],
): void {
  for (let i = 0; i < mentions.length; i++) {
    const net = mentions[i]!;
    if (net.action !== 'net' || !net.exact) continue;
    let removed: StatisticMention | undefined;
    let added: StatisticMention | undefined;
    const count = before(net, bySentence);
    const candidates = BEFORE;
    for (let k = 0; k < count; k++) {
      const m = candidates[k]!;
      if (!sameObject(m, net)) continue;
      if (!removed) {
        if (m.action === 'removed') removed = m;
        else if (m.action === 'added' || m.action === 'net') break;
      } else if (m.action === 'added') {
        added = m;
        break;
      } else if (m.action === 'removed' || m.action === 'net') break;
    }
    if (!added || !removed || !added.exact || !removed.exact) continue;
    out.push({
      kind: 'derived-total',
      operation: 'net-change',
      result: net,
      terms: [
        { mention: added, sign: 1 },
        { mention: removed, sign: -1 },
      ],
      expected: added.value - removed.value,
      tolerance: added.precision + removed.precision + net.precision,
    });
    // The same arithmetic holds part by part (企业: 新增3322 − 注销812 = 净增2510).
    const pa = partsByTotal.get(added.index);
    const pr = partsByTotal.get(removed.index);
    const pn = partsByTotal.get(net.index);
    if (!pa || !pr || !pn) continue;
    const byLabel = (rel: PartsRelation): Map<string, StatisticMention> =>
      new Map(rel.parts.map((p) => [splitLabel(p.label), p]));
    const la = byLabel(pa);
    const lr = byLabel(pr);
    for (const [label, pnet] of byLabel(pn)) {
      const a = la.get(label);
      const r = lr.get(label);
      if (!a || !r || !a.exact || !r.exact || !pnet.exact || !label) continue;
      out.push({
        kind: 'derived-total',
        operation: 'net-change',
        result: pnet,
        terms: [
          { mention: a, sign: 1 },
          { mention: r, sign: -1 },
        ],
        expected: a.value - r.value,
        tolerance: a.precision + r.precision + pnet.precision,
        label,
      });
    }
  }
}

/** Appends the received-balance arithmetic (收到 = 审结 + 在审) to `out`. */
function receivedBalances(
  mentions: readonly StatisticMention[],
  bySentence: readonly (readonly StatisticMention[])[],
  receivedOf: ReadonlyMap<number, ReceivedConcludedRelation>,
  partOf: ReadonlyMap<number, PartsRelation>,
  sentenceCarriesOver: (sentenceIndex: number) => boolean,
  out: StatisticRelation[],
): void {
  for (let i = 0; i < mentions.length; i++) {
    const p = mentions[i]!;
    if (p.action !== 'pending' || !p.exact || partOf.has(p.index)) continue;
    const here = bySentence[p.sentenceIndex] ?? [];
    // The counts between the received one and the pending one must be exactly one concluded count:
    // 审结90件,败诉4件,在审10件 lists an outcome inside the concluded ones, and is left alone.
    let concluded: StatisticMention | undefined;
    let ok = true;
    const first = here[0]?.index ?? 0;
    for (let i = p.index - first - 1, budget = WINDOW; i >= 0 && budget > 0; i--, budget--) {
      const m = here[i]!;
      if (partOf.has(m.index) || m.unitFamily !== p.unitFamily) continue;
      if (m.action === 'concluded' && !concluded) {
        concluded = m;
        continue;
      }
      if (m.action === 'received') break;
      ok = false;
      break;
    }
    if (!ok || !concluded || !sameObject(concluded, p)) continue;
    const pair = receivedOf.get(concluded.index);
    if (!pair || pair.carryOver || pair.received.sentenceIndex !== p.sentenceIndex) continue;
    if (concluded.verb?.group !== 'close' || !concluded.exact || !pair.received.exact) continue;
    if (sentenceCarriesOver(p.sentenceIndex)) continue;
    out.push({
      kind: 'derived-total',
      operation: 'received-balance',
      result: pair.received,
      terms: [
        { mention: concluded, sign: 1 },
        { mention: p, sign: 1 },
      ],
      expected: concluded.value + p.value,
      tolerance: concluded.precision + p.precision + pair.received.precision,
    });
  }
}

/** What the statistics extraction knows about one place in the text (for an editor hover). */
export interface StatisticsAt {
  readonly mention?: StatisticMention;
  readonly rate?: RateStatement;
  /** Relations the count or rate at the offset takes part in. */
  readonly relations: readonly StatisticRelation[];
}

function covers(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

function involves(rel: StatisticRelation, m: StatisticMention | undefined, r: RateStatement | undefined): boolean {
  switch (rel.kind) {
    case 'received-concluded':
      return rel.received === m || rel.concluded === m;
    case 'parts':
      return rel.total === m || rel.parts.some((p) => p === m);
    case 'rate':
      return rel.rate === r || rel.numerator === m || rel.denominator === m;
    case 'derived-total':
      return rel.result === m || rel.terms.some((t) => t.mention === m);
  }
}

/**
 * The count or rate under `offset` and the relations it takes part in, so that a
 * language server can show 「审结90件 ← 收到106件（行政复议案件）」 on hover without
 * knowing the rules. Linear in the number of mentions; call it per hover, not per edit.
 */
export function statisticsAt(result: StatisticsResult, offset: number): StatisticsAt {
  const mention = result.mentions.find((m) => covers(m.range, offset));
  const rate = result.rates.find((r) => covers({ start: r.nameRange.start, end: r.range.end }, offset));
  if (!mention && !rate) return { relations: [] };
  return {
    ...(mention ? { mention } : {}),
    ...(rate ? { rate } : {}),
    relations: result.relations.filter((rel) => involves(rel, mention, rate)),
  };
}
