/**
 * Headings: the enumerations that open them (一、（一）1.（1）), where their
 * titles end, their levels, and which blocks of the body hold them.
 */
import {
  bodyOpening,
  bodySubjectOpening,
  chineseNumeralValue,
  conceptOfHeading,
  headingEndWords,
  numberingSchemes,
  type ConceptId,
} from '@fzlint/ontology';
import type { Heading, HeadingNumbering, HeadingOrigin, NumberingKind, ReportTitle, TextRange } from './model.js';
import { fold, ISSUER_END, isSpace, REGEXP_SPACE_CODES, type Fold } from './text.js';
import type { Block } from './block.js';

/** A heading before levels are assigned. */
export interface RawHeading {
  readonly start: number;
  readonly end: number;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly numbering?: HeadingNumbering;
  readonly origin: HeadingOrigin;
  readonly markdownDepth?: number;
  /** What ended the title of an enumerated heading. */
  readonly endedBy?: 'sentence' | 'space' | 'line' | 'numbering' | 'body';
}

const KIND_RANK: Readonly<Record<NumberingKind, number>> = { chinese: 1, 'paren-chinese': 2, arabic: 3, 'paren-arabic': 4 };

/** Longest title of a heading, in UTF-16 units: longer text is a numbered paragraph, not a heading. */
export const MAX_TITLE: Readonly<Record<NumberingKind, number>> = { chinese: 64, 'paren-chinese': 50, arabic: 40, 'paren-arabic': 40 };
/**
 * Longest lead-in of a run-in heading (`（一）加强领导。正文……`): a title that runs to
 * a full stop further than this is the first sentence of a numbered paragraph.
 */
export const RUN_IN_TITLE: Readonly<Record<NumberingKind, number>> = { chinese: 30, 'paren-chinese': 40, arabic: 20, 'paren-arabic': 20 };
const HAN = /\p{Script=Han}/u;
/** The units trimmed off a title's end (what /[\s:：,，、*_]+$/u matched): white space, colons, commas, 、 and emphasis. */
const TRAILING_UNITS = new Uint8Array(0x10000);
for (const c of REGEXP_SPACE_CODES) TRAILING_UNITS[c] = 1;
for (const ch of ':：,，、*_') TRAILING_UNITS[ch.charCodeAt(0)] = 1;

/**
 * Tries every numbering scheme at `pos`; returns the numbering found. Each pattern is tried by
 * `test` (sticky: the match ends at `lastIndex`), and the match's pieces are read from the text:
 * no match array and no capture strings are made, only the numbering and, for a Chinese
 * numeral, its text.
 */
export function matchNumbering(text: string, pos: number): HeadingNumbering | undefined {
  for (let k = 0; k < numberingSchemes.length; k++) {
    const scheme = numberingSchemes[k]!;
    const re = scheme.pattern;
    re.lastIndex = pos;
    if (!re.test(text)) continue;
    const end = re.lastIndex;
    const kind = scheme.kind as NumberingKind;
    const paren = kind === 'paren-chinese' || kind === 'paren-arabic';
    const han = kind === 'chinese' || kind === 'paren-chinese';
    // The numeral: after the open paren and its optional white space, or at `pos`.
    let ns = pos;
    if (paren) {
      ns++;
      if (isRegexSpace(text.charCodeAt(ns))) ns++;
    }
    let ne = ns + 1;
    while (ne < end && (han ? isNumberingHan(text.charCodeAt(ne)) : isAnyDigit(text.charCodeAt(ne)))) ne++;
    let value: number | undefined;
    if (han) value = chineseNumeralValue(text.slice(ns, ne));
    else {
      // One or two digits, half or full width.
      value = 0;
      for (let i = ns; i < ne; i++) {
        const d = text.charCodeAt(i);
        value = value * 10 + (d >= 0xff10 ? d - 0xff10 : d - 48);
      }
    }
    if (value === undefined || !Number.isFinite(value) || value < 1) continue;
    const open = text.charCodeAt(pos);
    const last = text.charCodeAt(end - 1);
    // 、 is the standard separator after 一 and counts as full width.
    const full = paren ? open === 0xff08 && last === 0xff09 : last === 0x3001 || last === 0xff0e;
    return {
      kind,
      value,
      raw: text.slice(pos, end),
      range: { start: pos, end },
      width: full ? 'full' : 'half',
    };
  }
  return undefined;
}

/** Whether `c` is a unit the numbering patterns' `\s` matches (ECMAScript white space and line terminators). */
function isRegexSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether `c` is one of 一二三四五六七八九十, the numerals of the Chinese numbering patterns. */
function isNumberingHan(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

function isAnyDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * The end of a numbering's numeral from `start`: at most three Han units (`han`) or two digits;
 * -1 when there is none, or when the Arabic one is of zeros only.
 */
function numeralEnd(text: string, start: number, han: boolean): number {
  const max = Math.min(text.length, start + (han ? 3 : 2));
  let i = start;
  let nonzero = false;
  while (i < max) {
    const d = text.charCodeAt(i);
    if (han ? !isNumberingHan(d) : !isAnyDigit(d)) break;
    if (!han && d !== 48 && d !== 0xff10) nonzero = true;
    i++;
  }
  return i === start || (!han && !nonzero) ? -1 : i;
}

/**
 * Where the numbering {@link matchNumbering} finds at `pos` ends, or -1 where it finds none, read
 * unit by unit: no match array, numeral string or numbering object is made, for the callers that
 * need only a yes or no or the numbering's length. The same patterns, read the same way: every
 * Chinese numeral of one to three of 一…十 has a value of at least 1; an Arabic one of zeros only
 * (0. / （00）) has none, and no other scheme starts with the same unit.
 */
export function numberingEnd(text: string, pos: number): number {
  const n = text.length;
  if (pos >= n) return -1;
  const c = text.charCodeAt(pos);
  if (c === 0x28 || c === 0xff08) {
    // （一） / (1): open, an optional white space, the numeral, an optional white space, close.
    let i = pos + 1;
    if (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    i = numeralEnd(text, i, i < n && isNumberingHan(text.charCodeAt(i)));
    if (i < 0) return -1;
    if (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    const close = i < n ? text.charCodeAt(i) : -1;
    return close === 0x29 || close === 0xff09 ? i + 1 : -1;
  }
  const han = isNumberingHan(c);
  if (!han && !isAnyDigit(c)) return -1;
  // 一、 / 1.: the numeral, then its separator.
  const i = numeralEnd(text, pos, han);
  if (i < 0 || i >= n) return -1;
  const sep = text.charCodeAt(i);
  const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
  if (sep === 0xff0e || sep === 0x2e) return isAnyDigit(next) ? -1 : i + 1;
  if (sep !== 0x3001) return -1;
  if (han) return i + 1;
  // 1、 but not 1、2、: an Arabic 、 may not be followed by one or two digits and another 、.
  if (isAnyDigit(next)) {
    const k = i + 2 < n && isAnyDigit(text.charCodeAt(i + 2)) ? i + 3 : i + 2;
    if (k < n && text.charCodeAt(k) === 0x3001) return -1;
  }
  return i + 1;
}

/** Body item markers that open a line or a body: 一是 … 十是, 首先, 其次. */
const ITEM_MARKER = /^(?:[一二三四五六七八九十]{1,2}是|首先|其次|再次|最后)/u;

/** Whether `s` (a line or a block's text) opens with a body item marker (一是, 首先). */
export function startsWithItemMarker(s: string): boolean {
  return ITEM_MARKER.test(s);
}

/** Whether `s` is nothing but a numbering or an item marker (`二、`, `（四）`, `一是`): it belongs to the text after it. */
export function isBareEnumerator(s: string): boolean {
  if (s.length > 12) return false;
  const t = s.trim();
  if (t.length === 0 || t.length > 6) return false;
  if (numberingEnd(t, 0) === t.length) return true;
  return /^(?:[一二三四五六七八九十]{1,2}是|首先|其次|第[一二三四五六七八九十]{1,2}[，,]?)$/u.test(t);
}

const LONGEST_END_WORD = headingEndWords.reduce((n, w) => Math.max(n, w.length), 0);
/** Per unit: 1 when it ends an end word of two or more units, 2 when it is a unit after the first of one (both may be set). */
const END_WORD_UNITS = new Uint8Array(0x10000);
/** End words of two or more units by their last unit: a test at a position needs no slice. */
const END_WORDS_BY_LAST = new Map<number, string[]>();
for (const w of headingEndWords) {
  if (w.length < 2) continue;
  const last = w.charCodeAt(w.length - 1);
  const list = END_WORDS_BY_LAST.get(last);
  if (list) list.push(w);
  else END_WORDS_BY_LAST.set(last, [w]);
  END_WORD_UNITS[last] = END_WORD_UNITS[last]! | 1;
  for (let i = 1; i < w.length; i++) END_WORD_UNITS[w.charCodeAt(i)] = END_WORD_UNITS[w.charCodeAt(i)]! | 2;
}
/**
 * Every end word of two or more units cut in two after each of its units but the last (`工作计划`:
 * 工|作计划, 工作|计划, 工作计|划), by the first unit of the second part: the cuts a word may span a
 * title's end and the text after it at, tested without a string made.
 */
const END_WORD_CUTS_BY_TAIL_FIRST = new Map<number, { readonly head: string; readonly tail: string }[]>();
for (const w of headingEndWords) {
  for (let k = 1; k < w.length; k++) {
    const cut = { head: w.slice(0, k), tail: w.slice(k) };
    const list = END_WORD_CUTS_BY_TAIL_FIRST.get(w.charCodeAt(k));
    if (list) list.push(cut);
    else END_WORD_CUTS_BY_TAIL_FIRST.set(w.charCodeAt(k), [cut]);
  }
}

/**
 * Whether `title` ends with one of the ontology's heading end words, and no
 * longer end word runs on into `after` (`工作` before `计划…` is inside `工作计划`).
 */
export function endsWithHeadingWord(title: string, after: string): boolean {
  // No end word ends with the title's last unit: none of the words below can match.
  if (title.length < 2 || (END_WORD_UNITS[title.charCodeAt(title.length - 1)]! & 1) === 0) return false;
  // The end words of two or more units ending with that unit, compared in place (a slice of the
  // title per length tried was a new string each).
  const candidates = END_WORDS_BY_LAST.get(title.charCodeAt(title.length - 1));
  let found = false;
  for (let k = 0; candidates !== undefined && k < candidates.length; k++) {
    if (title.endsWith(candidates[k]!)) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  // A word that starts inside the title and ends inside `after` spans the boundary: it needs
  // `after` to begin with a unit that is not the first of some end word.
  if (after.length === 0 || (END_WORD_UNITS[after.charCodeAt(0)]! & 2) === 0) return true;
  // Each end word cut where `after` may begin it, compared in place (a slice and a joined string per
  // pair of lengths tried were this function's garbage).
  const cuts = END_WORD_CUTS_BY_TAIL_FIRST.get(after.charCodeAt(0));
  for (let k = 0; cuts !== undefined && k < cuts.length; k++) {
    const cut = cuts[k]!;
    if (title.endsWith(cut.head) && after.startsWith(cut.tail)) return false;
  }
  return true;
}

/**
 * The units a body opening can start with: digits, the numerals 〇零一…十, and 今本年全去近多下明来新首我
 * (the first characters of the ontology's bodyOpening alternatives; a test checks them against it).
 */
const BODY_FIRST_CODES = new Uint8Array(0x10000);
for (const ch of '0123456789〇零一二三四五六七八九十今本年全去近多下明来新首我') BODY_FIRST_CODES[ch.charCodeAt(0)] = 1;

/** Whether a body opening can start with this unit (a necessary condition, tested before the pattern). */
export function mayOpenBody(c: number): boolean {
  return BODY_FIRST_CODES[c] === 1;
}

/**
 * Whether a body opening (a year with its comma, 一是, 我局…) starts at `pos`, reading
 * no further than `end` (a block's end: what follows it must not decide).
 */
export function bodyOpensAt(text: string, pos: number, end = text.length): boolean {
  // Cheap pre-check on the first character of every opening (before any copy below is made).
  if (!mayOpenBody(text.charCodeAt(pos))) return false;
  // An opening and its look-ahead are shorter than this: near the end, test a bounded copy.
  // (A few characters before it stay in the copy: 统|一是 is no opening.)
  if (end < text.length && end - pos < 48) {
    const from = Math.max(0, pos - 4);
    return bodyOpensAt(text.slice(from, end), pos - from);
  }
  bodyOpening.lastIndex = pos;
  return bodyOpening.test(text);
}

/** A line feed or carriage return: a line ends at \n, \r\n or a lone \r. */
function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

/** True after Markdown emphasis markers opening a line (`**（一）加强领导。**`). */
function afterLeadingEmphasis(text: string, pos: number, blockStart: number): boolean {
  let i = pos;
  while (i > blockStart && pos - i < 3 && (text.charCodeAt(i - 1) === 42 || text.charCodeAt(i - 1) === 95)) i--;
  return i < pos && (i === blockStart || isLineEnd(text.charCodeAt(i - 1)));
}

/** The lead-in of a report's parts: `现将……报告如下：` (the parts may follow the colon directly). */
const LEAD_IN = /如下\s*[：:]\s*$/u;

/** A heading numbering must not be the start of a number such as 1.5 or a list inside a sentence. */
function canStartHeading(text: string, pos: number, blockStart: number, lineStart: boolean): boolean {
  if (pos === blockStart || lineStart) return true;
  const prev = text.charCodeAt(pos - 1);
  if (isSpace(prev)) return true;
  // After ；a numbering continues a list inside the sentence (包括：1.……；2.……).
  return prev === 0x3002 || prev === 0xff01 || prev === 0xff1f || prev === 0x21 || prev === 0x3f;
}

/**
 * Units a heading numbering can start with (the union of the schemes' first characters, from the
 * ontology beside their patterns): matchNumbering finds nothing at any other unit.
 */
const NUMBERING_FIRST_CODES = new Uint8Array(0x10000);
for (const scheme of numberingSchemes) for (const ch of scheme.firstChars) NUMBERING_FIRST_CODES[ch.charCodeAt(0)] = 1;

/** Characters after which a heading may start (the gate below): whitespace, 。！？!?：: and emphasis markers. */
const GATE_CODES = new Uint8Array(0x10000);
for (const ch of ' \t\n\r\u3000\u00a0\ufeff\u2002\u2003*_\u3002\uff01\uff1f!?\uff1a:') GATE_CODES[ch.charCodeAt(0)] = 1;

/**
 * Finds enumerated headings inside text[start, end) (a line, a paragraph, or a
 * whole report run together on one line). Candidates start at the start, a line
 * start, after whitespace or after a sentence end, and 一、 also right after the
 * colon of a lead-in (`总结如下：一、`); 一是/二是 never match (no separator).
 * `lineStart` says whether `start` opens a line of the text.
 */
export function findHeadingsInBlock(text: string, start: number, end: number, origin: 'line' | 'inline' = 'line'): RawHeading[] {
  const found: RawHeading[] = [];
  let pos = start;
  let afterHeading = -1;
  while (pos < end) {
    if (pos !== start && pos !== afterHeading) {
      // Jump to the next unit that follows a possible gate and can start a numbering: most units are
      // neither. (A loop over the two tables, bounded by the block: no match array, no scan past `end`;
      // each unit read once, its gate flag kept for the next. Not a regular expression of the two
      // classes: that ran fewer instructions but a larger share of parse()'s CPU samples;
      // docs/performance-journal.md, "Afternoon of 2026-12-07".)
      let gate = GATE_CODES[text.charCodeAt(pos - 1)]!;
      for (; pos < end; pos++) {
        const c = text.charCodeAt(pos);
        if (gate !== 0 && NUMBERING_FIRST_CODES[c] !== 0) break;
        gate = GATE_CODES[c]!;
      }
      if (pos >= end) break;
    } else if (NUMBERING_FIRST_CODES[text.charCodeAt(pos)] === 0) {
      // At the block start or right after a heading only the numbering's first unit is asked for.
      pos++;
      continue;
    }
    // Here pos is the block start, right after a heading, or after a gate (GATE_CODES: whitespace, a
    // sentence end, a colon, emphasis markers), as the jump above ensures.
    const prev = pos > start ? text.charCodeAt(pos - 1) : -1;
    const colon = prev === 0xff1a || prev === 0x3a;
    const lineStart = pos === start || isLineEnd(prev) || afterLeadingEmphasis(text, pos, start);
    if (pos === afterHeading || canStartHeading(text, pos, start, lineStart) || colon) {
      let numbering = matchNumbering(text, pos);
      // Inside a line, 1. and (1) start a heading after whitespace; after 。 they are usually list
      // items, unless a short run-in lead-in follows (…工作方案。3.清理规范部门行政职权。认真…).
      const runInOnly = numbering !== undefined && !lineStart && pos !== afterHeading && (numbering.kind === 'arabic' || numbering.kind === 'paren-arabic') && !isSpace(text.charCodeAt(pos - 1));
      // After a colon only the report's parts (一、) open a heading, and only after a lead-in (如下：):
      // `主要表现在：一、…；二、…` is a list inside the sentence.
      if (numbering && colon && pos !== afterHeading && !(numbering.kind === 'chinese' && LEAD_IN.test(text.slice(Math.max(start, pos - 8), pos)))) numbering = undefined;
      if (numbering && numbering.range.end < end) {
        let h = headingAt(text, pos, end, numbering, lineStart, !lineStart ? 'inline' : pos === start ? origin : 'line');
        if (h && runInOnly && !(h.endedBy === 'sentence' && SENTENCE_MARK.test(text[h.titleEnd] ?? '') && h.titleEnd - h.titleStart <= RUN_IN_TITLE[numbering.kind] && !/[，,、]/u.test(text.slice(h.titleStart, h.titleEnd)))) h = undefined;
        if (h) {
          found.push(h);
          pos = h.end;
          // A sub-heading may follow a title directly (二、存在的问题（一）基层力量薄弱).
          if (h.endedBy === 'numbering') afterHeading = pos;
          continue;
        }
      }
    }
    pos++;
  }
  return found;
}

/** A full stop ending a run-in lead-in (not a colon: 1.建立机制：… is a list's item). */
const SENTENCE_MARK = /[。！？!?]/u;

/** Marks inside a sentence: a title never ends with one. */
const CLAUSE_BEFORE = /[，,、；;：:]/u;

/** A deeper numbering at `i` right after a title ends it: 二、存在的问题（一）…, （一）…建设1. 压实…. */
function deeperNumberingAt(text: string, i: number, kind: NumberingKind): boolean {
  const code = text.charCodeAt(i);
  const paren = code === 0x28 || code === 0xff08;
  const digit = (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
  if (!paren && !digit) return false;
  // A digit glued to a word is a number (第1批, 共3.5万), unless it is an item's numbering followed by a space.
  const inner = matchNumbering(text, i);
  if (!inner || KIND_RANK[inner.kind] <= KIND_RANK[kind]) return false;
  if (digit) {
    const prev = text.charCodeAt(i - 1);
    if ((prev >= 48 && prev <= 57) || prev === 0x7b2c /* 第 */) return false;
    const after = text.charCodeAt(inner.range.end);
    return isSpace(after) || HAN.test(text[inner.range.end] ?? '');
  }
  return true;
}

function headingAt(text: string, pos: number, blockEnd: number, numbering: HeadingNumbering, lineStart: boolean, origin: 'line' | 'inline'): RawHeading | undefined {
  let titleStart = numbering.range.end;
  while (titleStart < blockEnd && (text.charCodeAt(titleStart) === 32 || text.charCodeAt(titleStart) === 0x3000)) titleStart++;
  const max = MAX_TITLE[numbering.kind];
  // The line end is found by the title's loop itself (its whitespace branch: a line break ends the
  // title there, endedBy 'line'), not by a first pass over the same units; the loop reads no further
  // than the longest possible title (and the block), so a whole report on one line is not rescanned per heading.
  // The per-unit tests of this function and its loop below are written inline (isLineEnd,
  // mayOpenBody, isSpace): under the CLI's V8 flags each helper is a call per unit of a title.
  // Title ends at a sentence end, at a whitespace gap (run-together reports
  // separate headings from text with spaces), where a body opens, or at the end of the line.
  let i = titleStart;
  let endedBy: RawHeading['endedBy'] = 'line';
  for (; i < blockEnd && i - titleStart <= max + 1; i++) {
    const code = text.charCodeAt(i);
    // A colon also ends a run-in heading: （一）依法履行政府职能，科学开展民主决策：我镇坚持……
    if (code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0x21 || code === 0x3f || code === 0x3b || code === 0xff1a || code === 0x3a) {
      endedBy = 'sentence';
      break;
    }
    // A deeper numbering right after the title ends it: 二、存在的问题（一）基层力量薄弱.
    // (deeperNumberingAt's own first test in place: most units are neither a bracket nor a digit.)
    if (i > titleStart && (code === 0x28 || code === 0xff08 || (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) && deeperNumberingAt(text, i, numbering.kind)) {
      endedBy = 'numbering';
      break;
    }
    // A body opening ends a title run into its body: 一、总体情况2022年，我局……; …职责一是加强…
    // (not after a comma: …专项整治，根据上级统一部署，我局于… is one sentence of a numbered paragraph).
    // (The first character is tested first: the clause test makes a one-character string.)
    if (i - titleStart >= 2 && BODY_FIRST_CODES[code] === 1 && !CLAUSE_BEFORE.test(text[i - 1] ?? '') && bodyOpensAt(text, i, blockEnd)) {
      endedBy = 'body';
      break;
    }
    // Closing emphasis (**) ends a bold run-in heading.
    if ((code === 42 || code === 95) && text.charCodeAt(i + 1) === code) {
      endedBy = 'sentence';
      break;
    }
    if (code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 10 || code === 13 || code === 0xfeff || code === 0x2002 || code === 0x2003) {
      // (isSpace.) Whitespace right before the end of the line is trailing, not a gap.
      let j = i;
      while (j < blockEnd && !isLineEnd(text.charCodeAt(j)) && isSpace(text.charCodeAt(j))) j++;
      if (j >= blockEnd || isLineEnd(text.charCodeAt(j))) {
        i = j;
        break;
      }
      endedBy = 'space';
      break;
    }
  }
  const wholeLine = endedBy === 'line' && lineStart;
  // A title that runs on into its body with nothing but words between (…夯实法治工作基础区行政审批局党组高度重视…):
  // it ends after a heading end word followed by the body's subject.
  const item = numbering.kind === 'arabic' || numbering.kind === 'paren-arabic';
  const longer = i - titleStart > RUN_IN_TITLE[numbering.kind];
  // Also a whole line that is an item's first words rather than a heading (2.大力提升…素养铁桥镇认真贯彻…).
  if ((!wholeLine && (i - titleStart > max || (endedBy === 'sentence' && longer && /[，,]/u.test(text.slice(titleStart, i))))) || (wholeLine && item && longer)) {
    const cut = subjectAfterEndWord(text, titleStart, Math.min(i, titleStart + max), blockEnd);
    if (cut >= 0) {
      i = cut;
      endedBy = 'body';
    }
  }
  if (i - titleStart > max) return undefined;
  // Trimmed by a backward read of its last units, then sliced once (a regular expression anchored at the
  // end is tried from every unit of the title, and its replace made a second string).
  let titleEnd = i;
  while (titleEnd > titleStart && TRAILING_UNITS[text.charCodeAt(titleEnd - 1)] === 1) titleEnd--;
  const trimmed = text.slice(titleStart, titleEnd);
  if (trimmed.length < 2 || !HAN.test(trimmed)) return undefined;
  if (!wholeLine && endedBy === 'sentence' && numbering.kind !== 'chinese') {
    // A run-in heading (（一）加强领导。正文……) is short; a long first sentence is a numbered paragraph.
    if (trimmed.length > 40) return undefined;
    // 1. and (1) items are list entries unless their lead-in is a short phrase (1. 压实工作责任。).
    if ((numbering.kind === 'arabic' || numbering.kind === 'paren-arabic') && (trimmed.length > 20 || /[,，、]/.test(trimmed))) return undefined;
  }
  if (endedBy === 'space' && !lineStart && trimmed.length > max) return undefined;
  return { start: pos, end: titleEnd, titleStart, titleEnd, numbering, origin, endedBy };
}

/**
 * The first place in text[from, to) right after a heading end word where the
 * body's subject or an opening phrase follows (`基础|区行政审批局党组高度重视`,
 * `存在的主要问题|在全市……背景下，`), or -1.
 */
function subjectAfterEndWord(text: string, from: number, to: number, end: number): number {
  for (let p = from + 2; p < to; p++) {
    // endsWithHeadingWord's own first test (an end word ends at p), made in place before the two
    // slices it would be given: most positions fail it.
    // (Bit 1 of END_WORD_UNITS: the unit ends some end word, i.e. the map has it; a table load
    // is cheaper than the map's look-up at every unit.)
    const last = text.charCodeAt(p - 1);
    if ((END_WORD_UNITS[last]! & 1) === 0) continue;
    const candidates = END_WORDS_BY_LAST.get(last);
    if (candidates === undefined) continue;
    let endsHere = false;
    for (let k = 0; k < candidates.length; k++) {
      const w = candidates[k]!;
      if (w.length <= p - from && text.startsWith(w, p - w.length)) {
        endsHere = true;
        break;
      }
    }
    if (!endsHere) continue;
    // The body's subject first (read no further than the block's end): it almost never follows (no
    // place of the 1,000 corpus reports), and its sticky expression fails in a few units, where the
    // rest of the end word's test below made two slices and a call at each of a report's 22 places.
    const window = text.slice(p, Math.min(end, p + 48));
    bodySubjectOpening.lastIndex = 0;
    if (!bodySubjectOpening.test(window)) continue;
    // The rest of endsWithHeadingWord, in place too: it holds unless a longer end word may run on past p.
    const mayRunOn = p < end && (END_WORD_UNITS[text.charCodeAt(p)]! & 2) !== 0;
    if (mayRunOn && !endsWithHeadingWord(text.slice(Math.max(from, p - LONGEST_END_WORD), p), text.slice(p, Math.min(end, p + LONGEST_END_WORD)))) continue;
    return p;
  }
  return -1;
}

const YEAR_IN_HEADING = /((?:19|20)\d{2})\s*年/;

/** Concept per heading title: titles repeat across documents and re-parses, and matching runs many patterns. */
const conceptCache = new Map<string, ConceptId | null>();
function conceptOf(title: string): ConceptId | undefined {
  let c = conceptCache.get(title);
  if (c === undefined) {
    // Bounded: a language server runs for days.
    if (conceptCache.size > 20_000) conceptCache.clear();
    c = conceptOfHeading(title) ?? null;
    conceptCache.set(title, c);
  }
  return c ?? undefined;
}

/** Year named in a heading title (2022年工作打算), read through soft line breaks (`202`/`2`/`年工作思路`). */
export function headingYear(text: string, titleStart: number, titleEnd: number, folded?: Fold): { year: number; range: TextRange } | undefined {
  const f = folded ?? fold(text, titleStart, titleEnd);
  // The pattern needs a 年: most titles have none, and a failed search costs more than indexOf.
  if (f.text.indexOf('年') < 0) return undefined;
  const m = YEAR_IN_HEADING.exec(f.text);
  if (!m) return undefined;
  return { year: Number(m[1]), range: { start: f.start(m.index), end: f.end(m.index + 4) } };
}

/**
 * The headings of one block, with offsets into the text. A block whose lines
 * were joined (a web copy broken mid-sentence) is read with its soft line
 * breaks removed, so `一、` / `202` / `1` / `年…情况` is one heading.
 */
export function blockHeadings(text: string, block: Block): RawHeading[] {
  const origin = block.inline ? 'inline' : 'line';
  // A block is read no further than its end, so nothing found in it depends on the blocks around it.
  if (!block.soft) return findHeadingsInBlock(text, block.start, block.end, origin);
  const f = fold(text, block.start, block.end);
  const found = findHeadingsInBlock(f.text, 0, f.text.length, origin);
  return found.length === 0 ? found : found.map((h) => unfoldHeading(text, f, h));
}

function unfoldHeading(text: string, f: Fold, h: RawHeading): RawHeading {
  const start = f.start(h.start);
  const titleStart = f.start(h.titleStart);
  const titleEnd = Math.max(titleStart, f.end(h.titleEnd));
  const end = Math.max(start, f.end(h.end));
  const n = h.numbering;
  const numbering: HeadingNumbering | undefined = n
    ? { ...n, raw: text.slice(f.start(n.range.start), f.end(n.range.end)), range: { start: f.start(n.range.start), end: f.end(n.range.end) } }
    : undefined;
  return {
    start,
    end,
    titleStart,
    titleEnd,
    ...(numbering ? { numbering } : {}),
    origin: h.origin,
    ...(h.markdownDepth !== undefined ? { markdownDepth: h.markdownDepth } : {}),
    ...(h.endedBy ? { endedBy: h.endedBy } : {}),
  };
}

/** The stack entries of Markdown depths' levels, one a level (read-only, shared by `assignLevels`' calls). */
const MD_ENTRIES: { readonly kind: 'md'; readonly rank: number; readonly level: number }[] = [];

function mdEntry(level: number): { readonly kind: 'md'; readonly rank: number; readonly level: number } {
  let e = MD_ENTRIES[level];
  if (e === undefined) {
    e = { kind: 'md', rank: level, level };
    if (level >= 0 && level < 64) MD_ENTRIES[level] = e;
  }
  return e;
}

/**
 * The stack entries of numbered headings, one a numbering kind and level (read-only, shared alike), at
 * rank × 64 + level: an entry made per numbered heading lived only as long as `assignLevels`' call.
 */
const NUMBERED_ENTRIES: { readonly kind: NumberingKind; readonly rank: number; readonly level: number }[] = [];

function numberedEntry(kind: NumberingKind, level: number): { readonly kind: NumberingKind; readonly rank: number; readonly level: number } {
  const rank = KIND_RANK[kind];
  let e = NUMBERED_ENTRIES[rank * 64 + level];
  if (e === undefined) {
    e = { kind, rank, level };
    if (level >= 0 && level < 64) NUMBERED_ENTRIES[rank * 64 + level] = e;
  }
  return e;
}

/**
 * Assigns levels: a Markdown heading without numbering uses its `#` depth
 * (relative to the shallowest section heading); numbered headings nest by the
 * order their numbering kinds appear (一、 then 1. makes 1. level 2 when no
 * （一） is used), never deeper than one below the enclosing heading.
 */
export function assignLevels(text: string, raws: readonly RawHeading[]): Heading[] {
  let minDepth = Infinity;
  for (let i = 0; i < raws.length; i++) {
    const depth = raws[i]!.markdownDepth;
    if (depth !== undefined) minDepth = Math.min(minDepth, depth);
  }
  const levels = new LevelAssigner(text, minDepth);
  // Made at its length: a list grown push by push re-allocates a large one several times (fresh pages each).
  const out: Heading[] = new Array<Heading>(raws.length);
  for (let i = 0; i < raws.length; i++) out[i] = levels.next(raws[i]!);
  return out;
}

/**
 * `assignLevels` one heading at a time, in document order, once the shallowest Markdown depth of all
 * the headings is known: a heading is made as soon as its raw form is, and the raw form need not be
 * kept until every other one has been read.
 */
class LevelAssigner {
  // In Markdown that mixes numbered and unnumbered headings, a depth keeps the level its numbered headings have.
  private readonly depthLevel = new Map<number, number>();
  private readonly stack: { readonly kind: NumberingKind | 'md'; readonly rank: number; readonly level: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly minDepth: number,
  ) {}

  next(r: RawHeading): Heading {
    const { text, stack, depthLevel, minDepth } = this;
    let level: number;
    if (r.numbering) {
      const rank = KIND_RANK[r.numbering.kind];
      while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? 0) >= rank) stack.pop();
      level = stack.length + 1;
      stack.push(numberedEntry(r.numbering.kind, level));
      if (r.markdownDepth !== undefined && !depthLevel.has(r.markdownDepth)) depthLevel.set(r.markdownDepth, level);
    } else if (r.markdownDepth !== undefined) {
      level = depthLevel.get(r.markdownDepth) ?? r.markdownDepth - (Number.isFinite(minDepth) ? minDepth : 1) + 1;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      // An entry of a depth's level is the same at every heading (never changed): one a level, shared.
      stack.push(mdEntry(level));
    } else {
      // Unnumbered heading-like line: a sibling of the deepest open numbered heading below level 1.
      const top = stack[stack.length - 1];
      level = top && top.level > 1 ? top.level : 2;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
    }
    // One fold of the title for its concept and its year; an empty title (`#`) has no year and the
    // empty title's concept, without a fold.
    if (r.titleEnd === r.titleStart) return headingOf(r, text.slice(r.start, r.end), '', level, conceptOf(''), undefined);
    const folded = fold(text, r.titleStart, r.titleEnd);
    const concept = conceptOf(folded.text);
    return headingOf(r, text.slice(r.start, r.end), text.slice(r.titleStart, r.titleEnd), level, concept, headingYear(text, r.titleStart, r.titleEnd, folded));
  }
}

/**
 * A heading at its raw form's place, with what was read of it: one shape for the headings
 * `assignLevels` makes and those a re-parse carries over from the previous document.
 */
export function headingOf(
  r: RawHeading,
  text: string,
  title: string,
  level: number,
  concept: ConceptId | undefined,
  year: { readonly year: number; readonly range: TextRange } | undefined,
): Heading {
  const range = { start: r.start, end: r.end };
  // Ranges are read-only: a title that is the whole heading (no numbering) shares its range.
  const titleRange = r.titleStart === r.start && r.titleEnd === r.end ? range : { start: r.titleStart, end: r.titleEnd };
  const { markdownDepth, numbering, origin } = r;
  // A literal per set of the fields before `origin`, the later ones assigned: the keys in the
  // order a spread of each optional field gave, without a temporary object per field.
  const h: Mutable<Heading> =
    markdownDepth !== undefined
      ? numbering
        ? { text, range, title, titleRange, level, markdownDepth, numbering, origin }
        : { text, range, title, titleRange, level, markdownDepth, origin }
      : numbering
        ? { text, range, title, titleRange, level, numbering, origin }
        : { text, range, title, titleRange, level, origin };
  if (concept) h.concept = concept;
  if (year) {
    h.year = year.year;
    h.yearRange = year.range;
  }
  return h;
}

const HEADING_TRAILER = /[\s。：:，,；;]/;

/** The heading of a Markdown heading block; its range starts after the `#` markers, so fixes never touch them. */
export function markdownHeadingRaw(text: string, b: Block): RawHeading {
  const cs = b.contentStart ?? b.start;
  let ce = b.contentEnd ?? b.end;
  // A run-in heading keeps its full stop (### （一）加强领导。); the title does not.
  while (ce > cs && HEADING_TRAILER.test(text[ce - 1] ?? '')) ce--;
  const numbering = matchNumbering(text, cs);
  let ts = numbering ? numbering.range.end : cs;
  while (ts < ce && isSpace(text.charCodeAt(ts))) ts++;
  // A literal per set of the optional fields, not spreads of them: the keys in the order the spreads
  // gave, without a temporary object per field and a property store added to the heading (one raw
  // heading a Markdown heading, kept until the levels are assigned).
  const markdownDepth = b.depth;
  if (markdownDepth !== undefined) {
    return numbering
      ? { start: cs, end: ce, titleStart: ts, titleEnd: ce, origin: 'markdown', markdownDepth, numbering }
      : { start: cs, end: ce, titleStart: ts, titleEnd: ce, origin: 'markdown', markdownDepth };
  }
  return numbering ? { start: cs, end: ce, titleStart: ts, titleEnd: ce, origin: 'markdown', numbering } : { start: cs, end: ce, titleStart: ts, titleEnd: ce, origin: 'markdown' };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What `collectHeadings` needs of a body block. */
export interface HeadingBlock {
  readonly block: Block;
  /** Its enumerated headings (a Markdown heading block's own heading is made from the block here). */
  readonly raws: readonly RawHeading[];
}


/**
 * The headings of the body's blocks in order, including conservative
 * unnumbered ones; and the indexes of the first and last title blocks (-1:
 * none; a title a web copy broke over two lines spans two). A report run
 * together with its title on one line (e024: 报告2023年,…。一、坚持党的领导…)
 * keeps the headings after the title.
 */
export function collectHeadings(text: string, body: readonly HeadingBlock[], title: ReportTitle | undefined): { raws: RawHeading[]; titleBlock: number; titleLast: number } {
  const { list, titleBlock, titleLast } = collectInto(text, body, title, undefined);
  return { raws: list as RawHeading[], titleBlock, titleLast };
}

/**
 * `collectHeadings` and `assignLevels` in one pass: the headings with their levels, each made as its
 * raw form is read (the shallowest Markdown depth read from the blocks first). The raw form of a
 * Markdown heading block is made here and dropped at once, not kept in a list of all of them until
 * the levels are assigned (a document of `#` lines kept one a line, promoted by every scavenge).
 * The same headings as `assignLevels(text, collectHeadings(text, body, title).raws)`.
 */
export function collectLeveledHeadings(text: string, body: readonly HeadingBlock[], title: ReportTitle | undefined): { headings: Heading[]; titleBlock: number; titleLast: number } {
  // The Markdown heading blocks `collectInto` keeps: those of the body, and of a title block only
  // when they start after the title (a raw Markdown heading starts at the block's content).
  let minDepth = Infinity;
  for (let i = 0; i < body.length; i++) {
    const b = (body[i] as HeadingBlock).block;
    if (b.kind !== 'heading' || b.depth === undefined || b.depth >= minDepth) continue;
    if (title && b.start < title.range.end && title.range.start < b.end && (b.contentStart ?? b.start) < title.range.end) continue;
    minDepth = b.depth;
  }
  const { list, titleBlock, titleLast } = collectInto(text, body, title, new LevelAssigner(text, minDepth));
  return { headings: list as Heading[], titleBlock, titleLast };
}

/** The raw headings of `collectHeadings`, or with `levels` the headings made of them in turn. */
function collectInto(text: string, body: readonly HeadingBlock[], title: ReportTitle | undefined, levels: LevelAssigner | undefined): { list: (RawHeading | Heading)[]; titleBlock: number; titleLast: number } {
  // Made at its largest length (a block gives its own headings or at most one unnumbered one) and cut
  // to what it holds: a large list grown push by push is re-allocated several times.
  let bound = 0;
  for (let i = 0; i < body.length; i++) bound += Math.max(1, (body[i] as HeadingBlock).raws.length);
  const out: (RawHeading | Heading)[] = new Array<RawHeading | Heading>(bound);
  let n = 0;
  let titleBlock = -1;
  let titleLast = -1;
  let seenTop = false;
  let numberedSubSinceTop = false;
  const note = (h: RawHeading): void => {
    out[n++] = levels ? levels.next(h) : h;
    if (h.numbering?.kind === 'chinese') {
      seenTop = true;
      numberedSubSinceTop = false;
    } else if (h.numbering) numberedSubSinceTop = true;
  };
  for (let i = 0; i < body.length; i++) {
    const info = body[i] as HeadingBlock;
    const b = info.block;
    // A title broken over two lines spans two blocks: each is title, not body.
    if (title && b.start < title.range.end && title.range.start < b.end) {
      if (titleBlock < 0) titleBlock = i;
      titleLast = i;
      if (b.kind === 'heading') {
        const h = markdownHeadingRaw(text, b);
        if (h.start >= title.range.end) note(h);
      } else for (let k = 0; k < info.raws.length; k++) if (info.raws[k]!.start >= title.range.end) note(info.raws[k]!);
      continue;
    }
    if (b.kind === 'heading') {
      const h = markdownHeadingRaw(text, b);
      out[n++] = levels ? levels.next(h) : h;
      seenTop = true;
      continue;
    }
    if (info.raws.length > 0) {
      for (let k = 0; k < info.raws.length; k++) note(info.raws[k]!);
      continue;
    }
    if (seenTop && numberedSubSinceTop && isUnnumberedHeading(text, b, body[i - 1]?.block, body[i + 1]?.block)) {
      const h: RawHeading = { start: b.start, end: b.end, titleStart: b.start, titleEnd: b.end, origin: 'unnumbered' };
      out[n++] = levels ? levels.next(h) : h;
    }
  }
  out.length = n;
  return { list: out, titleBlock, titleLast };
}

/**
 * A short line with no punctuation standing between prose paragraphs, after
 * numbered sub-headings, reads as a heading that lost its number (003_…).
 * Signatures (中共洪洞县委) and dates are excluded.
 */
function isUnnumberedHeading(text: string, b: Block, prev: Block | undefined, next: Block | undefined): boolean {
  // Read through soft line breaks: a heading broken after its comma is one heading.
  const line = b.soft ? fold(text, b.start, b.end).text : text.slice(b.start, b.end);
  const len = line.length;
  if (len < 6 || len > 30) return false;
  if (/[。！？；：:!?;\n]/.test(line) || !/\p{Script=Han}/u.test(line)) return false;
  if (/\s{2,}/.test(line) || ISSUER_END.test(line) || /\d{4}\s*年\s*\d{1,2}\s*月/.test(line)) return false;
  if (!prev || !next || next.kind !== 'paragraph' || prev.kind !== 'paragraph') return false;
  const nextLen = next.end - next.start;
  const prevLen = prev.end - prev.start;
  if (nextLen < 2 * len || nextLen < 40 || prevLen < 40) return false;
  return /。/.test(text.slice(next.start, Math.min(next.end, next.start + 400)));
}
