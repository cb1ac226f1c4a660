/**
 * Character classes and the folded view of a stretch of text: what every
 * layer of the parser shares.
 */

/** The units `isSpace` holds, for tables (a test checks the two agree). */
export const SPACE_CODES: readonly number[] = [0x20, 0x09, 0x3000, 0xa0, 0x0a, 0x0d, 0xfeff, 0x2002, 0x2003];
/** Whitespace including the ideographic space and NBSP, common in pasted pages. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 10 || code === 13 || code === 0xfeff || code === 0x2002 || code === 0x2003;
}

/** Whitespace inside a line (no line breaks). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x2002 || code === 0x2003;
}

/** The units /\s/ matches (ECMAScript's WhiteSpace and LineTerminator; a test checks every unit against the regex). */
export const REGEXP_SPACE_CODES: readonly number[] = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
/** Per UTF-16 unit: 1 for what /\s/ matches (one unit, no `u` flag). */
export const REGEXP_SPACE = new Uint8Array(0x10000);
for (const c of REGEXP_SPACE_CODES) REGEXP_SPACE[c] = 1;

/**
 * Whether text[from, to) holds a unit marked 1 in `table` (a 65,536-entry table by UTF-16 unit):
 * the pre-check that lets a regular expression or a slice be skipped when no match can start.
 */
export function holdsUnit(table: Uint8Array, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (table[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** What /\s/ matches, by UTF-16 unit (a code outside 0–0xFFFF, or NaN past a text's end: no). */
export function isRegExpSpace(code: number): boolean {
  return REGEXP_SPACE[code] === 1;
}

/**
 * The start of text[start, end) with its leading whitespace skipped (what `trimRange` gives first).
 * With `trimmedEnd`, for loops over lines: two numbers, not a pair array and, destructured, an
 * array iterator and its result objects per line.
 */
export function trimmedStart(text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  return s;
}

/** The end of text[s, end) with its trailing whitespace left out (`s` from `trimmedStart`: what `trimRange` gives second). */
export function trimmedEnd(text: string, s: number, end: number): number {
  let e = end;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Shrinks [start, end) to exclude surrounding whitespace. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  const s = trimmedStart(text, start, end);
  return [s, trimmedEnd(text, s, end)];
}

/** 。！？；!?; — the marks that end a sentence. */
export function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0xff1b || code === 0x21 || code === 0x3f || code === 0x3b;
}

/** ”’」』）)"》〕】 — closers that stay with the sentence before them. */
export function isCloser(code: number): boolean {
  return code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0xff09 || code === 0x29 || code === 0x22 || code === 0x300b || code === 0x3015 || code === 0x3011;
}

/**
 * A stretch of text read with its soft line breaks removed: a web copy broken
 * into short lines mid-sentence (`202` / `1` / `年`) reads as `2021年`. Offsets
 * in the folded string map back to the text, so everything found in it keeps
 * the offsets of the text.
 */
export interface Fold {
  /** The text with each soft line break, and the blanks around it, removed. */
  readonly text: string;
  /** True when nothing was removed (the folded string is the text slice). */
  readonly identity: boolean;
  /** Offset in the text of the character at folded index `i` (`i` may equal the length: the end). */
  start(i: number): number;
  /** Offset in the text just after the character before folded index `i` (for range ends). */
  end(i: number): number;
}

/**
 * Folds text[start, end): every line break inside it (with the blanks on both
 * sides) is removed. Callers fold only stretches whose line breaks are soft.
 * `slice`, when given, is text[start, end) already made (a sentence's or paragraph's
 * `text`): a stretch without line breaks is then read without another copy.
 */
export function fold(text: string, start: number, end: number, slice?: string): Fold {
  // Most stretches hold no line break: look only inside them, in the slice (indexOf on the text
  // would run on to its end). Two builtin scans, not a loop per unit: callers fold every sentence,
  // and this code mostly runs unoptimised.
  // The line-break path is a function of its own (`fold` was 696 bytes of bytecode, now 94: V8's
  // optimising tier waits for ticks in proportion to size under the CLI's interrupt budget).
  const piece = slice ?? text.slice(start, end);
  const lf = piece.indexOf('\n');
  const cr = piece.indexOf('\r');
  if (lf < 0 && cr < 0) return identityFold(piece, start);
  return foldBreaks(text, start, end, piece, lf, cr);
}

/** {@link fold} of a stretch with a line break: `lf` and `cr` are the first of each in `piece` (text[start, end)), or -1. */
function foldBreaks(text: string, start: number, end: number, piece: string, lf: number, cr: number): Fold {
  const first = start + (lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr));
  // A long stretch is folded by the parser and several rules in turn (a paragraph of a hundred
  // thousand short lines, ~150 ms a fold per MB): the last long one is kept. A fold is immutable
  // and depends only on text[start, end), so one instance serves every caller.
  const long = end - start >= LONG_FOLD;
  if (long && lastFold !== undefined && lastFoldStart === start && lastFoldEnd === end && lastFoldText === text) return lastFold;

  // Pieces of kept text: folded [fs[k], fs[k+1]) is text [ts[k], ts[k] + length). At most one more
  // than the line breaks: the lists made at that length and cut, not grown by `push` (a first push
  // gives room for 17, and most folds are of a paragraph of two or three short lines).
  let bound = 1;
  for (let k = lf; k >= 0; k = piece.indexOf('\n', k + 1)) bound++;
  for (let k = cr; k >= 0; k = piece.indexOf('\r', k + 1)) bound++;
  const fs: number[] = new Array<number>(bound);
  const ts: number[] = new Array<number>(bound);
  let count = 0;
  let out = '';
  let i = start;
  while (i < end) {
    let brk = i < first ? first : -1;
    if (brk < 0) {
      for (let k = i; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) {
          brk = k;
          break;
        }
      }
    }
    if (brk < 0) brk = end;
    // The piece ends before the blanks that precede the break.
    let pe = brk;
    if (brk < end) while (pe > i && isBlank(text.charCodeAt(pe - 1))) pe--;
    if (pe > i) {
      fs[count] = out.length;
      ts[count++] = i;
      out += text.slice(i, pe);
    }
    if (brk >= end) break;
    // Skip the break and the blanks (and further breaks) after it.
    let j = brk;
    while (j < end && (isBlank(text.charCodeAt(j)) || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) j++;
    i = j;
  }
  fs.length = count;
  ts.length = count;
  const folded = new PiecewiseFold(out, start, fs, ts);
  if (long) {
    lastFold = folded;
    lastFoldText = text;
    lastFoldStart = start;
    lastFoldEnd = end;
  }
  return folded;
}

/** Stretches at least this long (UTF-16 units) are kept by {@link fold} for the next caller. */
const LONG_FOLD = 4096;
let lastFold: PiecewiseFold | undefined;
let lastFoldText: string | undefined;
let lastFoldStart = -1;
let lastFoldEnd = -1;

/**
 * Folds are made per sentence and paragraph by many rules: they are class instances
 * (one object) rather than object literals with two closures each (three objects and a
 * context), which was the parser's largest source of garbage.
 */
class PiecewiseFold implements Fold {
  readonly identity = false;
  constructor(
    readonly text: string,
    private readonly base: number,
    /** Pieces of kept text: folded [fs[k], fs[k+1]) is text [ts[k], ts[k] + length). */
    private readonly fs: readonly number[],
    private readonly ts: readonly number[],
  ) {}

  private piece(k: number): number {
    const fs = this.fs;
    let lo = 0;
    let hi = fs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((fs[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(k: number): number {
    if (this.fs.length === 0) return this.base;
    if (k >= this.text.length) return this.end(this.text.length);
    const p = this.piece(k);
    return (this.ts[p] as number) + k - (this.fs[p] as number);
  }

  end(k: number): number {
    if (this.fs.length === 0) return this.base;
    if (k <= 0) return this.ts[0] as number;
    const p = this.piece(k - 1);
    return (this.ts[p] as number) + k - (this.fs[p] as number);
  }
}

/** A stretch without line breaks: folded index k is text offset base + k. */
class IdentityFold implements Fold {
  readonly identity = true;
  constructor(
    readonly text: string,
    private readonly base: number,
  ) {}

  start(k: number): number {
    return this.base + k;
  }

  end(k: number): number {
    return this.base + k;
  }
}

/** text[start, end) as a `Fold` that removes nothing (so code can treat folded and plain stretches alike). */
export function unfolded(text: string, start: number, end: number): Fold {
  return identityFold(text.slice(start, end), start);
}

function identityFold(slice: string, base: number): Fold {
  return new IdentityFold(slice, base);
}

/**
 * The words of text[start, end) as they read: line breaks inside it, with the
 * blanks around them, removed (`存在一些不\n足` reads `存在一些不足`). For
 * matching words in a report copied with its lines broken mid-sentence.
 */
export function readText(text: string, start: number, end: number): string {
  return fold(text, start, end).text;
}

/** The end of an issuer's name, as it signs a report (`莆田市科学技术局`, `中共洪洞县委`, `宽城区人民政府`). */
export const ISSUER_END = /(?:委员会|人民政府|政府|党委|党组|县委|市委|区委|镇委|委|局|办公室|办事处|街道|管委会|管理局|司法局|厅|部|院|中心|公司)$/u;

/** Where two texts differ: the lengths of their common prefix and of their common suffix after it. */
export interface ChangedSpan {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The span where `next` differs from `previous`, as the common prefix and the common suffix that
 * does not overlap it. Found by halving with native comparisons of slices (a slice of a flat string
 * is a view, the comparison a memory compare): far faster than a loop over the characters of a
 * 100 KB text on every keystroke.
 */
export function changedSpan(previous: string, next: string): ChangedSpan {
  const max = Math.min(previous.length, next.length);
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (previous.slice(lo, mid) === next.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const prefix = lo;
  const a = previous.length;
  const b = next.length;
  lo = 0;
  hi = max - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (previous.slice(a - mid, a - lo) === next.slice(b - mid, b - lo)) lo = mid;
    else hi = mid - 1;
  }
  return { prefix, suffix: lo };
}
