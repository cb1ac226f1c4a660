import {
  COUNT_UNIT_FAMILIES,
  GROWTH_UNITS,
  METRIC_OBJECTS,
  METRIC_VERBS,
  RATE_LINKS,
  RATE_SUFFIXES,
  SCOPE_WORDS,
  NEUTRAL_SCOPES,
  UNBOUNDED_RATE_WORDS,
  RATE_HEAD_WORDS,
  type ChangeDirection,
  type FigureMeasure,
  type MetricActionKind,
  type MetricObject,
  type MetricVerb,
  type TimesReading,
} from '@fzlint/ontology';
import { REGEXP_SPACE_CODES, type NumberMention, type TextRange } from '@fzlint/parser';
import {
  changeVerbBefore,
  lastComparatorIn,
  lastPeriodIn,
  lastPeriodInMarked,
  marksCarriedOver,
  mayFollowChange,
  scopesIn,
  NO_SCOPES,
  marksTotal,
  subjectOf,
  timesOfBefore,
  withoutPeriodWords,
  type PeriodMark,
  type ScopeMark,
} from './figure-words.js';
import type { StatisticsInput } from './input.js';
import { CARRY_OVER_RE, negationBefore, readCountWords } from './clause-words.js';
import {
  CLAUSE_BREAK,
  FILLER_FIRST,
  holdsClass,
  markChars,
  markWordUnits,
  PERIOD,
  RATE_LINK_LAST,
  RATE_SUFFIX_LAST,
  SCOPE,
  STAT_UNIT,
  TAIL_FILLER_LAST,
  unitClass,
  WORD_UNIT,
} from './unit-class.js';

export type { StatisticsInput } from './input.js';
export type { PeriodMark, ScopeMark } from './figure-words.js';

/** The object a count is about, as resolved from the words around it. */
export interface MentionObject {
  /** Key two mentions share when they count the same thing: an ontology id, or `text:` + the words. */
  readonly key: string;
  /** The ontology object, when the words name one. */
  readonly metric?: MetricObject;
  /** The words as written (行政复议案件, 依申请公开办件). */
  readonly text: string;
  /** True when the object was elided and taken from an earlier count (审结90件). */
  readonly inherited: boolean;
}

/** A count in the text, with what it counts and what happened to it. */
export interface StatisticMention {
  /** Index in `StatisticsResult.mentions`. */
  readonly index: number;
  readonly number: NumberMention;
  /** Range of the number with its marks and unit (115件, 两百余件). */
  readonly range: TextRange;
  readonly value: number;
  /** Lowest value the text allows (余/多/以上 keep the value; 近/不到 give 0). */
  readonly lower: number;
  /** Highest value the text allows (余/多/以上 give Infinity). */
  readonly upper: number;
  /** An exact count (no 余, 多, 近, 约 …): only exact counts take part in equalities. */
  readonly exact: boolean;
  /**
   * Half a unit of the last digit written, after multipliers: 96.8万件 stands for
   * 967,500–968,500 (precision 500); a plain integer count has precision 0.
   */
  readonly precision: number;
  /** Unit as written (件, 起, 户), without 万/亿. */
  readonly unit: string;
  /** Family of the unit (`item`, `person` …): counts compare only within one family. */
  readonly unitFamily: string;
  /** What happened to the objects, from the verb before the number. */
  readonly action?: MetricActionKind | undefined;
  readonly verb?: MetricVerb | undefined;
  readonly verbRange?: TextRange | undefined;
  /** The verb as written, with its negation (未办结), for messages. */
  readonly verbText?: string | undefined;
  readonly object?: MentionObject | undefined;
  /** Scope word in force (全年, 区本级 …), if any. */
  readonly scope?: string | undefined;
  /** A year written in the count's own clause (2022年度受理30件). */
  readonly year?: number | undefined;
  /** The words between the clause start (or the previous number) and the number, for part labels. */
  readonly label: string;
  /** The count itself is carried-over or cumulative work (上年结转5件, 累计办结). */
  readonly carryOver: boolean;
  /** Listed under 其中/包括/分别为/含 or in brackets: a sub-category of an earlier count. */
  readonly inPartList: boolean;
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
  /** Offset where the number's clause starts (after ，；：（ …). */
  readonly clauseStart: number;
  /**
   * What the count measures, as its own words say (received, new, carried-over,
   * concluded, pending, removed, net, total or a bare count); the figures ledger makes
   * the total of a 其中 list a `total`.
   */
  readonly measure: FigureMeasure;
  /** Which figure it is: period, scope and whose figure, as the sentence says. */
  readonly figure: FigureContext;
}

/**
 * Which figure a count or rate is, as far as its sentence (and the sentences before
 * it in the paragraph) say: the period, the scope and whose figure it is.
 */
export interface FigureContext {
  /** Period words in force (2021年, 上年, 累计, 截至6月底); absent: unmarked, the report year. */
  readonly period?: PeriodMark;
  /** Scope word in force (全市, 市本级, 各县区), if any. */
  readonly scope?: ScopeMark;
  /** Other words before the verb that say whose figure it is (市司法局); '' for the report's own. */
  readonly subject: string;
}

/** A stated change against another period: 同比增长20%, 提高2个百分点, 增长6倍, 较上年增加38件. */
export interface ChangeStatement {
  /** Index in `StatisticsResult.changes`. */
  readonly index: number;
  readonly number: NumberMention;
  /** From the change verb to the number's end (同比增长20%). */
  readonly range: TextRange;
  /** The change verb as written (增长, 下降, 提高). */
  readonly verb: string;
  readonly direction: ChangeDirection;
  /** A relative change (20%), a difference of rates (2个百分点), a multiple (6倍) or a difference of counts (38件). */
  readonly form: 'percent' | 'points' | 'times' | 'difference';
  /** How a 倍 figure relates the counts: 增长3倍 (`by`) or 是上年的3倍 (`of`). */
  readonly times?: TimesReading | undefined;
  readonly value: number;
  readonly decimals: number;
  readonly exact: boolean;
  /** What it compares with; `implicit` when no comparison word is written (增长20%). */
  readonly against: 'previous' | 'year' | 'sequential' | 'implicit';
  /** The year compared with (较2021年). */
  readonly againstYear?: number | undefined;
  /** Start offset of the number of the count or rate that changed, when the sentence states it (受理128件，同比增长20%). */
  readonly subjectAt?: number | undefined;
  /** The other period's figure, when the sentence states it (上年为90件, 较上年的90件, 由90件增至128件). */
  readonly base?: NumberMention | undefined;
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
}

/** A rate statement: 办结率100%, 整改率99.7%, 占比99.07%. */
export interface RateStatement {
  /** Index in `StatisticsResult.rates`. */
  readonly index: number;
  readonly number: NumberMention;
  /** The rate's name as written (矛盾隐患化解达成率). */
  readonly name: string;
  readonly nameRange: TextRange;
  /** Range of the value with its % sign. */
  readonly range: TextRange;
  /** The stated percentage (99.7 for 99.7%). */
  readonly value: number;
  /** Digits after the decimal point as written. */
  readonly decimals: number;
  readonly exact: boolean;
  /** The concluding verb the rate measures (化解 in 化解达成率), if any. */
  readonly verb?: MetricVerb | undefined;
  /** The object the name mentions (矛盾隐患 → disputes), if any. */
  readonly metric?: MetricObject | undefined;
  /** A share of a whole (占比, 比例, 比重) rather than an outcome rate. */
  readonly share: boolean;
  /** Growth, plan-fulfilment or comparison rates that may exceed 100% (增长率, 完成率). */
  readonly unbounded: boolean;
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
  /** Which figure it is: period, scope and whose figure, as the sentence says. */
  readonly figure: FigureContext;
}

/** Number kinds that are never counts: years, dates, document numbers, phone numbers, ordinals, money. */
const NOT_COUNT_KINDS = new Set(['year', 'date', 'document-number', 'phone', 'ordinal', 'money', 'percent']);

/** Characters that end a clause (a verb never reaches across them). 、 is not one: lists share a verb. */
const CLAUSE_BREAK_CHARS = '，,；;：:。！？!?（）()【】[]\n\r';
/** Clause breaks, CLAUSE_BREAK in the shared table: tested per character, without a string or a regex per character. */
markChars(CLAUSE_BREAK_CHARS, CLAUSE_BREAK);
const OPEN_PAREN_FULL = 0xff08; // （
const CLOSE_PAREN_FULL = 0xff09; // ）

const LIST_GAP = /^[、，,和及与\s]*$/;

/** How far back in a clause scope, comparison and per-capita words are looked for. */
const CLAUSE_WINDOW = 48;


/** Leading words that are not part of an object's name. */
const OBJECT_FILLER_WORDS = ['了', '共计', '共', '总计', '合计', '累计', '全部', '依法', '已', '各类', '各种', '各项', '各', '出', '到', '的', '其中', '包括', '含', '分别为', '分别是', '分别', '均', '有', '等'];
const OBJECT_FILLER_MARKS = '、，,：:';
const OBJECT_FILLER = new RegExp(`^(?:[${OBJECT_FILLER_MARKS}\\s]|${OBJECT_FILLER_WORDS.join('|')})+`);
const OBJECT_TAIL_WORDS = ['的', '等', '共计', '共', '合计', '总计', '累计', '达', '为', '计', '了'];
const OBJECT_TAIL_FILLER = new RegExp(`(?:${OBJECT_TAIL_WORDS.join('|')})+$`);

/** What `\s` and `trim()` take for white space (ECMAScript's WhiteSpace and LineTerminator). */
const WHITE_SPACE = String.fromCharCode(...REGEXP_SPACE_CODES);
/**
 * Pre-checks of `cleanObjectTextOnce`'s expressions, each a character a match must hold: most
 * words before a count hold no quote or space, start with no filler, end in none and name no
 * scope, and a `replace` that is not run makes no string.
 */
const QUOTE_OR_SPACE = unitClass([...'“”"\'‘’《》', ...WHITE_SPACE]);
markWordUnits([...OBJECT_FILLER_MARKS, ...WHITE_SPACE, ...OBJECT_FILLER_WORDS.map((w) => w[0]!)], FILLER_FIRST);
markWordUnits(OBJECT_TAIL_WORDS.map((w) => w[w.length - 1]!), TAIL_FILLER_LAST);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

const VERB_RE = new RegExp(alternation(METRIC_VERBS.map((v) => v.text)), 'g');
const VERB_BY_TEXT: ReadonlyMap<string, MetricVerb> = new Map(METRIC_VERBS.map((v) => [v.text, v]));
const CONCLUDED_VERBS_LONGEST = METRIC_VERBS.filter((v) => v.kind === 'concluded').sort(
  (a, b) => b.text.length - a.text.length,
);
const SCOPE_RE = new RegExp(alternation(SCOPE_WORDS), 'g');
/** The scope words' first units: a text without one has no match of SCOPE_RE. */
const SCOPE_WORD_FIRST = unitClass(SCOPE_WORDS.map((w) => w[0]!));
const NEUTRAL_SCOPE_SET = new Set(NEUTRAL_SCOPES);
const RATE_LINK_TAIL_RE = new RegExp(`(?:${alternation(RATE_LINKS)}|由|\\s)+$`);
const RATE_NAME_RE = new RegExp(`([\\p{Script=Han}A-Za-z0-9“”"'‘’]{0,24}?(?:${alternation(RATE_SUFFIXES)}))$`, 'u');
/** Last units of what the two expressions above match at the end of the words (a word of the list, 由, a space; 率, 比, 例, 重). */
markWordUnits([...RATE_LINKS.map((w) => w[w.length - 1]!), '由', ...WHITE_SPACE], RATE_LINK_LAST);
markWordUnits(RATE_SUFFIXES.map((w) => w[w.length - 1]!), RATE_SUFFIX_LAST);
const UNBOUNDED_RE = new RegExp(alternation(UNBOUNDED_RATE_WORDS));
const SHARE_RE = new RegExp(`(?:${alternation(RATE_SUFFIXES.filter((x) => x !== '率'))})$`);
const ALIASES_LONGEST: readonly { alias: string; metric: MetricObject }[] = METRIC_OBJECTS.flatMap((m) =>
  m.aliases.map((alias) => ({ alias, metric: m })),
).sort((a, b) => b.alias.length - a.alias.length);

const ALIAS_RE = new RegExp(alternation(ALIASES_LONGEST.map((a) => a.alias)), 'g');
const METRIC_BY_ALIAS: ReadonlyMap<string, MetricObject> = new Map(
  [...ALIASES_LONGEST].reverse().map((a) => [a.alias, a.metric]),
);

/**
 * The aliases by their last UTF-16 unit, longest first; an alias of two objects is listed
 * with each, the first (METRIC_BY_ALIAS's) first.
 */
const ALIASES_BY_LAST = new Map<number, { alias: string; metric: MetricObject }[]>();
for (const a of ALIASES_LONGEST) {
  const last = a.alias.charCodeAt(a.alias.length - 1);
  let list = ALIASES_BY_LAST.get(last);
  if (!list) ALIASES_BY_LAST.set(last, (list = []));
  list.push(a);
}

/** The ontology object whose longest alias occurs in `text` (one regex pass). */
export function findMetricObject(text: string): MetricObject | undefined {
  let best: string | undefined;
  ALIAS_RE.lastIndex = 0;
  for (let m = ALIAS_RE.exec(text); m; m = ALIAS_RE.exec(text)) if (!best || m[0].length > best.length) best = m[0];
  return best === undefined ? undefined : METRIC_BY_ALIAS.get(best);
}

/**
 * Qualifiers that make a rate measure something else than concluded / received:
 * 按时办结率 and 办结时限率 are about timeliness, not completion.
 */
const RATE_QUALIFIER_BEFORE_VERB = /(?:按时|及时|按期|限时|当场|当日|即时|一次性|现场|提前|满意)$/;

const RATE_HEAD_OK = new RegExp(
  `(?:${alternation([
    ...METRIC_OBJECTS.flatMap((m) => m.aliases),
    ...SCOPE_WORDS,
    ...RATE_HEAD_WORDS,
  ])})$`,
);

/**
 * The concluding verb a rate is the rate of: the name must end in verb + 率
 * (办结率, 案件办结率, 调解成功率) or verb + 达成率/完成率 (矛盾隐患化解达成率).
 */
export function findRateVerb(name: string): MetricVerb | undefined {
  const stem = /(?:达成|完成)?率$/.exec(name);
  if (!stem) return undefined;
  const head = name.slice(0, stem.index);
  for (let i = 0; i < CONCLUDED_VERBS_LONGEST.length; i++) {
    const v = CONCLUDED_VERBS_LONGEST[i]!;
    if (!head.endsWith(v.text)) continue;
    const before = head.slice(0, head.length - v.text.length).replace(/[“”"']/g, '');
    if (RATE_QUALIFIER_BEFORE_VERB.test(before)) return undefined;
    // 调解结案率 is a share of the concluded cases, not of the received ones: only a rate
    // whose verb follows nothing, an object or a scope is concluded / received.
    if (before && !RATE_HEAD_OK.test(before)) return undefined;
    return v;
  }
  return undefined;
}

/** The unit without 万/亿 multipliers, and its family, or undefined when it is not a count unit. */
function countUnit(n: NumberMention): { readonly unit: string; readonly family: string } | undefined {
  const written = n.unit ?? '';
  // A report writes a handful of units: each is read once per process (null: not a count unit).
  let known = COUNT_UNITS.get(written);
  if (known === undefined) {
    const raw = written.replace(/^[万亿千百]+/, '');
    const family = GROWTH_UNITS.includes(raw) ? undefined : COUNT_UNIT_FAMILIES[raw];
    known = family ? { unit: raw, family } : null;
    if (COUNT_UNITS.size < 1024) COUNT_UNITS.set(written, known);
  }
  return known ?? undefined;
}

/** `countUnit` by the unit as written (bounded: units come from the parser's short list, but stay safe). */
const COUNT_UNITS = new Map<string, { readonly unit: string; readonly family: string } | null>();

/** Half a unit of the last digit of a number as written (211.29万 → 50; 106 → 0). */
export function precisionOf(n: NumberMention): number {
  const multiplier = n.multiplier ?? 1;
  if (n.decimals === 0 && multiplier === 1) return 0;
  return 0.5 * 10 ** -n.decimals * multiplier;
}

/** Markers of a lower bound (余, 多, 以上, 超过…) and of an upper bound (近, 不到, 以内…); 约/左右 are neither. */
const LOWER_BOUND_MARK = /余|多|以上|超过|超|逾/;
const UPPER_BOUND_MARK = /近|不到|以内|以下|不足/;

/** Which bounds an approximate number states: its marker is read once per count. */
const enum Bound {
  Both,
  Lower,
  Upper,
  Neither,
}

/** The bounds a number states: an exact one both, 余/多/以上/超过 a lower, 近/不到/以内 an upper, 约/左右 neither. */
function boundOf(n: NumberMention): Bound {
  if (!n.approximate) return Bound.Both;
  const m = n.approximateMarker ?? '';
  if (LOWER_BOUND_MARK.test(m)) return Bound.Lower;
  if (UPPER_BOUND_MARK.test(m)) return Bound.Upper;
  return Bound.Neither;
}

/** Offset of the clause end after `offset`, looking at most `limit` characters ahead. */
function clauseEndAfter(text: string, offset: number, ceiling: number, limit = 24): number {
  const stop = Math.min(ceiling, offset + limit);
  for (let i = offset; i < stop; i++) if ((STAT_UNIT[text.charCodeAt(i)]! & CLAUSE_BREAK) !== 0) return i;
  return stop;
}

/**
 * Walks a sentence forward once, between numbers, keeping the start of the current
 * clause and the bracket depth, so that every number gets both in linear time
 * (commas inside numerals such as 1,436 are never read as clause breaks).
 */
class ClauseScanner {
  private text = '';
  private pos = 0;
  private clauseStart = 0;
  private depth = 0;
  /** Starts the walk of a sentence at `start` (one scanner serves every sentence: readSentence is never re-entered). */
  reset(text: string, start: number): this {
    this.text = text;
    this.pos = start;
    this.clauseStart = start;
    this.depth = 0;
    return this;
  }
  /** Advances to `offset` and returns the clause start there (`inBracket` tells whether a bracket is open). */
  advance(offset: number): number {
    const text = this.text;
    // The walk in locals, stored back once: on the fields it loaded and stored `pos` at every unit.
    let pos = this.pos;
    let clauseStart = this.clauseStart;
    let depth = this.depth;
    for (; pos < offset; pos++) {
      const c = text.charCodeAt(pos);
      if ((STAT_UNIT[c]! & CLAUSE_BREAK) !== 0) clauseStart = pos + 1;
      if (c === OPEN_PAREN_FULL || c === 0x28) depth++;
      else if ((c === CLOSE_PAREN_FULL || c === 0x29) && depth > 0) depth--;
    }
    this.pos = pos;
    this.clauseStart = clauseStart;
    this.depth = depth;
    return clauseStart;
  }
  /** Whether a bracket is open at the position last advanced to. */
  get inBracket(): boolean {
    return this.depth > 0;
  }
  /** Lets go of the sentence's text (the scanner outlives it). */
  release(): void {
    this.text = '';
  }
  /** Skips a number's own characters. */
  skip(offset: number): void {
    if (offset > this.pos) this.pos = offset;
  }
}

// The words before a count are cleaned twice for most counts (its label, and its object when
// it has no verb): the last result is remembered.
let cleanedFrom: string | undefined;
let cleaned = '';

function cleanObjectText(s: string): string {
  if (s === cleanedFrom) return cleaned;
  const t = cleanObjectTextOnce(s);
  cleanedFrom = s;
  cleaned = t;
  return t;
}

function cleanObjectTextOnce(s: string): string {
  let t = QUOTE_OR_SPACE.test(s) ? s.trim().replace(/[“”"'‘’《》\s]/g, '') : s;
  if (t.length === 0) return t;
  if ((WORD_UNIT[t.charCodeAt(0)]! & FILLER_FIRST) !== 0) t = t.replace(OBJECT_FILLER, '');
  if (t.length > 0 && (WORD_UNIT[t.charCodeAt(t.length - 1)]! & TAIL_FILLER_LAST) !== 0) t = t.replace(OBJECT_TAIL_FILLER, '');
  if (SCOPE_WORD_FIRST.test(t)) {
    SCOPE_RE.lastIndex = 0;
    t = t.replace(SCOPE_RE, '');
  }
  return t.length > 0 && (WORD_UNIT[t.charCodeAt(0)]! & FILLER_FIRST) !== 0 ? t.replace(OBJECT_FILLER, '') : t;
}

/**
 * The ontology object an object phrase is about: its head noun, the end of the
 * phrase, must be an alias (问题线索 is about leads, not 问题).
 */
export function headMetricObject(phrase: string): MetricObject | undefined {
  // The longest alias the phrase ends with, among those ending in its last unit: no slice per alias length.
  // An empty phrase (objectOf's words before a verb may clean to nothing): charCodeAt(-1) is NaN, but
  // reading out of bounds threw this function's optimised code away at the first one.
  if (phrase.length === 0) return undefined;
  const candidates = ALIASES_BY_LAST.get(phrase.charCodeAt(phrase.length - 1));
  if (candidates === undefined) return undefined;
  for (let i = 0; i < candidates.length; i++) if (phrase.endsWith(candidates[i]!.alias)) return candidates[i]!.metric;
  return undefined;
}

/**
 * The objects of cleaned words seen before, in this report or an earlier one (objects are never
 * written: counts of the same words share one); null for words that name none. Only words shorter
 * than 13 units are kept: V8 copies a slice that short, so no key holds on to a report's text
 * (a longer slice points into it). Cleared when full, so it stays small in a long-running server.
 */
const OBJECTS = new Map<string, MentionObject | null>();
const OBJECTS_MAX = 1024;
const OBJECT_KEY_MAX = 12;

function objectFrom(text: string): MentionObject | undefined {
  const t = cleanObjectText(text);
  if (!t) return undefined;
  if (t.length > OBJECT_KEY_MAX) return objectOfCleaned(t);
  const known = OBJECTS.get(t);
  if (known !== undefined) return known ?? undefined;
  const object = objectOfCleaned(t);
  if (OBJECTS.size >= OBJECTS_MAX) OBJECTS.clear();
  OBJECTS.set(t, object ?? null);
  return object;
}

/** `objectFrom` of words already cleaned (not empty): a function of the words alone. */
function objectOfCleaned(cleanedWords: string): MentionObject | undefined {
  let t = cleanedWords;
  let metric = headMetricObject(t);
  if (metric) return { key: metric.id, metric, text: t, inherited: false };
  // 上年结转5件, （上年为90件）, 由90件: period and change words are no object's name
  // (only short words are all such words; a longer phrase names something).
  const bare = t.length <= 8 ? withoutPeriodWords(t) : t;
  if (bare !== t) {
    t = cleanObjectText(bare);
    if (!t) return undefined;
    metric = headMetricObject(t);
    if (metric) return { key: metric.id, metric, text: t, inherited: false };
  }
  // Long free text is a description, not an object name: do not let it block a pairing.
  if (t.length > 16) return undefined;
  return { key: `text:${t}`, text: t, inherited: false };
}


const NO_MENTIONS: readonly StatisticMention[] = [];
const NO_RATES: readonly RateStatement[] = [];

/** The shared (never written) number list of a sentence without numbers. */
const NO_NUMBERS: NumberMention[] = [];

/** Whether numbers are in text order. */
function inTextOrder(list: readonly NumberMention[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.range.start > list[i]!.range.start) return false;
  return true;
}

/**
 * Numbers grouped by sentence once, so that every step is linear in the text:
 * each group in text order; sentences without numbers share one empty list.
 */
export function numbersBySentence(numbers: readonly NumberMention[], sentenceCount: number): NumberMention[][] {
  return groupNumbers(numbers, sentenceCount, undefined);
}

/**
 * `numbersBySentence`, and, in `withNumbers` when given, the indices of the sentences with numbers
 * in ascending order — or nothing when the runs of the list do not come in ascending sentence
 * order (not seen: the parser gives numbers in text order), for the caller to look at every sentence.
 */
function groupNumbers(numbers: readonly NumberMention[], sentenceCount: number, withNumbers: number[] | undefined): NumberMention[][] {
  const out = new Array<NumberMention[]>(sentenceCount).fill(NO_NUMBERS);
  // The parser gives numbers in text order: then every run is, and no run is checked on its own.
  const ordered = inTextOrder(numbers);
  let ascending = true;
  let lastIndex = -1;
  // The parser gives numbers in text order, so a sentence's numbers are one run of the list: a
  // slice per run is an array of the run's length (a list grown by push from [] has room for 17).
  for (let i = 0; i < numbers.length; ) {
    const sentenceIndex = numbers[i]!.sentenceIndex;
    let j = i + 1;
    while (j < numbers.length && numbers[j]!.sentenceIndex === sentenceIndex) j++;
    if (sentenceIndex >= 0 && sentenceIndex < sentenceCount) {
      const list = out[sentenceIndex]!;
      if (list === NO_NUMBERS) {
        // The parser gives numbers in text order; sort only a group that is not (a stable sort: a
        // later run appended below is sorted with the whole group again, in the same order).
        const run = numbers.slice(i, j);
        if (!ordered && !inTextOrder(run)) run.sort(byStart);
        out[sentenceIndex] = run;
      } else for (let k = i; k < j; k++) list.push(numbers[k]!); // a later run of the same sentence
      if (sentenceIndex <= lastIndex) ascending = false;
      lastIndex = sentenceIndex;
      if (withNumbers !== undefined) withNumbers.push(sentenceIndex);
    }
    i = j;
  }
  if (ascending) return out;
  if (withNumbers !== undefined) withNumbers.length = 0;
  for (const list of out) if (list !== NO_NUMBERS && !inTextOrder(list)) list.sort(byStart);
  return out;
}

function byStart(a: NumberMention, b: NumberMention): number {
  return a.range.start - b.range.start;
}

/** What `extractMentions` finds. */
export interface MentionsAndRates {
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  readonly changes: readonly ChangeStatement[];
  /** Mentions of each sentence, by sentence index. */
  readonly bySentence: readonly (readonly StatisticMention[])[];
  /** Rates of each sentence, by sentence index. */
  readonly ratesBySentence: readonly (readonly RateStatement[])[];
  /** Every number of each sentence, sorted (counts, rates and the rest). */
  readonly numbersBySentence: readonly (readonly NumberMention[])[];
}

/**
 * Whether `readSentence` may read a count, rate or change from a sentence with these numbers: false
 * when each is of a kind it skips (a year, a date, money …) or in no count unit, and neither a
 * percentage, a count nor a 倍 figure (the numbers a change or a rate may be).
 */
export function mayStateFigure(numbers: readonly NumberMention[]): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (n.kind === 'percent' || n.kind === 'count' || n.unit === '倍') return true;
    if (!NOT_COUNT_KINDS.has(n.kind) && countUnit(n) !== undefined) return true;
  }
  return false;
}

/** Whether the sentence (or its neighbour) mentions carried-over work. */
export function hasCarryOver(text: string): boolean {
  return CARRY_OVER_RE.test(text);
}

type MutableMention = { -readonly [K in keyof StatisticMention]: StatisticMention[K] };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns the parser's numbers into statistic mentions (counts with their verb,
 * object and scope), rate statements and change statements. Objects, scopes and
 * periods elided in a later clause are carried over from the previous count of the
 * sentence, or from the last count of the previous sentence in the same paragraph.
 */
export function extractMentions(doc: StatisticsInput, reader: SentenceReader = readSentence): MentionsAndRates {
  const text = doc.text;
  // Only the sentences with numbers are read (~3 in 10): their indices, ascending, from the number runs.
  const withNumbers: number[] = [];
  const grouped = groupNumbers(doc.numbers, doc.sentences.length, withNumbers);
  const allSentences = withNumbers.length === 0 && doc.numbers.length > 0;
  const mentions: StatisticMention[] = [];
  const rates: RateStatement[] = [];
  const changes: ChangeStatement[] = [];
  const sentences = doc.sentences;
  // Sized once; most sentences hold no number and keep the shared empty lists (never written).
  const bySentence = new Array<readonly StatisticMention[]>(sentences.length).fill(NO_MENTIONS);
  const ratesBySentence = new Array<readonly RateStatement[]>(sentences.length).fill(NO_RATES);
  // What flows in from the sentence before, while in the same paragraph.
  let context: SentenceContext | undefined;
  let contextParagraph = -1;
  // One place for every sentence, written before each read (a reader reads it during its call only).
  const at: Mutable<SentencePlace> = { sentenceIndex: 0, paragraphIndex: 0, mentionBase: 0, rateBase: 0, changeBase: 0 };

  const visits = allSentences ? sentences.length : withNumbers.length;
  for (let visit = 0; visit < visits; visit++) {
    const sentenceIndex = allSentences ? visit : withNumbers[visit]!;
    const sentence = sentences[sentenceIndex]!;
    // Paragraph indices never decrease from sentence to sentence, so a sentence of the context's
    // paragraph has only sentences of that paragraph between it and the context's.
    if (context !== undefined && contextParagraph !== sentence.paragraphIndex) context = undefined;
    const numbers = grouped[sentenceIndex]!;
    if (numbers.length === 0) continue;
    // A sentence of years, dates and other numbers that state no figure (~1 in 4 with numbers): the
    // whole-document reader would find nothing in it and pass nothing on, so it is not read.
    if (reader === readSentence && !mayStateFigure(numbers)) continue;
    at.sentenceIndex = sentenceIndex;
    at.paragraphIndex = sentence.paragraphIndex;
    at.mentionBase = mentions.length;
    at.rateBase = rates.length;
    at.changeBase = changes.length;
    const read = reader(text, sentence.range, numbers, context, at);
    // Indexed loops, not for…of: until this loop is optimised, for…of makes an iterator and a
    // result object per step (a quarter of a first pass's allocation was iterators and results).
    const readMentions = read.mentions;
    for (let i = 0; i < readMentions.length; i++) mentions.push(readMentions[i]!);
    const readRates = read.rates;
    for (let i = 0; i < readRates.length; i++) rates.push(readRates[i]!);
    const readChanges = read.changes;
    for (let i = 0; i < readChanges.length; i++) changes.push(readChanges[i]!);
    bySentence[sentenceIndex] = read.mentions;
    ratesBySentence[sentenceIndex] = read.rates;
    if (read.outgoing) {
      context = read.outgoing;
      contextParagraph = sentence.paragraphIndex;
    }
  }
  releaseSentenceReader();
  return { mentions, rates, changes, bySentence, ratesBySentence, numbersBySentence: grouped };
}

/**
 * What flows from a sentence into the next one of its paragraph: the object and
 * scope of its last count, and the period, scope and subject in force at its end.
 */
export interface SentenceContext {
  readonly object: MentionObject | undefined;
  readonly scope: string | undefined;
  readonly figure: FigureContext;
}

/**
 * Where a sentence's mentions, rates and changes go in the result: their first indices, sentence and
 * paragraph. Read during the reader's call only (`extractMentions` passes one object, rewritten per sentence).
 */
export interface SentencePlace {
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
  readonly mentionBase: number;
  readonly rateBase: number;
  readonly changeBase: number;
}

/** The counts, rates and changes of one sentence, and what flows into the next sentence. */
export interface SentenceMentions {
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  readonly changes: readonly ChangeStatement[];
  /** What flows into the next sentence of the paragraph; undefined: the sentence had no count (the previous context flows on). */
  readonly outgoing?: SentenceContext | undefined;
}

/**
 * Reads the counts, rates and changes of one sentence (`range` in `text`, its numbers
 * in text order). What it finds depends on the text inside `range`, the numbers and
 * `context` only; `at` only numbers the results.
 */
export type SentenceReader = (
  text: string,
  range: TextRange,
  numbers: readonly NumberMention[],
  context: SentenceContext | undefined,
  at: SentencePlace,
) => SentenceMentions;

/**
 * Numbers above this are not read as figures: no report counts 10^15 of anything,
 * and beyond 2^53 arithmetic on them is not exact (a hostile 400-digit number is Infinity).
 */
export const MAX_FIGURE = 1e15;

/** Whether a number can take part in the statistics (finite, within `MAX_FIGURE`). */
function inRange(n: NumberMention): boolean {
  return Number.isFinite(n.value) && Math.abs(n.value) <= MAX_FIGURE;
}

/** Words that may stand between a changed figure and its change (受理量同比增长, 的数量较上年增加). */
const CHANGE_GAP_FILLER = /数量|件数|案件数|人数|户数|总数|总量|数|量|的|了|共|均|则|也|又|[\s，,、：:（）()]/g;
/** Words between a change and the other period's figure after it (（上年为90件）, ，去年同期受理90件). */
const BASE_AFTER_RE = /^[\s，,（(：:]*(?:(?:上一年度|上年度|上一年|上年|去年)(?:同期)?|同期|[0-9０-９]{4}\s*年(?:度)?(?:同期)?)[\p{Script=Han}]{0,8}$/u;
/** The end of the words before the old figure of 由90件增至128件. */
const FROM_BEFORE_RE = /(?:由|从)(?:(?:上一年度|上年度|上一年|上年|去年)(?:同期)?|[0-9０-９]{4}\s*年(?:度)?)?(?:的)?\s*$/;
/** The end of the words before the new figure of 由90件增至128件. */
const TO_BEFORE_RE = /(?:增长|增加|提高|提升|上升|下降|减少|降低)(?:到|至)\s*$/;

/** The shared empty rate and change lists of a sentence (never written: replaced by a new list before the first push). */
const NO_SENTENCE_RATES: RateStatement[] = [];
const NO_SENTENCE_MENTIONS: StatisticMention[] = [];
const NO_SENTENCE_CHANGES: Mutable<ChangeStatement>[] = [];

/** A verb of a list that 分别为 hands out (受理、办结…分别为50件、45件). */
interface DistributedVerb {
  readonly verb: MetricVerb;
  readonly range: TextRange;
}

/** The shared empty list of handed-out verbs (never written: only a list of two or more is shifted). */
const NO_DISTRIBUTED: DistributedVerb[] = [];

/**
 * The verbs of `head` (the words before 分别为), with ranges from `headStart`. A function of
 * its own: an arrow in the reader's loop capturing the loop's constants would make every
 * number allocate a scope for them.
 */
function listedVerbs(head: string, headStart: number): DistributedVerb[] {
  const out: DistributedVerb[] = [];
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(head); m; m = VERB_RE.exec(head)) {
    out.push({ verb: VERB_BY_TEXT.get(m[0])!, range: { start: headStart + m.index, end: headStart + m.index + m[0].length } });
  }
  return out;
}

/**
 * The `SentenceReader` of the whole-document pass (no cache). The result object and its outgoing
 * context are shared: read them before the next call and before `releaseSentenceReader`; the
 * lists may be kept, the context only as a copy (it may be passed as the next call's context).
 */
export function readSentence(
  text: string,
  range: TextRange,
  numbers: readonly NumberMention[],
  context: SentenceContext | undefined,
  at: SentencePlace,
): SentenceMentions {
  const reading = SHARED_READING.reset(text, range, numbers, context, at);
  const sStart = range.start;
  const scanner = SHARED_SCANNER.reset(text, sStart);
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    const start = n.range.start;
    const clauseStart = scanner.advance(start);
    const bracketed = scanner.inBracket;
    scanner.skip(n.range.end);
    const prefixStart = Math.max(clauseStart, reading.previousEnd);
    reading.previousEnd = Math.max(reading.previousEnd, n.range.end);
    if (!inRange(n)) continue;

    // A change against another period (同比增长20%, 提高2个百分点, 增长6倍, 较上年增加38件).
    const change =
      (n.kind === 'percent' || n.kind === 'count' || n.unit === '倍') && mayFollowChange(text, start, sStart, n.unit === '倍')
        ? changeAt(text, n, clauseStart, sStart)
        : undefined;
    if (change) {
      reading.placeChange(change, k);
      continue;
    }
    if (n.kind === 'percent' && (n.unit === '%' || n.unit === '％' || n.unit === undefined)) {
      reading.readRates(n, clauseStart, prefixStart);
      continue;
    }
    if (n.kind === 'year') {
      reading.lastYear = n.value;
      reading.lastYearClause = clauseStart;
    }
    if (NOT_COUNT_KINDS.has(n.kind)) continue;
    const unit = countUnit(n);
    if (!unit) continue;
    reading.readCount(n, unit, clauseStart, prefixStart, bracketed);
  }
  // The shared reading and scanner keep this sentence's text and results until the caller lets go
  // of them (`releaseSentenceReader`, once per pass, not ~40 stores per sentence read).
  return reading.finish();
}

/** The first of `numbers` (in text order) that starts at or after `end` (a loop, not `find` with a closure per change). */
function firstFrom(numbers: readonly NumberMention[], end: number): NumberMention | undefined {
  for (let i = 0; i < numbers.length; i++) if (numbers[i]!.range.start >= end) return numbers[i];
  return undefined;
}

/**
 * Lets the shared reading and clause scanner go of the last sentence's text, numbers and results:
 * `extractMentions` calls it once after its sentences, the incremental cache after each read.
 */
export function releaseSentenceReader(): void {
  SHARED_READING.release();
  SHARED_SCANNER.release();
  SHARED_RESULT.mentions = NO_HERE;
  SHARED_RESULT.rates = NO_SENTENCE_RATES;
  SHARED_RESULT.changes = NO_SENTENCE_CHANGES;
  SHARED_RESULT.outgoing = undefined;
  SHARED_OUTGOING.object = undefined;
  SHARED_OUTGOING.scope = undefined;
  SHARED_OUTGOING.figure = NO_FIGURE;
}

/**
 * What `readSentence` keeps while it reads one sentence's numbers. A class with the reading's
 * steps as methods, not one function with closures: V8's optimising compiler compiled that
 * function (4.4 KB of bytecode, ~90 registers) as one unit, once or twice per thread and
 * ~55 ms each; each method is now compiled on its own, only when it is hot, and the closures'
 * context and the mutable variables they captured are plain fields of one object.
 */
class SentenceReading {
  text = '';
  numbers: readonly NumberMention[] = NO_NUMBERS;
  context: SentenceContext | undefined = undefined;
  at: SentencePlace = NO_PLACE;
  here: StatisticMention[] = NO_SENTENCE_MENTIONS;
  // Most sentences state no rate and no change: they share the empty lists until their first one,
  // and a list starts as a literal of its first element (one slot; a push onto [] makes room for 17).
  hereRates: RateStatement[] = NO_SENTENCE_RATES;
  hereChanges: Mutable<ChangeStatement>[] = NO_SENTENCE_CHANGES;
  previousEnd = 0;
  previousCountEnd = 0;
  /** End of the last count or rate: the words after it up to a clause start may set the period. */
  previousStatementEnd = 0;
  distributed: DistributedVerb[] = NO_DISTRIBUTED;
  distributedObject = '';
  /** The last year number and the start of its clause (-1: none yet). */
  lastYear = 0;
  lastYearClause = -1;
  inPartList = false;
  lastObject: MentionObject | undefined = undefined;
  inheritedFrom: MentionObject | undefined = undefined;
  inherited: MentionObject | undefined = undefined;
  lastScope: string | undefined = undefined;
  // What the sentence's own words put in force; a count whose object is elided and taken
  // from the sentence before continues that sentence's period, scope and subject too.
  running: FigureContext = NO_FIGURE;
  ownFigure = false;
  counted = false;
  sStart = 0;
  sEnd = 0;

  /**
   * Starts the reading of one sentence. One reading is reused for every sentence (readSentence
   * is never re-entered): every field is set here, so nothing flows from the sentence before
   * but what `context` brings.
   */
  reset(text: string, range: TextRange, numbers: readonly NumberMention[], context: SentenceContext | undefined, at: SentencePlace): this {
    this.text = text;
    this.numbers = numbers;
    this.context = context;
    this.at = at;
    this.here = NO_SENTENCE_MENTIONS;
    this.hereRates = NO_SENTENCE_RATES;
    this.hereChanges = NO_SENTENCE_CHANGES;
    this.previousEnd = range.start;
    this.previousCountEnd = range.start;
    this.previousStatementEnd = range.start;
    this.distributed = NO_DISTRIBUTED;
    this.distributedObject = '';
    this.lastYear = 0;
    this.lastYearClause = -1;
    this.inPartList = false;
    this.lastObject = context?.object;
    this.inheritedFrom = undefined;
    this.inherited = undefined;
    this.lastScope = context?.scope;
    this.running = NO_FIGURE;
    this.ownFigure = false;
    this.counted = false;
    this.sStart = range.start;
    this.sEnd = range.end;
    return this;
  }

  /** Lets go of the sentence's text, numbers and results once they are returned (the reading outlives them). */
  release(): void {
    this.text = '';
    this.numbers = NO_NUMBERS;
    this.context = undefined;
    this.at = NO_PLACE;
    this.here = NO_HERE;
    this.hereRates = NO_SENTENCE_RATES;
    this.hereChanges = NO_SENTENCE_CHANGES;
    this.distributed = NO_DISTRIBUTED;
    this.lastObject = undefined;
    this.inheritedFrom = undefined;
    this.inherited = undefined;
    this.running = NO_FIGURE;
  }

  /**
   * The period, scope and subject of a count or rate: its own clause's words (`own`, the
   * words before it; `ownScope` already read from them), else what is in force.
   */
  figureAt(
    clauseStart: number,
    ownFrom: number,
    ownTo: number,
    ownScope: ScopeMark | undefined,
    verbStart: number | undefined,
    persist: boolean,
    subjectOfWords: boolean,
  ): FigureContext {
    const text = this.text;
    // Clauses since the last statement that hold no number of their own (2021年，…) set what is in force.
    // The words are sliced only when they hold a unit a period or scope word needs (most do not).
    const leadFrom = Math.max(this.previousStatementEnd, clauseStart - CLAUSE_WINDOW);
    if (clauseStart > this.previousStatementEnd) {
      // The table tests in place (mayNamePeriod is one, a call more); words without a period unit name no period.
      const mayPeriod = holdsClass(PERIOD, text, leadFrom, clauseStart);
      if (mayPeriod || holdsClass(SCOPE, text, leadFrom, clauseStart)) {
        const lead = text.slice(leadFrom, clauseStart);
        const p = mayPeriod ? lastPeriodInMarked(lead) : undefined;
        const sc = scopesIn(lead).figure;
        if (p || sc) {
          this.running = withFigure(this.running, p, sc, undefined);
          this.ownFigure = true;
        }
      }
    }
    const ownPeriod = holdsClass(PERIOD, text, ownFrom, ownTo) ? lastPeriodInMarked(text.slice(ownFrom, ownTo)) : undefined;
    let ownSubject: string | undefined;
    if (verbStart !== undefined && verbStart > clauseStart) {
      const words = subjectOf(text.slice(Math.max(clauseStart, verbStart - CLAUSE_WINDOW), verbStart));
      if (words) ownSubject = words;
    } else if (verbStart === undefined && subjectOfWords) {
      // No verb (市城管局上年结转行政复议案件15件): the clause's words, less object and carried-over words.
      const words = subjectOf(text.slice(ownFrom, ownTo));
      if (words) ownSubject = words;
    }
    // Nothing of its own: what is in force, without a new object.
    if (!ownPeriod && !ownScope && ownSubject === undefined) return this.running;
    const figure = figureOf(ownPeriod ?? this.running.period, ownScope ?? this.running.scope, ownSubject ?? this.running.subject);
    if (persist) {
      this.running = figure;
      this.ownFigure = true;
    }
    return figure;
  }

  /** Places the change the `k`th number states, when it binds to a figure of the sentence. */
  placeChange(change: { draft: MutableChangeDraft; baseRange?: TextRange }, k: number): void {
    const c = bindChange(change.draft, change.baseRange, this.text, this.sStart, this.numbers, k, this.here, this.hereRates);
    if (!c) return;
    const placed = c as MutableChangeDraft & Mutable<ChangeStatement>;
    placed.index = this.at.changeBase + this.hereChanges.length;
    placed.sentenceIndex = this.at.sentenceIndex;
    placed.paragraphIndex = this.at.paragraphIndex;
    if (this.hereChanges === NO_SENTENCE_CHANGES) this.hereChanges = [placed];
    else this.hereChanges.push(placed);
  }

  /** The rates a percentage states (行政复议案件办结率为98%). */
  readRates(n: NumberMention, clauseStart: number, prefixStart: number): void {
    const text = this.text;
    const at = this.at;
    // A rate's name, or a link after it (为, 达), ends right before the value: words that end in
    // neither name no rate, and are not sliced (rateStatements would find nothing in them).
    const start = n.range.start;
    if (start <= prefixStart) return;
    const last = text.charCodeAt(start - 1);
    if ((WORD_UNIT[last]! & (RATE_LINK_LAST | RATE_SUFFIX_LAST)) === 0) return;
    const found = rateStatements(n, prefixStart, text.slice(prefixStart, start));
    if (found.length === 0) return;
    // The words before the rate and its name's head (开发区管委会行政复议案件 | 办结率) say
    // whose rate it is and in what scope; its verb and 率 are its measure.
    const first = found[0]!;
    const nameStart = first.nameRange.start;
    const headEnd = first.verb ? nameStart + first.name.lastIndexOf(first.verb.text) : nameStart;
    const ownFrom = Math.max(clauseStart, nameStart - CLAUSE_WINDOW);
    const ownScope = holdsClass(SCOPE, text, ownFrom, headEnd) ? scopesIn(text.slice(ownFrom, headEnd)).figure : undefined;
    const figure = this.figureAt(clauseStart, ownFrom, headEnd, ownScope, first.verb ? headEnd : undefined, false, false);
    for (let i = 0; i < found.length; i++) {
      // rateStatements made each rate in its final shape: it is completed here, not copied.
      const r = found[i]!;
      r.index = at.rateBase + this.hereRates.length;
      r.sentenceIndex = at.sentenceIndex;
      r.paragraphIndex = at.paragraphIndex;
      r.figure = figure;
      if (this.hereRates === NO_SENTENCE_RATES) this.hereRates = [r];
      else this.hereRates.push(r);
    }
    this.previousStatementEnd = n.range.end;
  }

  /** The count a number in a count unit states, unless its words make it a change or a per-capita figure. */
  readCount(n: NumberMention, unit: { readonly unit: string; readonly family: string }, clauseStart: number, prefixStart: number, bracketed: boolean): void {
    const text = this.text;
    const at = this.at;
    const start = n.range.start;
    // Sliced only for counts (most numbers are years, dates and other kinds).
    const prefix = text.slice(prefixStart, start);
    // Clauses are short in prose; the cap keeps unpunctuated text linear.
    const clauseFrom = Math.max(clauseStart, start - CLAUSE_WINDOW);
    // Most counts open their clause's words: the same words as the prefix, not sliced again.
    const clausePrefix = clauseFrom === prefixStart ? prefix : text.slice(clauseFrom, start);
    // Parts (其中企业3322户) and bracketed counts name sub-categories: a later elided
    // object refers back to the whole, not to the last part.
    const betweenFrom = Math.max(this.previousCountEnd, start - 64);
    const words = readCountWords(text, start, prefixStart, prefix, clauseFrom, clausePrefix, betweenFrom);
    // A change against last year or a per-capita figure is not a count of work done.
    if (words.notACount) return;

    let verb: MetricVerb | undefined;
    let verbRange: TextRange | undefined;
    let objectWords: string | undefined;
    if (this.distributed.length > 0 && LIST_GAP.test(text.slice(this.previousCountEnd, start))) {
      // 受理、办结行政复议案件分别为50件、45件: the next verb of the list.
      const next = this.distributed.shift()!;
      verb = next.verb;
      verbRange = next.range;
      objectWords = this.distributedObject;
    } else {
      this.distributed = NO_DISTRIBUTED;
      const d = words.distributiveAt;
      const listed = d >= 0 ? listedVerbs(prefix.slice(0, d), prefixStart) : NO_DISTRIBUTED;
      if (listed.length >= 2) {
        const first = listed.shift()!;
        const lastVerb = listed[listed.length - 1]!;
        this.distributed = listed;
        this.distributedObject = text.slice(lastVerb.range.end, prefixStart + d);
        verb = first.verb;
        verbRange = first.range;
        objectWords = this.distributedObject;
      }
    }
    if (!verb && words.verb) {
      // The last verb of the prefix.
      verb = words.verb;
      verbRange = { start: words.verbAt, end: words.verbAt + words.verbText.length };
    }
    const partList = words.partList;
    const carryOver = words.carryOver;
    const mayScope = words.mayScope;
    // The scan's gates for the carried-over and total words of the clause (`clausePrefix`): where
    // it saw no such word's first units, their expressions are not run.
    const mayMarkCarriedOver = words.mayMarkCarriedOver;
    const mayMarkTotal = words.mayMarkTotal;
    objectWords ??= verbRange ? text.slice(verbRange.end, start) : prefix;
    const object = this.objectOf(n, objectWords, verbRange, clauseStart);
    // One store whichever way (a part list opens, a verb closes it, else it stays): the first count
    // opening a part list, a store never run before, threw the optimised code of this method away
    // after a few reports, and under the CLI's interrupt budget it was not optimised again.
    this.inPartList = partList || (verb === undefined && this.inPartList);

    const scopes = mayScope ? scopesIn(clausePrefix) : NO_SCOPES;
    let scope: string | undefined = scopes.pairing;
    if (scope === undefined && this.lastScope !== undefined && !NEUTRAL_SCOPE_SET.has(this.lastScope)) scope = this.lastScope;

    let negated = false;
    let verbText: string | undefined;
    const bound = boundOf(n);
    if (verb && verbRange) {
      // 不予受理13件 is a refusal; 未办结5件 is pending work.
      const negation = negationBefore(text, Math.max(clauseStart, verbRange.start - 2), verbRange.start);
      negated = negation !== undefined;
      verbText = (negation ?? '') + verb.text;
    }
    const action: MetricActionKind | undefined = verb ? (!negated ? verb.kind : verb.kind === 'concluded' ? 'pending' : undefined) : undefined;
    // 2021年，受理100件。审结95件。: the elided object brings the sentence before's period along.
    const incoming = this.context?.figure;
    if (!this.ownFigure && incoming && object?.inherited && object.key === this.context?.object?.key && this.here.length === 0) {
      this.running = incoming;
    }
    // A count with its own verb, outside brackets and lists, states what is in force for the clauses after it.
    // Without a verb, a carried-over count or a sum (县司法局上年结转行政复议案件5件) is a statement of its own too.
    const carried = !verbRange && mayMarkCarriedOver && marksCarriedOver(clausePrefix);
    // Read once: a count without a verb takes its measure from these two tests too (below).
    const total = !verbRange && !bracketed && !carried ? mayMarkTotal && marksTotal(clausePrefix) : undefined;
    const verblessStatement = !verbRange && !bracketed && (carried || total === true);
    // A bare count of something outside the vocabulary (培训12场) is compared with nothing: it takes what is
    // in force, and the ledger reads its own words only if it is asked for every figure (ownFigure).
    const bare = !verbRange && !object?.metric && !verblessStatement && !carried;
    const figure = bare
      ? this.running
      : this.figureAt(clauseStart, clauseFrom, start, scopes.figure, verbRange?.start, (action !== undefined || verblessStatement) && !bracketed, verblessStatement);
    // Loaded once (three loads before, when the parser's number value was a double field and each
    // load of it in baseline code boxed a new heap number).
    const value = n.value;
    const mention: MutableMention = {
      index: at.mentionBase + this.here.length,
      number: n,
      range: n.range,
      value,
      lower: bound === Bound.Both || bound === Bound.Lower ? value : 0,
      upper: bound === Bound.Both || bound === Bound.Upper ? value : Infinity,
      exact: !n.approximate,
      precision: precisionOf(n),
      unit: unit.unit,
      unitFamily: unit.family,
      label: cleanObjectText(prefix),
      carryOver,
      inPartList: this.inPartList || bracketed,
      sentenceIndex: at.sentenceIndex,
      paragraphIndex: at.paragraphIndex,
      clauseStart,
      // Without a verb (no action): measureOf's carried-over and sum tests, already read above.
      measure: verbRange
        ? measureOf(action, verb, text, clausePrefix, mayMarkCarriedOver, mayMarkTotal, verbRange, clauseStart, figure)
        : carried
          ? 'carried-over'
          : (total ?? (mayMarkTotal && marksTotal(clausePrefix)))
            ? 'total'
            : 'count',
      figure,
      // Every optional field present (undefined when absent), in one order: one object shape
      // for every count, so that the relations and the ledger read them monomorphically.
      action: verb && verbRange ? action : undefined,
      verb: verb && verbRange ? verb : undefined,
      verbRange: verb && verbRange ? verbRange : undefined,
      verbText: verb && verbRange ? verbText : undefined,
      object,
      scope,
      year: this.lastYearClause === clauseStart ? this.lastYear : undefined,
    };
    const frozen: StatisticMention = mention;
    if (this.here === NO_SENTENCE_MENTIONS) this.here = [frozen];
    else this.here.push(frozen);
    if (object && !this.inPartList && !bracketed) this.lastObject = object;
    if (scope !== undefined) this.lastScope = scope;
    this.previousCountEnd = n.range.end;
    // The words of a bare count's clause stay to be read as the lead of the next statement (2021年开展培训12场，受理…).
    if (!bare) this.previousStatementEnd = n.range.end;
    this.counted = true;
  }

  /** What a count counts: the words after its verb, before it, after the number, else the object carried from an earlier count. */
  objectOf(n: NumberMention, objectWords: string, verbRange: TextRange | undefined, clauseStart: number): MentionObject | undefined {
    const text = this.text;
    let object = objectFrom(objectWords);
    if (!object && verbRange) {
      // 市场主体新增28745户: the object may stand before the verb.
      const metric = headMetricObject(cleanObjectText(text.slice(Math.max(clauseStart, verbRange.start - CLAUSE_WINDOW), verbRange.start)));
      if (metric) object = { key: metric.id, metric, text: metric.name, inherited: false };
    }
    if (!object) {
      // 确定37件矛盾隐患: the object may follow the count.
      const after = text.slice(n.range.end, clauseEndAfter(text, n.range.end, this.sEnd));
      const afterObject = after.length <= 16 ? objectFrom(after) : undefined;
      if (afterObject?.metric) object = afterObject;
    }
    if (!object && this.lastObject) {
      // One inherited copy per carried object (an object is never written): a list of elided
      // counts (审结90件，调解30件，…) shares it instead of a spread copy per count.
      if (this.lastObject !== this.inheritedFrom) {
        this.inheritedFrom = this.lastObject;
        this.inherited = this.lastObject.inherited ? this.lastObject : inheritedObject(this.lastObject);
      }
      object = this.inherited;
    }
    return object;
  }

  /** The sentence's counts, rates and changes, with the other period's figure after a change, and what flows on. */
  finish(): SentenceMentions {
    const { text, numbers, here, hereRates, hereChanges, sEnd } = this;
    // 同比增长20%（上年为90件）: the other period's figure after the change.
    for (let i = 0; i < hereChanges.length; i++) {
      const c = hereChanges[i]!;
      if (c.base !== undefined || c.subjectAt === undefined) continue;
      const next = firstFrom(numbers, c.number.range.end);
      if (!next || next.range.start >= sEnd || !inRange(next) || !compatibleBase(c, next, here, hereRates)) continue;
      if (BASE_AFTER_RE.test(text.slice(c.number.range.end, next.range.start))) c.base = next;
    }
    // Written into the one shared result (no object of four fields per sentence read): the
    // caller reads it before it reads the next sentence or lets the reader go.
    const result = SHARED_RESULT;
    result.mentions = here;
    result.rates = hereRates;
    result.changes = hereChanges;
    if (this.counted) {
      // The one shared context, rewritten here only: the sentence's own reading of its incoming
      // context (reset, readCount) is over, and a kept context is a copy (the incremental cache's).
      const outgoing = SHARED_OUTGOING;
      outgoing.object = this.lastObject;
      outgoing.scope = this.lastScope;
      outgoing.figure = this.running;
      result.outgoing = outgoing;
    } else result.outgoing = undefined;
    return result;
  }
}

/**
 * Two throwaway counts made once per thread when the module loads, one with a year and one
 * without, every other field undefined. V8 gives every object literal with these fields in
 * this order one map (the reader's counts and the incremental rebase's alike), and a field
 * holds only the kinds of value stored in it so far: `year` was undefined in every count of
 * the first reports (a year in a count's own clause is rare), so the reader's optimised code
 * stored only undefined and was thrown away at the first count with a year (a "Smi"
 * deoptimisation, then a second compilation of this large function, once per thread).
 * Primed, every field may hold any value before anything is optimised. The key order is
 * checked against a real count by a test (`mentionShapeKeys`).
 */
const PRIMED_MENTIONS: readonly Record<string, unknown>[] = [0, undefined].map((year) => ({
  index: undefined,
  number: undefined,
  range: undefined,
  value: undefined,
  lower: undefined,
  upper: undefined,
  exact: undefined,
  precision: undefined,
  unit: undefined,
  unitFamily: undefined,
  label: undefined,
  carryOver: undefined,
  inPartList: undefined,
  sentenceIndex: undefined,
  paragraphIndex: undefined,
  clauseStart: undefined,
  measure: undefined,
  figure: undefined,
  action: undefined,
  verb: undefined,
  verbRange: undefined,
  verbText: undefined,
  object: undefined,
  scope: undefined,
  year,
}));

/**
 * A throwaway rate made once per thread when the module loads, `value` undefined: a rate's value is
 * mostly a fraction (99.7), which made the field a double one, a mutable box per rate, and every
 * load of it in code V8 has not optimised (the ledger's, the relations') a new heap number. Stored
 * undefined first, the field is tagged (figures.ts's seeded statements say more). The key order is
 * checked against a real rate by a test (`rateShapeKeys`). Made by a call: a bundler drops an unused
 * literal (esbuild left the first version out of the CLI's bundle).
 */
const SEEDED_RATE: Readonly<Record<string, unknown>> = [undefined].map((value) => ({
  index: 0,
  number: undefined,
  name: '',
  nameRange: undefined,
  range: undefined,
  value,
  decimals: 0,
  exact: false,
  share: false,
  unbounded: false,
  sentenceIndex: 0,
  paragraphIndex: 0,
  figure: undefined,
  verb: undefined,
  metric: undefined,
}))[0]!;

/** The fields of the seeded rate, in order (for the test that keeps them in `rateStatements`' order). */
export function rateShapeKeys(): string[] {
  return Object.keys(SEEDED_RATE);
}

/** The fields of the primed counts, in order (for the test that keeps them in the reader's order). */
export function mentionShapeKeys(): string[] {
  return Object.keys(PRIMED_MENTIONS[0]!);
}

/** An elided object taken from an earlier count (written out: a spread copy is several times slower). */
function inheritedObject(o: MentionObject): MentionObject {
  return o.metric !== undefined
    ? { key: o.key, metric: o.metric, text: o.text, inherited: true }
    : { key: o.key, text: o.text, inherited: true };
}

const NO_FIGURE: FigureContext = { subject: '' };

const NO_PLACE: SentencePlace = { sentenceIndex: 0, paragraphIndex: 0, mentionBase: 0, rateBase: 0, changeBase: 0 };
/** The count list of a released reading (never written: reset gives a new list). */
const NO_HERE: StatisticMention[] = [];
/** The one reading `readSentence` reuses for every sentence (no object of ~25 fields per sentence with a number). */
const SHARED_READING = new SentenceReading();
/** The one clause scanner `readSentence` reuses for every sentence. */
const SHARED_SCANNER = new ClauseScanner();
/**
 * The one result `readSentence` returns, rewritten for every sentence: valid until the next
 * `readSentence` or `releaseSentenceReader` (its lists and context are new per sentence and may be kept).
 */
const SHARED_RESULT: Mutable<SentenceMentions> = { mentions: NO_HERE, rates: NO_SENTENCE_RATES, changes: NO_SENTENCE_CHANGES, outgoing: undefined };
/**
 * The one outgoing context `readSentence` returns, rewritten for every sentence that counts: it
 * flows into the next sentence's read only (a caller that keeps a context copies it).
 */
const SHARED_OUTGOING: Mutable<SentenceContext> = { object: undefined, scope: undefined, figure: NO_FIGURE };

function figureOf(period: PeriodMark | undefined, scope: ScopeMark | undefined, subject: string): FigureContext {
  const f: { -readonly [K in keyof FigureContext]: FigureContext[K] } = { subject };
  if (period) f.period = period;
  if (scope) f.scope = scope;
  return f;
}

function withFigure(f: FigureContext, period: PeriodMark | undefined, scope: ScopeMark | undefined, subject: string | undefined): FigureContext {
  return figureOf(period ?? f.period, scope ?? f.scope, subject ?? f.subject);
}

/**
 * What a count measures, from its verb and the words of its clause; `mayMarkCarriedOver` and
 * `mayMarkTotal` are `readCountWords`' gates for those words (false: their expressions find none).
 */
function measureOf(
  action: MetricActionKind | undefined,
  verb: MetricVerb | undefined,
  text: string,
  clausePrefix: string,
  mayMarkCarriedOver: boolean,
  mayMarkTotal: boolean,
  verbRange: TextRange | undefined,
  clauseStart: number,
  figure: FigureContext,
): FigureMeasure {
  // 上年结转5件, 旧存3件, 上年未结5件 (the verb is part of the words).
  if (mayMarkCarriedOver && (action === undefined || action === 'pending' || action === 'received') && marksCarriedOver(clausePrefix)) return 'carried-over';
  switch (action) {
    case 'received':
      // The words right before the verb (sliced only here: most counts are not received ones).
      return verb?.sense === 'new' || /新$/.test(verbRange ? text.slice(Math.max(clauseStart, verbRange.start - 8), verbRange.start) : clausePrefix)
        ? 'new'
        : 'received';
    case 'added':
      return 'new';
    case 'concluded':
      return 'concluded';
    case 'pending':
      // 上年未结5件 is carried-over work.
      return figure.period?.kind === 'previous' && verb?.kind === 'pending' ? 'carried-over' : 'pending';
    case 'removed':
      return 'removed';
    case 'net':
      return 'net';
    default:
      return mayMarkTotal && marksTotal(clausePrefix) ? 'total' : 'count';
  }
}

type ChangeDraft = Omit<ChangeStatement, 'index' | 'sentenceIndex' | 'paragraphIndex'>;
type MutableChangeDraft = { -readonly [K in keyof ChangeDraft]: ChangeDraft[K] };

/** How far back from a change number its verb and comparison words are looked for. */
const CHANGE_WINDOW = 24;

/**
 * The change a number states, if the words right before it are a change verb
 * (增长, 下降了, 提高) or a multiple (是上年的3倍): its form from the unit (% → relative,
 * 个百分点 → points, 倍 → multiple, a count unit → difference) and what it compares with.
 */
function changeAt(
  text: string,
  n: NumberMention,
  clauseStart: number,
  sStart: number,
): { draft: MutableChangeDraft; baseRange?: TextRange } | undefined {
  const unit = n.unit ?? '';
  let form: ChangeDraft['form'];
  if (unit === '%' || unit === '％') form = 'percent';
  else if (unit === '个百分点' || unit === '百分点') form = 'points';
  else if (unit === '倍') form = 'times';
  else if (n.kind === 'count' && countUnit(n)) form = 'difference';
  else return undefined;
  const windowStart = Math.max(clauseStart - 12, n.range.start - CHANGE_WINDOW, sStart);
  const words = text.slice(windowStart, n.range.start);
  // 分别增长20%、30%: a list of changes of a list of figures.
  if (/分别/.test(words)) return undefined;
  const verb = changeVerbBefore(words);
  let times: TimesReading | undefined;
  let verbStart: number;
  let verbText: string;
  let direction: ChangeDirection = 'up';
  if (verb) {
    verbStart = n.range.start - verb.length;
    verbText = verb.text;
    direction = verb.direction;
    if (form === 'times') {
      if (direction === 'down') return undefined; // 下降3倍 has no sure reading
      times = 'by';
    }
  } else if (form === 'times' && timesOfBefore(words)) {
    const m = /(?:增长到|增长至|增加到|增加至|提高到|提高至|提升到|提升至|上升到|上升至|增至|升至|达到|相当于|是|为|达)/.exec(words);
    verbStart = windowStart + (m?.index ?? words.length);
    verbText = m?.[0] ?? '';
    times = 'of';
  } else {
    return undefined;
  }
  // Comparison words anywhere before the verb in the sentence (与上年相比，…增长20%).
  const lead = text.slice(Math.max(sStart, verbStart - 64), verbStart);
  const comparator = lastComparatorIn(lead);
  let against: ChangeDraft['against'] = 'implicit';
  let againstYear: number | undefined;
  if (verbText.startsWith('同比')) {
    against = 'previous';
  } else if (comparator) {
    against = comparator.against;
    if (comparator.year !== undefined) againstYear = comparator.year;
  } else if (times === 'of') {
    // 是上年的3倍, 为2021年的2倍: the period named before 的.
    const p = lastPeriodIn(words);
    if (p?.kind === 'previous') against = 'previous';
    else if (p?.kind === 'year' && p.year !== undefined) {
      against = 'year';
      againstYear = p.year;
    }
  }
  const draft: MutableChangeDraft = {
    number: n,
    range: { start: verbStart, end: n.range.end },
    verb: verbText,
    direction,
    form,
    value: n.value,
    decimals: n.decimals,
    exact: !n.approximate,
    against,
    // Every optional field present (undefined when absent), in one order: every change
    // has one shape, and readSentence, which places them, is not deoptimised by a second.
    times: times || undefined,
    againstYear,
    subjectAt: undefined,
    base: undefined,
  };
  // The comparison's own figure stands between its words and the verb (较上年的90件增长42.2%).
  if (!comparator) return { draft };
  return { draft, baseRange: { start: Math.max(sStart, verbStart - 64) + comparator.end, end: verbStart } };
}

/**
 * Binds a change to the figure it changes — the last count or rate before it in the
 * sentence, with nothing but comparison and filler words between — and to the other
 * period's figure when the sentence states it before the change (较上年的90件, 由90件增至128件).
 */
function bindChange(
  draft: MutableChangeDraft,
  baseRange: TextRange | undefined,
  text: string,
  sStart: number,
  numbers: readonly NumberMention[],
  k: number,
  here: readonly StatisticMention[],
  hereRates: readonly RateStatement[],
): ChangeDraft | undefined {
  const lastCount = here[here.length - 1];
  const lastRate = hereRates[hereRates.length - 1];
  const subject: { range: TextRange; rate: boolean } | undefined =
    lastRate && (!lastCount || lastRate.range.start > lastCount.range.start)
      ? { range: lastRate.range, rate: true }
      : lastCount
        ? { range: lastCount.range, rate: false }
        : undefined;
  let base: NumberMention | undefined;
  if (baseRange) {
    for (let i = k - 1; i >= 0; i--) {
      const x = numbers[i]!;
      if (x.range.end <= baseRange.start) break;
      if (x.range.end <= baseRange.end && inRange(x)) {
        base = x;
        break;
      }
    }
  }
  if (!subject || subject.range.start < sStart) return draft;
  // Only comparison words, the old figure and filler may stand between the figure and its change.
  let gap = text.slice(subject.range.end, draft.range.start);
  if (gap.length > 40) return draft;
  if (base) gap = gap.replace(base.raw, '');
  const comparator = lastComparatorIn(gap);
  if (comparator) gap = gap.slice(0, comparator.index) + gap.slice(comparator.end);
  gap = gap.replace(/上一年度|上年度|上一年|上年|去年|同期|相比|与/g, '').replace(CHANGE_GAP_FILLER, '');
  if (gap !== '') return draft;
  if (subject.rate !== (draft.form === 'points')) return draft;
  // The draft itself, bound (a spread copy would be an object of another shape).
  const bound = draft;
  bound.subjectAt = subject.range.start;
  if (!base && !subject.rate && here.length >= 2) {
    // 由90件增加到128件，增长42.2%: the count after 由/从 is the old figure.
    const to = here[here.length - 1]!;
    const from = here[here.length - 2]!;
    const toWords = text.slice(Math.max(from.range.end, to.range.start - 8), to.range.start);
    const fromWords = text.slice(Math.max(sStart, from.range.start - 12), from.range.start);
    if (TO_BEFORE_RE.test(toWords) && FROM_BEFORE_RE.test(fromWords)) base = from.number;
  }
  if (base) bound.base = base;
  return bound;
}

/** Whether a number after a change can be the other period's figure of its subject (same kind of unit). */
function compatibleBase(
  c: ChangeDraft,
  x: NumberMention,
  here: readonly StatisticMention[],
  hereRates: readonly RateStatement[],
): boolean {
  if (c.form === 'points') return x.kind === 'percent' && (x.unit === '%' || x.unit === '％') && hereRates.some((r) => r.range.start === c.subjectAt);
  const subject = here.find((m) => m.range.start === c.subjectAt);
  const unit = countUnit(x);
  return subject !== undefined && unit !== undefined && unit.family === subject.unitFamily;
}

/** What a rate's name says, a function of the name alone (`rateStatements`' four tests). */
interface RateNameFacts {
  readonly share: boolean;
  readonly unbounded: boolean;
  readonly verb: MetricVerb | undefined;
  readonly metric: MetricObject | undefined;
}

/**
 * The facts of rate names read before, in this report or an earlier one (办结率, 纠错率 recur):
 * the alias and verb searches, two expressions over the name, run once per name. Only names of
 * at most 12 units are kept (V8 copies a slice that short, so no key holds on to a report's
 * text); cleared when full, so it stays small in a long-running server (as `objectFrom`'s map).
 */
const RATE_NAMES = new Map<string, RateNameFacts>();
const RATE_NAMES_MAX = 1024;
const RATE_NAME_KEY_MAX = 12;

function rateNameFacts(name: string): RateNameFacts {
  const known = RATE_NAMES.get(name);
  if (known !== undefined) return known;
  const facts: RateNameFacts = {
    share: SHARE_RE.test(name),
    unbounded: UNBOUNDED_RE.test(name),
    verb: findRateVerb(name),
    metric: findMetricObject(name),
  };
  if (name.length <= RATE_NAME_KEY_MAX) {
    if (RATE_NAMES.size >= RATE_NAMES_MAX) RATE_NAMES.clear();
    RATE_NAMES.set(name, facts);
  }
  return facts;
}

/** What `rateStatements` returns for words that name no rate (never written: replaced by a new list at the first). */
const NO_RATES_FOUND: Mutable<RateStatement>[] = [];
/** 、, 和, 及 and 与: the marks between two rate names of one list. */
const RATE_LIST_MARKS: readonly number[] = [0x3001, 0x548c, 0x53ca, 0x4e0e];

/**
 * Reads the rate names in front of a percentage: the words before the value,
 * once links such as 为/达/均达到 are dropped, must end in 率/占比/比例/比重.
 * 办结率、答复率达100% names two rates, and both get the value, in text order. Each is made in
 * the final shape of a rate, its index, sentence, paragraph and figure left for the reader to set.
 */
function rateStatements(n: NumberMention, prefixStart: number, prefix: string): Mutable<RateStatement>[] {
  // Each expression matches only words ending in one of its last units: most words are not run through them.
  let trimmed = prefix.length > 0 && (WORD_UNIT[prefix.charCodeAt(prefix.length - 1)]! & RATE_LINK_LAST) !== 0 ? prefix.replace(RATE_LINK_TAIL_RE, '') : prefix;
  // Most percentages name one rate: the list starts as a literal of it (a push onto [] makes room for 17).
  let out: Mutable<RateStatement>[] = NO_RATES_FOUND;
  for (;;) {
    if (trimmed.length === 0 || (WORD_UNIT[trimmed.charCodeAt(trimmed.length - 1)]! & RATE_SUFFIX_LAST) === 0) break;
    const m = RATE_NAME_RE.exec(trimmed);
    if (!m) break;
    const name = m[1]!.replace(/^[为达是均]+/, '');
    const facts = rateNameFacts(name);
    const nameEnd = prefixStart + trimmed.length;
    // Field by field in the order of every rate (one object shape); optional fields present, undefined when absent.
    const rate: Mutable<RateStatement> = {
      index: 0,
      number: n,
      name,
      nameRange: { start: nameEnd - name.length, end: nameEnd },
      range: n.range,
      value: n.value,
      decimals: n.decimals,
      exact: !n.approximate,
      share: facts.share,
      unbounded: facts.unbounded,
      sentenceIndex: 0,
      paragraphIndex: 0,
      figure: NO_FIGURE,
      verb: facts.verb,
      metric: facts.metric,
    };
    if (out === NO_RATES_FOUND) out = [rate];
    else out.push(rate);
    // Another name before this one only after a list mark (办结率、满意率分别为…): tested in place, not on a slice.
    const before = trimmed.length - m[1]!.length;
    if (!RATE_LIST_MARKS.includes(trimmed.charCodeAt(before - 1))) break;
    trimmed = trimmed.slice(0, before - 1);
  }
  // Read from the value backwards: the first name read is the last written (pushed, then turned, not
  // unshifted: unshift is a call into the runtime).
  if (out.length > 1) out.reverse();
  return out;
}
