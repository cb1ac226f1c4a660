import { TYPO_EXCLUSIONS, TYPO_FOLLOWERS, TYPO_VARIANTS } from './typo-candidates.js';

export { TYPO_DIGEST, TYPO_GENERATION } from './typo-candidates.js';

/** A candidate misspelling of a core term (style/domain-typo). */
export interface TypoCandidate {
  /** The misspelling as it would be written. */
  readonly wrong: string;
  /** The core term it misspells: the fix. */
  readonly right: string;
  /** Same sound (homophone), same look (lookalike), or both. */
  readonly kind: 'homophone' | 'lookalike' | 'both';
  /** Position of the changed character. */
  readonly at: number;
  /** Real words that run across its edge from an inner changed character: not this typo. */
  readonly exclude?: readonly string[];
  /** When the last character is the changed one: the characters that would make it begin a word (竟 + 然). */
  readonly followers?: string;
}

const KINDS = { h: 'homophone', l: 'lookalike', b: 'both' } as const;
let decoded: readonly TypoCandidate[] | undefined;

/**
 * Calls `visit` for every generated candidate, in `typoCandidates()` order (`index` is its
 * place there), without building its string or object: a matcher compiles the 9,700
 * candidates at every process's start, and decoding them all cost more than the matching.
 * `unit` is the UTF-16 unit that replaces the term's unit at `at`; `kind` is the code of h, l or b.
 * With `units` (a bit per UTF-16 unit), only the candidates whose replacing unit has its bit
 * set are visited (a one-document matcher skips the rest without a call; indexes stay the same).
 */
export function visitTypoCandidates(visit: (term: string, at: number, unit: number, kind: number, index: number) => void, units?: Uint32Array): void {
  let index = 0;
  for (let t = 0; t < TYPO_VARIANTS.length; t++) {
    const [term, variants] = TYPO_VARIANTS[t]!;
    // Tokens `<kind><position digits><one character>` separated by single spaces. Every
    // replacement character is one UTF-16 unit (test/typos.test.ts checks the decoding).
    let i = 0;
    while (i < variants.length) {
      let end = variants.indexOf(' ', i);
      if (end < 0) end = variants.length;
      if (units !== undefined) {
        const unit = variants.charCodeAt(end - 1);
        if ((units[unit >>> 5]! & (1 << (unit & 31))) === 0) {
          index++;
          i = end + 1;
          continue;
        }
      }
      let at = 0;
      for (let k = i + 1; k < end - 1; k++) at = at * 10 + (variants.charCodeAt(k) - 48);
      visit(term, at, variants.charCodeAt(end - 1), variants.charCodeAt(i), index++);
      i = end + 1;
    }
  }
}

/** The candidate `right` with its unit at `at` replaced by `unit`, of kind code `kindCode` (h, l or b). */
function decodeCandidate(right: string, at: number, unit: number, kindCode: number): TypoCandidate {
  const ch = String.fromCharCode(unit);
  const wrong = right.slice(0, at) + ch + right.slice(at + 1);
  const kind = KINDS[String.fromCharCode(kindCode) as keyof typeof KINDS];
  const exclude = TYPO_EXCLUSIONS[wrong];
  const followers = at === right.length - 1 ? TYPO_FOLLOWERS[ch] : undefined;
  // Four literal shapes rather than spreads: optional keys stay absent, and decoding stays cheap.
  if (exclude) return followers ? { wrong, right, kind, at, exclude, followers } : { wrong, right, kind, at, exclude };
  return followers ? { wrong, right, kind, at, followers } : { wrong, right, kind, at };
}

/**
 * Every generated candidate misspelling of the core terms (`TYPO_CORE_TERMS`), decoded
 * once per process from the compact generated tables.
 */
export function typoCandidates(): readonly TypoCandidate[] {
  if (decoded) return decoded;
  const out: TypoCandidate[] = [];
  visitTypoCandidates((right, at, unit, kindCode, _index) => {
    out.push(decodeCandidate(right, at, unit, kindCode));
  });
  decoded = out;
  return out;
}

/** Per term of TYPO_VARIANTS, the index of its first candidate (one more entry: the count). */
let firstIndexOfTerm: Int32Array | undefined;
/** The candidates `typoCandidateAt` has decoded, by index. */
const decodedOne = new Map<number, TypoCandidate>();

/**
 * The candidate at `index` (its place in `typoCandidates()`, the payload a matcher built
 * with `visitTypoCandidates` holds), decoded alone: a lint meets a handful of candidates,
 * and decoding all 9,700 at the first one cost ~40 ms of every process (thread) that met one.
 */
export function typoCandidateAt(index: number): TypoCandidate {
  const known = decodedOne.get(index);
  if (known) return known;
  if (!firstIndexOfTerm) {
    // Tokens are separated by single spaces: a term's count is its spaces plus one.
    const firsts = new Int32Array(TYPO_VARIANTS.length + 1);
    let count = 0;
    for (let t = 0; t < TYPO_VARIANTS.length; t++) {
      firsts[t] = count;
      const variants = TYPO_VARIANTS[t]![1];
      if (variants.length === 0) continue;
      count++;
      for (let i = variants.indexOf(' '); i >= 0; i = variants.indexOf(' ', i + 1)) count++;
    }
    firsts[TYPO_VARIANTS.length] = count;
    firstIndexOfTerm = firsts;
  }
  const firsts = firstIndexOfTerm;
  if (!(index >= 0 && index < firsts[TYPO_VARIANTS.length]!)) throw new RangeError(`no typo candidate ${index}`);
  // The last term whose first index is at most `index`.
  let lo = 0;
  let hi = TYPO_VARIANTS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  const [term, variants] = TYPO_VARIANTS[lo]!;
  let start = 0;
  for (let skip = index - firsts[lo]!; skip > 0; skip--) start = variants.indexOf(' ', start) + 1;
  let end = variants.indexOf(' ', start);
  if (end < 0) end = variants.length;
  let at = 0;
  for (let k = start + 1; k < end - 1; k++) at = at * 10 + (variants.charCodeAt(k) - 48);
  const candidate = decodeCandidate(term, at, variants.charCodeAt(end - 1), variants.charCodeAt(start));
  decodedOne.set(index, candidate);
  return candidate;
}

/** Every word that a candidate's `exclude` lists (real words across a candidate's edge). */
export function typoExclusionWords(): readonly string[] {
  return Object.values(TYPO_EXCLUSIONS).flat();
}
