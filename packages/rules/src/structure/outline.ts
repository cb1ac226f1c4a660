/**
 * Helpers the structure rules share to read a parsed report's outline.
 * They only look at the `ReportDocument`; nothing here re-parses the text.
 */
import { conceptOfHeading, concepts, previousYearWords, rectificationHeading, type ConceptId, type ReportConcept } from '@fzlint/ontology';
import { documentMemo, readText, type Heading, type ReportDocument, type Section, type Sentence, type TextRange } from '@fzlint/parser';
import { foldsOf } from '../folds.js';
import { literalPrecheck } from './required-literals.js';
import { SHORTCOMING_NOUN_END, SHORTCOMING_PHRASE_END } from './vocabulary.js';

/** A section with its place in the tree and the concept it belongs to. */
export interface SectionEntry {
  readonly section: Section;
  readonly parent: SectionEntry | undefined;
  /** The section's own concept. */
  readonly concept: ConceptId | undefined;
  /** Own concept, or the nearest ancestor's. */
  readonly effectiveConcept: ConceptId | undefined;
  /**
   * A section on fixing last year's shortcomings (`2024年存在不足及整改情况` in a 2025
   * report): it names the year before on purpose, and it is work of this year, not this
   * year's shortcomings. Its heading's concept is dropped.
   */
  readonly rectification: boolean;
  /** The heading's concept as `headingConcept` gives it (kept on a rectification heading too). */
  readonly headingConcept: ConceptId | undefined;
  /** The heading's words as `headingWords` reads them. */
  readonly words: string;
}

/** The required concepts, in the regulation's order. */
export const REQUIRED_CONCEPTS: readonly ReportConcept[] = concepts.filter((c) => c.required);

/** The concept description by id. */
export function conceptFor(id: ConceptId): ReportConcept | undefined {
  return concepts.find((c) => c.id === id);
}

// Run-in headings (`1. 压实工作责任。正文……`) end at the first full stop: what follows is body text.
const RUN_IN_END = /[。！？；!?;]/u;

/**
 * The heading's own words as written: its title cut at the first full stop of a
 * run-in heading. A prefix of `heading.title`, so offsets into it hold; to match
 * words, read it with `headingWords`.
 */
export function headingLabel(heading: Heading): string {
  const title = heading.title;
  const m = RUN_IN_END.exec(title);
  return m ? title.slice(0, m.index) : title;
}

/** The heading's own words as they read: `headingLabel` through soft line breaks (a web copy's `202`/`2`/`年工作思路`). */
export function headingWords(heading: Heading): string {
  return wordsOfTitle(readTitle(heading));
}

/** `headingWords` of a heading whose title reads `title`. */
function wordsOfTitle(title: string): string {
  const m = RUN_IN_END.exec(title);
  return m ? title.slice(0, m.index) : title;
}

/**
 * The concept a heading introduces. The parser classifies headings by their own
 * words (a run-in heading's title stops at its first full stop); a heading it
 * left unclassified is tried again on its label with the ontology's patterns.
 */
export function headingConcept(heading: Heading): ConceptId | undefined {
  if (heading.concept !== undefined) return heading.concept;
  const title = readTitle(heading);
  return conceptOfLabel(title, wordsOfTitle(title));
}

/** The concept of an unclassified heading whose title reads `title` and its words `label`. */
function conceptOfLabel(title: string, label: string): ConceptId | undefined {
  // The parser already classified the title; only a shorter label can say more.
  return label === title ? undefined : conceptOfHeading(label);
}

/** A heading's title as it reads (soft line breaks removed). */
export function readTitle(heading: Heading): string {
  return heading.title.includes('\n') ? heading.title.replace(/[ \t\u3000]*\r?\n[ \t\u3000\r\n]*/gu, '') : heading.title;
}

/**
 * Whether a heading is about fixing the year before's shortcomings: it names
 * 整改 and the year before the report year (in digits, or 上一年度/去年).
 */
export function isRectificationHeading(heading: Heading, reportYear: number | undefined): boolean {
  return rectificationWords(heading, headingWords(heading), reportYear);
}

/** `isRectificationHeading` of a heading whose `headingWords` are `title`. */
function rectificationWords(heading: Heading, title: string, reportYear: number | undefined): boolean {
  if (!rectificationHeading.test(title)) return false;
  if (previousYearWords.test(title)) return true;
  return reportYear !== undefined && heading.year === reportYear - 1;
}

// A heading naming several contents (`主要举措、成效和不足`) is split at its conjunctions.
const CONJUNCTION = /[、和及与]|以及/u;

/**
 * Every concept a heading covers: its own, and those of the parts of a heading
 * that names several contents (`2022年推进法治政府建设主要举措、成效和不足` covers
 * the shortcomings too). Used for presence only; a part never decides a scope.
 * Read anew on each call: required-section asks once per heading (see its `headingCoverage`).
 */
export function headingConcepts(heading: Heading): ReadonlySet<ConceptId> {
  const out = new Set<ConceptId>();
  const own = headingConcept(heading);
  if (own) out.add(own);
  const parts = partConcepts(headingWords(heading));
  for (let i = 0; i < parts.length; i++) out.add(parts[i]!);
  return out;
}

const NO_CONCEPTS: readonly ConceptId[] = [];

/**
 * The concepts of the parts of a heading whose words are `label`, in order (repeats kept),
 * when it names several contents; none otherwise: `headingConcepts` without the heading's own.
 */
export function partConcepts(label: string): readonly ConceptId[] {
  if (!CONJUNCTION.test(label)) return NO_CONCEPTS;
  const out: ConceptId[] = [];
  for (const part of label.split(CONJUNCTION)) {
    const c = part.trim() ? conceptOfHeading(part) : undefined;
    if (c) out.push(c);
  }
  return out;
}

// Several rules read the outline of one document: it is built once per document.
const FLAT = documentMemo<readonly SectionEntry[]>();

/** Every section in document order, with parents and concepts (cached per document). */
export function flattenSections(document: ReportDocument): readonly SectionEntry[] {
  const cached = FLAT.get(document);
  if (cached) return cached;
  const out: SectionEntry[] = [];
  const year = document.reportYear?.value;
  const walk = (sections: readonly Section[], parent: SectionEntry | undefined): void => {
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      const heading = section.heading;
      // isRectificationHeading and headingConcept, reading the title and its words once.
      const title = readTitle(heading);
      const words = wordsOfTitle(title);
      const rectification = rectificationWords(heading, words, year);
      const headingOwn = heading.concept !== undefined ? heading.concept : conceptOfLabel(title, words);
      const own = rectification ? undefined : headingOwn;
      const entry: SectionEntry = {
        section,
        parent,
        concept: own,
        effectiveConcept: own ?? parent?.effectiveConcept,
        rectification,
        headingConcept: headingOwn,
        words,
      };
      out.push(entry);
      if (section.children.length > 0) walk(section.children, entry);
    }
  };
  walk(document.sections, undefined);
  FLAT.set(document, out);
  return out;
}

/**
 * The sections that introduce a concept: the topmost section with that concept
 * on its path (a sub-section of the same concept is part of it). Sections inside
 * the next-year plan never count for another concept: a plan item about the
 * 第一责任人 is next year's intention, not this year's account.
 */
export function conceptSections(entries: readonly SectionEntry[], id: ConceptId): readonly SectionEntry[] {
  // A loop, not `filter` with a closure per call: the list is made at the first section found, and
  // a concept without one shares one empty list.
  let out: SectionEntry[] | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (isConceptSection(e, id)) (out ??= []).push(e);
  }
  return out ?? NO_SECTIONS;
}

/**
 * Whether `entry` is one of `conceptSections(entries, id)`: a caller that only walks them in
 * document order tests each entry instead of having a list made per concept (year-consistency).
 */
export function isConceptSection(entry: SectionEntry, id: ConceptId): boolean {
  if (entry.concept !== id) return false;
  for (let p = entry.parent; p; p = p.parent) {
    if (p.concept === id) return false;
    if (id !== 'next-year-plan' && p.effectiveConcept === 'next-year-plan') return false;
  }
  return true;
}

const NO_SECTIONS: readonly SectionEntry[] = Object.freeze([]);

/** Whether a section lies inside the next-year plan (below a plan heading). */
export function underPlan(entry: SectionEntry): boolean {
  for (let p = entry.parent; p; p = p.parent) if (p.effectiveConcept === 'next-year-plan') return true;
  return false;
}

/** Ranges of the sections on fixing last year's shortcomings (see `SectionEntry.rectification`). */
export function rectificationRanges(entries: readonly SectionEntry[]): TextRange[] {
  // Pushed into a literal, not filter().map() (holey when mapped over elements, packed when empty): the
  // lists are spread and read with the junk ranges by required-section and findProse, which deoptimised
  // on the second kind and were compiled again.
  const out: TextRange[] = [];
  for (let i = 0; i < entries.length; i++) if (entries[i]!.rectification) out.push(entries[i]!.section.range);
  return out;
}

/** Ranges of the next-year plan sections (topmost ones). */
export function planRanges(entries: readonly SectionEntry[]): TextRange[] {
  // Pushed into a literal, not mapped (see rectificationRanges).
  const out: TextRange[] = [];
  for (const e of conceptSections(entries, 'next-year-plan')) out.push(e.section.range);
  return out;
}

/** Whether `offset` lies inside one of `ranges`. */
export function inRanges(ranges: readonly TextRange[], offset: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (offset >= ranges[i]!.start && offset < ranges[i]!.end) return true;
  return false;
}

/** Prose patterns of a concept, from the ontology. */
export function prosePatterns(id: ConceptId): readonly RegExp[] {
  return conceptFor(id)?.prosePatterns ?? [];
}

const PROSE_PRECHECKS = new Map<ConceptId, (text: string) => boolean>();

/**
 * Whether a sentence may match one of the concept's prose patterns: false only when it holds
 * none of the literals the patterns cannot match without (derived from the ontology's patterns).
 * Most sentences fail it, and are not run through every pattern.
 */
function prosePrecheck(id: ConceptId): (text: string) => boolean {
  let check = PROSE_PRECHECKS.get(id);
  if (!check) PROSE_PRECHECKS.set(id, (check = literalPrecheck(prosePatterns(id))));
  return check;
}

/** Where a concept is stated in prose. */
export interface ProseMention {
  readonly sentence: Sentence;
  /** The clause holding the match (`仍然还存在一些不足`), for a precise underline. */
  readonly clause: TextRange;
}

const STATELESS = new WeakMap<RegExp, RegExp>();

/** A copy of `pattern` without `g`/`y`, so `exec` always searches from the start (cached). */
function stateless(pattern: RegExp): RegExp {
  let copy = STATELESS.get(pattern);
  if (!copy) {
    copy = /[gy]/.test(pattern.flags) ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
    STATELESS.set(pattern, copy);
  }
  return copy;
}

/** A shortcomings match ending in its noun must end the phrase (see SHORTCOMING_PHRASE_END). */
function endsShortcomingPhrase(text: string, index: number, match: string): boolean {
  if (!SHORTCOMING_NOUN_END.test(match)) return true;
  return SHORTCOMING_PHRASE_END.test(text.slice(index + match.length, index + match.length + 1));
}

const CLAUSE_MARK = /[，,；;：:。！？!?]/u;

/** Prose searches made, per document: the concept and excluded ranges (`proseKey`), and what was found (null: nothing). */
const PROSE_FOUND = documentMemo<Map<string, ProseMention | null>>();

function proseKey(id: ConceptId, excluded: readonly TextRange[]): string {
  let key: string = id;
  for (const r of excluded) key += `,${r.start}-${r.end}`;
  return key;
}

/**
 * The first sentence outside the plan and outside web-page junk that states a
 * concept in prose, if any, with the clause that states it. Searched once per document,
 * concept and excluded ranges: a report without a shortcomings heading was searched by
 * required-section and by shortcomings-without-causes alike, each reading every sentence
 * to the end when nothing is found. Each caller gets its own clause range.
 */
export function findProse(
  document: ReportDocument,
  id: ConceptId,
  excluded: readonly TextRange[],
): ProseMention | undefined {
  const key = proseKey(id, excluded);
  let found = PROSE_FOUND.get(document);
  let mention = found?.get(key);
  if (mention === undefined) {
    mention = searchProse(document, id, excluded) ?? null;
    if (!found) PROSE_FOUND.set(document, (found = new Map()));
    found.set(key, mention);
  }
  return mention === null ? undefined : { sentence: mention.sentence, clause: { start: mention.clause.start, end: mention.clause.end } };
}

function searchProse(
  document: ReportDocument,
  id: ConceptId,
  excluded: readonly TextRange[],
): ProseMention | undefined {
  const patterns = prosePatterns(id);
  if (patterns.length === 0) return undefined;
  const mayMatch = prosePrecheck(id);
  const { bodyRange, text } = document;
  const folds = foldsOf(document);
  const sentences = document.sentences;
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k]!;
    const at = sentence.range.start;
    if (at < bodyRange.start || at >= bodyRange.end) continue;
    if (inRanges(excluded, at) || inRanges(document.junkRanges, at)) continue;
    // A sentence without a line break reads as written (its fold's text is `sentence.text`): most
    // fail the pre-check there, and no fold is made for them (only this search folds sentences).
    const raw = sentence.text;
    const broken = raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0;
    if (!broken && !mayMatch(raw)) continue;
    // Read through soft line breaks (a web copy broken mid-sentence): `存在一些不\n足`.
    const f = folds.sentence(k);
    const words = f.text;
    if (broken && !mayMatch(words)) continue;
    let best: { index: number; length: number } | undefined;
    for (let i = 0; i < patterns.length; i++) {
      const m = stateless(patterns[i]!).exec(words);
      if (!m || (best && m.index >= best.index)) continue;
      if (id === 'shortcomings-and-causes' && !endsShortcomingPhrase(words, m.index, m[0])) continue;
      best = { index: m.index, length: m[0].length };
    }
    if (!best) continue;
    let start = best.index;
    while (start > 0 && !CLAUSE_MARK.test(words[start - 1]!)) start--;
    let end = best.index + best.length;
    while (end < words.length && !CLAUSE_MARK.test(words[end]!)) end++;
    const clause = trimRange(text, { start: f.start(start), end: f.end(end) });
    return { sentence, clause };
  }
  return undefined;
}

/** The words of text[range] as they read (soft line breaks removed), for matching vocabulary. */
export function wordsIn(document: ReportDocument, range: TextRange): string {
  return readText(document.text, range.start, range.end);
}

/** A range with leading and trailing white space removed. */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

const SENTENCE_END = /[。！？；!?;]/u;

/**
 * Where a document-level finding goes: the title, or else the report's first
 * line, cut at its first sentence so that a one-line report is not underlined whole.
 */
export function documentAnchor(document: ReportDocument): TextRange {
  if (document.title) return document.title.range;
  const { text, bodyRange } = document;
  let start = bodyRange.start;
  while (start < bodyRange.end && /\s/u.test(text[start]!)) start++;
  let end = text.indexOf('\n', start);
  if (end < 0 || end > bodyRange.end) end = bodyRange.end;
  const line = text.slice(start, end);
  const m = SENTENCE_END.exec(line);
  if (m) end = start + m.index + 1;
  return trimRange(text, { start, end });
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A heading number written in Chinese (1 → 一, 12 → 十二, 20 → 二十), 1–99. */
export function chineseNumeral(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value] ?? String(value);
  if (value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[ones]}`;
}

/** Full-width digits for a number (12 → １２). */
export function fullWidthDigits(value: number): string {
  return String(value).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Whether `c` is a unit of a numbering's numeral: 一…十, 〇, 0-9, ０-９. */
function isNumeralUnit(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 0x3007 || c === 0x4e00 || c === 0x4e8c || c === 0x4e09 ||
    c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341
  );
}

/**
 * The numeral inside a numbering (`三` of `三、`, `2` of `（2）`): its first run of numeral units,
 * read in place (heading-numbering asks it once per sequence finding); the whole range when none.
 */
export function numeralRange(text: string, range: TextRange): TextRange {
  const { start, end } = range;
  let s = start;
  while (s < end && !isNumeralUnit(text.charCodeAt(s))) s++;
  if (s === end) return range;
  let e = s + 1;
  while (e < end && isNumeralUnit(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}
