/**
 * Wording every report shares — the regulation's own phrases, the standard
 * political formulae, and phrases found in the reports of many unrelated
 * issuers — as a set of window hashes: a window of this year's passage in the
 * set is neither counted as copied nor as the passage's own wording.
 */
import { COMMON_CORPUS_PHRASES, STANDARD_FORMULAE } from '@fzlint/ontology';
import { normalize, windowHashes, WindowSet } from './text.js';

/** Windows of wording that is never a copy. */
export type Boilerplate = Pick<WindowSet, 'has'>;

/** The windows of a list of phrases (each normalised as report text is). */
export function boilerplateOf(phrases: Iterable<string>): WindowSet {
  const out = new WindowSet();
  for (const phrase of phrases) {
    const h = windowHashes(normalize(phrase).text);
    for (let i = 0; i < h.length; i += 2) out.add(h[i]!, h[i + 1]!);
  }
  return out;
}

let builtin: WindowSet | undefined;

/** The built-in boilerplate: the ontology's formulae and the corpus's common phrases (built on first use). */
export function builtinBoilerplate(): Boilerplate {
  builtin ??= boilerplateOf([...STANDARD_FORMULAE, ...COMMON_CORPUS_PHRASES]);
  return builtin;
}
