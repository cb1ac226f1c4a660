import { domainTypoEntries, TYPO_CORE_TERMS, TYPO_DIGEST, TYPO_GENERATION, typoCandidateAt, typoExclusionWords, visitTypoCandidates, type TypoCandidate } from '@fzlint/ontology';
import { changedSpan, type ReportDocument, type TextRange } from '@fzlint/parser';
import { defineRule, type AnalysisCache, type AnalysisKey } from '@fzlint/rule-api';
import { AutomatonBuilder, collectAutomatonHits, isWordNode, PAIR_WORDS, pairSlot, readAutomaton, type Automaton } from './automaton.js';
import { compileStyleEntries, findStyleMatches, inside } from './scan.js';
import { readPrebuilt } from '../prebuilt.js';

type MessageId = 'typo' | 'termTypo';

const COMPILED = compileStyleEntries(domainTypoEntries);

let automaton: Automaton<number> | undefined;

/**
 * The generated candidates as one automaton of candidate indexes, built without decoding
 * them (a candidate object is made only for a hit). `pnpm build` writes it to
 * dist/style/typo-automaton.bin (scripts/write-typo-automaton.mjs); a process reads that.
 */
export function buildCandidateAutomaton(): Automaton<number> {
  const builder = new AutomatonBuilder<number>(TYPO_GENERATION.kept * 3);
  visitTypoCandidates((term, at, unit, _kind, index) => builder.addReplaced(term, at, unit, index));
  for (const word of typoExclusionWords()) builder.block(word);
  return builder.build();
}

/**
 * What the prebuilt automaton must have been built from: the candidates' and blocked words'
 * counts and the digest of the generated tables (so a table edited at equal counts is not
 * read through a stale automaton).
 */
export function candidateAutomatonKey(): number[] {
  return [TYPO_GENERATION.terms, TYPO_GENERATION.generated, TYPO_GENERATION.kept, typoExclusionWords().length, TYPO_DIGEST | 0];
}

/**
 * The automaton `pnpm build` wrote, found through this package's exports (from the CLI's
 * bundle too, which resolves it from its own folder), or undefined where there is none or
 * it was built from other candidates (a browser, a source checkout not built): then it is
 * built here. Reading it costs well under a millisecond; building it cost 33–53 ms of CPU
 * in every process and worker thread.
 */
export function prebuiltCandidateAutomaton(): Automaton<number> | undefined {
  const bytes = readPrebuilt('typo-automaton.bin');
  return bytes && readAutomaton(bytes, candidateAutomatonKey());
}

/** null: no prebuilt automaton (looked for once). */
let prebuilt: Automaton<number> | null | undefined;

function candidateAutomaton(): Automaton<number> {
  automaton ??= prebuilt ?? buildCandidateAutomaton();
  return automaton;
}

/** The text (and range of it) the one-document automaton was built for, and that automaton. */
let firstText: string | undefined;
let firstFrom = 0;
let firstTo = 0;
let firstAutomaton: Automaton<number> | undefined;

/** Whether `word` (its unit at `at` replaced by `unit`) can occur in a text with these units and unit pairs. */
function mayOccur(units: Uint32Array, pairs: Uint32Array, word: string, at: number, unit: number): boolean {
  let previous = at === 0 ? unit : word.charCodeAt(0);
  if ((units[previous >>> 5]! & (1 << (previous & 31))) === 0) return false;
  for (let i = 1; i < word.length; i++) {
    const c = i === at ? unit : word.charCodeAt(i);
    const bit = pairSlot(previous, c);
    if ((pairs[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    previous = c;
  }
  return true;
}

/**
 * The automaton to scan `text` between `from` and `to` with. A process's first document
 * gets one holding only the candidates and blocked words whose every pair of adjacent units
 * occurs there (a word with a pair the text lacks cannot match, so the findings are the
 * same; hash collisions only keep a word that finds nothing): a report of 23.5 KB keeps a
 * handful of the 9,700 candidates, and building them all in still unoptimised code was
 * ~10 ms of a one-file run. From the second document on, the whole automaton is built once
 * and kept. All of that only where no prebuilt automaton was found: that one is read at the
 * first document and used for every document.
 */
function automatonFor(text: string, from: number, to: number): Automaton<number> {
  if (automaton) return automaton;
  if (prebuilt === undefined) {
    prebuilt = prebuiltCandidateAutomaton() ?? null;
    if (prebuilt) return candidateAutomaton();
  }
  if (firstText !== undefined) {
    if (text === firstText && from >= firstFrom && to <= firstTo) return firstAutomaton!;
    firstText = undefined;
    firstAutomaton = undefined;
    return candidateAutomaton();
  }
  const units = new Uint32Array(0x800);
  const pairs = new Uint32Array(PAIR_WORDS);
  let previous = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    units[c >>> 5] = units[c >>> 5]! | (1 << (c & 31));
    if (previous >= 0) {
      const bit = pairSlot(previous, c);
      pairs[bit >>> 5] = pairs[bit >>> 5]! | (1 << (bit & 31));
    }
    previous = c;
  }
  const builder = new AutomatonBuilder<number>();
  // Candidates whose replacing unit is not in the text are skipped inside the visit (most are).
  visitTypoCandidates((term, at, unit, _kind, index) => {
    if (mayOccur(units, pairs, term, at, unit)) builder.addReplaced(term, at, unit, index);
  }, units);
  for (const word of typoExclusionWords()) if (mayOccur(units, pairs, word, -1, 0)) builder.block(word);
  firstText = text;
  firstFrom = from;
  firstTo = to;
  firstAutomaton = builder.build();
  return firstAutomaton;
}

/** The last scan of a text, kept in an editor's analysis cache for the next keystroke's. */
interface ScanState {
  text: string | undefined;
  from: number;
  to: number;
  automaton: Automaton<number> | undefined;
  /** Start, end and node of every stretch the scan consumed, blocked words' too (absolute offsets). */
  matches: number[];
}

const SCAN_KEY: AnalysisKey<ScanState> = {
  name: 'style/domain-typo scan',
  create: () => ({ text: undefined, from: 0, to: 0, automaton: undefined, matches: [] }),
};

let reach = 0;

/**
 * How far a scan step reads: the longest core term or blocked word (13). Every candidate is
 * a core term with one unit replaced (`scripts/generate-typos.mjs`), so this is
 * `automatonDepth` of the candidate automaton, and a bound for the first document's, built
 * from fewer of its words (typo-rescan.test.ts checks both). Read from the two lists (~0.4 ms,
 * once) rather than the automaton: `automatonDepth` walks its 65,536 first-unit entries,
 * 22,419 nodes and their slots, 22–45 ms in still-unoptimised code, which an editor's first
 * keystroke paid.
 */
export function typoScanReach(): number {
  if (reach === 0) {
    let longest = 1;
    for (const term of TYPO_CORE_TERMS) if (term.length > longest) longest = term.length;
    for (const word of typoExclusionWords()) if (word.length > longest) longest = word.length;
    reach = longest;
  }
  return reach;
}

/** Whether relative offset q is strictly inside the match at `k` of `matches` (offsets less `base`). */
function strictlyInside(matches: readonly number[], base: number, k: number, q: number): boolean {
  return k < matches.length && matches[k]! - base < q && q < matches[k + 1]! - base;
}

/**
 * Every stretch the automaton scan of `text` between `from` and `to` consumes (as
 * `collectAutomatonHits` with `blocked`), found again only around what changed since the
 * last scan kept in `state`. The scan is a left-to-right walk whose step at offset i reads
 * units i to i + reach and moves to the end of its match or to i + 1; every offset outside a
 * match is a step. So the old matches read entirely in the common prefix stay, the scan
 * resumes at a step before the change, and it stops at the first offset after the change
 * that is a step of both scans (from there both read the same units): the old matches
 * from there on stay, shifted. A keystroke in a 6–9,000-character paragraph rescans a few
 * dozen units instead of the paragraph.
 */
function rescan(a: Automaton<number>, state: ScanState, text: string, from: number, to: number): number[] {
  const old = state.matches;
  const oldText = state.text;
  if (oldText === undefined || state.automaton !== a) {
    const all: number[] = [];
    collectAutomatonHits(a, text, from, to, all, true);
    return all;
  }
  const r = typoScanReach();
  const len = to - from;
  const oldLen = state.to - state.from;
  // Native compares of slices (views of the flat texts), not a unit-by-unit loop: a keystroke's
  // first rescan compared the ~100,000 units of a 100 KB body one by one in unoptimised code (~12 ms).
  const { prefix: p, suffix: s } = changedSpan(oldText.slice(state.from, state.to), text.slice(from, to));
  const out: number[] = [];
  // The old matches whose steps read only the common prefix.
  let k = 0;
  let resume = Math.max(0, p - r - 1);
  for (; k < old.length; k += 3) {
    const start = old[k]! - state.from;
    if (start + r >= p) break;
    out.push(start + from, old[k + 1]! - state.from + from, old[k + 2]!);
    resume = Math.max(resume, old[k + 1]! - state.from);
  }
  // Units scanned past the change before looking for a step both scans make.
  let limit = Math.min(len, len - s + 4 * r + 16);
  const fresh: number[] = [];
  collectAutomatonHits(a, text, from + resume, from + limit, fresh, true);
  const shift = len - oldLen;
  for (;;) {
    // The new matches a scan to `to` finds too: their steps read below `limit` (so does every step up to `last`).
    let trusted = fresh.length;
    if (limit < len) while (trusted > 0 && fresh[trusted - 3]! - from + r >= limit) trusted -= 3;
    const last = limit < len ? limit - r - 1 : len;
    let i = 0;
    let j = k;
    for (let q = Math.max(len - s, resume); q <= last; q++) {
      while (i < trusted && fresh[i + 1]! - from <= q) i += 3;
      if (i < trusted && fresh[i]! - from < q) continue;
      const qo = q - shift;
      while (j < old.length && old[j + 1]! - state.from <= qo) j += 3;
      if (strictlyInside(old, state.from, j, qo)) continue;
      for (let n = 0; n < trusted && fresh[n]! - from < q; n += 3) out.push(fresh[n]!, fresh[n + 1]!, fresh[n + 2]!);
      for (let m = j; m < old.length; m += 3) out.push(old[m]! - state.from + from + shift, old[m + 1]! - state.from + from + shift, old[m + 2]!);
      return out;
    }
    // No common step within the units scanned: scan on to the end.
    limit = len;
    fresh.length = 0;
    collectAutomatonHits(a, text, from + resume, to, fresh, true);
  }
}

/** One generated-candidate match. */
export interface TermTypo {
  readonly candidate: TypoCandidate;
  readonly range: TextRange;
}

/**
 * The generated misspellings of core terms in a document's body, outside page junk and
 * other documents' 《》 titles (cited as written).
 */
export function findTermTypos(document: ReportDocument, cache?: AnalysisCache): TermTypo[] {
  const out: TermTypo[] = [];
  const { text, bodyRange, junkRanges } = document;
  let titles: TextRange[] | undefined;
  const automaton = automatonFor(text, bodyRange.start, bodyRange.end);
  let hits: number[] = [];
  if (cache) {
    // An editor: the scan found again only around the keystroke, blocked words' matches kept for the next.
    const state = cache.get(SCAN_KEY);
    hits = rescan(automaton, state, text, bodyRange.start, bodyRange.end);
    state.text = text;
    state.from = bodyRange.start;
    state.to = bodyRange.end;
    state.automaton = automaton;
    state.matches = hits;
  } else {
    collectAutomatonHits(automaton, text, bodyRange.start, bodyRange.end, hits);
  }
  for (let k = 0; k < hits.length; k += 3) {
    if (cache && !isWordNode(automaton, hits[k + 2]!)) continue;
    const start = hits[k]!;
    const end = hits[k + 1]!;
    const candidate = typoCandidateAt(automaton.payloads[hits[k + 2]!]!);
    // Titles are collected only when there is a hit (most reports have none).
    titles ??= document.references.filter((r) => r.kind === 'book-title').map((r) => r.range);
    if (inside(junkRanges, start, end) || inside(titles, start, end)) continue;
    // The changed last character begins a word with what follows (营商环竟 + 然): not this typo.
    if (candidate.followers && end < text.length && candidate.followers.includes(text[end]!)) continue;
    out.push({ candidate, range: { start, end } });
  }
  return out;
}

const KIND_ZH = { homophone: '同音', lookalike: '形近', both: '音近形近' } as const;
const KIND_EN = { homophone: 'sounds like', lookalike: 'looks like', both: 'sounds and looks like' } as const;

/**
 * Sure typos of the domain: the listed ones of the ontology's `domainTypoEntries`, forms
 * that cannot be a correct word here (法冶 → 法治, 个工商户 → 个体工商户, 公示率到达100% →
 * 达到), and the generated misspellings of some 300 core terms (`typoCandidates()`: one
 * character replaced by a homophone or a look-alike, kept only where the result is no
 * real word in context — 营商环竟 → 营商环境, 行政复义 → 行政复议). Each has one
 * correction, applied by the fix. Never inside the 《》 title of another document.
 * Likely but unsure typos (全规范 for 全面规范) are left out.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'style/domain-typo',
    family: 'style',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '法治政府建设领域的确定错别字',
      en: 'Sure typos of the rule-of-law reporting domain',
    },
    fixable: true,
    scope: 'paragraph',
    messages: {
      typo: {
        'zh-CN': '错别字：「{{text}}」应为「{{correct}}」（{{reason}}）',
        en: 'Typo: “{{text}}” should be “{{correct}}” ({{reasonEn}})',
      },
      termTypo: {
        'zh-CN': '错别字：「{{text}}」应为「{{correct}}」（“{{wrongChar}}”与“{{rightChar}}”{{kind}}）',
        en: 'Typo: “{{text}}” should be “{{correct}}” ({{wrongChar}} {{kindEn}} {{rightChar}})',
      },
    },
  },
  check(document, context) {
    const matches = findStyleMatches(document, COMPILED);
    for (const m of matches) {
      if (m.replacement === undefined) continue;
      context.report({
        messageId: 'typo',
        data: { text: m.text.trim(), correct: m.replacement.trim(), reason: m.entry.reason, reasonEn: m.entry.reasonEn },
        range: m.range,
        ...(m.entry.severity ? { severity: m.entry.severity } : {}),
        fix: { range: m.range, text: m.replacement },
      });
    }
    const listed = matches.map((m) => m.range);
    for (const { candidate, range } of findTermTypos(document, context.analysisCache)) {
      // A listed typo (法冶) inside a generated one (法冶政府) is already reported.
      if (listed.some((r) => r.start < range.end && range.start < r.end)) continue;
      context.report({
        messageId: 'termTypo',
        data: {
          text: candidate.wrong,
          correct: candidate.right,
          wrongChar: candidate.wrong[candidate.at]!,
          rightChar: candidate.right[candidate.at]!,
          kind: KIND_ZH[candidate.kind],
          kindEn: KIND_EN[candidate.kind],
        },
        range,
        fix: { range, text: candidate.right },
      });
    }
  },
});

export default rule;
