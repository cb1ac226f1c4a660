/**
 * The words before a count that decide how it is read — comparison, per-capita and growth
 * words (not a count of work), 分别为 (a list of verbs handed out), the last verb, a part
 * list (其中, 包括), carried-over words, a scope word, the negation of the verb — read in
 * one scan of the clause. Each word list keeps its regular expression as the exact test;
 * the scan only says which expressions may match (a word's first two characters, or its
 * last ones for a word that must end the words), so most counts run none of them, and the
 * last verb is found without a match array per verb.
 */
import {
  CARRIED_OVER_WORDS,
  CARRY_OVER_MARKERS,
  COMPARISON_MARKERS,
  GROWTH_MARKERS,
  METRIC_VERBS,
  NEGATIONS,
  PER_CAPITA_MARKERS,
  TOTAL_WORDS,
  type MetricVerb,
} from '@fzlint/ontology';
import { WordsByFirstUnit } from '@fzlint/parser';
import { alternation } from './figure-words.js';
import { COUNT_WORD, GROWTH_LAST, GROWTH_LINK, markUnits, markWordUnits, SCOPE, STAT_UNIT, VERB_FIRST, WORD_UNIT } from './unit-class.js';

/** A comparison word in the clause makes a count a difference (较上年增加30件). */
export const COMPARISON_RE = new RegExp(alternation(COMPARISON_MARKERS));
export const PER_CAPITA_RE = new RegExp(alternation(PER_CAPITA_MARKERS));
/** A growth word right before the number makes it a change (办结量增长30件); 净增加 and 新增 are counts. */
export const GROWTH_BEFORE_RE = new RegExp(`(?<![净新])(?:${alternation(GROWTH_MARKERS)})(?:了|达|为)?$`);
export const CARRY_OVER_RE = new RegExp(alternation(CARRY_OVER_MARKERS));
/** 分别为 after a list of verbs hands them out to the counts that follow, in order. */
export const DISTRIBUTIVE_RE = /分别(?:为|是|达到|达)\s*$/;
/** Words that open a list of parts (其中企业3322户) or a bracketed part (（含…）). */
export const PART_LIST_START = /其中|包括|分别为|分别是|[（(，,]含/;
/** The words PART_LIST_START matches, for the scan's triggers. */
const PART_LIST_WORDS = ['其中', '包括', '分别为', '分别是', '（含', '(含', '，含', ',含'];
/** The growth links GROWTH_BEFORE_RE allows after the word (增长了, 增加达). */
const GROWTH_LINKS = '了达为';
markWordUnits(GROWTH_LINKS, GROWTH_LINK);

const VERB_BY_TEXT: ReadonlyMap<string, MetricVerb> = new Map(METRIC_VERBS.map((v) => [v.text, v]));
/** The verbs by their first character, longest first (as the regex alternation tries them). */
const VERBS_BY_FIRST = WordsByFirstUnit.of(new Set(METRIC_VERBS.map((v) => v.text)));
/**
 * VERB_FIRST at the verbs' first units in the shared table: the scan reads it at every unit (under
 * the CLI's flags, without inlining, `VERBS_BY_FIRST.startsWith` there was a call per unit).
 */
markUnits(VERBS_BY_FIRST.firstUnits(), VERB_FIRST);

/** Which word lists a position may start a word of: one bit per list. */
const enum Trigger {
  Comparison = 1,
  PerCapita = 2,
  CarryOver = 4,
  PartList = 8,
  Distributive = 16,
  /** figure-words' `marksCarriedOver` words (上年结转, 旧存). */
  CarriedOver = 32,
  /** figure-words' `marksTotal` words (共计, 合计). */
  Total = 64,
}

/**
 * By character, bits of the lists with a word of one character (较) in the low byte, and bits of
 * the lists with a longer word starting with it in the high byte (one table: each 64 KB table
 * costs its page faults per thread at load); and a small hashed table of first-and-second
 * characters whose false positives only cost a regex test.
 */
const TRIGGERS = new Uint16Array(0x10000);
const PAIR = new Uint8Array(0x1000);
/** Last characters of the growth words. */
markWordUnits(GROWTH_MARKERS.map((w) => w[w.length - 1]!), GROWTH_LAST);
if (GROWTH_MARKERS.some((w) => GROWTH_LINKS.includes(w[w.length - 1]!))) throw new Error('a growth word ends in a link: the growth gate would miss it');

/** The slot of a first-and-second-character pair in PAIR (written out in `readCountWords`' loop: keep the two alike). */
function pairSlot(first: number, second: number): number {
  return (first * 31 + second) & 0xfff;
}

function addTriggers(words: readonly string[], bit: Trigger): void {
  for (const w of words) {
    if (w.length === 0) throw new Error('an empty word matches everywhere: no trigger can gate it');
    const c = w.charCodeAt(0);
    markUnits([c], COUNT_WORD);
    if (w.length === 1) TRIGGERS[c]! |= bit;
    else {
      TRIGGERS[c]! |= bit << 8;
      PAIR[pairSlot(c, w.charCodeAt(1))]! |= bit;
    }
  }
}
addTriggers(COMPARISON_MARKERS, Trigger.Comparison);
addTriggers(PER_CAPITA_MARKERS, Trigger.PerCapita);
addTriggers(CARRY_OVER_MARKERS, Trigger.CarryOver);
addTriggers(PART_LIST_WORDS, Trigger.PartList);
addTriggers(['分别'], Trigger.Distributive);
addTriggers(CARRIED_OVER_WORDS, Trigger.CarriedOver);
addTriggers(TOTAL_WORDS, Trigger.Total);

/** The negations by length, longest first (the negation regex's alternation order). */
const NEGATIONS_LONGEST: readonly string[] = [...new Set(NEGATIONS)].sort((a, b) => b.length - a.length);

/**
 * What `readCount` learns from the words before a count. One object, reused: the reader
 * reads it right after each scan (no object per count).
 */
export class CountWords {
  /** A comparison or per-capita word in the clause, or a growth word right before the number: not a count of work. */
  notACount = false;
  /** Where 分别为 starts in the prefix (DISTRIBUTIVE_RE's index), or -1. */
  distributiveAt = -1;
  /** The last verb of the prefix, and its offset in the text (-1: none). */
  verb: MetricVerb | undefined = undefined;
  verbText = '';
  verbAt = -1;
  /** The words since the last count open a part list (PART_LIST_START). */
  partList = false;
  /** The prefix holds carried-over words (CARRY_OVER_RE). */
  carryOver = false;
  /** The clause holds a character a scope word needs (else `scopesIn` of it finds none). */
  mayScope = false;
  /** The clause may hold a carried-over word (else figure-words' `marksCarriedOver` of it is false). */
  mayMarkCarriedOver = false;
  /** The clause may hold a total word (else figure-words' `marksTotal` of it is false). */
  mayMarkTotal = false;
}

const scratch = new CountWords();

/**
 * Reads the words before a count ending at `end`: `prefix` is text[prefixStart, end) (the
 * words since the clause start or the previous number), `clausePrefix` text[clauseFrom, end)
 * (the clause, at most a window of it), and the words since the last count start at
 * `betweenFrom`. One forward scan over the widest of these; a word list's regex runs only
 * when a position in its range starts one of its words. Returns the shared `CountWords`.
 */
export function readCountWords(
  text: string,
  end: number,
  prefixStart: number,
  prefix: string,
  clauseFrom: number,
  clausePrefix: string,
  betweenFrom: number,
): CountWords {
  const out = scratch;
  const from = Math.min(prefixStart, clauseFrom, betweenFrom);
  // The last position at or after which each list may start a word (-1: none seen).
  let comparisonAt = -1;
  let perCapitaAt = -1;
  let carryOverAt = -1;
  let partListAt = -1;
  let distributiveAt = -1;
  let carriedOverAt = -1;
  let totalAt = -1;
  let scopeAt = -1;
  let verbAt = -1;
  let verbText = '';
  // Where the verb search goes on: after a verb, the next one starts past it (the regex's non-overlapping matches).
  let verbFrom = prefixStart;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    // One load of the shared table per unit; TRIGGERS only at a count word's first unit.
    const cls = STAT_UNIT[c]!;
    if (cls === 0) continue;
    if ((cls & SCOPE) !== 0) scopeAt = i;
    if ((cls & COUNT_WORD) !== 0) {
      const triggers = TRIGGERS[c]!;
      const first = triggers >> 8;
      let bits = triggers & 0xff;
      // pairSlot written out: a call per candidate unit under the CLI's flags.
      if (first !== 0 && i + 1 < end) bits |= first & PAIR[(c * 31 + text.charCodeAt(i + 1)) & 0xfff]!;
      if (bits !== 0) {
        if ((bits & Trigger.Comparison) !== 0) comparisonAt = i;
        if ((bits & Trigger.PerCapita) !== 0) perCapitaAt = i;
        if ((bits & Trigger.CarryOver) !== 0) carryOverAt = i;
        if ((bits & Trigger.PartList) !== 0) partListAt = i;
        if ((bits & Trigger.Distributive) !== 0) distributiveAt = i;
        if ((bits & Trigger.CarriedOver) !== 0) carriedOverAt = i;
        if ((bits & Trigger.Total) !== 0) totalAt = i;
      }
    }
    if (i >= verbFrom && (cls & VERB_FIRST) !== 0) {
      const verb = VERBS_BY_FIRST.at(text, i, end);
      if (verb !== undefined) {
        verbAt = i;
        verbText = verb;
        verbFrom = i + verb.length;
      }
    }
  }
  out.notACount =
    (comparisonAt >= clauseFrom && COMPARISON_RE.test(clausePrefix)) ||
    (perCapitaAt >= clauseFrom && PER_CAPITA_RE.test(clausePrefix)) ||
    (mayEndInGrowth(text, prefixStart, end) && GROWTH_BEFORE_RE.test(prefix));
  out.distributiveAt = distributiveAt >= prefixStart ? (DISTRIBUTIVE_RE.exec(prefix)?.index ?? -1) : -1;
  out.verbAt = verbAt;
  out.verbText = verbText;
  out.verb = verbAt >= 0 ? VERB_BY_TEXT.get(verbText) : undefined;
  out.partList = partListAt >= betweenFrom && PART_LIST_START.test(text.slice(betweenFrom, end));
  out.carryOver = carryOverAt >= prefixStart && CARRY_OVER_RE.test(prefix);
  out.mayScope = scopeAt >= clauseFrom;
  out.mayMarkCarriedOver = carriedOverAt >= clauseFrom;
  out.mayMarkTotal = totalAt >= clauseFrom;
  return out;
}

/** Whether text[from, end) may end in a growth word and its link (增长, 增加了): the last characters only. */
function mayEndInGrowth(text: string, from: number, end: number): boolean {
  if (end <= from) return false;
  const last = text.charCodeAt(end - 1);
  const bits = WORD_UNIT[last]!;
  if ((bits & GROWTH_LAST) !== 0) return true;
  return end - 2 >= from && (bits & GROWTH_LINK) !== 0 && (WORD_UNIT[text.charCodeAt(end - 2)]! & GROWTH_LAST) !== 0;
}

/**
 * The negation right before a verb at `to` (不予受理, 未办结) within text[from, to), as the
 * regex `(?:不予|尚未|…|未|不)$` finds it on that slice: the leftmost negation that ends at
 * `to`, longest first at each start. Read in place: no slice and no match array per verb.
 */
export function negationBefore(text: string, from: number, to: number): string | undefined {
  for (let k = from; k < to; k++) {
    for (let i = 0; i < NEGATIONS_LONGEST.length; i++) {
      const w = NEGATIONS_LONGEST[i]!;
      if (w.length === to - k && text.startsWith(w, k)) return w;
    }
  }
  return undefined;
}
