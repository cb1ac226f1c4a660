/**
 * The parser's number and reference reading against the reading it replaced (numbers.ts and
 * references.ts at 6d44cc9, kept below word for word as the oracle, less the document
 * numbers, which did not change): the regexes that read a number's tail, the slices of the
 * words after it and the string of the character before it, and the regexes that found
 * 《…》 titles and “…” names, gave the same numbers and references as the scans by
 * character code that replaced them, on generated text and on every report of the corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  approximationPrefixes,
  chineseNumeralValue,
  hotlineNumbers,
  numberUnits,
  toHalfWidthDigits,
  unitKind,
} from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import type { NumberKind, NumberMention, QuotedReference, TextRange } from '../src/model.js';
import { extractDocumentNumbers, extractNumbers } from '../src/numbers.js';
import { isRegExpSpace } from '../src/text.js';
import { extractReferences, normalizeTitle } from '../src/references.js';

// ---- the oracle: numbers.ts at 6d44cc9 ----
/** A number mention (its sentence index is given by the caller). */
type RawNumber = NumberMention;
/** A number mention while it is being built. */
type MutableNumber = { -readonly [K in keyof RawNumber]: RawNumber[K] };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const UNIT_ALT = [...numberUnits].sort((a, b) => b.text.length - a.text.length).map((u) => escape(u.text)).join('|');
const PREFIX_ALT = [...approximationPrefixes].sort((a, b) => b.length - a.length).map(escape).join('|');

/*
 * Numerals: arabic (with thousands separators, decimals, full-width digits) or Chinese —
 * what /([0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?)|([〇零一二两三四五六七八九十百千万亿]+)/g
 * matches, found by a scan of character codes: the regex allocated a match array per
 * candidate and was the parser's largest single cost (every 一 of 进一步 is a candidate).
 */
/** Per UTF-16 unit: 1 digit (0-9, ０-９), 2 Chinese numeral character, 0 other. */
const NUMERAL_CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) NUMERAL_CLASS[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) NUMERAL_CLASS[c] = 1;
for (const ch of '〇零一二两三四五六七八九十百千万亿') NUMERAL_CLASS[ch.charCodeAt(0)] = 2;

function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** End of the arabic numeral starting at `s` (digits, `,`/`，` thousands groups of three, one `.`/`．` decimal part). */
function arabicEnd(text: string, s: number): number {
  const n = text.length;
  let e = s + 1;
  while (e < n && isDigitCode(text.charCodeAt(e))) e++;
  for (;;) {
    const c = e < n ? text.charCodeAt(e) : -1;
    if (c !== 0x2c && c !== 0xff0c) break;
    if (e + 3 < n && isDigitCode(text.charCodeAt(e + 1)) && isDigitCode(text.charCodeAt(e + 2)) && isDigitCode(text.charCodeAt(e + 3)) && !(e + 4 < n && isDigitCode(text.charCodeAt(e + 4)))) e += 4;
    else break;
  }
  const c = e < n ? text.charCodeAt(e) : -1;
  if ((c === 0x2e || c === 0xff0e) && e + 1 < n && isDigitCode(text.charCodeAt(e + 1))) {
    e += 2;
    while (e < n && isDigitCode(text.charCodeAt(e))) e++;
  }
  return e;
}

/** End of the numeral of class `cls` (1 arabic, 2 Chinese) starting at `s`. */
function numeralEnd(text: string, s: number, cls: number): number {
  if (cls === 1) return arabicEnd(text, s);
  let e = s + 1;
  while (e < text.length && NUMERAL_CLASS[text.charCodeAt(e)] === 2) e++;
  return e;
}

/** What may follow a numeral: multiplier, 余/多, unit, 以上/左右/余. */
const TAIL = new RegExp(String.raw`(万|亿)?(余|多)?(${UNIT_ALT})?(以上|左右|余|多)?`, 'y');
/** 10多万份: 多/余 before the multiplier. */
const TAIL_APPROX_FIRST = new RegExp(String.raw`(余|多)(万|亿)(${UNIT_ALT})?(以上|左右)?`, 'y');
/** Characters that make a prefix part of a word (节约, 最近, 附近). */
const PREFIX_WORD_BEFORE: Readonly<Record<string, RegExp>> = { 约: /[节制签履合预邀公条相大契简]$/, 近: /[最附临靠亲就贴逼接将]$/, 超: /[赶高]$/ };
const PREFIX_BEFORE = new RegExp(String.raw`(?:${PREFIX_ALT})$`);
/** The last units of the approximation prefixes: PREFIX_BEFORE can match only before one of them. */
const PREFIX_LAST_UNITS = new Set(approximationPrefixes.filter((p) => p.length > 0).map((p) => p.charCodeAt(p.length - 1)));
const FULL_DATE = /^([0-9０-９]{4})\s*[年\-/.．]\s*([0-9０-９]{1,2})\s*[月\-/.．]\s*(?:([0-9０-９]{1,2})\s*日?)?/;
const YEAR_RANGE_TAIL = /^[—－\-–~～至到]{1,2}\s*((?:19|20)[0-9]{2})(?![0-9])/;

const YEAR_RANGE_HEAD = /(?:19|20)[0-9]{2}\s*[—－\-–~～至到]{1,2}\s*$/;

/** `1.` / `1、` / `(1)` opening a sentence, possibly after spaces or emphasis. */
function isListMarker(text: string, s: number, raw: string): boolean {
  if (raw.length > 2) return false;
  let i = s - 1;
  let open = false;
  if (i >= 0 && (text[i] === '(' || text[i] === '（')) {
    open = true;
    i--;
  }
  while (i >= 0 && /[\s*_]/.test(text[i] ?? '')) i--;
  if (i >= 0) return false;
  const next = text[s + raw.length] ?? '';
  return open ? next === ')' || next === '）' : /[.、．]/.test(next) && !/[0-9０-９]/.test(text[s + raw.length + 1] ?? '');
}
const MONTH_DAY = /^\s*月(?:份|底|初|中旬|上旬|下旬|末)?(?:\s*[0-9０-９]{1,2}\s*日)?/;
const PHONE = /(?:[0-9]{3,4}-[0-9]{7,8}|1[3-9][0-9]{9})/y;
/** A count unit (with 万/亿 and 余/多 before it), tested at an offset without slicing the text. */
const COUNT_UNIT_AT = new RegExp(String.raw`(?:万|亿)?(?:余|多)?(?:${UNIT_ALT})`, 'y');
function countUnitAt(text: string, at: number): boolean {
  COUNT_UNIT_AT.lastIndex = at;
  return COUNT_UNIT_AT.test(text);
}

/** Digits after the decimal point (the digits ending the numeral, when a `.`/`．` comes before them). */
function decimalsOf(numeral: string): number {
  let k = numeral.length;
  while (k > 0) {
    const c = numeral.charCodeAt(k - 1);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19))) break;
    k--;
  }
  if (k === numeral.length || k === 0) return 0;
  const point = numeral.charCodeAt(k - 1);
  return point === 0x2e || point === 0xff0e ? numeral.length - k : 0;
}

/** The numeral in half-width digits without thousands separators (itself when it is so already). */
function halfWidthNumeral(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2e)) return toHalfWidthDigits(raw.replace(/[,，]/g, '')).replace('．', '.');
  }
  return raw;
}

function kindOfUnit(unit: string | undefined, decimals: number): NumberKind {
  if (unit === undefined) return decimals > 0 ? 'decimal' : 'other';
  const k = unitKind(unit);
  if (k === 'count') return 'count';
  if (k === 'percent') return 'percent';
  if (k === 'money') return 'money';
  return 'other';
}

/**
 * Extracts the numbers of one stretch of text (a sentence) in one left-to-right
 * pass. Years (2022年), dates, phone numbers and hotlines, ordinals (第三次) and
 * the parts of document numbers get their own kinds so that statistics rules
 * can keep to counts, percentages and money.
 */
function oldExtractNumbers(
  text: string,
  base: number,
  docNumberRanges: readonly TextRange[],
  sentenceIndex: number,
  // The paragraph's list, appended to: no array per sentence (most hold no number) and no copy of it.
  out: NumberMention[] = [],
): NumberMention[] {
  const length = text.length;
  /** Where the search for the next numeral starts (the regex's lastIndex). */
  let next = 0;
  let dn = 0;
  const first = out.length;
  for (;;) {
    let s = next;
    let cls = 0;
    while (s < length && (cls = NUMERAL_CLASS[text.charCodeAt(s)]!) === 0) s++;
    if (s >= length) break;
    const e = numeralEnd(text, s, cls);
    next = e;
    while (dn < docNumberRanges.length && (docNumberRanges[dn]?.end ?? 0) <= base + s) dn++;
    const inDocNumber = dn < docNumberRanges.length && (docNumberRanges[dn]?.start ?? Infinity) <= base + s;
    const prev = text[s - 1] ?? '';
    if (cls === 1) next = arabicNumberAt(text, base, s, e, prev, inDocNumber, sentenceIndex, out, first);
    else next = chineseNumberAt(text, base, s, e, prev, sentenceIndex, out, first);
  }
  return out;
}

/**
 * The number an Arabic numeral at `s`..`e` of `text` starts, if any, appended to `out`;
 * returns where the search for the next numeral goes on. A function of its own (as is
 * the Chinese one), not a branch of `extractNumbers`' loop: V8's optimising compiler
 * compiles smaller units faster, and each only when it is hot.
 */
function arabicNumberAt(
  text: string,
  base: number,
  s: number,
  e: number,
  prev: string,
  inDocNumber: boolean,
  sentenceIndex: number,
  out: NumberMention[],
  first: number,
): number {
  let next = e;
  // Arabic numeral.
  const raw = text.slice(s, e);
  if (/[A-Za-z0-9０-９_/]/.test(prev)) return next;
  // After a hyphen only the second year of a range (2021-2025年) is a number of its own.
  if (prev === '-' && !(/^[0-9]{4}$/.test(raw) && /(?:19|20)[0-9]{2}-$/.test(text.slice(Math.max(0, s - 5), s)))) return next;
  // The numbering of a list item or heading (1. 1、 (1)) at the start of a sentence is not a number.
  if (isListMarker(text, s, raw)) return next;
  const half = halfWidthNumeral(raw);
  const fullWidth = /[０-９]/.test(raw);
  const decimals = decimalsOf(raw);
  if (inDocNumber) {
    out.push(plainNumber(text, base, s, e, e, Number(half), 'document-number', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    return next;
  }
  // (A phone number is at most 13 units long: read at s in the text, not in a slice of it.)
  PHONE.lastIndex = s;
  const phone = PHONE.exec(text);
  if (phone) {
    out.push(plainNumber(text, base, s, s + phone[0].length, e, Number(phone[0].replace(/-/g, '')), 'phone', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    next = s + phone[0].length;
    return next;
  }
  // What follows the numeral, for years and dates (4 and 1–2 digit numerals only).
  const rest = raw.length <= 4 ? text.slice(e, e + 12) : '';
  if (/^[0-9０-９]{4}$/.test(raw)) {
    const date = FULL_DATE.exec(text.slice(s, s + 16));
    if (date && date[2] !== undefined && Number(toHalfWidthDigits(date[2])) <= 12) {
      const end = s + date[0].length;
      out.push(plainNumber(text, base, s, end, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '年'));
      next = end;
      return next;
    }
    const yr = Number(half);
    if (yr >= 1900 && yr <= 2100) {
      if (rest.startsWith('年') || YEAR_RANGE_TAIL.test(rest) || YEAR_RANGE_HEAD.test(text.slice(Math.max(0, s - 8), s))) {
        const end = e + (rest.startsWith('年度') ? 2 : rest.startsWith('年') ? 1 : 0);
        out.push(plainNumber(text, base, s, end, e, yr, 'year', decimals, 'arabic', fullWidth, sentenceIndex, '年'));
        return next;
      }
    }
  }
  if (/^[0-9０-９]{1,2}$/.test(raw)) {
    const md = MONTH_DAY.exec(rest);
    if (md && Number(half) <= 12) {
      out.push(plainNumber(text, base, s, e + md[0].length, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '月'));
      next = e + md[0].length;
      return next;
    }
    if (rest.startsWith('日') && Number(half) <= 31 && /[月]/.test(text.slice(Math.max(0, s - 3), s))) {
      out.push(plainNumber(text, base, s, e + 1, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '日'));
      return next;
    }
  }
  if (hotlineNumbers.includes(half) && !countUnitAt(text, e)) {
    out.push(plainNumber(text, base, s, e, e, Number(half), 'phone', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    return next;
  }
  if (prev === '第') {
    const n = ordinal(text, base, s, e, Number(half), decimals, 'arabic', fullWidth, sentenceIndex);
    out.push(n);
    next = n.range.end - base;
    return next;
  }
  out.push(withTail(text, base, s, e, Number(half), decimals, 'arabic', fullWidth, sentenceIndex));
  next = Math.max(next, (out.length > first ? (out[out.length - 1] as RawNumber).range.end : base + e) - base);
  return next;
}

/** The number a Chinese numeral at `s`..`e` of `text` starts, if any (see `arabicNumberAt`). */
function chineseNumberAt(text: string, base: number, s: number, e: number, prev: string, sentenceIndex: number, out: NumberMention[], first: number): number {
  let next = e;
  // Chinese numeral: only with a unit (两百余件, 十五个), never a lone 一/两 (一个, 两个维护 are words).
  // 万/亿 at the end are multipliers, handled by TAIL.
  while (e > s && (text.charCodeAt(e - 1) === 0x4e07 || text.charCodeAt(e - 1) === 0x4ebf)) e--;
  if (e === s) return next;
  if (!countUnitAt(text, e)) return next;
  const numeral = text.slice(s, e);
  if (numeral.length === 1 && /[一两俩〇零千百]/.test(numeral)) return next;
  const value = chineseNumeralValue(numeral);
  if (value === undefined) return next;
  if (prev === '第') {
    const n = ordinal(text, base, s, e, value, 0, 'chinese', false, sentenceIndex);
    out.push(n);
    next = n.range.end - base;
    return next;
  }
  out.push(withTail(text, base, s, e, value, 0, 'chinese', false, sentenceIndex));
  next = (out.length > first ? (out[out.length - 1] as RawNumber).range.end : base + e) - base;
  return next;
}

/**
 * A number without approximation marks or multiplier. Always the same fields in
 * the same order (absent ones undefined), so that code reading numbers sees one
 * object shape.
 */
function plainNumber(
  text: string,
  base: number,
  s: number,
  end: number,
  valueEnd: number,
  value: number,
  kind: NumberKind,
  decimals: number,
  numeral: 'arabic' | 'chinese',
  fullWidth: boolean,
  sentenceIndex: number,
  unit: string | undefined,
): MutableNumber {
  const n: MutableNumber = {
    raw: text.slice(s, end),
    range: { start: base + s, end: base + end },
    valueRange: { start: base + s, end: base + valueEnd },
    value,
    kind,
    approximate: false,
    decimals,
    numeral,
    fullWidth,
    sentenceIndex,
    unit,
    approximateMarker: undefined,
    multiplier: undefined,
  };
  return n;
}

/** An ordinal (第3次, 第十五届): the number with the 第 before it, and its unit when one follows. */
function ordinal(
  text: string,
  base: number,
  s: number,
  e: number,
  value: number,
  decimals: number,
  numeral: 'arabic' | 'chinese',
  fullWidth: boolean,
  sentenceIndex: number,
): RawNumber {
  TAIL.lastIndex = e;
  const t = TAIL.exec(text);
  const unit = t?.[3] || undefined;
  const end = t && unit ? e + t[0].length - (t[4]?.length ?? 0) : e;
  const n = plainNumber(text, base, s, end, e, value, 'ordinal', decimals, numeral, fullWidth, sentenceIndex, unit);
  // The 第 belongs to the ordinal as written; the value range is the numeral alone.
  n.raw = text.slice(s - 1, end);
  n.range = { start: base + s - 1, end: base + end };
  return n;
}

function withTail(
  text: string,
  base: number,
  s: number,
  e: number,
  value: number,
  decimals: number,
  numeral: 'arabic' | 'chinese',
  fullWidth: boolean,
  sentenceIndex: number,
): RawNumber {
  // 10多万份 needs 余/多 right after the numeral: test that unit before running the regex.
  const after = text.charCodeAt(e);
  let first: RegExpExecArray | null = null;
  if (after === 0x4f59 || after === 0x591a) {
    TAIL_APPROX_FIRST.lastIndex = e;
    first = TAIL_APPROX_FIRST.exec(text);
  }
  TAIL.lastIndex = e;
  // Normalise both shapes to [all, mult, approx, unit, post].
  const t: (string | undefined)[] | null = first ? [first[0], first[2], first[1], first[3], first[4]] : TAIL.exec(text);
  let mult = t?.[1];
  let unit = t?.[3];
  let approxMark = t?.[2] ?? t?.[4];
  if (t?.[2] && t[4]) approxMark = t[2];
  // 余/多 after the unit only counts where nothing else follows as a noun (5个多月 is fine too).
  let end = e + (t ? (t[0] ?? '').length : 0);
  // 万元/亿元: money written in 万元 keeps its value as written.
  let multiplier: number | undefined;
  if (mult && unit && /^(?:余|多)?元$/.test(unit)) {
    unit = mult + '元';
    mult = undefined;
  } else if (mult && !unit && !t?.[2] && !t?.[4]) {
    // 211.29万 with no unit: multiplier applies.
  }
  if (mult) multiplier = mult === '万' ? 1e4 : 1e8;
  // A bare trailing 多 without a unit is usually a word (多元, 多部门): drop it.
  if (!unit && t?.[4] === '多' && !t?.[2]) {
    end -= 1;
    approxMark = mult || t[2] ? approxMark : undefined;
  }
  if (!unit && t?.[2] === '多' && !t?.[4] && !mult) {
    end -= 1;
    approxMark = undefined;
  }
  // A prefix mark (约, 近, 超过…) ends right before the numeral: test that unit before slicing and matching.
  let pre: RegExpExecArray | null = null;
  const before = !approxMark && s > 0 && PREFIX_LAST_UNITS.has(text.charCodeAt(s - 1)) ? text.slice(Math.max(0, s - 4), s) : '';
  if (before) pre = PREFIX_BEFORE.exec(before);
  if (pre) {
    const wordBefore = PREFIX_WORD_BEFORE[pre[0]];
    if (wordBefore && wordBefore.test(before.slice(0, before.length - pre[0].length))) pre = null;
  }
  let start = s;
  if (pre && !approxMark) {
    approxMark = pre[0];
    start = s - pre[0].length;
  }
  const v = multiplier ? Math.round(value * multiplier * 1e6) / 1e6 : value;
  const kind = kindOfUnit(unit, decimals);
  // One literal, optional fields added after: no spread of temporary objects on this hot path.
  const n: MutableNumber = {
    raw: text.slice(start, end),
    range: { start: base + start, end: base + end },
    valueRange: { start: base + s, end: base + e },
    value: v,
    kind,
    approximate: approxMark !== undefined,
    decimals,
    numeral,
    fullWidth,
    sentenceIndex,
    unit: unit || undefined,
    approximateMarker: approxMark || undefined,
    multiplier: multiplier || undefined,
  };
  return n;
}


// ---- the oracle: references.ts at 6d44cc9 ----
const BOOK_TITLE = /《([^《》\n]{1,150})》/g;
/** Short quoted names; long quotations are speech, not names. */
const QUOTED = /([“"])([^“”"\n]{1,16})([”"])/g;
const NAME_SUFFIX = /^(?:普法|规划|时期|期间|计划|纲要|战略|工程|行动|改革|制度|机制|活动|试点|建设|创建|专项)/;

// `normalizeTitle` did not change with the reading; it is checked against its plain form in references.test.ts.

/** Finds 《…》 titles and short “…” names (“七五”普法, “十四五”规划) in one stretch of text. */
function oldExtractReferences(
  text: string,
  base: number,
  sentenceIndex: number,
  // The paragraph's list, appended to: no array per sentence (most hold no reference) and no copy of it.
  out: QuotedReference[] = [],
): QuotedReference[] {
  // Cheap pre-checks: most sentences hold neither 《 nor a quote.
  const hasBook = text.indexOf('《') >= 0;
  const hasQuote = text.indexOf('“') >= 0 || text.indexOf('"') >= 0;
  if (!hasBook && !hasQuote) return out;
  const first = out.length;
  BOOK_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (hasBook && (m = BOOK_TITLE.exec(text))) {
    const inner = m[1] ?? '';
    out.push({
      kind: 'book-title',
      raw: m[0],
      range: { start: base + m.index, end: base + m.index + m[0].length },
      inner,
      innerRange: { start: base + m.index + 1, end: base + m.index + 1 + inner.length },
      normalized: normalizeTitle(inner),
      sentenceIndex,
    });
  }
  const mid = out.length;
  QUOTED.lastIndex = 0;
  while (hasQuote && (m = QUOTED.exec(text))) {
    const open = m[1] ?? '';
    const close = m[3] ?? '';
    // A straight quote opens and closes; a curly close quote cannot open.
    if (open === '"' && close !== '"') continue;
    const inner = m[2] ?? '';
    if (inner.trim().length === 0) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const suffix = NAME_SUFFIX.exec(after)?.[0];
    const raw = m[0];
    const range = { start: base + m.index, end: base + m.index + raw.length };
    const innerRange = { start: base + m.index + 1, end: base + m.index + 1 + inner.length };
    const normalized = normalizeTitle(inner);
    // Two literals in one key order rather than a spread of a temporary object (a quoted name is common).
    out.push(
      suffix
        ? { kind: 'quoted-name', raw, range, inner, innerRange, normalized, suffix, sentenceIndex }
        : { kind: 'quoted-name', raw, range, inner, innerRange, normalized, sentenceIndex },
    );
  }
  if (hasBook && hasQuote) mergeRuns(out, first, mid);
  return out;
}

/**
 * Merges the two runs out[from, mid) (titles) and out[mid…] (quoted names), each in text
 * order, into text order in place (as a stable sort would; linear in a sentence's references).
 */
function mergeRuns(out: QuotedReference[], from: number, mid: number): void {
  if (mid === from || mid === out.length) return;
  const quoted = out.slice(mid);
  let i = mid - 1;
  let j = quoted.length - 1;
  let k = out.length - 1;
  while (j >= 0) {
    if (i >= from && byStart(out[i]!, quoted[j]!) > 0) out[k--] = out[i--]!;
    else out[k--] = quoted[j--]!;
  }
}

function byStart(a: QuotedReference, b: QuotedReference): number {
  return a.range.start - b.range.start;
}

// ---- the properties ----
const PIECES = [
  '多万', '余万', '多亿', '万余', '万多', '10', '7.5', '2021', '2022', '年', '年度', '月', '日', '份', '底', '中旬', '12', '3', '1', '05', '１２',
  '2021-2025', '-', '—', '至', '到', ' ', '　', '\t', '\n', '万', '亿', '余', '多', '以上', '左右', '第', '约', '近', '超过', '将近', '节', '最',
  '(', '（', ')', '）', '.', '、', '．', ',', '，', '1,436', '3.5', '０', '一', '两', '十五', '百', '千', '二十', '零', '号', '〔', '〕', '发', '字',
  '《', '》', '“', '”', '"', '普法', '规划', '十四五', '法治', '政府', 'a', 'B', '_', '/', '*', '0571-12345678', '13812345678', '12345', '110',
  ...numberUnits.map((u) => u.text), ...approximationPrefixes,
];
const generated = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));

function expectSameReading(text: string): void {
  expect(extractNumbers(text, 7, [], 3), text).toEqual(oldExtractNumbers(text, 7, [], 3));
  const ranges = extractDocumentNumbers(text, 0).map((d) => d.range);
  expect(extractNumbers(text, 0, ranges, 1), text).toEqual(oldExtractNumbers(text, 0, ranges, 1));
  expect(extractReferences(text, 5, 2), text).toEqual(oldExtractReferences(text, 5, 2));
}

describe('number and reference reading by character codes', () => {
  it('reads what the regexes read, on generated text', () => {
    fc.assert(fc.property(generated, expectSameReading), { numRuns: 5000 });
  });

  it('reads titles and names of every length as the regexes do', () => {
    const open = fc.constantFrom('《', '“', '"', '');
    const close = fc.constantFrom('》', '”', '"', '');
    fc.assert(
      fc.property(open, fc.nat({ max: 160 }), close, fc.constantFrom('普法', '', '规划了', '《a》'), (o, n, c, after) => expectSameReading(`x${o}${'字'.repeat(n)}${c}${after}`)),
      { numRuns: 3000 },
    );
  });

  it('reads what the regexes read in every sentence of the corpus reports', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus/full');
    let sentences = 0;
    for (const file of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const sentence of text.split(/(?<=[。！？；\n])/)) {
        expectSameReading(sentence);
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(500);
  });

  it('knows the units /\\s/ matches', () => {
    for (let c = 0; c < 0x10000; c++) if (isRegExpSpace(c) !== /\s/.test(String.fromCharCode(c))) throw new Error(`unit ${c.toString(16)}`);
  });
});
