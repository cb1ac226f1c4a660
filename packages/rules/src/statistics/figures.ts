/**
 * The figures ledger: every figure a report states — counts, rates and stated
 * changes — with the metric key that says which figure it is (object, measure,
 * scope, period, unit), so that figures can be compared across the whole report.
 *
 * The ledger is built from the statistics analysis (`extractStatistics`), whose
 * per-sentence reading already carries each figure's verb, object, period, scope and
 * subject; with an `AnalysisCache` that reading is incremental (paragraph cache), and
 * what is added here is one linear pass over the figures: keys, grouping, and the
 * pairings across sentences, paragraphs and sections that the rules check
 * (`statistics/inconsistent-figure`, `statistics/growth-mismatch`, carried-over work
 * in `concluded-exceeds-received` and `derived-total-mismatch`, rates in `rate-mismatch`).
 */
import {
  COUNT_UNIT_FAMILIES,
  METRIC_OBJECTS,
  METRIC_VERBS,
  type FigureMeasure,
  type FigurePeriodKind,
  type FigureScopeKind,
  type MetricObject,
  type MetricVerb,
} from '@fzlint/ontology';
import { documentMemo, type NumberMention, type ReportDocument, type Section, type TextRange } from '@fzlint/parser';
import type { AnalysisCache } from '@fzlint/rule-api';
import { hasCarryOver, precisionOf, type ChangeStatement, type FigureContext, type RateStatement, type StatisticMention } from './mentions.js';
import { lastPeriodIn, scopesIn, subjectOf } from './figure-words.js';
import { extractStatistics, ratio } from './relations.js';
import type { PartsRelation, RateRelation, ReceivedConcludedRelation, StatisticsResult } from './types.js';

/** Whose figure it is. */
export interface FigureScope {
  /**
   * `report`: the report's own (no scope word); `area`: a whole area (全市, 我县);
   * `own-level`: the government's own level (市本级); `units`: every subordinate unit
   * (各县区); `unit`: a named unit (市司法局); `part`: a part of a total (其中来信).
   */
  readonly kind: 'report' | FigureScopeKind | 'unit' | 'part';
  /** The words as written (全市, 市司法局, 来信), '' for the report's own. */
  readonly text: string;
  /** What tells two scopes apart: the word (我市 and 全市 are one), the unit's name, the part's label and its total's key; '' for the report's own. */
  readonly id: string;
}

/** The period a figure covers. */
export interface FigurePeriod {
  /** A named year is resolved against the report year: the report year is `current`, the year before `previous`. */
  readonly kind: FigurePeriodKind;
  /** The words as written (全年, 2021年, 上年同期, 截至6月底), '' when unmarked. */
  readonly text: string;
  /** `current`, `previous`, `year:2019`, `cumulative`, `recent:近3年`, `as-of:截至6月底`, `since:2019`, `span:上半年`. */
  readonly id: string;
  readonly year?: number;
}

/** Which figure a statement gives: two statements with equal keys state the same figure. */
export interface MetricKey {
  /** What is counted: an ontology metric id (`administrative-review-case`), `text:<words>` for other words, '' when nothing says. */
  readonly object: string;
  /** Words of the object phrase before the vocabulary's name (以市政府为被申请人的 …), '' when none. */
  readonly qualifier: string;
  readonly measure: FigureMeasure;
  /**
   * What the verb records within the measure: 收到 `receive`, 受理 `accept`, 立案 `file`,
   * 排查 `identify` …; a concluded verb's group (`close` for 办结 and 审结); a rate's verb
   * group or its name; '' for counts without a verb.
   */
  readonly basis: string;
  readonly scope: FigureScope;
  readonly period: FigurePeriod;
  /** The unit family of a count (`item` for 件/起/条, `person`, `entity` …), `%` for rates, the unit of a change. */
  readonly unit: string;
}

/**
 * Where a statement stands: only figures of the body are compared. `plan`: the
 * next-year plan, whose figures are targets.
 */
export type FigurePlace = 'body' | 'heading' | 'title' | 'citation' | 'page' | 'plan';

/** One figure stated in the text. */
export interface FigureStatement {
  /** Index in `FigureLedger.statements` (text order). */
  readonly index: number;
  readonly kind: 'count' | 'rate' | 'change';
  readonly key: MetricKey;
  /** The key as one string (for grouping and JSON). */
  readonly keyId: string;
  /** The number with its marks and unit (120件, 99.7%); for a change, from its verb (同比增长20%). */
  readonly range: TextRange;
  /** The text of `range`. */
  readonly text: string;
  /** The value as written (a percentage is 99.7; 211.29万件 is 2112900). */
  readonly value: number;
  /** Lowest and highest value the text allows (余/多 → no upper bound; 近 → no lower bound). */
  readonly lower: number;
  readonly upper: number;
  /** Half a unit of the last digit written (96.8万件 → 500; a rate 99.7% → 0.05). */
  readonly precision: number;
  /** The approximation mark as written (余, 多, 近, 约 …), when the figure is not exact. */
  readonly approximation?: string;
  /** The unit as written (件, %, 个百分点). */
  readonly unit: string;
  /** The verb as written (受理, 未办结), for messages. */
  readonly verb?: string;
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
  /** Index of the nearest heading above (the section the figure is in), or -1 before the first heading. */
  readonly sectionIndex: number;
  readonly place: FigurePlace;
  readonly mention?: StatisticMention;
  readonly rate?: RateStatement;
  readonly change?: ChangeStatement;
}

/** One figure stated twice with values that cannot both hold. */
export interface FigureConflict {
  readonly later: FigureStatement;
  readonly earlier: FigureStatement;
}

/** The other period's figure a change is measured against. */
export interface ChangeBase {
  /** The statement of the other period, when the ledger found it (上年受理90件 elsewhere). */
  readonly statement?: FigureStatement;
  /** The number, when the change's own sentence gives it (上年为90件, 较上年的90件). */
  readonly number?: NumberMention;
  readonly value: number;
  readonly precision: number;
  readonly range: TextRange;
  readonly text: string;
}

/** A stated change with the two figures it compares (this period's and the other one's). */
export interface ChangeComparison {
  readonly change: ChangeStatement;
  /** The change as a statement of the ledger. */
  readonly statement: FigureStatement;
  /** This period's figure (受理128件). */
  readonly current: FigureStatement;
  readonly base: ChangeBase;
  /** Whether the base is in the change's own sentence (sure) or found elsewhere in the section. */
  readonly inline: boolean;
  /**
   * Other figures of the sentence the change may be about (受理50件，审结48件，同比增长25%：
   * 受理 or 审结?): with a base in the sentence, the change is contradicted only if it fits none.
   */
  readonly alternatives: readonly { readonly value: number; readonly precision: number }[];
}

/** Concluded work with the new (or received) and carried-over work it came from. */
export interface CarriedOverSum {
  readonly concluded: FigureStatement;
  /** The received or new count the concluded count is paired with. */
  readonly received: FigureStatement;
  readonly carried: FigureStatement;
}

/** New and carried-over work with the received total they make up (收到 = 新收 + 上年结转). */
export interface WorkBalance {
  readonly total: FigureStatement;
  readonly new: FigureStatement;
  readonly carried: FigureStatement;
  /** The total is the total of a 其中 list of exactly these two parts (parts-exceed-total reports a sum above it). */
  readonly listed: boolean;
}

/** A received/concluded pair found across sentences or paragraphs of one section. */
export interface SectionPair extends ReceivedConcludedRelation {
  readonly reach: 'section';
}

/** A rate paired with its counts across sentences or paragraphs of one section. */
export interface SectionRate extends RateRelation {
  readonly reach: 'section';
}

/** Every figure of a report, keyed, with the pairings the statistics rules check. */
export interface FigureLedger {
  /** The report year the periods were resolved with (from the document or the options). */
  readonly reportYear?: number;
  /** Every figure, in text order. */
  readonly statements: readonly FigureStatement[];
  /** Statements by `keyId`, each list in text order. */
  readonly byKey: ReadonlyMap<string, readonly FigureStatement[]>;
  /** Figures stated twice with values that cannot both hold (later statement, earlier one). */
  readonly conflicts: readonly FigureConflict[];
  /** Stated changes with both figures they compare. */
  readonly changes: readonly ChangeComparison[];
  /** Concluded work with new/received and carried-over work stated beside it. */
  readonly carriedOver: readonly CarriedOverSum[];
  /** New and carried-over work with the total they make up. */
  readonly balances: readonly WorkBalance[];
  /** Received/concluded pairs across the sentences and paragraphs of a section. */
  readonly sectionPairs: readonly SectionPair[];
  /** Rates paired with their counts across the sentences and paragraphs of a section. */
  readonly sectionRates: readonly SectionRate[];
}

const ledgers = documentMemo<FigureLedger>();

/** Per ledger, the spans of `ledgerDistanceSpans` (none for most). */
const distanceSpans = new WeakMap<FigureLedger, readonly TextRange[]>();

/**
 * Where a ledger compared distances between statements: for a change whose base is stated
 * elsewhere in its section by several statements of one value, it takes the nearest — the
 * span runs from the first of the change's figure and those statements to the last (their
 * starts). An edit with all of them on one side keeps every such distance; one inside a
 * span may change which statement is the base. The rest of the ledger reads offsets only
 * through their order.
 */
export function ledgerDistanceSpans(ledger: FigureLedger): readonly TextRange[] {
  return distanceSpans.get(ledger) ?? NONE;
}

/**
 * The figures ledger of a document, computed once per document (memoised) from its
 * statistics analysis. Pass the rule context's `analysisCache` (or the language
 * server's) to read the statistics incrementally.
 */
export function figureLedger(document: ReportDocument, cache?: AnalysisCache): FigureLedger {
  const known = ledgers.get(document);
  if (known) return known;
  const ledger = buildLedger(document, extractStatistics(document, cache));
  ledgers.set(document, ledger);
  return ledger;
}

/** Measures compared across the report: work counted in a register. Bare counts and totals are not. */
const COMPARED_MEASURES: ReadonlySet<FigureMeasure> = new Set<FigureMeasure>(['received', 'new', 'carried-over', 'concluded', 'pending', 'removed', 'net', 'rate']);

/** How many distinct earlier values of one key a statement is compared with: keeps hostile input linear. */
const CONFLICT_WINDOW = 8;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The ledger of `document` from its statistics `result` (the rules call `figureLedger`).
 *
 * What the rules read is built at once, from the figures they can use: counts of the
 * vocabulary's objects, new and carried-over work, rates with a verb or an object,
 * changes and the figures they change. The full list of statements (`statements`,
 * `byKey`: every count, also 培训12场) is built on first access, reusing those
 * statements, so that a lint pays only for what its rules read.
 */
export function buildLedger(document: ReportDocument, result: StatisticsResult): FigureLedger {
  const reportYear = document.reportYear?.value;
  const text = document.text;
  const { mentions, rates, changes } = result;

  // Parts and their totals, and the received count of each concluded one, from the paragraph
  // analysis, by mention index (arrays: a lint builds this for every report).
  // Lists by mention index are made when first written (most reports state no parts, and most
  // reports' ledgers make no statement before the full list is asked for, which a lint never does).
  let partOf: (PartsRelation | undefined)[] | undefined;
  let isTotal: boolean[] | undefined;
  const receivedOf: (ReceivedConcludedRelation | undefined)[] = new Array<ReceivedConcludedRelation | undefined>(mentions.length);
  const localRate: boolean[] = new Array<boolean>(rates.length);
  const partsList: PartsRelation[] = [];
  // Indexed loops over the analysis's lists, not for…of: until a loop is optimised, for…of makes an
  // iterator and a result object per step.
  const relations = result.relations;
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i]!;
    if (rel.kind === 'parts') {
      partsList.push(rel);
      (isTotal ??= new Array<boolean>(mentions.length))[rel.total.index] = true;
      partOf ??= new Array<PartsRelation | undefined>(mentions.length);
      for (let k = 0; k < rel.parts.length; k++) partOf[rel.parts[k]!.index] ??= rel;
    } else if (rel.kind === 'received-concluded') receivedOf[rel.concluded.index] = rel;
    else if (rel.kind === 'rate') localRate[rel.rate.index] = true;
  }

  let keys: (MetricKey | undefined)[] | undefined;
  const mentionKey = (m: StatisticMention): MetricKey => {
    keys ??= new Array<MetricKey | undefined>(mentions.length);
    let key = keys[m.index];
    if (!key) {
      const part = partOf?.[m.index];
      const scope: FigureScope | undefined = part ? { kind: 'part', text: partLabel(m), id: `${partLabel(m)}@${keyId(mentionKey(part.total))}` } : undefined;
      key = countKey(m, scope, isTotal?.[m.index] === true, reportYear, text, document.sentences[m.sentenceIndex]?.range.start ?? m.clauseStart);
      keys[m.index] = key;
    }
    return key;
  };
  const locate = placer(document);

  // A statement's index in the full list (mentions, rates and changes merged by start; on a
  // tie a count comes before a rate, a rate before a change), without building that list.
  const indexOf = (kind: 'count' | 'rate' | 'change', position: number, start: number): number => {
    if (kind === 'count') return position + countBelow(rates, rangeStart, start, false) + countBelow(changes, numberStart, start, false);
    if (kind === 'rate') return position + countBelow(mentions, rangeStart, start, true) + countBelow(changes, numberStart, start, false);
    return position + countBelow(mentions, rangeStart, start, true) + countBelow(rates, rangeStart, start, true);
  };

  // 1. The statements the rules read, in text order.
  const subjects = changes.length > 0 ? new Set<number>() : NO_SUBJECTS;
  for (let i = 0; i < changes.length; i++) if (changes[i]!.subjectAt !== undefined) (subjects as Set<number>).add(changes[i]!.subjectAt!);
  const working: FigureStatement[] = [];
  const { needCount, needRate } = needs(result, subjects, receivedOf, localRate);
  // Sized only when a statement is made (an empty list reads undefined at every index, as an unwritten one).
  const counts: (Mutable<FigureStatement> | undefined)[] = needCount.length > 0 ? new Array<Mutable<FigureStatement> | undefined>(mentions.length) : [];
  const rateAt: (Mutable<FigureStatement> | undefined)[] = needRate.length > 0 ? new Array<Mutable<FigureStatement> | undefined>(rates.length) : [];
  // Loops, not forEach: a closure call per count of every report, most of them needed by nothing
  // (and none when nothing is needed: the lists are then empty).
  for (let position = 0; position < needCount.length; position++) {
    if (!needCount[position]) continue;
    const m = mentions[position]!;
    const s = locate(countStatement(m, mentionKey(m)));
    s.index = indexOf('count', position, m.range.start);
    counts[position] = s;
    working.push(s);
  }
  for (let position = 0; position < needRate.length; position++) {
    if (!needRate[position]) continue;
    const r = rates[position]!;
    const s = locate(rateStatement(r, reportYear));
    s.index = indexOf('rate', position, r.range.start);
    rateAt[position] = s;
    working.push(s);
  }
  /** The count or rate statement whose number starts at `offset`. */
  const at = (offset: number): FigureStatement | undefined => {
    const i = countBelow(mentions, rangeStart, offset, false);
    if (mentions[i]?.range.start === offset) return counts[i];
    const k = countBelow(rates, rangeStart, offset, false);
    return rates[k]?.range.start === offset ? rateAt[k] : undefined;
  };
  // Only the changes of a figure the ledger made a statement of are compared (`compareChanges` skips
  // the others): their statements are made now, the others' by `full` (keyed with no subject, as now),
  // so that a report whose changes change no figure the rules read makes none. Pushed into a literal,
  // not mapped: a mapped list is holey and an empty one packed, and buildLedger deoptimised on meeting
  // the second kind (at changeStatements.length) and was compiled again.
  const changeStatements: (Mutable<FigureStatement> | undefined)[] = [];
  let compared = false;
  for (let position = 0; position < changes.length; position++) {
    const c = changes[position]!;
    const subject = c.subjectAt !== undefined ? at(c.subjectAt) : undefined;
    if (!subject) {
      changeStatements.push(undefined);
      continue;
    }
    const s = locate(changeStatement(c, text, subject.key));
    s.index = indexOf('change', position, c.number.range.start);
    changeStatements.push(s);
    compared = true;
  }

  let comparable: Map<string, FigureStatement[]> | undefined;
  for (let w = 0; w < working.length; w++) {
    const s = working[w]!;
    if (!isComparable(s)) continue;
    comparable ??= new Map();
    let list = comparable.get(s.keyId);
    if (!list) comparable.set(s.keyId, (list = []));
    list.push(s);
  }
  if (comparable) for (const list of comparable.values()) list.sort((a, b) => a.range.start - b.range.start);

  const groups = working.length > 0 ? workGroups(working) : NO_GROUPS;
  const pairs = groups.size > 0 ? sectionPairs(groups, receivedOf, document) : NONE;
  let pairAt: readonly (ReceivedConcludedRelation | undefined)[] = receivedOf;
  if (pairs.length > 0) {
    const withPairs = receivedOf.slice();
    for (let k = 0; k < pairs.length; k++) withPairs[pairs[k]!.concluded.index] = pairs[k];
    pairAt = withPairs;
  }

  // 2. Every statement, on first access: the ones made above, and the other counts and rates.
  const full = (): FullList => {
    const statements: Mutable<FigureStatement>[] = [];
    let mi = 0;
    let ri = 0;
    let ci = 0;
    for (;;) {
      const ms = mi < mentions.length ? mentions[mi]!.range.start : Infinity;
      const rs = ri < rates.length ? rates[ri]!.range.start : Infinity;
      const cs = ci < changes.length ? changes[ci]!.number.range.start : Infinity;
      if (ms === Infinity && rs === Infinity && cs === Infinity) break;
      if (ms <= rs && ms <= cs) {
        statements.push(counts[mi] ?? locate(countStatement(mentions[mi]!, mentionKey(mentions[mi]!))));
        mi++;
      } else if (rs <= cs) {
        // 办结率、答复率达100%: one number, two rates; each is a statement.
        statements.push(rateAt[ri] ?? locate(rateStatement(rates[ri]!, reportYear)));
        ri++;
      } else {
        statements.push(changeStatements[ci] ?? locate(changeStatement(changes[ci]!, text, undefined)));
        ci++;
      }
    }
    const byKey = new Map<string, FigureStatement[]>();
    statements.forEach((s, index) => {
      s.index = index;
      let list = byKey.get(s.keyId);
      if (!list) byKey.set(s.keyId, (list = []));
      list.push(s);
    });
    return { statements, byKey };
  };

  const distances: TextRange[] = [];
  const ledger = new Ledger(
    reportYear,
    full,
    comparable ? findConflicts(comparable) : NONE,
    compared ? compareChanges(changes, changeStatements, at, working, reportYear, result, distances) : NONE,
    groups.size > 0 ? carriedOverSums(groups, pairAt, counts) : NONE,
    groups.size > 0 || partsList.length > 0 ? workBalances(groups, partsList, counts) : NONE,
    pairs,
    working.length > 0 ? sectionRates(working, pairAt, localRate) : NONE,
  );
  if (distances.length > 0) distanceSpans.set(ledger, distances);
  return ledger;
}

const NONE: readonly never[] = [];
const NO_GROUPS: ReadonlyMap<string, WorkGroup> = new Map();
const NO_SUBJECTS: ReadonlySet<number> = new Set();

/** Every statement of a ledger, with the statements by key. */
interface FullList {
  readonly statements: readonly FigureStatement[];
  readonly byKey: ReadonlyMap<string, readonly FigureStatement[]>;
}

/**
 * A ledger: what the rules read is computed when it is built; the full list of
 * statements on first access (a class, so that building one is a plain allocation).
 */
class Ledger implements FigureLedger {
  private all: FullList | undefined;
  declare readonly reportYear?: number;
  constructor(
    reportYear: number | undefined,
    private readonly build: () => FullList,
    readonly conflicts: readonly FigureConflict[],
    readonly changes: readonly ChangeComparison[],
    readonly carriedOver: readonly CarriedOverSum[],
    readonly balances: readonly WorkBalance[],
    readonly sectionPairs: readonly SectionPair[],
    readonly sectionRates: readonly SectionRate[],
  ) {
    if (reportYear !== undefined) this.reportYear = reportYear;
  }
  get statements(): readonly FigureStatement[] {
    return (this.all ??= this.build()).statements;
  }
  get byKey(): ReadonlyMap<string, readonly FigureStatement[]> {
    return (this.all ??= this.build()).byKey;
  }
}

const MEASURE_CODES: Readonly<Record<FigureMeasure, number>> = {
  received: 0,
  new: 1,
  'carried-over': 2,
  concluded: 3,
  pending: 4,
  removed: 5,
  net: 6,
  total: 7,
  rate: 8,
  count: 9,
  change: 10,
};

/** Fixed codes of the vocabulary's words `needs` keys on: object ids, verb senses and groups, unit families. */
const VOCABULARY_CODES: ReadonlyMap<string, number> = new Map(
  [
    '',
    ...METRIC_OBJECTS.map((o) => o.id),
    ...METRIC_VERBS.flatMap((v) => [v.group, v.sense ?? v.group, `verb:${v.group}`]),
    ...Object.values(COUNT_UNIT_FAMILIES),
  ]
    .filter((w, i, all) => all.indexOf(w) === i)
    .map((w, i) => [w, i + 1]),
);

/**
 * The code of `verb:<group>` by the verb's group, for a rate's key in `needs`: made per rate, the
 * template string was a new string to flatten and hash in the look-up each time.
 */
const VERB_KEY_CODES: ReadonlyMap<string, number> = new Map(METRIC_VERBS.map((v) => [v.group, VOCABULARY_CODES.get(`verb:${v.group}`)!]));

/** What a count's verb records (收到 `receive`, 受理 `accept`, 审结 `close` …), for the cheap keys of `needs`. */
function verbBasis(m: StatisticMention): string {
  return m.verb?.sense ?? m.verb?.group ?? '';
}

/** Measures of work: the carried-over arithmetic and the received/concluded pairs read them. */
function isWork(measure: FigureMeasure): boolean {
  return measure === 'received' || measure === 'new' || measure === 'carried-over' || measure === 'concluded';
}

/**
 * Which counts and rates the rules can pair, found from fields the statistics reader
 * already gave, before any key is built — in most reports only a handful, so that a lint
 * pays for keys only where a comparison is possible:
 * - a comparable figure whose object, measure and verb are stated twice (inconsistent-figure);
 * - a figure a change changes, and the other statements of its object and measure (the base);
 * - work counts where carried-over work is stated (carried-over sums, balances), and totals;
 * - concluded counts that name their object and have no received count near them, with
 *   the work counts of that object (received/concluded pairs across a section);
 * - rates that name their object (or 出庭率) with no counts near them, with the concluded
 *   counts of their verb and those counts' received ones; and rates stated twice.
 */
function needs(
  result: StatisticsResult,
  subjects: ReadonlySet<number>,
  receivedOf: readonly (ReceivedConcludedRelation | undefined)[],
  localRate: readonly boolean[],
): { needCount: readonly boolean[]; needRate: readonly boolean[] } {
  const { mentions, rates, relations } = result;
  // One object for the keys' codes, not eight closures and their context for every report.
  const keys = new KeyCodes();
  const anySubject = subjects.size > 0;

  // One pass: figures stated twice, the figures changes change (with the other statements of
  // their key: the base), carried-over work, concluded counts with no received count near them.
  let seen: Map<number, number> | undefined;
  let twice = false;
  let changed: Set<number> | undefined;
  let anyWork = false;
  let pairObjects: Set<string> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    // Carried-over sums and balances need a carried-over count (新增/新收 alone are everywhere).
    if (m.measure === 'carried-over') anyWork = true;
    if (isCompared(m)) {
      const k = keys.countKey(m, false);
      const n = (seen ??= new Map()).get(k) ?? 0;
      seen.set(k, n + 1);
      if (n >= 1) twice = true;
    }
    if (anySubject && subjects.has(m.range.start)) (changed ??= new Set()).add(keys.countKey(m, false));
    // The measure first: most counts are not concluded, and this loop sees every count of a report.
    if (m.measure === 'concluded' && awaitsSectionPair(m, receivedOf)) (pairObjects ??= new Set()).add(m.object.key);
  }
  let seenRates: Map<number, number> | undefined;
  let ratesTwice = false;
  let rateGroups: Set<string> | undefined;
  let unpairedRate = false;
  for (let i = 0; i < rates.length; i++) {
    const r = rates[i]!;
    if (r.metric || r.verb?.base) {
      const k = keys.rateKey(r, false);
      const n = (seenRates ??= new Map()).get(k) ?? 0;
      seenRates.set(k, n + 1);
      if (n >= 1) ratesTwice = true;
      if (anySubject && subjects.has(r.range.start)) (changed ??= new Set()).add(k);
      if (r.verb?.rateOverReceived && !localRate[r.index]) {
        // An approximate one is a statement too (needRate below), though it pairs with nothing.
        unpairedRate = true;
        if (r.exact) (rateGroups ??= new Set()).add(r.verb.group);
      }
    } else if (anySubject && subjects.has(r.range.start)) (changed ??= new Set()).add(keys.rateKey(r, false));
  }
  // Most reports: nothing to pair, and no statement is made before the full list is asked for.
  if (!twice && !ratesTwice && !changed && !anyWork && !rateGroups) {
    if (!pairObjects || (!unpairedRate && !mayPairInSection(mentions, receivedOf, pairObjects))) return NOTHING_NEEDED;
  }

  let totals: Set<StatisticMention> | undefined;
  if (anyWork) {
    for (let k = 0; k < relations.length; k++) {
      const rel = relations[k]!;
      if (rel.kind === 'parts') (totals ??= new Set()).add(rel.total);
    }
  }
  const needCount = new Array<boolean>(mentions.length).fill(false);
  const needRate = new Array<boolean>(rates.length).fill(false);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const work = isWork(m.measure);
    needCount[i] =
      (anyWork && (work || (totals?.has(m) ?? false))) ||
      (work && pairObjects !== undefined && m.object !== undefined && pairObjects.has(m.object.key)) ||
      (rateGroups !== undefined && m.measure === 'concluded' && m.verb !== undefined && rateGroups.has(m.verb.group)) ||
      (twice && isCompared(m) && (seen!.get(keys.countKey(m, false)) ?? 0) >= 2) ||
      (changed !== undefined && ((anySubject && subjects.has(m.range.start)) || changed.has(keys.countKey(m, true))));
  }
  // The received counts of the concluded counts a rate may pair with.
  if (rateGroups) {
    for (let k = 0; k < relations.length; k++) {
      const rel = relations[k]!;
      if (rel.kind === 'received-concluded' && needCount[rel.concluded.index]) needCount[rel.received.index] = true;
    }
  }
  for (let i = 0; i < rates.length; i++) {
    const r = rates[i]!;
    const named = r.metric !== undefined || r.verb?.base !== undefined;
    needRate[i] =
      (named && ((ratesTwice && (seenRates!.get(keys.rateKey(r, false)) ?? 0) >= 2) || (r.verb?.rateOverReceived === true && !localRate[r.index]))) ||
      (changed !== undefined && ((anySubject && subjects.has(r.range.start)) || changed.has(keys.rateKey(r, true))));
  }
  return { needCount, needRate };
}

/**
 * Number keys of counts and rates, for `needs`: numbers, not strings, as these keys are made for the
 * counts of every report. Words of the vocabulary have fixed codes; other words (text objects, rate
 * names) codes of this object. One formula per key for both kinds of look-up: with `known` false every
 * word is given a code (never -1); with `known` true a word without one gives -1, and then the key is
 * -1 (no set holds it: the passes after the first only look keys up, and such words are not coded).
 */
class KeyCodes {
  private local: Map<string, number> | undefined;

  /** A word's code; a word of neither the vocabulary nor this object's codes gets a new one, or -1 when `known`. */
  code(word: string, known: boolean): number {
    const fixed = VOCABULARY_CODES.get(word);
    if (fixed !== undefined) return fixed;
    if (known) return this.local?.get(word) ?? -1;
    const local = (this.local ??= new Map());
    let code = local.get(word);
    if (code === undefined) local.set(word, (code = VOCABULARY_CODES.size + 1 + local.size));
    return code;
  }

  countKey(m: StatisticMention, known: boolean): number {
    const object = this.code(m.object?.key ?? '', known);
    if (object < 0) return -1;
    const verb = this.code(verbBasis(m), known);
    if (verb < 0) return -1;
    const unit = this.code(m.unitFamily, known);
    if (unit < 0) return -1;
    return ((object * 16 + MEASURE_CODES[m.measure]) * 8192 + verb) * 8192 + unit;
  }

  rateKey(r: RateStatement, known: boolean): number {
    const head = r.metric
      ? this.code(r.metric.id, known)
      : r.verb?.base
        ? (VERB_KEY_CODES.get(r.verb.group) ?? this.code(`verb:${r.verb.group}`, known))
        : this.code('', known);
    if (head < 0) return -1;
    const name = this.code(r.verb?.group ?? r.name, known);
    if (name < 0) return -1;
    return head * 65536 + name;
  }
}

/**
 * Whether the work counts of `pairObjects` — the only statements `needs` would make when nothing
 * else is needed — can give the ledger anything: a section pair (a concluded count of such an
 * object and, before it, a received or new count of that object, not inherited, of the verb group
 * it is counted against) or a conflict (two compared counts of one object, measure and unit, whose
 * verbs `needs`' keys told apart). Without carried-over counts, changes of a figure or rates to
 * pair (the caller checks) they take part in nothing else, and a concluded count with no received
 * count near it mostly has none earlier at all: then no statement is made. Errs towards true (a
 * count may be taken as earlier than one at the same offset).
 */
function mayPairInSection(
  mentions: readonly StatisticMention[],
  receivedOf: readonly (ReceivedConcludedRelation | undefined)[],
  pairObjects: ReadonlySet<string>,
): boolean {
  let bases: Set<string> | undefined;
  let compared: Set<string> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const object = m.object;
    if (!object || !isWork(m.measure) || !pairObjects.has(object.key)) continue;
    if (isCompared(m)) {
      const k = `${object.key}\u0000${m.measure}\u0000${m.unitFamily}`;
      if ((compared ??= new Set()).has(k)) return true;
      compared.add(k);
    }
    const verb = m.verb;
    if (!verb || object.inherited) continue;
    if (m.measure === 'received' || m.measure === 'new') (bases ??= new Set()).add(`${object.key}\u0000${verb.group}`);
    else if (awaitsSectionPair(m, receivedOf) && bases?.has(`${object.key}\u0000${pairedVerbGroup(verb)}`)) return true;
  }
  return false;
}

/**
 * Whether a count is a concluded count `sectionPairs` looks for a received count for: of a named
 * metric, not inherited, with a verb, and with no received count in its own or the previous
 * sentence. `needs` and `mayPairInSection` ask it first, so that they stay a superset.
 */
function awaitsSectionPair(
  m: StatisticMention,
  receivedOf: readonly (ReceivedConcludedRelation | undefined)[],
): m is StatisticMention & { readonly object: NonNullable<StatisticMention['object']>; readonly verb: MetricVerb } {
  return m.measure === 'concluded' && !!m.object?.metric && !m.object.inherited && !!m.verb && !receivedOf[m.index];
}

/** The verb group of the received or new count a concluded count of `verb` pairs with. */
function pairedVerbGroup(verb: MetricVerb): string {
  return verb.base ?? 'receive';
}

/** Whether a count is compared with the other statements of its key (stated twice: a conflict). */
function isCompared(m: StatisticMention): boolean {
  return m.object?.metric?.annualRegister === true && COMPARED_MEASURES.has(m.measure);
}

const NOTHING_NEEDED: { needCount: readonly boolean[]; needRate: readonly boolean[] } = { needCount: [], needRate: [] };

const rangeStart = (x: { readonly range: TextRange }): number => x.range.start;
const numberStart = (x: ChangeStatement): number => x.number.range.start;

/** How many items of a list sorted by `startOf` start below `start` (or at it, with `orEqual`). */
function countBelow<T>(list: readonly T[], startOf: (x: T) => number, start: number, orEqual: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = startOf(list[mid]!);
    if (s < start || (orEqual && s === start)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sets the place and section of statements made in text order: headings, the title,
 * 《》 titles and web-page text around the report are not the body. Amortised O(1) a
 * statement (pointers into the sorted junk ranges and references).
 */
function placer(document: ReportDocument): (s: Mutable<FigureStatement>) => Mutable<FigureStatement> {
  const { sentences, headings, title, bodyRange, junkRanges, references } = document;
  let junk = 0;
  let reference = 0;
  let lastStart = -1;
  // The next-year plan's sections (their figures are targets), read on the first statement placed.
  let plans: TextRange[] | undefined;
  const inPlan = (offset: number): boolean => {
    if (!plans) {
      plans = [];
      const walk = (list: readonly Section[]): void => {
        for (let k = 0; k < list.length; k++) {
          const section = list[k]!;
          if (section.concept === 'next-year-plan' || section.heading.concept === 'next-year-plan') plans!.push(section.range);
          else walk(section.children);
        }
      };
      walk(document.sections);
    }
    for (let k = 0; k < plans.length; k++) {
      const r = plans[k]!;
      if (r.start <= offset && offset < r.end) return true;
    }
    return false;
  };
  return (s) => {
    const start = s.range.start;
    // Statements of one kind come in text order; another kind starts the pointers again.
    if (start < lastStart) {
      junk = 0;
      reference = 0;
    }
    lastStart = start;
    const sentence = sentences[s.sentenceIndex];
    s.sectionIndex = sentence?.headingIndex ?? -1;
    while (junk < junkRanges.length && junkRanges[junk]!.end <= start) junk++;
    while (reference < references.length && references[reference]!.range.end <= start) reference++;
    let inCitation = false;
    for (let i = reference; i < references.length && references[i]!.range.start <= start; i++) {
      if (references[i]!.kind === 'book-title' && start < references[i]!.range.end) inCitation = true;
    }
    const heading = sentence ? headings[sentence.headingIndex] : undefined;
    const range = sentence?.range ?? s.range;
    if (start < bodyRange.start || start >= bodyRange.end) s.place = 'page';
    else if (junk < junkRanges.length && junkRanges[junk]!.start <= start) s.place = 'page';
    else if (title && range.start < title.range.end && range.end > title.range.start) s.place = 'title';
    else if (heading && heading.range.start <= range.start && range.end <= heading.range.end + 1) s.place = 'heading';
    else if (inCitation) s.place = 'citation';
    else if (inPlan(start)) s.place = 'plan';
    else s.place = 'body';
    return s;
  };
}

/** A key as one string. */
export function keyId(key: MetricKey): string {
  return keyIdWith(key, key.period);
}

/**
 * The fields of a key as `keyId` joins them, written into one list for every key (no list of eight per
 * key, and no spread copy of a key for another period): the join's result is all that is kept.
 */
const KEY_PARTS: string[] = ['', '', '', '', '', '', '', ''];

/** `keyId` of `key` with `period` in place of its own. */
function keyIdWith(key: MetricKey, period: FigurePeriod): string {
  // Joined, not a template: a template of 15 pieces makes a chain of ~13 cons strings, flattened again
  // when the key is hashed; a join writes one flat string (every field is a string: the same text).
  const parts = KEY_PARTS;
  parts[0] = key.object;
  parts[1] = key.qualifier;
  parts[2] = key.measure;
  parts[3] = key.basis;
  parts[4] = key.scope.kind;
  parts[5] = key.scope.id;
  parts[6] = period.id;
  parts[7] = key.unit;
  return parts.join('|');
}

/** A period mark resolved against the report year. */
const UNMARKED: FigurePeriod = { kind: 'current', text: '', id: 'current' };
const REPORT_SCOPE: FigureScope = { kind: 'report', text: '', id: '' };

function periodOf(figure: FigureContext, reportYear: number | undefined, measure: FigureMeasure | undefined): FigurePeriod {
  const p = figure.period;
  if (!p) return UNMARKED;
  const withYear = (kind: FigurePeriodKind, id: string): FigurePeriod => (p.year !== undefined ? { kind, text: p.text, id, year: p.year } : { kind, text: p.text, id });
  switch (p.kind) {
    case 'current':
      return { kind: 'current', text: p.text, id: 'current' };
    case 'previous':
      // 上年未结5件 is the work carried into this year.
      if (measure === 'carried-over') return { kind: 'current', text: p.text, id: 'current' };
      return { kind: 'previous', text: p.text, id: 'previous' };
    case 'year':
      if (p.year !== undefined && reportYear !== undefined) {
        if (p.year === reportYear) return withYear('current', 'current');
        if (p.year === reportYear - 1) return withYear(measure === 'carried-over' ? 'current' : 'previous', measure === 'carried-over' ? 'current' : 'previous');
      }
      return withYear('year', `year:${p.year ?? p.text}`);
    case 'since':
      return withYear('since', `since:${p.year ?? p.text}`);
    case 'cumulative':
      return { kind: 'cumulative', text: p.text, id: 'cumulative' };
    default:
      return { kind: p.kind, text: p.text, id: `${p.kind}:${p.text}` };
  }
}

/** Whose figure: a named unit (the words before the verb), else the scope word, else the report's own. */
function scopeOf(figure: FigureContext): FigureScope {
  const word = figure.scope;
  const id = word ? (SCOPE_SYNONYMS[word.text] ?? word.text) : '';
  if (figure.subject) return { kind: 'unit', text: `${word?.text ?? ''}${figure.subject}`, id: `${id}/${figure.subject}` };
  if (word) return { kind: word.kind, text: word.text, id };
  return REPORT_SCOPE;
}

/**
 * Scope words that name the same scope (我市 is 全市). Other words stay apart: in a
 * district's report 全市 is the city and 全区 the district, 市本级 the city's own level.
 */
const SCOPE_SYNONYMS: Readonly<Record<string, string>> = {
  我省: '全省',
  我市: '全市',
  我区: '全区',
  我县: '全县',
  我镇: '全镇',
  市政府本级: '市本级',
  区政府本级: '区本级',
  县政府本级: '县本级',
};

/** A part's label as a scope (来信, 维持). */
function partLabel(m: StatisticMention): string {
  return m.label.replace(/^[：:，,、\s]+/, '').replace(/[的类]+$/, '');
}

/** The words of an object phrase before its vocabulary name (以市政府为被申请人的行政复议案件 → 以市政府为被申请人). */
const ALIASES_LONGEST = new WeakMap<MetricObject, readonly string[]>();

function qualifierOf(objectText: string, metric: MetricObject | undefined): string {
  if (!metric) return '';
  let aliases = ALIASES_LONGEST.get(metric);
  if (!aliases) ALIASES_LONGEST.set(metric, (aliases = [...metric.aliases].sort((a, b) => b.length - a.length)));
  const alias = aliases.find((a) => objectText.endsWith(a));
  if (alias === undefined || alias.length === objectText.length) return '';
  const words = objectText.slice(0, objectText.length - alias.length);
  // 人大代表建议和政协提案: a list of objects, not a kind of one (and 及时 is no qualifier either).
  if (/[和及与、]/.test(words)) return '';
  // 办理, 依法, scope and period words say nothing about which cases.
  return subjectOf(words);
}

/** How far back a bare count's own words are read (as the statistics reader's clause window). */
export const OWN_WINDOW = 48;

/** A count whose own words `ownFigure` reads: no verb, no object of the vocabulary (培训12场). */
export function isBareCount(m: StatisticMention): boolean {
  return !m.verb && !m.object?.metric && m.measure === 'count';
}

/**
 * The figure context of a count: as the statistics reader gave it, or, for a bare count
 * (no verb, no object of the vocabulary, 培训12场), which the reader leaves with what is in
 * force, its own clause's period and scope words read here — only when asked for.
 */
export function ownFigure(m: StatisticMention, text: string, sentenceStart: number): FigureContext {
  if (!isBareCount(m)) return m.figure;
  // Its clause and the clauses before it in the sentence (2023年，明确九个方面).
  const own = text.slice(Math.max(sentenceStart, m.range.start - OWN_WINDOW), m.range.start);
  const period = lastPeriodIn(own);
  const scope = scopesIn(own).figure;
  if (!period && !scope) return m.figure;
  const f: Mutable<FigureContext> = { subject: m.figure.subject };
  const p = period ?? m.figure.period;
  const sc = scope ?? m.figure.scope;
  if (p) f.period = p;
  if (sc) f.scope = sc;
  return f;
}

function countKey(
  m: StatisticMention,
  partScope: FigureScope | undefined,
  isTotal: boolean,
  reportYear: number | undefined,
  text: string,
  sentenceStart: number,
): MetricKey {
  const measure: FigureMeasure = m.measure === 'count' && isTotal ? 'total' : m.measure;
  const figure = ownFigure(m, text, sentenceStart);
  let basis = '';
  if (measure === 'received') basis = m.verb?.sense ?? m.verb?.group ?? '';
  else if (measure === 'concluded' || measure === 'removed' || measure === 'net') basis = m.verb?.group ?? '';
  else if (measure === 'pending') basis = 'pending';
  const o = m.object;
  let qualifier = o ? qualifierOf(o.text, o.metric) : '';
  // 县司法局上年结转行政复议案件5件: without a verb, whose figure it is stands in the object's words too.
  if (qualifier && figure.subject && qualifier.startsWith(figure.subject)) qualifier = qualifier.slice(figure.subject.length);
  return {
    object: o?.key ?? '',
    qualifier,
    measure,
    basis,
    scope: partScope ?? scopeOf(figure),
    period: periodOf(figure, reportYear, measure),
    unit: m.unitFamily,
  };
}

/**
 * The statements' shapes, seeded once per thread when the module loads (one object each, no code
 * run: parse51's seed of the number's `value`). V8 keeps one representation per field of a map:
 * a fraction or Infinity made `value`, `lower`, `upper` and `precision` double fields, each a
 * mutable box made with the statement, and every load of one in code V8 has not optimised (most of
 * the ledger under the CLI's interrupt budget) copied the box into a new heap number. With
 * undefined stored first they are tagged fields: whole numbers stay small integers, a fraction an
 * immutable number loaded without a copy. A literal takes the map of the first literal of as many
 * fields, then one per key in order, so a seed has the fields of its statement in the statement's
 * order: the count's (a rate's are the same up to `place`: one map, one seed) and the change's (one
 * field more: a map of its own). The orders are checked against real statements by a test
 * (`statementShapeKeys`). Made by a call: a bundler drops an unused literal (esbuild left the
 * first version out of the CLI's bundle).
 */
const SEEDED_STATEMENTS: readonly Record<string, unknown>[] = [undefined].flatMap((n) => [
  {
    index: 0,
    kind: 'count',
    key: undefined,
    keyId: '',
    range: undefined,
    text: '',
    value: n,
    lower: n,
    upper: n,
    precision: n,
    unit: '',
    sentenceIndex: 0,
    paragraphIndex: 0,
    sectionIndex: 0,
    place: 'body',
    mention: undefined,
  },
  {
    index: 0,
    kind: 'change',
    key: undefined,
    keyId: '',
    range: undefined,
    text: '',
    value: n,
    lower: n,
    upper: n,
    precision: n,
    unit: '',
    verb: undefined,
    sentenceIndex: 0,
    paragraphIndex: 0,
    sectionIndex: 0,
    place: 'body',
    change: undefined,
  },
]);

/** The fields of the seeded count and change statements, in order (for the test that keeps them in the statements' order). */
export function statementShapeKeys(): { count: string[]; change: string[] } {
  return { count: Object.keys(SEEDED_STATEMENTS[0]!), change: Object.keys(SEEDED_STATEMENTS[1]!) };
}

function countStatement(m: StatisticMention, key: MetricKey): Mutable<FigureStatement> {
  const s: Mutable<FigureStatement> = {
    index: 0,
    kind: 'count',
    key,
    keyId: keyId(key),
    range: m.range,
    text: m.number.raw,
    value: m.value,
    lower: m.lower,
    upper: m.upper,
    precision: m.precision,
    unit: m.number.unit ?? m.unit,
    sentenceIndex: m.sentenceIndex,
    paragraphIndex: m.paragraphIndex,
    sectionIndex: -1,
    place: 'body',
    mention: m,
  };
  if (!m.exact && m.number.approximateMarker !== undefined) s.approximation = m.number.approximateMarker;
  const verb = m.verbText ?? m.verb?.text;
  if (verb !== undefined) s.verb = verb;
  return s;
}

function rateStatement(r: RateStatement, reportYear: number | undefined): Mutable<FigureStatement> {
  // 出庭率 is always about litigation; other rates need the object in their name to be compared.
  const object = r.metric?.id ?? (r.verb?.base ? `verb:${r.verb.group}` : '');
  const key: MetricKey = {
    object,
    qualifier: '',
    measure: 'rate',
    basis: r.verb?.group ?? r.name.replace(/^(?:全市|全区|全县|全省|全镇|市本级|区本级|县本级|本级)/, ''),
    scope: scopeOf(r.figure),
    period: periodOf(r.figure, reportYear, 'rate'),
    unit: '%',
  };
  // The value loaded once and no bounds object for an exact rate (the value was a double field, boxed
  // anew by each load in baseline code, until mentions.ts's seeded rate made it tagged).
  const value = r.value;
  let lower = value;
  let upper = value;
  if (!r.exact) {
    const bounded = boundsOfRate(r.number);
    lower = bounded.lower;
    upper = bounded.upper;
  }
  const s: Mutable<FigureStatement> = {
    index: 0,
    kind: 'rate',
    key,
    keyId: keyId(key),
    range: r.range,
    text: r.number.raw,
    value,
    lower,
    upper,
    precision: 0.5 * 10 ** -r.decimals,
    unit: r.number.unit ?? '%',
    sentenceIndex: r.sentenceIndex,
    paragraphIndex: r.paragraphIndex,
    sectionIndex: -1,
    place: 'body',
    rate: r,
  };
  if (!r.exact && r.number.approximateMarker !== undefined) s.approximation = r.number.approximateMarker;
  return s;
}

/** Bounds of an approximate percentage: 以上/超过 give a lower bound, 近/不到 an upper one, 约/左右 none. */
function boundsOfRate(n: NumberMention): { lower: number; upper: number } {
  const m = n.approximateMarker ?? '';
  if (/余|多|以上|超过|超|逾/.test(m)) return { lower: n.value, upper: Infinity };
  if (/近|不到|以内|以下|不足/.test(m)) return { lower: 0, upper: n.value };
  return { lower: 0, upper: Infinity };
}

function changeKey(c: ChangeStatement, subject: MetricKey | undefined): MetricKey {
  return {
    object: subject?.object ?? '',
    qualifier: subject?.qualifier ?? '',
    measure: 'change',
    basis: subject ? `${subject.measure}:${subject.basis}` : '',
    scope: subject?.scope ?? { kind: 'report', text: '', id: '' },
    period: subject?.period ?? { kind: 'current', text: '', id: 'current' },
    unit: c.number.unit ?? '',
  };
}

function changeStatement(c: ChangeStatement, text: string, subject: MetricKey | undefined): Mutable<FigureStatement> {
  const key = changeKey(c, subject);
  // Loaded once (written when a load of a double field boxed a new heap number in baseline code).
  const value = c.value;
  const s: Mutable<FigureStatement> = {
    index: 0,
    kind: 'change',
    key,
    keyId: keyId(key),
    range: c.range,
    text: text.slice(c.range.start, c.range.end),
    value,
    lower: c.exact ? value : 0,
    upper: c.exact ? value : Infinity,
    precision: precisionOf(c.number),
    unit: c.number.unit ?? '',
    verb: c.verb,
    sentenceIndex: c.sentenceIndex,
    paragraphIndex: c.paragraphIndex,
    sectionIndex: -1,
    place: 'body',
    change: c,
  };
  if (!c.exact && c.number.approximateMarker !== undefined) s.approximation = c.number.approximateMarker;
  return s;
}

/** Whether a statement takes part in comparisons across the report. */
export function isComparable(s: FigureStatement): boolean {
  if (s.place !== 'body' || s.kind === 'change' || !COMPARED_MEASURES.has(s.key.measure)) return false;
  if (s.key.scope.kind === 'part') return false;
  if (s.kind === 'rate') return s.key.object !== '' && (s.key.object.startsWith('verb:') || registerObject(s.rate?.metric));
  return registerObject(s.mention?.object?.metric);
}

function registerObject(metric: MetricObject | undefined): boolean {
  return metric?.annualRegister === true;
}

/** The interval of values a statement allows, widened by its rounding. */
function interval(s: FigureStatement): [number, number] {
  return [s.lower - s.precision, s.upper + s.precision];
}

/** Whether two statements of one figure cannot both hold. */
function contradicts(a: FigureStatement, b: FigureStatement): boolean {
  const [al, au] = interval(a);
  const [bl, bu] = interval(b);
  return al > bu + 1e-9 || bl > au + 1e-9;
}

/**
 * Later statements of a key whose value cannot hold together with any earlier one's
 * (in other sentences), reported against the first. A value that agrees with some
 * earlier statement is not reported again (120, 128, 120: only the 128). Each
 * statement is compared with at most `CONFLICT_WINDOW` earlier statements of distinct values.
 */
function findConflicts(byKey: ReadonlyMap<string, readonly FigureStatement[]>): FigureConflict[] {
  const out: FigureConflict[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2 || !isComparable(list[0]!)) continue;
    const seen: FigureStatement[] = [];
    for (let k = 0; k < list.length; k++) {
      const s = list[k]!;
      // A value that agrees with any earlier statement is not new: 120, 128, 120 reports the 128 once.
      const others = seen.filter((e) => e.sentenceIndex !== s.sentenceIndex);
      if (others.length > 0 && others.every((e) => contradicts(e, s))) out.push({ later: s, earlier: others[0]! });
      if (seen.length < CONFLICT_WINDOW && !seen.some((e) => e.lower === s.lower && e.upper === s.upper && e.precision === s.precision)) {
        seen.push(s);
      }
    }
  }
  return out.sort((a, b) => a.later.range.start - b.later.range.start);
}

/** The key of `key` for another period. */
function withPeriod(key: MetricKey, period: FigurePeriod): string {
  return keyIdWith(key, period);
}

/** The statements of `keyId` in the section of `at`, all of one value, nearest to `at` first; undefined when none or they disagree. */
/** How many statements around one a search across its section looks at: keeps hostile input linear. */
const SECTION_WINDOW = 64;

/**
 * The statements of `list` (in text order) in the section of `at` — sections follow
 * text order, so they are a run of the list, found by binary search — at most
 * `SECTION_WINDOW` of them around `at`.
 */
function nearIn(list: readonly FigureStatement[], at: FigureStatement): readonly FigureStatement[] {
  if (list.length <= SECTION_WINDOW && list.every((s) => s.sectionIndex === at.sectionIndex)) return list;
  const first = lowerBound(list, (s) => s.sectionIndex < at.sectionIndex);
  const end = lowerBound(list, (s) => s.sectionIndex <= at.sectionIndex);
  const pos = lowerBound(list, (s) => s.sectionIndex < at.sectionIndex || (s.sectionIndex === at.sectionIndex && s.range.start < at.range.start));
  const from = Math.max(first, pos - SECTION_WINDOW / 2);
  return list.slice(from, Math.min(end, from + SECTION_WINDOW));
}

/** The first index of a list whose items stop satisfying `before` (a prefix of the list satisfies it). */
function lowerBound<T>(list: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueInSection(
  byKey: ReadonlyMap<string, readonly FigureStatement[]>,
  id: string,
  at: FigureStatement,
  distances: TextRange[],
  exclude?: FigureStatement,
): FigureStatement | undefined {
  const list = byKey.get(id);
  if (!list) return undefined;
  let found: FigureStatement | undefined;
  let several = false;
  let lo = at.range.start;
  let hi = lo;
  for (const s of nearIn(list, at)) {
    if (s === exclude || s === at || s.place !== 'body' || s.sectionIndex !== at.sectionIndex) continue;
    if (found && (found.value !== s.value || found.lower !== s.lower || found.upper !== s.upper)) return undefined;
    if (found) several = true;
    if (s.range.start < lo) lo = s.range.start;
    if (s.range.start > hi) hi = s.range.start;
    if (!found || Math.abs(s.range.start - at.range.start) < Math.abs(found.range.start - at.range.start)) found = s;
  }
  // The nearest of several: an edit between them may change which (see `ledgerDistanceSpans`).
  if (found && several) distances.push({ start: lo, end: hi });
  return found;
}

/**
 * Each stated change with the figure it changes (named in its sentence) and the other
 * period's figure: given in the same sentence (上年为90件, 较上年的90件), or stated for
 * the same key and the compared period in the same section (上年受理90件).
 */
function compareChanges(
  changes: readonly ChangeStatement[],
  statements: readonly (FigureStatement | undefined)[],
  at: (offset: number) => FigureStatement | undefined,
  working: readonly FigureStatement[],
  reportYear: number | undefined,
  result: StatisticsResult,
  distances: TextRange[],
): ChangeComparison[] {
  const out: ChangeComparison[] = [];
  let byKey: Map<string, FigureStatement[]> | undefined;
  let previousChangeEnd = -1;
  let previousSentence = -1;
  for (let i = 0; i < changes.length; i++) {
    // Every change moves the sentence's last change end (a statement's range and sentence are its change's).
    const change = changes[i]!;
    const since = change.sentenceIndex === previousSentence ? previousChangeEnd : -1;
    previousSentence = change.sentenceIndex;
    previousChangeEnd = change.range.end;
    // No statement: the change's subject is no figure the ledger made a statement of (`at` gives none).
    const statement = statements[i];
    if (!statement || statement.place !== 'body' || change.subjectAt === undefined) continue;
    const current = at(change.subjectAt);
    if (!current || current.place !== 'body') continue;
    let base: ChangeBase | undefined;
    let inline = false;
    if (change.base) {
      const n = change.base;
      if (n.approximate) continue;
      inline = true;
      base = {
        number: n,
        value: n.value,
        precision: n.kind === 'percent' ? 0.5 * 10 ** -n.decimals : precisionOf(n),
        range: n.range,
        text: n.raw.trim(),
      };
      out.push({ change, statement, current, base, inline, alternatives: alternativesOf(result, statement, current, since) });
      continue;
    } else {
      if (change.against === 'sequential' || current.key.period.id !== 'current') continue;
      const period: FigurePeriod =
        change.against === 'year' && change.againstYear !== undefined && change.againstYear !== (reportYear ?? NaN) - 1
          ? { kind: 'year', text: `${change.againstYear}年`, id: `year:${change.againstYear}`, year: change.againstYear }
          : { kind: 'previous', text: '', id: 'previous' };
      if (!byKey) {
        byKey = new Map();
        for (let w = 0; w < working.length; w++) {
          const s = working[w]!;
          let list = byKey.get(s.keyId);
          if (!list) byKey.set(s.keyId, (list = []));
          list.push(s);
        }
      }
      const found = uniqueInSection(byKey, withPeriod(current.key, period), current, distances);
      if (!found || found.approximation !== undefined) continue;
      base = { statement: found, value: found.value, precision: found.precision, range: found.range, text: found.text };
    }
    out.push({ change, statement, current, base, inline, alternatives: NONE });
  }
  return out;
}

/**
 * The other figures of a change's sentence it may be about: 受理50件，审结48件，同比增长25%
 * (上年为40件) may mean either count. Counts of the same unit (or rates, for 个百分点)
 * between the sentence's previous change (or its start) and this one, the subject left out.
 */
function alternativesOf(
  result: StatisticsResult,
  statement: FigureStatement,
  current: FigureStatement,
  since: number,
): readonly { readonly value: number; readonly precision: number }[] {
  const out: { value: number; precision: number }[] = [];
  const end = statement.range.start;
  if (current.kind === 'rate') {
    const rates = result.rates;
    for (let i = countBelow(rates, rangeStart, end, false) - 1; i >= 0 && out.length < 8; i--) {
      const r = rates[i]!;
      if (r.sentenceIndex !== statement.sentenceIndex || r.range.end <= since) break;
      if (r.range.start !== current.range.start && r.exact) out.push({ value: r.value, precision: 0.5 * 10 ** -r.decimals });
    }
    return out;
  }
  const mentions = result.mentions;
  const family = current.mention?.unitFamily;
  for (let i = countBelow(mentions, rangeStart, end, false) - 1; i >= 0 && out.length < 8; i--) {
    const m = mentions[i]!;
    if (m.sentenceIndex !== statement.sentenceIndex || m.range.end <= since) break;
    if (m.range.start !== current.range.start && m.exact && m.unitFamily === family && !m.inPartList) out.push({ value: m.value, precision: m.precision });
  }
  return out;
}

/** Work figures of one thing (object, scope, period, unit), by measure: what the work pairings read. */
interface WorkGroup {
  readonly received: FigureStatement[];
  readonly new: FigureStatement[];
  readonly carried: FigureStatement[];
  readonly concluded: FigureStatement[];
}

/** The work group of a statement: its key without measure and basis. */
function groupOf(key: MetricKey): string {
  // Joined, not a template (as keyId), from one list written for every key (as keyId).
  const parts = GROUP_PARTS;
  parts[0] = key.object;
  parts[1] = key.qualifier;
  parts[2] = key.scope.kind;
  parts[3] = key.scope.id;
  parts[4] = key.period.id;
  parts[5] = key.unit;
  return parts.join('|');
}

/** The fields `groupOf` joins, one list for every key. */
const GROUP_PARTS: string[] = ['', '', '', '', '', ''];

/** Received, new, carried-over and concluded counts of the body, grouped by what they count (one pass). */
function workGroups(statements: readonly FigureStatement[]): Map<string, WorkGroup> {
  const groups = new Map<string, WorkGroup>();
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.kind !== 'count' || s.place !== 'body') continue;
    const m = s.key.measure;
    if (m !== 'received' && m !== 'new' && m !== 'carried-over' && m !== 'concluded') continue;
    const id = groupOf(s.key);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { received: [], new: [], carried: [], concluded: [] }));
    (m === 'carried-over' ? g.carried : g[m]).push(s);
  }
  return groups;
}

/** Whether statements all allow exactly the same values. */
function sameValues(list: readonly FigureStatement[]): boolean {
  const first = list[0];
  return first !== undefined && list.every((c) => c.value === first.value && c.lower === first.lower && c.upper === first.upper);
}

/**
 * Concluded work whose received (or new) count and carried-over count are both stated:
 * the carried-over count of the same object, scope and period in the same paragraph
 * (else section), one value.
 */
function carriedOverSums(
  groups: ReadonlyMap<string, WorkGroup>,
  pairAt: readonly (ReceivedConcludedRelation | undefined)[],
  counts: readonly (FigureStatement | undefined)[],
): CarriedOverSum[] {
  const out: CarriedOverSum[] = [];
  for (const g of groups.values()) {
    if (g.carried.length === 0) continue;
    for (let k = 0; k < g.concluded.length; k++) {
      const concluded = g.concluded[k]!;
      const pair = pairAt[concluded.mention!.index];
      const received = pair ? counts[pair.received.index] : undefined;
      const carried = received ? carriedFor(g, concluded) : undefined;
      if (received && carried) out.push({ concluded, received, carried });
    }
  }
  return out.sort((a, b) => a.concluded.range.start - b.concluded.range.start);
}

/** The carried-over count of a group for `s`: in its paragraph, else its section; one value. */
function carriedFor(g: WorkGroup | undefined, s: FigureStatement): FigureStatement | undefined {
  if (!g || g.carried.length === 0) return undefined;
  const near = nearIn(g.carried, s);
  const inParagraph = near.filter((c) => c.paragraphIndex === s.paragraphIndex);
  const candidates = inParagraph.length > 0 ? inParagraph : near;
  return sameValues(candidates) ? candidates[0] : undefined;
}

/**
 * New and carried-over work with the received total they make up: the total of a
 * 其中 list of exactly those two parts, or a received count of the same object, scope
 * and period in the same paragraph that differs from the new count (受理 may mean the
 * new cases only, and then it equals 新收).
 */
function workBalances(
  groups: ReadonlyMap<string, WorkGroup>,
  parts: readonly PartsRelation[],
  counts: readonly (FigureStatement | undefined)[],
): WorkBalance[] {
  const out: WorkBalance[] = [];
  // 办理135件，其中新收120件、上年结转15件.
  for (let i = 0; i < parts.length; i++) {
    const rel = parts[i]!;
    if (rel.parts.length !== 2) continue;
    const a = counts[rel.parts[0]!.index];
    const b = counts[rel.parts[1]!.index];
    const total = counts[rel.total.index];
    if (!a || !b || !total || total.place !== 'body') continue;
    const isNew = (x: FigureStatement): boolean => x.key.measure === 'new' || /^(?:本年)?新收|^新受理/.test(partLabel(x.mention!));
    const newPart = isNew(a) ? a : isNew(b) ? b : undefined;
    const carried = a.key.measure === 'carried-over' ? a : b.key.measure === 'carried-over' ? b : undefined;
    if (newPart && carried && newPart !== carried) out.push({ total, new: newPart, carried, listed: true });
  }
  // 受理65件，新收60件，上年结转5件 in one paragraph.
  for (const g of groups.values()) {
    if (g.new.length === 0 || g.carried.length === 0 || g.received.length === 0) continue;
    for (let k = 0; k < g.new.length; k++) {
      const n = g.new[k]!;
      if (!n.mention?.object?.metric) continue;
      const carried = carriedFor(g, n);
      if (!carried || carried.paragraphIndex !== n.paragraphIndex) continue;
      const totals = nearIn(g.received, n).filter((t) => t.paragraphIndex === n.paragraphIndex && t.value !== n.value && (t.key.basis === 'accept' || t.key.basis === 'receive'));
      if (totals.length === 1) out.push({ total: totals[0]!, new: n, carried, listed: false });
    }
  }
  return out.sort((a, b) => a.total.range.start - b.total.range.start);
}

/**
 * Concluded counts with a named object and no received count in their own or the
 * previous sentence, paired with the received count of the same object, scope and
 * period earlier in the section (one value).
 */
function sectionPairs(
  groups: ReadonlyMap<string, WorkGroup>,
  receivedOf: readonly (ReceivedConcludedRelation | undefined)[],
  document: ReportDocument,
): SectionPair[] {
  const out: SectionPair[] = [];
  for (const g of groups.values()) {
    if (g.concluded.length === 0 || (g.received.length === 0 && g.new.length === 0)) continue;
    for (let k = 0; k < g.concluded.length; k++) {
      const concluded = g.concluded[k]!;
      const m = concluded.mention!;
      if (!awaitsSectionPair(m, receivedOf)) continue;
      const baseGroup = pairedVerbGroup(m.verb);
      const candidates = [...nearIn(g.received, concluded), ...nearIn(g.new, concluded)].filter(
        (s) =>
          s.sectionIndex === concluded.sectionIndex &&
          s.range.start < concluded.range.start &&
          s.mention?.verb?.group === baseGroup &&
          !s.mention.object?.inherited,
      );
      if (candidates.length === 0 || !sameValues(candidates)) continue;
      const received = candidates.reduce((a, b) => (b.range.start > a.range.start ? b : a));
      const r = received.mention!;
      const sentenceText = (i: number): string => document.sentences[i]?.text ?? '';
      const carryOver =
        r.carryOver ||
        m.carryOver ||
        hasCarryOver(sentenceText(r.sentenceIndex)) ||
        hasCarryOver(sentenceText(m.sentenceIndex)) ||
        carriedFor(g, concluded) !== undefined;
      out.push({ kind: 'received-concluded', received: r, concluded: m, carryOver, reach: 'section' });
    }
  }
  return out.sort((a, b) => a.concluded.range.start - b.concluded.range.start);
}

/**
 * Rates (办结率, 出庭率) whose counts are not in their own or the previous sentence,
 * paired with the concluded count of their verb earlier in the section — of the object
 * the rate names, or, for 出庭率, the only such count of its paragraph — and that
 * count's received count. Carried-over work leaves the base open: not paired.
 */
function sectionRates(
  statements: readonly FigureStatement[],
  pairAt: readonly (ReceivedConcludedRelation | undefined)[],
  localRate: readonly boolean[],
): SectionRate[] {
  const out: SectionRate[] = [];
  let concludedByBasis: Map<string, FigureStatement[]> | undefined;
  for (let i = 0; i < statements.length; i++) {
    const q = statements[i]!;
    const rate = q.rate;
    if (!rate || q.place !== 'body' || localRate[rate.index] || !rate.verb?.rateOverReceived || !rate.exact) continue;
    if (!concludedByBasis) {
      concludedByBasis = new Map();
      for (let j = 0; j < statements.length; j++) {
        const s = statements[j]!;
        if (s.key.measure !== 'concluded' || s.place !== 'body' || !s.mention) continue;
        let list = concludedByBasis.get(s.key.basis);
        if (!list) concludedByBasis.set(s.key.basis, (list = []));
        list.push(s);
      }
    }
    const metric = rate.metric;
    const candidates = nearIn(concludedByBasis.get(rate.verb.group) ?? NONE, q).filter(
      (k) =>
        k.range.start < q.range.start &&
        k.sectionIndex === q.sectionIndex &&
        // A rate that names no object (办结率) could be any count's: only 出庭率, whose counts are always of one kind.
        (metric ? k.key.object === metric.id : rate.verb?.base !== undefined && k.paragraphIndex === q.paragraphIndex) &&
        k.key.scope.kind === q.key.scope.kind &&
        k.key.scope.id === q.key.scope.id &&
        k.key.period.id === q.key.period.id,
    );
    const first = candidates[0];
    if (!first || candidates.some((k) => k.value !== first.value || k.lower !== first.lower || k.upper !== first.upper)) continue;
    const k = candidates[candidates.length - 1]!;
    const pair = pairAt[k.mention!.index];
    if (!pair || pair.carryOver) continue;
    const rel = ratio(rate, k.mention!, pair.received, 'received-concluded');
    if (rel) out.push({ ...rel, reach: 'section' });
  }
  return out;
}
