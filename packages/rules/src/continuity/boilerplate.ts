/**
 * Wording every report shares — the regulation's own phrases, the standard
 * political formulae, and phrases found in the reports of many unrelated
 * issuers — as a set of window hashes: a window of this year's passage in the
 * set is neither counted as copied nor as the passage's own wording.
 */
import { COMMON_CORPUS_PHRASES, STANDARD_FORMULAE } from '@fzlint/ontology';
import { normalize, shingleHashes } from './text.js';

/** Window hashes of wording that is never a copy. */
export type Boilerplate = ReadonlySet<number>;

/** The window hashes of a list of phrases (each normalised as report text is). */
export function boilerplateOf(phrases: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const phrase of phrases) for (const h of shingleHashes(normalize(phrase).text)) out.add(h);
  return out;
}

let builtin: Set<number> | undefined;

/** The built-in boilerplate: the ontology's formulae and the corpus's common phrases (built on first use). */
export function builtinBoilerplate(): Boilerplate {
  builtin ??= boilerplateOf([...STANDARD_FORMULAE, ...COMMON_CORPUS_PHRASES]);
  return builtin;
}
