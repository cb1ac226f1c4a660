/**
 * Key terms of a shortcoming or a plan item, without a word segmenter: the
 * item's wording normalised, its generic words (有待进一步加强, 持续推进 …, from
 * the ontology) cut out, and the character bigrams of what remains. What is left
 * names the item's object: 基层法治建设有待进一步加强 → 基层, 层法, 法治 (and 治建…
 * is cut where 建设 was). Two items are the same item when their terms mostly agree.
 */
import { normalize } from './text.js';

const PATTERNS = new WeakMap<readonly string[], RegExp>();

function genericPattern(words: readonly string[]): RegExp {
  let re = PATTERNS.get(words);
  if (!re) {
    const sorted = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Masked years and numbers go too: they date an item, they do not name it.
    re = new RegExp(`${sorted.join('|')}|[Y#]`, 'gu');
    PATTERNS.set(words, re);
  }
  return re;
}

/** The content bigrams of `text` once the `generic` words are cut out. */
export function contentTerms(text: string, generic: readonly string[]): Set<string> {
  const stripped = normalize(text).text.replace(genericPattern(generic), '|');
  const out = new Set<string>();
  for (const segment of stripped.split('|')) {
    for (let i = 0; i + 2 <= segment.length; i++) out.add(segment.slice(i, i + 2));
  }
  return out;
}

/** How many terms two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) n++;
  return n;
}

/** Dice's coefficient of two term sets (0 when both are empty). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  return (2 * sharedCount(a, b)) / (a.size + b.size);
}

/** Which of some short terms (two or three characters) a text contains. */
export interface Mentions {
  has(term: string): boolean;
}

const MASK30 = 0x3fffffff;

function termKey(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 31) + b, 31) + c) & MASK30;
}

/**
 * Which of `terms` (two or three characters each) the normalised `text` contains
 * outside `excluded` offset ranges (this year's own plan: planning an item again is
 * not reporting on it). One pass over the text, looking each position up among the
 * wanted terms only (small-integer keys, checked character by character on a hit).
 */
export function mentionsIn(
  text: string,
  offsets: Int32Array,
  excluded: readonly { start: number; end: number }[],
  terms: Iterable<string>,
): Mentions {
  const found = new Set<string>();
  new TermScanner(terms).scan(text, 0, text.length, found, offsets, excluded);
  return found;
}

/** The longest term a {@link TermScanner} looks for (`lookupTerms` makes terms of two and three characters; others are ignored). */
export const LONGEST_TERM = 3;

/** The wanted terms of {@link mentionsIn}, looked up by position (built once for a list of terms). */
export class TermScanner {
  private readonly wanted = [new Map<number, string[]>(), new Map<number, string[]>()];

  constructor(terms: Iterable<string>) {
    for (const t of terms) {
      if (t.length < 2 || t.length > LONGEST_TERM) continue;
      const key = termKey(t.charCodeAt(0), t.charCodeAt(1), t.length === 3 ? t.charCodeAt(2) : 0);
      const map = this.wanted[t.length - 2]!;
      const list = map.get(key);
      if (!list) map.set(key, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }

  /**
   * Adds to `found` the terms starting at the positions [from, to) of `text` (read to the
   * text's end), skipping positions whose offset (`offsets[i]`) lies in `excluded` (sorted by start).
   */
  scan(text: string, from: number, to: number, found: Set<string>, offsets?: Int32Array, excluded?: readonly { start: number; end: number }[]): void {
    const two = this.wanted[0]!;
    const three = this.wanted[1]!;
    let r = 0;
    const last = Math.min(to, text.length - 1);
    for (let i = from; i < last; i++) {
      if (excluded && offsets) {
        const at = offsets[i]!;
        while (r < excluded.length && excluded[r]!.end <= at) r++;
        const ex = excluded[r];
        if (ex && at >= ex.start && at < ex.end) continue;
      }
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      const pairs = two.get(termKey(a, b, 0));
      if (pairs) for (const t of pairs) if (t.charCodeAt(0) === a && t.charCodeAt(1) === b) found.add(t);
      if (i + 2 < text.length) {
        const c = text.charCodeAt(i + 2);
        const triples = three.get(termKey(a, b, c));
        if (triples) for (const t of triples) if (t.charCodeAt(0) === a && t.charCodeAt(1) === b && t.charCodeAt(2) === c) found.add(t);
      }
    }
  }
}

/** The two- and three-character terms `mentionedShare` looks up for these segments. */
export function lookupTerms(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s.length === 2) out.push(s);
    else for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  }
  return out;
}

/**
 * The segments of an item's wording that name its object: the normalised text cut
 * at its generic words (加强, 推进 …), segments of at least two characters.
 */
export function keySegments(text: string, generic: readonly string[]): string[] {
  return normalize(text)
    .text.replace(genericPattern(generic), '|')
    .split('|')
    .filter((s) => s.length >= 2);
}

/**
 * The share of an item's key characters that this year's report mentions: a
 * character counts when a three-character sequence of its segment holding it
 * occurs in the report (a two-character segment: when it occurs whole).
 */
export function mentionedShare(segments: readonly string[], mentions: Mentions): { keyChars: number; share: number } {
  let keyChars = 0;
  let covered = 0;
  for (const s of segments) {
    keyChars += s.length;
    if (s.length === 2) {
      if (mentions.has(s)) covered += 2;
      continue;
    }
    let until = 0;
    for (let i = 0; i + 3 <= s.length; i++) {
      if (!mentions.has(s.slice(i, i + 3))) continue;
      covered += Math.min(3, i + 3 - Math.max(i, until));
      until = i + 3;
    }
  }
  return { keyChars, share: keyChars > 0 ? covered / keyChars : 1 };
}
