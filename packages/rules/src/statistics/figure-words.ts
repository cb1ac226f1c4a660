/**
 * The words around a figure that say which figure it is: its period (2021年, 上年,
 * 累计, 截至6月底), its scope (全市, 市本级, 各县区), whose figure it is (市司法局),
 * and the words of a stated change (同比增长20%, 较上年的90件). Read from short
 * windows of text before a number, so each call is bounded.
 */
import {
  CARRIED_OVER_WORDS,
  CHANGE_COMPARATORS,
  CHANGE_VERBS,
  FIGURE_FILLER_WORDS,
  FIGURE_SCOPE_WORDS,
  METRIC_OBJECTS,
  NEGATIONS,
  PERIOD_WORDS,
  SCOPE_WORDS,
  SELF_WORDS,
  TIMES_OF_WORDS,
  TOTAL_WORDS,
  chineseNumeralValue,
  toHalfWidthDigits,
  type ChangeDirection,
  type FigurePeriodKind,
  type FigureScopeKind,
} from '@fzlint/ontology';
import { WordsByFirstUnit } from '@fzlint/parser';
import {
  CHANGE_LINK,
  CHANGE_VERB_LAST,
  holdsClass,
  markChars,
  markUnits,
  markWordUnits,
  PERIOD,
  SCOPE,
  STAT_UNIT,
  TIMES_LAST,
  unitClass,
  WORD_UNIT,
} from './unit-class.js';

/** The period a figure covers, as the text marks it. */
export interface PeriodMark {
  readonly kind: FigurePeriodKind;
  /** The words as written (2021年, 上年同期, 截至6月底). */
  readonly text: string;
  /** The year of a `year` or `since` period (2021 for 2021年, 2019 for 2019年以来). */
  readonly year?: number;
}

/** The scope word in force for a figure (全市, 市本级, 各县区). */
export interface ScopeMark {
  readonly kind: FigureScopeKind;
  readonly text: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of words, longest first (so that 上年结转 wins over 上年). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

const D = '[0-9０-９]';
const CN = '[一二三四五六七八九十两]';
const DASH = '[-—－–~～至到]';
const COMPARATOR_WORDS = CHANGE_COMPARATORS.map((c) => c.text);
/** A comparison with a named year (较2021年, 与2020年同期相比). */
const YEAR_COMPARATOR = `(?:较|比|与)${D}{4}\\s*年(?:度)?(?:同期)?(?:相比)?`;
const PERIOD_WORD_KIND: ReadonlyMap<string, FigurePeriodKind> = new Map(PERIOD_WORDS.map((w) => [w.text, w.kind]));

/**
 * Period expressions, and (first, so they win at the same place) words that contain a
 * period word without marking the figure's period: carried-over work (上年结转) and
 * comparisons (较上年, 同比).
 */
const PERIOD_RE = new RegExp(
  [
    // 1: skip, 2: year range, 3: year, 4: recent years, 5: months, 6: period words (numbered
    // groups: named ones cost an object per match).
    `(${alternation([...CARRIED_OVER_WORDS, ...COMPARATOR_WORDS])}|${YEAR_COMPARATOR})`,
    `(${D}{4}\\s*年?\\s*${DASH}{1,2}\\s*${D}{4}\\s*年(?:度)?)`,
    `((?:自|从)?${D}{4}\\s*年(?:度)?(?:以来|来|年底|底|末|上半年|下半年)?)`,
    `(近(?:${CN}{1,2}|${D}{1,2})(?:个)?年(?:来|以来)?|(?:${CN}{1,2}|${D}{1,2})年(?:以)?来)`,
    `((?:${D}{1,2}|[一二三四五六七八九十]{1,3})(?:\\s*${DASH}\\s*(?:${D}{1,2}|[一二三四五六七八九十]{1,3}))?\\s*月(?:份|底|末)?)`,
    `(${alternation(PERIOD_WORDS.map((w) => w.text))})`,
  ].join('|'),
  'g',
);

/** A character every period expression contains (年, 月, 期, 累计, 历年, 目前, 截至/截止, 以来, 季度, 力争, 预计). */
const PERIOD_CHARS = '年月期累历目截止来季争计';
markChars(PERIOD_CHARS, PERIOD);
// Every period word must hold one of them, or the quick rejection would hide it.
for (const w of PERIOD_WORDS) if (![...w.text].some((c) => PERIOD_CHARS.includes(c))) throw new Error(`period word without a trigger character: ${w.text}`);

function numeralValue(text: string): number | undefined {
  const half = toHalfWidthDigits(text);
  if (/^[0-9]+$/.test(half)) return Number(half);
  return chineseNumeralValue(text);
}

/** An as-of period's words: from the 截至 before it (at `asOfFrom`, when there is one) through the match `t` at `index`. */
function asOfText(text: string, asOfFrom: number, index: number, t: string): string {
  return asOfFrom >= 0 ? text.slice(asOfFrom, index + t.length) : t;
}

/** Whether text[from, to) holds a unit every period expression holds (else `lastPeriodIn` of it is undefined). */
export function mayNamePeriod(text: string, from: number, to: number): boolean {
  return holdsClass(PERIOD, text, from, to);
}

/**
 * The last period expression in `text` (the words before a number), or undefined.
 * 截至 makes the dates after it a stock on a day (截至2022年底 → as-of).
 */
export function lastPeriodIn(text: string): PeriodMark | undefined {
  // Every period expression has one of these characters: most clauses are rejected without the big regex.
  let found = false;
  for (let i = 0; i < text.length; i++) {
    if ((STAT_UNIT[text.charCodeAt(i)]! & PERIOD) !== 0) {
      found = true;
      break;
    }
  }
  return found ? lastPeriodInMarked(text) : undefined;
}

/**
 * `lastPeriodIn` of words already known to hold a `PERIOD` unit (the reader's `figureAt` tests
 * the range in the document text before it slices it): the same result, without scanning again.
 */
export function lastPeriodInMarked(text: string): PeriodMark | undefined {
  // Only the last match (and the last plan word) is returned: the matches are noted, and the mark is
  // made for the one returned only (no mark, year read or test per earlier match).
  let lastGroup = 0;
  let lastText = '';
  let lastIndex = 0;
  let planText: string | undefined;
  let asOfFrom = -1;
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    if (m[1] !== undefined) continue;
    const t = m[0];
    const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : m[4] !== undefined ? 4 : m[5] !== undefined ? 5 : m[6] !== undefined ? 6 : 0;
    if (group === 0) continue;
    lastGroup = group;
    lastText = t;
    lastIndex = m.index;
    if (group === 6) {
      if (t === '截至' || t === '截止') asOfFrom = m.index;
      if (PERIOD_WORD_KIND.get(t) === 'plan') planText = t;
    }
  }
  // 力争全年受理…: a target, whatever period it names.
  if (planText !== undefined) return { kind: 'plan', text: planText };
  // asOfFrom is the last 截至 at or before the last match: a 截至 is a match of its own.
  return lastGroup === 0 ? undefined : periodMark(text, lastGroup, lastText, lastIndex, asOfFrom);
}

/** The mark of a `PERIOD_RE` match `t` at `index` in `text`, of capture group `group` (2–6), after a 截至 at `asOfFrom` (-1: none). */
function periodMark(text: string, group: number, t: string, index: number, asOfFrom: number): PeriodMark {
  if (group === 2) return { kind: 'span', text: t };
  if (group === 3) {
    const year = Number(toHalfWidthDigits(/[0-9０-９]{4}/.exec(t)![0]));
    if (/来$/.test(t)) return { kind: 'since', text: t, year };
    if (asOfFrom >= 0 || /[底末]$/.test(t)) return { kind: 'as-of', text: asOfText(text, asOfFrom, index, t) };
    if (/半年$/.test(t)) return { kind: 'span', text: t };
    return { kind: 'year', text: t, year };
  }
  if (group === 4) {
    const n = /近?([0-9０-９]+|[一二三四五六七八九十两]+)/.exec(t);
    const years = n ? numeralValue(n[1]!) : undefined;
    return { kind: 'recent', text: years !== undefined ? `近${years}年` : t };
  }
  if (group === 5) return asOfFrom >= 0 || /[底末]$/.test(t) ? { kind: 'as-of', text: asOfText(text, asOfFrom, index, t) } : { kind: 'span', text: t };
  const kind = PERIOD_WORD_KIND.get(t) ?? 'span';
  return kind === 'as-of' ? { kind, text: asOfText(text, asOfFrom, index, t) } : { kind, text: t };
}

const PERIOD_WORDS_RE = new RegExp(PERIOD_RE.source, 'g');
/** Words of a change's old and new figures (由90件增加到128件): no object's name. */
const CHANGE_TO_RE = /^(?:由|从)|(?:增长|增加|提高|提升|上升|下降|减少|降低)(?:到|至)$/g;

/** Characters of the words `withoutPeriodWords` drops: period, carried-over, comparison and change words. */
const WITHOUT_PERIOD = unitClass([...PERIOD_CHARS, ...[...CARRIED_OVER_WORDS, ...COMPARATOR_WORDS].map((w) => w[0]!), '由', '从', '到', '至']);

/**
 * The words of an object phrase without period, carried-over, comparison and change
 * words (上年结转 → '', 上年为 → 为): they say which figure, not what is counted.
 */
export function withoutPeriodWords(words: string): string {
  if (!WITHOUT_PERIOD.test(words)) return words;
  return words.replace(PERIOD_WORDS_RE, '').replace(CHANGE_TO_RE, '');
}

const PAIRING_SCOPE: ReadonlySet<string> = new Set(SCOPE_WORDS);
const SCOPE_MARKS: ReadonlyMap<string, ScopeMark> = new Map(FIGURE_SCOPE_WORDS.map((w) => [w.text, { kind: w.kind, text: w.text }]));

/** The scope words found in a text: the ledger's (全市, 各县区 …) and the pairing one (SCOPE_WORDS). */
export interface ScopesFound {
  readonly figure: ScopeMark | undefined;
  readonly pairing: string | undefined;
}
/** No scope word (what `scopesIn` finds in a text without one). */
export const NO_SCOPES: ScopesFound = { figure: undefined, pairing: undefined };

/** Scope words starting with 全, 各 or 我 by their first character, longest first; and the ones ending in 级 (市本级). */
const SCOPE_WORDS_LONGEST = [...new Set([...FIGURE_SCOPE_WORDS.map((x) => x.text), ...SCOPE_WORDS])].sort((a, b) => b.length - a.length);
const startsWithQuanGeWo = (w: string): boolean => {
  const first = w.charCodeAt(0);
  return first === 0x5168 || first === 0x5404 || first === 0x6211;
};
const SCOPE_BY_FIRST = WordsByFirstUnit.of(SCOPE_WORDS_LONGEST.filter(startsWithQuanGeWo));
const SCOPE_ENDING_JI: string[] = SCOPE_WORDS_LONGEST.filter((w) => !startsWithQuanGeWo(w) && w.endsWith('级'));
const JI = 0x7ea7; // 级
/** 全, 各, 我 and 级: the characters `scopesIn` stops at (a text without one names no scope): SCOPE in the shared table. */
markUnits([...SCOPE_BY_FIRST.firstUnits(), JI], SCOPE);

/**
 * The last scope word of each kind in `text`: a scan for 全, 各, 我 (words start with
 * them) and 级 (本级 words end with it) — a few checks per clause instead of a regex of
 * forty words at every position.
 */
export function scopesIn(text: string): ScopesFound {
  let figure: ScopeMark | undefined;
  let pairing: string | undefined;
  let lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((STAT_UNIT[c]! & SCOPE) === 0) continue;
    let word: string | undefined;
    let start = i;
    if (SCOPE_BY_FIRST.startsWith(c)) {
      word = SCOPE_BY_FIRST.at(text, i);
    } else if (c === JI) {
      // A plain loop, not find() with an arrow: an arrow capturing `i` makes every iteration of
      // this per-character loop allocate a context (a quarter of the statistics' garbage).
      for (let k = 0; k < SCOPE_ENDING_JI.length; k++) {
        const w = SCOPE_ENDING_JI[k]!;
        if (i + 1 >= w.length && i + 1 - w.length >= lastEnd && text.startsWith(w, i + 1 - w.length)) {
          word = w;
          break;
        }
      }
      if (word) start = i + 1 - word.length;
    }
    if (word === undefined) continue;
    const mark = SCOPE_MARKS.get(word);
    if (mark) figure = mark;
    if (PAIRING_SCOPE.has(word)) pairing = word;
    lastEnd = start + word.length;
    i = lastEnd - 1;
  }
  if (figure === undefined && pairing === undefined) return NO_SCOPES;
  // One shape whatever was found (both fields, undefined when absent): the first clause with a
  // pairing scope and no figure scope (`{ pairing }`, a literal of its own) threw this function's
  // optimised code away, and under the CLI's interrupt budget it was never optimised again.
  return { figure, pairing };
}

/** The last scope word in `text` (全市, 市本级, 各县区), or undefined. */
export function lastScopeIn(text: string): ScopeMark | undefined {
  return scopesIn(text).figure;
}

const ALIASES = METRIC_OBJECTS.flatMap((o) => o.aliases);
/** What is dropped from the words before a verb to leave whose figure it is. */
const SUBJECT_DROP_RE = new RegExp(
  [
    PERIOD_RE.source,
    alternation([
      ...FIGURE_SCOPE_WORDS.map((w) => w.text),
      ...SCOPE_WORDS,
      ...SELF_WORDS,
      ...FIGURE_FILLER_WORDS,
      ...NEGATIONS,
      ...ALIASES,
      ...TOTAL_WORDS,
      '新',
      '又',
      '再',
      '均',
      '还',
      '另',
      '并',
      '和',
      '及',
      '与',
      '对',
      '向',
    ]),
    String.raw`[\s\p{P}\p{S}0-9０-９]`,
  ].join('|'),
  'gu',
);

/** At most this many characters of the words before a verb name whose figure it is. */
const SUBJECT_MAX = 12;

/**
 * Whose figure a count is, from the words between its clause start and its verb
 * (市司法局受理… → 市司法局): scope, period, filler, negation and object words are
 * dropped; '' when nothing is left (the report's own figure).
 */
export function subjectOf(words: string): string {
  if (words.length === 0) return '';
  // The words before a verb repeat from report to report (全年共, 依法, 累计): remembered, bounded.
  const known = SUBJECTS.get(words);
  if (known !== undefined) return known;
  const rest = words.replace(SUBJECT_DROP_RE, '');
  const subject = rest.length > SUBJECT_MAX ? rest.slice(rest.length - SUBJECT_MAX) : rest;
  if (words.length <= 24) {
    if (SUBJECTS.size >= SUBJECTS_MAX) SUBJECTS.clear();
    SUBJECTS.set(words, subject);
  }
  return subject;
}

/** Subjects already read, by the words they were read from (short words only; emptied when full). */
const SUBJECTS = new Map<string, string>();
const SUBJECTS_MAX = 4096;

const CARRIED_OVER_RE = new RegExp(alternation(CARRIED_OVER_WORDS));
/** The last characters of the carried-over words (结转, 未结, 遗留, 旧存). */
const CARRIED_OVER_LAST = unitClass(CARRIED_OVER_WORDS.map((w) => w[w.length - 1]!));
/** Whether the words before a count mark it as carried-over work (上年结转5件, 旧存3件). */
export function marksCarriedOver(words: string): boolean {
  return CARRIED_OVER_LAST.test(words) && CARRIED_OVER_RE.test(words);
}

const TOTAL_RE = new RegExp(alternation(TOTAL_WORDS));
/** The first characters of the total words (共计, 合计). */
const TOTAL_FIRST = unitClass(TOTAL_WORDS.map((w) => w[0]!));
/** Whether the words before a count mark it as a sum (共计, 合计). */
export function marksTotal(words: string): boolean {
  return TOTAL_FIRST.test(words) && TOTAL_RE.test(words);
}

const CHANGE_DIRECTION: ReadonlyMap<string, ChangeDirection> = new Map(CHANGE_VERBS.map((v) => [v.text, v.direction]));
/** A change verb right before a number (增长20%, 下降了3个百分点, 增幅为12%, 增加约30件); 净增加 and 新增加 are counts. */
const CHANGE_TAIL_RE = new RegExp(`(?<![净新])(${alternation(CHANGE_VERBS.map((v) => v.text))})(?:了|达到|达|为|约|近|超过)?\\s*$`);
/** A 倍 figure that is a multiple of the old count (是上年的3倍, 增长到3倍, 为去年的2.5倍). */
const TIMES_OF_RE = new RegExp(`(?:${alternation(TIMES_OF_WORDS)})(?:[^，,；;。]{0,12}的)?\\s*$`);
const COMPARATOR_RE = new RegExp(`(${alternation(COMPARATOR_WORDS)})|(?:较|比|与)(${D}{4})\\s*年(?:度)?(?:同期)?(?:相比)?`, 'g');
const AGAINST: ReadonlyMap<string, 'previous' | 'sequential'> = new Map(CHANGE_COMPARATORS.map((c) => [c.text, c.against]));

/** The change verb right before a number, with its direction, or undefined. */
export function changeVerbBefore(words: string): { readonly text: string; readonly direction: ChangeDirection; readonly length: number } | undefined {
  // The words must end in a change verb, or a change verb and its link (增长|了|达|为 …).
  if (!mayFollowChange(words, words.length, 0, false)) return undefined;
  const m = CHANGE_TAIL_RE.exec(words);
  if (!m) return undefined;
  return { text: m[1]!, direction: CHANGE_DIRECTION.get(m[1]!)!, length: m[0].length };
}

/** Characters the words before a 倍 figure end with (是上年的3倍, 增至3倍). */
const TIMES_LAST_CHARS: ReadonlySet<string> = new Set([...TIMES_OF_WORDS.map((w) => w[w.length - 1]!), '的']);

/**
 * Whether the character before `offset` (spaces skipped) can end a change verb: a quick
 * rejection before the words are sliced (most numbers follow 受理, 办结 …).
 */
export function mayFollowChange(text: string, offset: number, floor: number, times: boolean): boolean {
  let i = offset - 1;
  while (i >= floor && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x3000)) i--;
  if (i < floor) return false;
  const c = text.charCodeAt(i);
  const bits = WORD_UNIT[c]!;
  if (times && (bits & TIMES_LAST) !== 0) return true;
  if ((bits & CHANGE_VERB_LAST) !== 0) return true;
  // 增长了20%, 增幅为12%, 增加约30件, 下降超过3个百分点: a link, then the verb.
  if ((bits & CHANGE_LINK) === 0) return false;
  if (i - 1 < floor) return false;
  const before = WORD_UNIT[text.charCodeAt(i - 1)]!;
  return (before & CHANGE_VERB_LAST) !== 0 || ((before & CHANGE_LINK) !== 0 && i - 2 >= floor && (WORD_UNIT[text.charCodeAt(i - 2)]! & CHANGE_VERB_LAST) !== 0);
}
/** Last characters of the change verbs (增长, 下降 …), and of the links that may follow them (了, 达到, 为, 约, 超过). */
markWordUnits(CHANGE_VERBS.map((v) => v.text[v.text.length - 1]!), CHANGE_VERB_LAST);
markWordUnits(['了', '到', '达', '为', '约', '近', '过', '超'], CHANGE_LINK);
markWordUnits(TIMES_LAST_CHARS, TIMES_LAST);

/** Whether the words before a 倍 figure make it a multiple of the old count (是上年的3倍). */
export function timesOfBefore(words: string): boolean {
  return TIMES_OF_RE.test(words);
}

/** What a change is measured against: the previous year, a named year, or the previous month/quarter. */
export interface Comparator {
  readonly against: 'previous' | 'year' | 'sequential';
  readonly text: string;
  /** Start of the comparison words in the text searched. */
  readonly index: number;
  readonly end: number;
  readonly year?: number;
}

/** The last comparison words (同比, 较上年, 较2021年, 环比) in `words`, or undefined. */
export function lastComparatorIn(words: string): Comparator | undefined {
  let last: Comparator | undefined;
  COMPARATOR_RE.lastIndex = 0;
  for (let m = COMPARATOR_RE.exec(words); m; m = COMPARATOR_RE.exec(words)) {
    const end = m.index + m[0].length;
    if (m[1] !== undefined) last = { against: AGAINST.get(m[1]) ?? 'previous', text: m[0], index: m.index, end };
    else last = { against: 'year', text: m[0], index: m.index, end, year: Number(toHalfWidthDigits(m[2]!)) };
  }
  return last;
}
