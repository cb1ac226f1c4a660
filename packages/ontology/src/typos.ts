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
 * Every generated candidate misspelling of the core terms (`TYPO_CORE_TERMS`), decoded
 * once per process from the compact generated tables.
 */
export function typoCandidates(): readonly TypoCandidate[] {
  if (decoded) return decoded;
  const out: TypoCandidate[] = [];
  for (const [term, variants] of TYPO_VARIANTS) {
    for (const token of variants.split(' ')) {
      const kind = KINDS[token[0] as keyof typeof KINDS];
      const chars = [...token.slice(1)];
      const ch = chars.pop()!;
      const at = Number(chars.join(''));
      const wrong = term.slice(0, at) + ch + term.slice(at + 1);
      const exclude = TYPO_EXCLUSIONS[wrong];
      const followers = at === term.length - 1 ? TYPO_FOLLOWERS[ch] : undefined;
      out.push({ wrong, right: term, kind, at, ...(exclude ? { exclude } : {}), ...(followers ? { followers } : {}) });
    }
  }
  decoded = out;
  return out;
}
