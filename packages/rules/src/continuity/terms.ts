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

/** The short character sequences (2 and 3 characters) a text contains, for "is this term mentioned" tests. */
export interface Mentions {
  has(term: string): boolean;
}

/**
 * The two- and three-character sequences of a normalised text, outside `excluded`
 * offset ranges (this year's own plan: planning an item again is not reporting on it).
 * Kept as numbers (UTF-16 codes packed), not strings: a 100 KB report has ~10⁵ of each.
 */
export function mentionsOf(text: string, offsets: Int32Array, excluded: readonly { start: number; end: number }[]): Mentions {
  const seen = new Set<number>();
  let r = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const at = offsets[i]!;
    while (r < excluded.length && excluded[r]!.end <= at) r++;
    const ex = excluded[r];
    if (ex && at >= ex.start && at < ex.end) continue;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    seen.add(a * 0x10000 + b);
    if (i + 2 < text.length) seen.add(((a * 0x10000 + b) * 0x10000 + text.charCodeAt(i + 2)) + 0x100000000);
  }
  return {
    has(term: string): boolean {
      if (term.length === 2) return seen.has(term.charCodeAt(0) * 0x10000 + term.charCodeAt(1));
      if (term.length === 3) {
        return seen.has((term.charCodeAt(0) * 0x10000 + term.charCodeAt(1)) * 0x10000 + term.charCodeAt(2) + 0x100000000);
      }
      return false;
    },
  };
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
