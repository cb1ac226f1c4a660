import {
  approximationPrefixes,
  chineseNumeralValue,
  hotlineNumbers,
  numberUnits,
  toHalfWidthDigits,
  unitKind,
} from '@fzlint/ontology';
import type { DocumentNumber, NumberKind, NumberMention, TextRange } from './model.js';
import { REGEXP_SPACE } from './text.js';
import { WordsByFirstUnit } from './words-by-first-unit.js';

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
/** The digits 0-9 and ０-９, by UTF-16 unit. */
const DIGIT_CODES: readonly number[] = Array.from({ length: 10 }, (_, k) => [0x30 + k, 0xff10 + k]).flat();
/** The Chinese numeral characters, by UTF-16 unit. */
const CHINESE_NUMERAL_CODES: readonly number[] = [...'〇零一二两三四五六七八九十百千万亿'].map((ch) => ch.charCodeAt(0));
/** Per UTF-16 unit: 1 digit (0-9, ０-９), 2 Chinese numeral character, 0 other. */
const NUMERAL_CLASS = new Uint8Array(0x10000);
for (const c of DIGIT_CODES) NUMERAL_CLASS[c] = 1;
for (const c of CHINESE_NUMERAL_CODES) NUMERAL_CLASS[c] = 2;
/** The units a numeral may start with (those of NUMERAL_CLASS), for tables built from it without a pass over every unit. */
export const NUMERAL_START_CODES: readonly number[] = [...DIGIT_CODES, ...CHINESE_NUMERAL_CODES];

const DI = 0x7b2c; // 第

function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** End of the arabic numeral starting at `s` (digits, `,`/`，` thousands groups of three, one `.`/`．` decimal part). */
function arabicEnd(text: string, s: number): number {
  // A digit is NUMERAL_CLASS 1 (what isDigitCode says), read from the table inline: under the
  // CLI's V8 flags (no inlining) a helper is a call per unit, and this runs per numeral.
  const n = text.length;
  let e = s + 1;
  while (e < n && NUMERAL_CLASS[text.charCodeAt(e)] === 1) e++;
  for (;;) {
    const c = e < n ? text.charCodeAt(e) : -1;
    if (c !== 0x2c && c !== 0xff0c) break;
    if (e + 3 < n && NUMERAL_CLASS[text.charCodeAt(e + 1)] === 1 && NUMERAL_CLASS[text.charCodeAt(e + 2)] === 1 && NUMERAL_CLASS[text.charCodeAt(e + 3)] === 1 && !(e + 4 < n && NUMERAL_CLASS[text.charCodeAt(e + 4)] === 1)) e += 4;
    else break;
  }
  const c = e < n ? text.charCodeAt(e) : -1;
  if ((c === 0x2e || c === 0xff0e) && e + 1 < n && NUMERAL_CLASS[text.charCodeAt(e + 1)] === 1) {
    e += 2;
    while (e < n && NUMERAL_CLASS[text.charCodeAt(e)] === 1) e++;
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

/**
 * Every numeral of `text` as `[start, end, arabic]`, left to right without overlaps (what
 * the numeral regex in the comment above finds; for tests).
 */
export function numeralSpans(text: string): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  for (let s = 0; s < text.length; ) {
    const cls = NUMERAL_CLASS[text.charCodeAt(s)]!;
    if (cls === 0) {
      s++;
      continue;
    }
    const e = numeralEnd(text, s, cls);
    out.push([s, e, cls === 1]);
    s = e;
  }
  return out;
}
/*
 * What may follow a numeral — what /(万|亿)?(余|多)?(UNIT)?(以上|左右|余|多)?/y finds at its end,
 * or for 10多万份 /(余|多)(万|亿)(UNIT)?(以上|左右)?/y (UNIT: the units, longest first) — read
 * by hand into the fields below: every part is optional, so each takes its first alternative
 * that matches, as the regex does, without a match array and a string per part for every number.
 */
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
/** The units by their first character, longest first (the alternation's order). */
const UNITS_BY_FIRST = WordsByFirstUnit.of([...numberUnits].map((x) => x.text));

/** The tail last read by `readTail`: its length and parts (undefined: the part is not written). */
let tailLength = 0;
let tailMultiplier: string | undefined;
/** 余/多 before the unit (or, read first, before the multiplier). */
let tailApproximate: string | undefined;
let tailUnit: string | undefined;
/** 以上/左右/余/多 after the unit. */
let tailAfter: string | undefined;

/**
 * Reads the tail after a numeral ending at `e`; with `approximateFirst`, 10多万份 first (when
 * 余/多 and 万/亿 follow: an ordinal's tail is never read so).
 */
function readTail(text: string, e: number, approximateFirst: boolean): void {
  // Every read within the text (-1 past its end, where a read gave NaN): a read past the end
  // deoptimised the compiled function (a numeral often ends its sentence).
  const n = text.length;
  let p = e;
  let c = p < n ? text.charCodeAt(p) : -1;
  tailMultiplier = undefined;
  tailApproximate = undefined;
  tailAfter = undefined;
  const next = p + 1 < n ? text.charCodeAt(p + 1) : -1;
  const approximatesFirst = approximateFirst && (c === YU || c === DUO) && (next === WAN || next === YI);
  if (approximatesFirst) {
    tailApproximate = c === YU ? '余' : '多';
    tailMultiplier = next === WAN ? '万' : '亿';
    p += 2;
  } else {
    if (c === WAN || c === YI) {
      tailMultiplier = c === WAN ? '万' : '亿';
      c = ++p < n ? text.charCodeAt(p) : -1;
    }
    if (c === YU || c === DUO) {
      tailApproximate = c === YU ? '余' : '多';
      p++;
    }
  }
  // The first-unit table read here: most numerals have no unit after them, and `at` is a call.
  tailUnit = p >= n || UNITS_BY_FIRST.firstUnitIndex[text.charCodeAt(p)] === 0 ? undefined : UNITS_BY_FIRST.at(text, p);
  if (tailUnit !== undefined) p += tailUnit.length;
  if (text.startsWith('以上', p)) tailAfter = '以上';
  else if (text.startsWith('左右', p)) tailAfter = '左右';
  else if (!approximatesFirst) {
    c = p < n ? text.charCodeAt(p) : -1;
    if (c === YU) tailAfter = '余';
    else if (c === DUO) tailAfter = '多';
  }
  if (tailAfter !== undefined) p += tailAfter.length;
  tailLength = p - e;
}
/** Characters that make a prefix part of a word (节约, 最近, 附近). */
const PREFIX_WORD_BEFORE: Readonly<Record<string, RegExp>> = { 约: /[节制签履合预邀公条相大契简]$/, 近: /[最附临靠亲就贴逼接将]$/, 超: /[赶高]$/ };
const PREFIX_BEFORE = new RegExp(String.raw`(?:${PREFIX_ALT})$`);
/** The last units of the approximation prefixes: PREFIX_BEFORE can match only before one of them. */
const PREFIX_LAST_UNITS = new Set(approximationPrefixes.filter((p) => p.length > 0).map((p) => p.charCodeAt(p.length - 1)));
const FULL_DATE = /^([0-9０-９]{4})\s*[年\-/.．]\s*([0-9０-９]{1,2})\s*[月\-/.．]\s*(?:([0-9０-９]{1,2})\s*日?)?/;
const YEAR_RANGE_TAIL = /^[—－\-–~～至到]{1,2}\s*((?:19|20)[0-9]{2})(?![0-9])/;

const YEAR_RANGE_HEAD = /(?:19|20)[0-9]{2}\s*[—－\-–~～至到]{1,2}\s*$/;

/** What /[\s*_]/ matches: a space, or * and _ (emphasis before a list marker). */
function isSpaceOrEmphasis(c: number): boolean {
  return c === 0x2a || c === 0x5f || REGEXP_SPACE[c] === 1;
}

/**
 * `1.` / `1、` / `(1)` opening a sentence, possibly after spaces or emphasis (the numeral
 * text[s, s + length)). Read by character codes: a character outside Latin-1 read as a string
 * is a new string each time.
 */
function isListMarker(text: string, s: number, length: number): boolean {
  if (length > 2) return false;
  let i = s - 1;
  let open = false;
  const before = i >= 0 ? text.charCodeAt(i) : -1;
  if (before === 0x28 || before === 0xff08) {
    open = true;
    i--;
  }
  while (i >= 0 && isSpaceOrEmphasis(text.charCodeAt(i))) i--;
  if (i >= 0) return false;
  // (Reads within the text: a read past its end deoptimised the compiled function.)
  const n = text.length;
  const next = s + length < n ? text.charCodeAt(s + length) : -1;
  return open ? next === 0x29 || next === 0xff09 : (next === 0x2e || next === 0x3001 || next === 0xff0e) && !(s + length + 1 < n && isDigitCode(text.charCodeAt(s + length + 1)));
}
const MONTH_DAY = /^\s*月(?:份|底|初|中旬|上旬|下旬|末)?(?:\s*[0-9０-９]{1,2}\s*日)?/;
/** How many characters after a numeral its date or year-range words are read from. */
const REST_WINDOW = 12;
/** How many characters from a 4-digit numeral a full date is read from. */
const DATE_WINDOW = 16;

/** The first offset from `at` (before `stop`) that is not what /\s/ matches. */
function skipSpaces(text: string, at: number, stop: number): number {
  while (at < stop && REGEXP_SPACE[text.charCodeAt(at)] === 1) at++;
  return at;
}

/** Whether MONTH_DAY can match text[e, e + REST_WINDOW): 月 after spaces (most 1–2 digit numerals are counts). */
function mayBeMonth(text: string, e: number): boolean {
  const stop = Math.min(text.length, e + REST_WINDOW);
  const p = skipSpaces(text, e, stop);
  return p < stop && text.charCodeAt(p) === 0x6708;
}

/** Whether FULL_DATE can match text[s, s + DATE_WINDOW) after its 4 digits at `e`: a date separator, then a digit, after spaces. */
function mayBeFullDate(text: string, e: number, s: number): boolean {
  const stop = Math.min(text.length, s + DATE_WINDOW);
  let p = skipSpaces(text, e, stop);
  if (p >= stop) return false;
  const c = text.charCodeAt(p);
  if (c !== 0x5e74 && c !== 0x2d && c !== 0x2f && c !== 0x2e && c !== 0xff0e) return false;
  p = skipSpaces(text, p + 1, stop);
  return p < stop && isDigitCode(text.charCodeAt(p));
}
const PHONE = /(?:[0-9]{3,4}-[0-9]{7,8}|1[3-9][0-9]{9})/y;
function phoneAt(text: string, s: number): RegExpExecArray | null {
  PHONE.lastIndex = s;
  return PHONE.exec(text);
}

/** A count unit (with 万/亿 and 余/多 before it), tested at an offset without slicing the text. */
const COUNT_UNIT_AT = new RegExp(String.raw`(?:万|亿)?(?:余|多)?(?:${UNIT_ALT})`, 'y');
/** Per UTF-16 unit, 1 where COUNT_UNIT_AT can match: 万, 亿, 余, 多 and the units' first units. */
const COUNT_UNIT_FIRST = new Uint8Array(0x10000);
for (const u of numberUnits) if (u.text.length > 0) COUNT_UNIT_FIRST[u.text.charCodeAt(0)] = 1;
for (const c of [WAN, YI, YU, DUO]) COUNT_UNIT_FIRST[c] = 1;
function countUnitAt(text: string, at: number): boolean {
  // COUNT_UNIT_AT can match only at 万, 亿, 余, 多 or a unit's first unit: most Chinese numerals
  // (一 of 进一步) are followed by none, and a table load is cheaper than the sticky test.
  if (COUNT_UNIT_FIRST[text.charCodeAt(at)] !== 1) return false;
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
export function extractNumbers(
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
    // numeralEnd, its Chinese branch inline (most numerals are Chinese: 一 of 进一步).
    let e = s + 1;
    if (cls === 1) e = arabicEnd(text, s);
    else {
      while (e < length && NUMERAL_CLASS[text.charCodeAt(e)] === 2) e++;
      // A Chinese numeral is a number only with a count unit after it (chineseNumberAt's
      // countUnitAt, at its end or at a 万/亿 ending it): most (the 一 of 进一步, 77 candidates a
      // report, 63 of them so) have none of its first units after them, and are passed over here
      // rather than by two calls each.
      const last = text.charCodeAt(e - 1);
      if (last !== WAN && last !== YI && (e >= length || COUNT_UNIT_FIRST[text.charCodeAt(e)] !== 1)) {
        next = e;
        continue;
      }
    }
    next = e;
    while (dn < docNumberRanges.length && (docNumberRanges[dn]?.end ?? 0) <= base + s) dn++;
    const inDocNumber = dn < docNumberRanges.length && (docNumberRanges[dn]?.start ?? Infinity) <= base + s;
    // The character before, as a code (-1: none): a string of it would be a new string per numeral.
    const prev = s > 0 ? text.charCodeAt(s - 1) : -1;
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
  prev: number,
  inDocNumber: boolean,
  sentenceIndex: number,
  out: NumberMention[],
  first: number,
): number {
  let next = e;
  // Arabic numeral.
  // A-Z, a-z, 0-9, _ or / (or a full-width digit) may not stand right before a number of its
  // own: tested inline (a call per numeral otherwise); most numerals follow a Chinese character.
  if (prev < 0x80 ? (prev >= 0x30 && prev <= 0x39) || (prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a) || prev === 0x5f || prev === 0x2f : prev >= 0xff10 && prev <= 0xff19) return next;
  const raw = text.slice(s, e);
  // After a hyphen only the second year of a range (2021-2025年) is a number of its own.
  if (prev === 0x2d && !(/^[0-9]{4}$/.test(raw) && /(?:19|20)[0-9]{2}-$/.test(text.slice(Math.max(0, s - 5), s)))) return next;
  // The numbering of a list item or heading (1. 1、 (1)) at the start of a sentence is not a number.
  if (e - s <= 2 && isListMarker(text, s, e - s)) return next;
  // One pass over the numeral for what allDigits, hasFullWidthDigit, halfWidthNumeral and
  // decimalsOf each read: a numeral of ASCII digits only (most) is its own half-width form
  // and has no decimals.
  let fullWidth = false;
  let digitsAll = true;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c >= 0xff10 && c <= 0xff19) fullWidth = true;
    else digitsAll = false;
  }
  const half = digitsAll && !fullWidth ? raw : halfWidthNumeral(raw);
  const decimals = digitsAll ? 0 : decimalsOf(raw);
  if (inDocNumber) {
    out.push(plainNumber(text, base, s, e, e, Number(half), 'document-number', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    return next;
  }
  // (A phone number is at most 13 units long: read at s in the text, not in a slice of it.)
  // Whether PHONE can match at the numeral: a `-` after its first 3 or 4 units, or 1 and at
  // least 10 more units (its 11 digits are the numeral's). Most numerals are neither.
  // (Reads within the text only: a read past its end deoptimised the compiled function.)
  const n = text.length;
  const mayBePhone = (s + 3 < n && text.charCodeAt(s + 3) === 0x2d) || (s + 4 < n && text.charCodeAt(s + 4) === 0x2d) || (e - s >= 11 && text.charCodeAt(s) === 0x31);
  const phone = mayBePhone ? phoneAt(text, s) : null;
  if (phone) {
    out.push(plainNumber(text, base, s, s + phone[0].length, e, Number(phone[0].replace(/-/g, '')), 'phone', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    next = s + phone[0].length;
    return next;
  }
  // What follows the numeral, for years and dates (4 and 1–2 digit numerals only), is read in
  // place; a window of it is sliced only for a regex that a first look says may match.
  // (A regex test of `raw` per numeral cost more than reading its units.)
  const digitsOnly = e - s <= 4 && digitsAll;
  if (digitsOnly && e - s === 4) {
    const date = mayBeFullDate(text, e, s) ? FULL_DATE.exec(text.slice(s, s + DATE_WINDOW)) : null;
    if (date && date[2] !== undefined && Number(toHalfWidthDigits(date[2])) <= 12) {
      const end = s + date[0].length;
      out.push(plainNumber(text, base, s, end, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '年'));
      next = end;
      return next;
    }
    const yr = Number(half);
    if (yr >= 1900 && yr <= 2100) {
      const yearWord = text.startsWith('年', e);
      if (yearWord || YEAR_RANGE_TAIL.test(text.slice(e, e + REST_WINDOW)) || YEAR_RANGE_HEAD.test(text.slice(Math.max(0, s - 8), s))) {
        const end = e + (text.startsWith('年度', e) ? 2 : yearWord ? 1 : 0);
        out.push(plainNumber(text, base, s, end, e, yr, 'year', decimals, 'arabic', fullWidth, sentenceIndex, '年'));
        return next;
      }
    }
  }
  if (digitsOnly && e - s <= 2) {
    const md = mayBeMonth(text, e) ? MONTH_DAY.exec(text.slice(e, e + REST_WINDOW)) : null;
    if (md && Number(half) <= 12) {
      out.push(plainNumber(text, base, s, e + md[0].length, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '月'));
      next = e + md[0].length;
      return next;
    }
    if (text.startsWith('日', e) && Number(half) <= 31 && /[月]/.test(text.slice(Math.max(0, s - 3), s))) {
      out.push(plainNumber(text, base, s, e + 1, e, Number(half), 'date', decimals, 'arabic', fullWidth, sentenceIndex, '日'));
      return next;
    }
  }
  if (hotlineNumbers.includes(half) && !countUnitAt(text, e)) {
    out.push(plainNumber(text, base, s, e, e, Number(half), 'phone', decimals, 'arabic', fullWidth, sentenceIndex, undefined));
    return next;
  }
  if (prev === DI) {
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
function chineseNumberAt(text: string, base: number, s: number, e: number, prev: number, sentenceIndex: number, out: NumberMention[], first: number): number {
  let next = e;
  // Chinese numeral: only with a unit (两百余件, 十五个), never a lone 一/两 (一个, 两个维护 are words).
  // 万/亿 at the end are multipliers, read with the tail.
  while (e > s && (text.charCodeAt(e - 1) === 0x4e07 || text.charCodeAt(e - 1) === 0x4ebf)) e--;
  if (e === s) return next;
  if (!countUnitAt(text, e)) return next;
  const numeral = text.slice(s, e);
  if (numeral.length === 1 && /[一两俩〇零千百]/.test(numeral)) return next;
  const value = chineseNumeralValue(numeral);
  if (value === undefined) return next;
  if (prev === DI) {
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
  // The ranges apart from the literal (a nested literal is built by a runtime call in unoptimised code).
  const range: TextRange = { start: base + s, end: base + end };
  const valueRange: TextRange = { start: base + s, end: base + valueEnd };
  const n: MutableNumber = {
    raw: text.slice(s, end),
    range,
    valueRange,
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

/*
 * The number's shape made once, at load, with no number in `value`. V8 keeps one
 * representation per field of a map: with whole numbers and fractions stored, `value`
 * became a double field, where every number (2021 too) is held in a mutable box and
 * every load of it in unoptimised code (most rules under the CLI's interrupt budget)
 * allocates a new heap number. A first object whose `value` is not a number makes the
 * field tagged: whole numbers are then stored as small integers and fractions as
 * immutable heap numbers, and a load allocates nothing. `withTail` and `shiftNumber`
 * (placement.ts) build the same fields in the same order, so they share this map.
 */
plainNumber('', 0, 0, 0, 0, undefined as unknown as number, 'count', 0, 'arabic', false, 0, undefined);

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
  readTail(text, e, false);
  const unit = tailUnit;
  const end = unit ? e + tailLength - (tailAfter?.length ?? 0) : e;
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
  readTail(text, e, true);
  let mult = tailMultiplier;
  let unit = tailUnit;
  const approxBefore = tailApproximate;
  const approxAfter = tailAfter;
  let approxMark = approxBefore ?? approxAfter;
  // 余/多 after the unit only counts where nothing else follows as a noun (5个多月 is fine too).
  let end = e + tailLength;
  // 万元/亿元: money written in 万元 keeps its value as written.
  let multiplier: number | undefined;
  if (mult && unit && /^(?:余|多)?元$/.test(unit)) {
    unit = mult + '元';
    mult = undefined;
  }
  // (211.29万 with no unit: the multiplier applies.)
  if (mult) multiplier = mult === '万' ? 1e4 : 1e8;
  // A bare trailing 多 without a unit is usually a word (多元, 多部门): drop it.
  if (!unit && approxAfter === '多' && !approxBefore) {
    end -= 1;
    approxMark = mult ? approxMark : undefined;
  }
  if (!unit && approxBefore === '多' && !approxAfter && !mult) {
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
  // The ranges apart from the literal: a literal holding a literal is not shallow, and unoptimised
  // code (where this mostly runs) builds it by a runtime call that copies both boilerplates.
  const range: TextRange = { start: base + start, end: base + end };
  const valueRange: TextRange = { start: base + s, end: base + e };
  const n: MutableNumber = {
    raw: text.slice(start, end),
    range,
    valueRange,
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

/** The document numbers of a text without 号 (shared, frozen). */
const NO_DOCUMENT_NUMBERS: readonly DocumentNumber[] = Object.freeze([]);

/** The bracketed year of a document number; the issuer prefix is read backwards from it. */
const DOC_YEAR = /([〔［[（(【])\s*((?:19|20)\d{2})(?:\s*([〕］\]）)】])\s*第?\s*([0-9０-９]{1,5})|([0-9０-９]{1,5}))\s*号/g;
const HAN_CHAR = /\p{Script=Han}/u;
const PREFIX_STOP = /^.*[据照按的与和及了在于将对为是见由以、]/u;
const PREFIX_END = /[发字函办令通规函告复呈报批]$/u;

/**
 * Finds document numbers (文号) such as 长府发〔2020〕9号; a missing closing
 * bracket (中发〔202133号) is flagged. The scan anchors on the bracketed year,
 * which is rare, and reads the issuer prefix backwards, so it stays linear.
 */
export function extractDocumentNumbers(text: string, base: number): readonly DocumentNumber[] {
  // The year needs a bracket and the number ends in 号: most paragraphs have neither (the shared
  // empty list for them, not a new one a paragraph).
  if (text.indexOf('号') < 0) return NO_DOCUMENT_NUMBERS;
  const out: DocumentNumber[] = [];
  DOC_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOC_YEAR.exec(text))) {
    let ps = m.index;
    while (ps > 0 && m.index - ps < 12 && HAN_CHAR.test(text[ps - 1] ?? '')) ps--;
    let prefix = text.slice(ps, m.index);
    if (prefix.length === 0) continue;
    const cut = PREFIX_STOP.exec(prefix);
    if (cut && cut[0].length < prefix.length) prefix = prefix.slice(cut[0].length);
    if (prefix.length > 8) prefix = prefix.slice(prefix.length - 8);
    const bracket = m[1] ?? '';
    const wellFormedShape = m[3] !== undefined;
    // Round brackets are used for many things; accept them only after an issuer-like prefix.
    if (!PREFIX_END.test(prefix) && !/[〔［[]/.test(bracket)) continue;
    const start = m.index - prefix.length;
    const end = m.index + m[0].length;
    out.push({
      raw: text.slice(start, end),
      range: { start: base + start, end: base + end },
      prefix,
      year: Number(m[2]),
      serial: Number(toHalfWidthDigits((wellFormedShape ? m[4] : m[5]) ?? '')),
      wellFormed: wellFormedShape,
      standardBrackets: bracket === '〔',
    });
  }
  return out;
}

