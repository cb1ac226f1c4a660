/**
 * Sentences: a block's paragraph cut into sentences, and what each sentence
 * holds (numbers, quoted references, document numbers).
 */
import type { DocumentNumber, Heading, NumberMention, Paragraph, QuotedReference, Sentence, TextRange } from './model.js';
import type { Block } from './block.js';
import type { RawHeading } from './headings.js';
import { extractDocumentNumbers, extractNumbers, NUMERAL_START_CODES } from './numbers.js';
import { extractReferences, REFERENCE_OPENINGS } from './references.js';
import { fold, SPACE_CODES, type Fold } from './text.js';

/** The paragraph, sentences, numbers … of one block as they were placed in a document. */
export interface ParagraphAnalysis {
  /** Block start when these objects were made (their offsets are absolute for it). */
  readonly blockStart: number;
  /** Whether the block was the title block (its headings did not cut sentences). */
  readonly titleBlock: boolean;
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  /**
   * The lists of the document the analysis was placed in: its sentences, numbers and references are
   * the runs of them given below (read there, not copied: a paragraph kept a copy of each of its runs
   * for `reparse`, three lists per paragraph of every document parsed).
   */
  readonly lists: DocumentLists;
  /** Index of the first sentence (in the document and in `lists.sentences`). */
  readonly sentenceBase: number;
  readonly sentenceCount: number;
  /** Index of the first number in `lists.numbers`. */
  readonly numbersFirst: number;
  readonly numberCount: number;
  /** Index of the first reference in `lists.references`. */
  readonly referencesFirst: number;
  readonly referenceCount: number;
  readonly documentNumbers: readonly DocumentNumber[];
}

/** A document's sentences, numbers and references, as `assemble` appends to them (one object per document). */
export interface DocumentLists {
  readonly sentences: Sentence[];
  readonly numbers: NumberMention[];
  readonly references: QuotedReference[];
}

/**
 * The index of the nearest heading at or before an offset, for offsets given
 * in increasing order (sentences come in document order): one forward walk.
 */
export class HeadingCursor {
  /** The last index `at` returned (-1 before the first heading). */
  index = -1;
  /**
   * Each heading's start, read once here: the headings are objects of several shapes (with and
   * without numbering, concept, year …), and the sentence loops' optimised code read `range` on the
   * shapes it had met and was thrown away at a report's first heading of another shape.
   */
  readonly starts: number[];
  constructor(readonly headings: readonly Heading[]) {
    const starts: number[] = new Array<number>(headings.length);
    for (let i = 0; i < headings.length; i++) starts[i] = (headings[i] as Heading).range.start;
    this.starts = starts;
  }

  /** Index into the headings of the last heading starting at or before `offset`, or -1. */
  at(offset: number): number {
    let n = this.index;
    const starts = this.starts;
    while (n + 1 < starts.length && (starts[n + 1] as number) <= offset) n++;
    this.index = n;
    return n;
  }

  /** Where the heading after the last one `at` returned starts, or Infinity after the last heading. */
  nextStart(): number {
    const next = this.index + 1;
    return next < this.starts.length ? (this.starts[next] as number) : Infinity;
  }
}

/** Where a paragraph goes in the document being assembled. */
export interface Placement {
  readonly paragraphIndex: number;
  readonly sentenceBase: number;
  readonly headings: HeadingCursor;
  /**
   * The document's sentences, numbers and references so far, appended to by `analyzeParagraph` (a
   * paragraph keeps where its part is in them: see ParagraphAnalysis).
   */
  readonly lists: DocumentLists;
}

/**
 * Splits the paragraph text[ps, pe) of one block into sentences and extracts
 * what they hold. Heading boundaries inside the block cut sentences (except in
 * the title block, whose headings are not headings). A block whose lines were
 * joined is read with its soft line breaks removed; every range still points
 * into the text.
 */
export function analyzeParagraph(
  text: string,
  block: Block,
  raws: readonly RawHeading[],
  ps: number,
  pe: number,
  isTitle: boolean,
  at: Placement,
): ParagraphAnalysis {
  const { paragraphIndex, sentenceBase } = at;
  // Ranges made apart from the objects that hold them: a literal with a nested literal is not
  // "shallow", and unoptimised code then builds it by a runtime call instead of a clone.
  const paragraphRange: TextRange = { start: ps, end: pe };
  const paragraph: Paragraph = { range: paragraphRange, text: text.slice(ps, pe) };
  const f = block.soft ? fold(text, ps, pe) : undefined;
  const ftext = f ? f.text : paragraph.text;
  const documentNumbers = f ? extractDocumentNumbers(ftext, 0).map((d) => unfoldDocumentNumber(text, f, d)) : extractDocumentNumbers(ftext, ps);
  // Pushed, not mapped: a mapped list is holey when it has elements and packed when empty, and
  // extractNumbers deoptimised (and was compiled again) on meeting the second kind.
  // Without document numbers, the shared empty list of objects: an empty literal is a list of
  // small integers (another map), and extractNumbers, compiled on paragraphs without one, was
  // deoptimised at the first paragraph with one and compiled again (~35 ms of TurboFan a run).
  const docRanges: TextRange[] = documentNumbers.length === 0 ? NO_RANGES : [];
  for (let k = 0; k < documentNumbers.length; k++) docRanges.push(documentNumbers[k]!.range);
  // Cuts, in the coordinates of the folded paragraph, or of the text (a paragraph not folded is
  // split in the text itself: its own text is a slice, each unit of which is read through the parent).
  // The first `nCuts` entries of the shared `cutsBuffer` (read by the split below, before any other
  // paragraph's): a list made for every paragraph a heading cuts was most of this function's garbage.
  const cuts = cutsBuffer;
  let nCuts = 0;
  if (!isTitle) {
    for (let k = 0; k < raws.length; k++) {
      const h = raws[k]!;
      if (h.start >= ps && h.start < pe) {
        cuts[nCuts++] = f ? toLocal(f, ps, h.start) : h.start;
        cuts[nCuts++] = f ? toLocal(f, ps, h.end) : h.end;
      }
    }
  }
  // Appended to the document's lists (see Placement); this paragraph's are the runs from here.
  const lists = at.lists;
  const sentences = lists.sentences;
  const sentencesFirst = sentences.length;
  const numbers = lists.numbers;
  const references = lists.references;
  const numbersFirst = numbers.length;
  const referencesFirst = references.length;
  // Sentence bounds in the folded paragraph, or in the text.
  // In the split's reused buffer (read before any other split: one list and its growth per paragraph otherwise).
  const nBounds = f ? splitInto(ftext, 0, ftext.length, cuts, nCuts) : splitInto(text, ps, pe, cuts, nCuts);
  if (f) foldedSentences(text, f, ps, ftext, nBounds, at, docRanges, sentencesFirst);
  else textSentences(text, nBounds, at, docRanges, sentencesFirst);
  const bounds = boundsBuffer;
  // A paragraph of thousands of sentences grew the shared buffer: let it go, so that the process
  // (a language server runs for days) keeps no more than a common paragraph needs.
  if (bounds.length > MAX_KEPT_BOUNDS) boundsBuffer = new Int32Array(INITIAL_BOUNDS);
  // An empty list is the shared frozen one: the analysis is kept for `reparse`, and most paragraphs
  // hold no document number.
  return {
    blockStart: block.start,
    titleBlock: isTitle,
    paragraph,
    paragraphIndex,
    lists: at.lists,
    sentenceBase,
    sentenceCount: sentences.length - sentencesFirst,
    numbersFirst,
    numberCount: numbers.length - numbersFirst,
    referencesFirst,
    referenceCount: references.length - referencesFirst,
    documentNumbers: documentNumbers.length === 0 ? NONE : documentNumbers,
  };
}

/**
 * The sentences of a paragraph split in the text itself (`boundsBuffer`'s first `nBounds` entries),
 * appended with their numbers and references to the document's lists. The per-sentence loops are
 * functions of their own, one per kind of paragraph: `analyzeParagraph` whole is too large for V8 to
 * optimise early under the CLI's interrupt budget (1,653 bytes of bytecode, 14 ticks: after ~340 reports
 * of a lint), and the loop is where its time goes.
 */
function textSentences(text: string, nBounds: number, at: Placement, docRanges: readonly TextRange[], sentencesFirst: number): void {
  const bounds = boundsBuffer;
  const paragraphIndex = at.paragraphIndex;
  const sentenceBase = at.sentenceBase;
  const lists = at.lists;
  const sentences = lists.sentences;
  const numbers = lists.numbers;
  const references = lists.references;
  // The heading cursor walked only where a sentence reaches the next heading (`nextHeading`): one
  // comparison per sentence, a call of `at` per heading.
  const cursor = at.headings;
  let headingIndex = cursor.index;
  // Where the next heading starts: one comparison per sentence until a sentence reaches it.
  let nextHeading = cursor.nextStart();
  for (let k = 0; k < nBounds; k += 3) {
    const s = bounds[k]!;
    const e = bounds[k + 1]!;
    // What the sentence holds, read by splitSentences: a sentence without a numeral's or a
    // reference's first character has no number or reference to look for (most have no reference).
    const holds = bounds[k + 2]!;
    const sentenceIndex = sentenceBase + (sentences.length - sentencesFirst);
    const st = text.slice(s, e);
    const range: TextRange = { start: s, end: e };
    if (nextHeading <= s) {
      headingIndex = cursor.at(s);
      nextHeading = cursor.nextStart();
    }
    sentences.push({ range, text: st, paragraphIndex, headingIndex });
    if ((holds & HOLDS_NUMERAL) !== 0) extractNumbers(st, s, docRanges, sentenceIndex, numbers);
    if ((holds & HOLDS_REFERENCE_OPENING) !== 0) extractReferences(st, s, sentenceIndex, references);
  }
}

/** {@link textSentences} for a folded paragraph: bounds in `ftext` (`f`'s text), ranges moved back into the text. */
function foldedSentences(
  text: string,
  f: Fold,
  ps: number,
  ftext: string,
  nBounds: number,
  at: Placement,
  docRanges: readonly TextRange[],
  sentencesFirst: number,
): void {
  const bounds = boundsBuffer;
  const paragraphIndex = at.paragraphIndex;
  const sentenceBase = at.sentenceBase;
  const lists = at.lists;
  const sentences = lists.sentences;
  const numbers = lists.numbers;
  const references = lists.references;
  const cursor = at.headings;
  let headingIndex = cursor.index;
  let nextHeading = cursor.nextStart();
  for (let k = 0; k < nBounds; k += 3) {
    const a = bounds[k]!;
    const b = bounds[k + 1]!;
    const holds = bounds[k + 2]!;
    const sentenceIndex = sentenceBase + (sentences.length - sentencesFirst);
    const s = f.start(a);
    const e = f.end(b);
    const st = ftext.slice(a, b);
    const range: TextRange = { start: s, end: e };
    if (nextHeading <= s) {
      headingIndex = cursor.at(s);
      nextHeading = cursor.nextStart();
    }
    sentences.push({ range, text: text.slice(s, e), paragraphIndex, headingIndex });
    // Found in the folded sentence, appended to the paragraph's lists and moved back into the text
    // in place: the objects are fresh and no one else holds them (a copy of each, and a list and an
    // iterator per sentence, were the garbage of a text of short lines).
    if ((holds & HOLDS_NUMERAL) !== 0) {
      let local: TextRange[] = NO_RANGES;
      for (let k = 0; k < docRanges.length; k++) {
        const d = docRanges[k]!;
        if (!(d.end > s && d.start < e)) continue;
        if (local === NO_RANGES) local = [];
        local.push({ start: toLocal(f, ps, d.start) - a, end: toLocal(f, ps, d.end) - a });
      }
      const first = numbers.length;
      extractNumbers(st, 0, local, sentenceIndex, numbers);
      for (let k = first; k < numbers.length; k++) unfoldNumber(text, f, a, numbers[k] as Mutable<NumberMention>);
    }
    if ((holds & HOLDS_REFERENCE_OPENING) !== 0) {
      const first = references.length;
      extractReferences(st, 0, sentenceIndex, references);
      for (let k = first; k < references.length; k++) unfoldReference(text, f, a, references[k] as Mutable<QuotedReference>);
    }
  }
}

/**
 * The empty list of ranges handed to extractNumbers: made with an element and emptied, so it
 * has the map of a list of objects (what a list with document numbers has). Never written to.
 */
const NO_RANGES: TextRange[] = [{ start: 0, end: 0 }];
NO_RANGES.length = 0;

/**
 * The heading cuts of the paragraph being split (`analyzeParagraph`): its first entries, written over
 * for each paragraph (as long as the most cuts a paragraph has had: two a heading).
 */
const cutsBuffer: number[] = [];

/** The empty list the kept analyses share (read-only: the document's lists are its own, see Placement). */
const NONE: readonly never[] = Object.freeze([]);

/** The folded-paragraph index of text offset `offset` (a heading boundary or a document number's end). */
function toLocal(f: Fold | undefined, ps: number, offset: number): number {
  if (!f) return offset - ps;
  // Binary search over the folded indexes: f.start is increasing.
  let lo = 0;
  let hi = f.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.start(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per UTF-16 unit, what `splitSentences` looks for: bits of the kinds below (a unit may have two). */
const SENTENCE_UNIT = new Uint8Array(0x10000);
/** 。！？；!?; — a sentence ends after it (and the closers right after it). */
const END = 1;
/** ”’」』）)"》 — closers that stay with the sentence before them. */
const CLOSER = 2;
/** A numeral's first character: where `extractNumbers` may find a number. */
export const HOLDS_NUMERAL = 4;
/** 《, “ or ": where `extractReferences` may find a reference. */
export const HOLDS_REFERENCE_OPENING = 8;
/** \n or \r: a sentence ends before it (a lone \r ends a line; the \r of a \r\n cuts where its \n does, after trimming). */
const LINE_FEED = 16;
const HOLDS = HOLDS_NUMERAL | HOLDS_REFERENCE_OPENING;
for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]) SENTENCE_UNIT[c]! |= END;
for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x300b]) SENTENCE_UNIT[c]! |= CLOSER;
for (const c of NUMERAL_START_CODES) SENTENCE_UNIT[c]! |= HOLDS_NUMERAL;
for (const c of REFERENCE_OPENINGS) SENTENCE_UNIT[c]! |= HOLDS_REFERENCE_OPENING;
SENTENCE_UNIT[0x0a]! |= LINE_FEED;
SENTENCE_UNIT[0x0d]! |= LINE_FEED;
/** What `isSpace` holds (text.ts): trimmed off a sentence's ends; read from this table, not by a call per end. */
const SPACE = 32;
for (const c of SPACE_CODES) SENTENCE_UNIT[c]! |= SPACE;

/**
 * The split's output, reused by every split: each sentence's start, end and what it holds
 * (`boundsLength` entries). Offsets are below 2^30 (a string's length).
 */
const INITIAL_BOUNDS = 768;
/** The largest buffer kept between paragraphs (128 KB, ~11,000 sentences). */
const MAX_KEPT_BOUNDS = 1 << 15;
let boundsBuffer = new Int32Array(INITIAL_BOUNDS);
let boundsLength = 0;

/** Appends s[a, b) trimmed, with what it holds, when anything is left (spaces hold nothing). */
function pushTrimmed(s: string, a: number, b: number, holds: number): void {
  let ts = a;
  let te = b;
  while (ts < te && (SENTENCE_UNIT[s.charCodeAt(ts)]! & SPACE) !== 0) ts++;
  while (te > ts && (SENTENCE_UNIT[s.charCodeAt(te - 1)]! & SPACE) !== 0) te--;
  if (te > ts) {
    let out = boundsBuffer;
    const n = boundsLength;
    if (n + 3 > out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      boundsBuffer = out = grown;
    }
    out[n] = ts;
    out[n + 1] = te;
    out[n + 2] = holds & HOLDS;
    boundsLength = n + 3;
  }
}

/** What ends a sentence at a unit: a sentence end or a line feed. */
const STOP = END | LINE_FEED;

/**
 * Splits s[start, end) at sentence ends, line breaks and the given cut offsets; returns
 * each trimmed sentence as its start, its end and what it holds (`HOLDS_NUMERAL`,
 * `HOLDS_REFERENCE_OPENING`) in one flat list.
 */
export function splitSentences(s: string, start: number, end: number, cuts: readonly number[]): number[] {
  return Array.from(boundsBuffer.subarray(0, splitInto(s, start, end, cuts, cuts.length)));
}

/** `splitSentences` (the cuts: the first `nCuts` of `cuts`) into `boundsBuffer`; returns how many entries it wrote (three per sentence). */
function splitInto(s: string, start: number, end: number, cuts: readonly number[], nCuts: number): number {
  boundsLength = 0;
  let from = start;
  let holds = 0;
  let ci = 0;
  let i = start;
  while (i < end) {
    while (ci < nCuts && (cuts[ci] as number) < i) ci++;
    const cut = ci < nCuts && (cuts[ci] as number) < end ? (cuts[ci] as number) : end;
    // The units up to the next cut that end no sentence, each read once: one table load and an OR
    // per unit (what the sentence holds), no other test (most units are these).
    let kind = 0;
    while (i < cut && ((kind = SENTENCE_UNIT[s.charCodeAt(i)]!) & STOP) === 0) {
      holds |= kind;
      i++;
    }
    if (i >= end) break;
    if (i === cut) {
      // A cut before the unit at i; then the unit is read as any other.
      if (i > from) {
        pushTrimmed(s, from, i, holds);
        from = i;
        holds = 0;
      }
      kind = SENTENCE_UNIT[s.charCodeAt(i)]!;
      if ((kind & STOP) === 0) {
        holds |= kind;
        i++;
        continue;
      }
    }
    if ((kind & END) !== 0) {
      let j = i + 1;
      let closer = 0;
      while (j < end && ((closer = SENTENCE_UNIT[s.charCodeAt(j)]!) & CLOSER) !== 0) {
        holds |= closer;
        j++;
      }
      pushTrimmed(s, from, j, holds);
      from = j;
      holds = 0;
      i = j;
    } else {
      pushTrimmed(s, from, i, holds);
      from = i + 1;
      holds = 0;
      i++;
    }
  }
  if (from < end) pushTrimmed(s, from, end, holds);
  return boundsLength;
}

/*
 * Every path of the split taken a few times at load. The first long paragraph gets the loop
 * compiled while it runs (on-stack replacement); code it had not yet met — the end after the
 * loop, a cut — had no type feedback, and V8 reused that compiled loop for later paragraphs,
 * deoptimising it at each one's end: from 20 to 2,000 times in a cold pass over 1,000 reports.
 * (A function gets its feedback after several calls: hence the repeats.)
 */
const PRIMER = '第1条“法”。”\n二《 》';
for (let k = 0; k < 16; k++) splitInto(PRIMER, 0, PRIMER.length, [2, 5], 2);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves a range found at [a + r.start, a + r.end) of the folded paragraph back into the text, in
 * place (a fresh range no one else holds); returns whether it kept its length (nothing was folded out
 * of it, so the text there is what was read).
 */
function unfoldRange(f: Fold, a: number, r: Mutable<TextRange>): boolean {
  const length = r.end - r.start;
  const start = f.start(a + r.start);
  const end = Math.max(start, f.end(a + r.end));
  r.start = start;
  r.end = end;
  return end - start === length;
}

/**
 * The text as written, for a range moved back by `unfoldRange`: the string read in the folded
 * sentence when the range kept its length and the string is a copy (under 13 units: a longer slice
 * is a view that would hold the folded paragraph), else a slice of the text.
 */
function rawAt(text: string, r: TextRange, kept: boolean, raw: string): string {
  return kept && raw.length < 13 ? raw : text.slice(r.start, r.end);
}

/** A number found in the folded sentence starting at `a`, moved back into the text (same fields, same order). */
function unfoldNumber(text: string, f: Fold, a: number, n: Mutable<NumberMention>): void {
  const range = n.range as Mutable<TextRange>;
  n.raw = rawAt(text, range, unfoldRange(f, a, range), n.raw);
  unfoldRange(f, a, n.valueRange as Mutable<TextRange>);
}

function unfoldReference(text: string, f: Fold, a: number, r: Mutable<QuotedReference>): void {
  const range = r.range as Mutable<TextRange>;
  r.raw = rawAt(text, range, unfoldRange(f, a, range), r.raw);
  const innerRange = r.innerRange as Mutable<TextRange>;
  r.inner = rawAt(text, innerRange, unfoldRange(f, a, innerRange), r.inner);
}

function unfoldDocumentNumber(text: string, f: Fold, d: DocumentNumber): DocumentNumber {
  const range = { start: d.range.start, end: d.range.end };
  unfoldRange(f, 0, range);
  return { ...d, raw: text.slice(range.start, range.end), range };
}
