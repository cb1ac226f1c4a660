/**
 * Text as the continuity rules compare it: only the characters that carry
 * wording (CJK ideographs, Latin letters, digits), full-width forms folded,
 * years and other numbers masked, each kept character mapped back to its offset
 * in the document so a finding can point at the source.
 *
 * Why mask numbers: a passage copied from last year with this year's years and
 * figures typed over it (2022年 → 2023年, 106件 → 118件) is still a copy, and the
 * years alone would make every copied sentence differ.
 */

/** Normalised text with the source offset of every character it keeps. */
export interface NormalizedText {
  readonly text: string;
  /** `offsets[i]` is the offset in the source of normalised character `i`. */
  readonly offsets: Int32Array;
}

/** Placeholder of a year (2022, 二〇二二 before 年). */
export const YEAR_MARK = 'Y';
/** Placeholder of any other number. */
export const NUMBER_MARK = '#';

const ZERO = 0x30;
const NINE = 0x39;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Folds a full-width digit or Latin letter to ASCII and lower-cases letters; other code units unchanged. */
function fold(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + ZERO;
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 0x61;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 0x61;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return c;
}

/** Whether a (folded) code unit carries wording: CJK ideographs, 〇, ASCII letters and digits. */
function isWording(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    c === 0x3007 ||
    (c >= 0x61 && c <= 0x7a) ||
    isDigit(c)
  );
}

/** Chinese numerals a year is written with (二〇二二年), by code unit. */
const CHINESE_YEAR_DIGIT = new Uint8Array(0x10000);
for (const ch of '〇零一二三四五六七八九') CHINESE_YEAR_DIGIT[ch.charCodeAt(0)] = 1;
const NIAN = '年'.charCodeAt(0);
const Y_CODE = YEAR_MARK.charCodeAt(0);
const NUMBER_CODE = NUMBER_MARK.charCodeAt(0);

/**
 * Normalises `source.slice(start, end)`: keeps wording characters only (so spacing,
 * punctuation and full-/half-width differences never hide a copy), folds
 * full-width forms, writes a year (four digits 1900–2099, or four Chinese numerals
 * before 年) as `Y` and any other number as `#`. One pass over typed arrays.
 */
export function normalize(source: string, start = 0, end = source.length): NormalizedText {
  const codes = new Uint16Array(Math.max(0, end - start));
  const offsets = new Int32Array(Math.max(0, end - start));
  let n = 0;
  let i = start;
  while (i < end) {
    const c = fold(source.charCodeAt(i));
    if (isDigit(c)) {
      // A run of digits, with the separators a number is written with (1,436 / 211.29).
      let j = i + 1;
      let digits = 1;
      while (j < end) {
        const d = fold(source.charCodeAt(j));
        if (isDigit(d)) {
          digits++;
          j++;
          continue;
        }
        if ((d === 0x2c || d === 0x2e || d === 0xff0c || d === 0xff0e) && j + 1 < end && isDigit(fold(source.charCodeAt(j + 1)))) {
          j++;
          continue;
        }
        break;
      }
      const second = fold(source.charCodeAt(i + 1));
      const year = digits === 4 && j - i === 4 && ((c === 0x31 && second === 0x39) || (c === 0x32 && second === 0x30));
      codes[n] = year ? Y_CODE : NUMBER_CODE;
      offsets[n++] = i;
      i = j;
      continue;
    }
    if (
      CHINESE_YEAR_DIGIT[c] === 1 &&
      i + 4 < end &&
      source.charCodeAt(i + 4) === NIAN &&
      CHINESE_YEAR_DIGIT[source.charCodeAt(i + 1)] === 1 &&
      CHINESE_YEAR_DIGIT[source.charCodeAt(i + 2)] === 1 &&
      CHINESE_YEAR_DIGIT[source.charCodeAt(i + 3)] === 1
    ) {
      codes[n] = Y_CODE;
      offsets[n++] = i;
      i += 4;
      continue;
    }
    if (isWording(c)) {
      codes[n] = c;
      offsets[n++] = i;
    }
    i++;
  }
  return { text: fromCodes(codes, n), offsets: offsets.slice(0, n) };
}

// String.fromCharCode.apply overflows the stack on long arrays: it is fed in slices.
function fromCodes(codes: Uint16Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}

/** `normalize` returning only the text (for data lists: formulae, phrases). */
export function normalizedText(source: string): string {
  return normalize(source).text;
}

/** Length of the character n-grams (windows) compared. */
export const SHINGLE = 8;

const MASK30 = 0x3fffffff;
const BASE_A = 0x01000193;
const BASE_B = 0x2f0b3c45 | 1;
/** BASE^(SHINGLE − 1) modulo 2³², what the character leaving a window weighs. */
function power(base: number): number {
  let p = 1;
  for (let k = 1; k < SHINGLE; k++) p = Math.imul(p, base);
  return p;
}
const POW_A = power(BASE_A);
const POW_B = power(BASE_B);

/**
 * Two independent 30-bit hashes of every `SHINGLE`-character window of `text`:
 * entries `2i` and `2i + 1` are those of the window starting at `i` (so there are
 * `text.length - SHINGLE + 1` pairs, or none). Small integers, not one 53-bit
 * number: V8 keeps them unboxed, so looking a window up allocates nothing. The
 * first hash keys the maps, the second tells windows sharing a first hash apart
 * (together 60 bits: a 100 KB report has ~10⁵ windows).
 */
export function windowHashes(text: string): Int32Array {
  const n = text.length - SHINGLE + 1;
  if (n <= 0) return new Int32Array(0);
  const out = new Int32Array(2 * n);
  // Two polynomial hashes rolled along the text (arithmetic modulo 2³², then 30 bits kept):
  // each window costs a constant, whatever SHINGLE is.
  let a = 0;
  let b = 0;
  for (let k = 0; k < SHINGLE; k++) {
    a = (Math.imul(a, BASE_A) + text.charCodeAt(k)) | 0;
    b = (Math.imul(b, BASE_B) + text.charCodeAt(k)) | 0;
  }
  for (let i = 0; ; i++) {
    out[2 * i] = (a ^ (a >>> 30)) & MASK30;
    out[2 * i + 1] = (b ^ (b >>> 30)) & MASK30;
    if (i + 1 >= n) break;
    const leaving = text.charCodeAt(i);
    const entering = text.charCodeAt(i + SHINGLE);
    a = (Math.imul(a - Math.imul(leaving, POW_A), BASE_A) + entering) | 0;
    b = (Math.imul(b - Math.imul(leaving, POW_B), BASE_B) + entering) | 0;
  }
  return out;
}

/** Bits of a 2²⁰-bit filter: most windows looked up are in no set, and a bit test is cheaper than a Map look-up. */
const FILTER_WORDS = 1 << 15;

function filterHas(bits: Uint32Array, h1: number): boolean {
  return (bits[(h1 >>> 5) & (FILTER_WORDS - 1)]! & (1 << (h1 & 31))) !== 0;
}

function filterAdd(bits: Uint32Array, h1: number): void {
  bits[(h1 >>> 5) & (FILTER_WORDS - 1)]! |= 1 << (h1 & 31);
}

/** A set of windows (by their two hashes). */
export class WindowSet {
  private readonly byFirst = new Map<number, number[]>();
  private readonly bits = new Uint32Array(FILTER_WORDS);
  private count = 0;

  add(h1: number, h2: number): void {
    filterAdd(this.bits, h1);
    const list = this.byFirst.get(h1);
    if (!list) this.byFirst.set(h1, [h2]);
    else if (!list.includes(h2)) list.push(h2);
    else return;
    this.count++;
  }

  has(h1: number, h2: number): boolean {
    if (!filterHas(this.bits, h1)) return false;
    const list = this.byFirst.get(h1);
    return list !== undefined && list.includes(h2);
  }

  get size(): number {
    return this.count;
  }
}

/** Window → the indexes of the texts holding it (each once, in order). */
export class WindowPostings {
  private readonly byFirst = new Map<number, { readonly h2: number; readonly list: number[] }[]>();
  private readonly bits = new Uint32Array(FILTER_WORDS);
  private count = 0;

  /** Adds text `at` to the window's list, unless it is its last entry or the list already holds more than `cap`. */
  add(h1: number, h2: number, at: number, cap: number): void {
    filterAdd(this.bits, h1);
    let entries = this.byFirst.get(h1);
    if (!entries) this.byFirst.set(h1, (entries = []));
    for (const e of entries) {
      if (e.h2 !== h2) continue;
      if (e.list[e.list.length - 1] !== at && e.list.length <= cap) e.list.push(at);
      return;
    }
    entries.push({ h2, list: [at] });
    this.count++;
    if (at >= this.texts) this.texts = at + 1;
  }

  /** One more than the highest text index added. */
  texts = 0;

  get(h1: number, h2: number): readonly number[] | undefined {
    if (!filterHas(this.bits, h1)) return undefined;
    const entries = this.byFirst.get(h1);
    if (!entries) return undefined;
    for (const e of entries) if (e.h2 === h2) return e.list;
    return undefined;
  }

  /** How many distinct windows are indexed. */
  get size(): number {
    return this.count;
  }
}
