import { TYPO_EXCLUSIONS, TYPO_FOLLOWERS, TYPO_VARIANTS } from './typo-candidates.js';

export { TYPO_GENERATION } from './typo-candidates.js';

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

/**
 * Every generated candidate misspelling of the core terms (`TYPO_CORE_TERMS`), decoded
 * once per process from the compact generated tables.
 */
export function typoCandidates(): readonly TypoCandidate[] {
  if (decoded) return decoded;
  const out: TypoCandidate[] = [];
  visitTypoCandidates((right, at, unit, kindCode, _index) => {
    const ch = String.fromCharCode(unit);
    const wrong = right.slice(0, at) + ch + right.slice(at + 1);
    const kind = KINDS[String.fromCharCode(kindCode) as keyof typeof KINDS];
    const exclude = TYPO_EXCLUSIONS[wrong];
    const followers = at === right.length - 1 ? TYPO_FOLLOWERS[ch] : undefined;
    // Four literal shapes rather than spreads: optional keys stay absent, and decoding stays cheap.
    if (exclude) out.push(followers ? { wrong, right, kind, at, exclude, followers } : { wrong, right, kind, at, exclude });
    else out.push(followers ? { wrong, right, kind, at, followers } : { wrong, right, kind, at });
  });
  decoded = out;
  return out;
}

/** Every word that a candidate's `exclude` lists (real words across a candidate's edge). */
export function typoExclusionWords(): readonly string[] {
  return Object.values(TYPO_EXCLUSIONS).flat();
}
