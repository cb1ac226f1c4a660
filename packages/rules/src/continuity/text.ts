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

const CHINESE_YEAR_DIGITS = new Set([...'〇零一二三四五六七八九'].map((ch) => ch.charCodeAt(0)));
const NIAN = '年'.charCodeAt(0);

/**
 * Normalises `source.slice(start, end)`: keeps wording characters only (so spacing,
 * punctuation and full-/half-width differences never hide a copy), folds
 * full-width forms, writes a year (four digits 1900–2099, or four Chinese numerals
 * before 年) as `Y` and any other number as `#`.
 */
export function normalize(source: string, start = 0, end = source.length): NormalizedText {
  const out: number[] = [];
  const offsets: number[] = [];
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
      const first = fold(source.charCodeAt(i));
      const second = fold(source.charCodeAt(i + 1));
      const year = digits === 4 && j - i === 4 && ((first === 0x31 && second === 0x39) || (first === 0x32 && second === 0x30));
      out.push((year ? YEAR_MARK : NUMBER_MARK).charCodeAt(0));
      offsets.push(i);
      i = j;
      continue;
    }
    if (CHINESE_YEAR_DIGITS.has(c) && i + 4 < end && source.charCodeAt(i + 4) === NIAN) {
      let all = true;
      for (let k = 1; k < 4; k++) if (!CHINESE_YEAR_DIGITS.has(source.charCodeAt(i + k))) all = false;
      if (all) {
        out.push(YEAR_MARK.charCodeAt(0));
        offsets.push(i);
        i += 4;
        continue;
      }
    }
    if (isWording(c)) {
      out.push(c);
      offsets.push(i);
    }
    i++;
  }
  return { text: fromCodes(out), offsets: Int32Array.from(offsets) };
}

// String.fromCharCode(...array) overflows the stack on long arrays: it is fed in slices.
function fromCodes(codes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.slice(i, i + 4096));
  return s;
}

/** `normalize` returning only the text (for data lists: formulae, phrases). */
export function normalizedText(source: string): string {
  return normalize(source).text;
}

/** Length of the character n-grams (shingles) compared. */
export const SHINGLE = 8;

/**
 * The hash of every `SHINGLE`-character window of `text`: entry `i` is the window
 * starting at `i` (so there are `text.length - SHINGLE + 1` of them, or none).
 * Two independent 32-bit polynomial hashes are combined into one 53-bit number,
 * so distinct windows practically never collide (a 100 KB report has ~10⁵ windows)
 * and a Map keyed by numbers is used instead of one string per window.
 */
export function shingleHashes(text: string): Float64Array {
  const n = text.length - SHINGLE + 1;
  if (n <= 0) return new Float64Array(0);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let a = 0x811c9dc5;
    let b = 0x12345;
    for (let k = 0; k < SHINGLE; k++) {
      const c = text.charCodeAt(i + k);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = (Math.imul(b, 31) + c) >>> 0;
    }
    out[i] = (a & 0x1fffff) * 0x100000000 + b;
  }
  return out;
}
