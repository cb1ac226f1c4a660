/**
 * How much of a passage of this year's report repeats last year's report.
 *
 * Last year's report is indexed once (a map from each 8-character window of its
 * normalised passages to the passages holding it). Each passage of this year's
 * report is then read window by window: a window found in last year's index
 * marks its characters as repeated, unless it is boilerplate (a formula every
 * report writes) or a phrase last year's report itself repeats in many places
 * (the unit's own name and slogans). The passage's similarity is the share of
 * its own characters (boilerplate excluded) that lie in repeated runs of at least
 * `MIN_RUN` characters; the passages of last year that hold most of those windows
 * are where it was copied from.
 *
 * Cost: linear in the two reports' lengths. Each window is one hash look-up; a
 * posting list longer than `MAX_POSTING` is not walked (it marks boilerplate), so
 * no passage is ever compared with every passage of the other report.
 */
import { documentMemo, type ReportDocument } from '@fzlint/parser';
import { builtinBoilerplate, type Boilerplate } from './boilerplate.js';
import { passagesOf, type Passage } from './passages.js';
import { SHINGLE, windowHashes, WindowPostings } from './text.js';

/** A window held by more of last year's passages than this is the report's own refrain, not a copy source. */
const MAX_POSTING = 6;

/**
 * Repeated runs shorter than this many characters are not counted: a shared name
 * or set phrase of 8–11 characters (平潭综合实验区, 行政执法人员) says nothing about
 * copying. Measured (docs/rules/continuity/copied-passage.md): 12 keeps unrelated
 * passages low without losing lightly edited copies.
 */
export const MIN_RUN = 12;

/** Last year's report, indexed by window. */
export interface PreviousIndex {
  readonly document: ReportDocument;
  readonly passages: readonly Passage[];
  /** Window → indexes of the passages holding it (each once, in order). */
  readonly postings: WindowPostings;
}

const INDEXES = documentMemo<PreviousIndex>();

/** The window index of a (previous) report, built once per document. */
export function previousIndex(document: ReportDocument): PreviousIndex {
  const cached = INDEXES.get(document);
  if (cached) return cached;
  const passages = passagesOf(document);
  const postings = buildPostings(passages.map((p) => p.norm.text));
  const index = { document, passages, postings };
  INDEXES.set(document, index);
  return index;
}

/** How a passage of this year's report compares with last year's report. */
export interface PassageComparison {
  readonly passage: Passage;
  /** Characters of the passage that are its own wording (not boilerplate). */
  readonly contentChars: number;
  /** Of those, the characters in repeated runs of at least `MIN_RUN`. */
  readonly repeatedChars: number;
  /** `repeatedChars / contentChars` (0 when the passage has no content of its own). */
  readonly similarity: number;
  /** Last year's passages holding the repeated windows, most first (at most two). */
  readonly sources: readonly Passage[];
}

/** Options of `comparePassage` (measurement scripts try other values). */
export interface CompareOptions {
  readonly boilerplate?: Boilerplate;
  readonly minRun?: number;
}

/** What `coverage` finds: how much of a text repeats indexed texts, and which ones. */
export interface Coverage {
  readonly contentChars: number;
  readonly repeatedChars: number;
  /** Indexed text → how many of the repeated windows it holds. */
  readonly votes: ReadonlyMap<number, number>;
}

/** Window → indexes of the texts holding it (each once; lists stop growing past `MAX_POSTING`). */
export function buildPostings(texts: readonly string[]): WindowPostings {
  const postings = new WindowPostings();
  texts.forEach((text, at) => {
    const h = windowHashes(text);
    for (let i = 0; i < h.length; i += 2) postings.add(h[i]!, h[i + 1]!, at, MAX_POSTING);
  });
  return postings;
}

let scratch = new Int32Array(256);

/**
 * How much of the normalised `text` repeats the texts behind `postings`: its own
 * characters (boilerplate excluded) and, of those, the ones in repeated runs of at
 * least `minRun` characters; with the indexed texts voted for by repeated window.
 */
export function coverage(text: string, postings: WindowPostings, options: CompareOptions = {}): Coverage {
  const boilerplate = options.boilerplate ?? builtinBoilerplate();
  const minRun = options.minRun ?? MIN_RUN;
  const n = text.length;
  const hashes = windowHashes(text);
  const windows = hashes.length >> 1;
  // 1 = boilerplate, 2 = repeated (a character can be both: boilerplate wins).
  const marks = new Uint8Array(n);
  // Votes counted in a scratch array shared by every call (one slot per indexed text,
  // cleared after use through `voted`): no per-passage allocation as long as the index.
  if (scratch.length < postings.texts) scratch = new Int32Array(Math.max(postings.texts, 2 * scratch.length));
  const tally = scratch;
  const voted: number[] = [];
  let boilerUntil = 0;
  let repeatUntil = 0;
  for (let i = 0; i < windows; i++) {
    const h1 = hashes[2 * i]!;
    const h2 = hashes[2 * i + 1]!;
    let boiler = boilerplate.has(h1, h2);
    const list = boiler ? undefined : postings.get(h1, h2);
    if (list && list.length > MAX_POSTING) boiler = true;
    if (boiler) {
      for (let j = Math.max(i, boilerUntil); j < i + SHINGLE; j++) marks[j] = 1;
      boilerUntil = i + SHINGLE;
      continue;
    }
    if (!list) continue;
    for (let j = Math.max(i, repeatUntil); j < i + SHINGLE; j++) if (marks[j] !== 1) marks[j] = 2;
    repeatUntil = i + SHINGLE;
    for (const q of list) {
      const v = tally[q]!;
      if (v === 0) voted.push(q);
      tally[q] = v + 1;
    }
  }
  // A run of repeated characters may pass through boilerplate (a copied sentence
  // quoting a formula), but only its own repeated characters count, and only when
  // there are at least `minRun` of them.
  let contentChars = 0;
  let repeatedChars = 0;
  let runContent = 0;
  for (let i = 0; i < n; i++) {
    const mark = marks[i];
    if (mark !== 1) contentChars++;
    if (mark === 2) runContent++;
    else if (mark !== 1 || runContent === 0) {
      if (runContent >= minRun) repeatedChars += runContent;
      runContent = 0;
    }
  }
  if (runContent >= minRun) repeatedChars += runContent;
  const votes = new Map<number, number>();
  for (const q of voted) {
    votes.set(q, tally[q]!);
    tally[q] = 0;
  }
  return { contentChars, repeatedChars, votes };
}

/** What a comparison found for a normalised text, without the passage (the same text in any passage). */
type Compared = Omit<PassageComparison, 'passage'>;

/**
 * Comparisons with the built-in options, per index of last year's report, by normalised text:
 * an editor lints the next version of the same report on every keystroke, and every passage
 * but the edited one has the same normalised text as before (offsets moved, wording not).
 * Cleared past {@link MAX_COMPARED} texts (the edited passage adds one per keystroke).
 */
const COMPARED = new WeakMap<PreviousIndex, Map<string, Compared>>();
const MAX_COMPARED = 4096;

/** Compares one passage of this year's report with last year's index. */
export function comparePassage(passage: Passage, index: PreviousIndex, options: CompareOptions = {}): PassageComparison {
  // The comparison reads the passage's normalised text only: with the default options the same text compares the same.
  if (options.boilerplate !== undefined || options.minRun !== undefined) return { passage, ...compare(passage.norm.text, index, options) };
  let memo = COMPARED.get(index);
  if (!memo) COMPARED.set(index, (memo = new Map()));
  let found = memo.get(passage.norm.text);
  if (!found) {
    if (memo.size >= MAX_COMPARED) memo.clear();
    found = compare(passage.norm.text, index, options);
    memo.set(passage.norm.text, found);
  }
  return { passage, ...found };
}

function compare(text: string, index: PreviousIndex, options: CompareOptions): Compared {
  const { contentChars, repeatedChars, votes } = coverage(text, index.postings, options);
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const sources: Passage[] = [];
  const total = ranked.reduce((sum, [, v]) => sum + v, 0);
  for (const [q, v] of ranked.slice(0, 2)) {
    // A second source only when it holds a real share of the repeated windows (a merged paragraph).
    if (sources.length === 1 && v * 3 < total) break;
    sources.push(index.passages[q]!);
  }
  return {
    contentChars,
    repeatedChars,
    similarity: contentChars > 0 ? repeatedChars / contentChars : 0,
    sources,
  };
}
