/**
 * Incremental placement: a block's paragraph analysis, made for one document,
 * placed again in a document an edit changed. Only offsets and indexes move;
 * the analysis is reused.
 */
import type { NumberMention, QuotedReference, Sentence, TextRange } from './model.js';
import type { ParagraphAnalysis, Placement } from './sentences.js';

const shiftRange = (r: TextRange, d: number): TextRange => ({ start: r.start + d, end: r.end + d });

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A number moved by `d` characters and `ds` sentences (a literal, not a spread: this runs for every number after an edit). */
function shiftNumber(n: NumberMention, d: number, ds: number): NumberMention {
  const m: Mutable<NumberMention> = {
    raw: n.raw,
    range: { start: n.range.start + d, end: n.range.end + d },
    valueRange: { start: n.valueRange.start + d, end: n.valueRange.end + d },
    value: n.value,
    kind: n.kind,
    approximate: n.approximate,
    decimals: n.decimals,
    numeral: n.numeral,
    fullWidth: n.fullWidth,
    sentenceIndex: n.sentenceIndex + ds,
    // The parser's one shape for numbers: every field, absent ones undefined.
    unit: n.unit,
    approximateMarker: n.approximateMarker,
    multiplier: n.multiplier,
  };
  return m;
}

/** A reference moved by `d` characters and `ds` sentences. */
function shiftReference(r: QuotedReference, d: number, ds: number): QuotedReference {
  const m: Mutable<QuotedReference> = {
    kind: r.kind,
    raw: r.raw,
    range: { start: r.range.start + d, end: r.range.end + d },
    inner: r.inner,
    innerRange: { start: r.innerRange.start + d, end: r.innerRange.end + d },
    normalized: r.normalized,
    sentenceIndex: r.sentenceIndex + ds,
  };
  if (r.suffix !== undefined) m.suffix = r.suffix;
  return m;
}

/**
 * A block's cached analysis at the block's new place (its block starts at
 * `blockStart`, its paragraph and first sentence get the indexes of `at`):
 * its sentences, numbers and references appended to the document's lists of
 * `at` (the same objects where nothing moved, shifted/re-indexed copies
 * otherwise), and a new analysis that reads them there. Always a new analysis:
 * one that kept the previous document's lists would keep them alive for as
 * long as the paragraph is not edited.
 */
export function placeAnalysis(c: ParagraphAnalysis, blockStart: number, at: Placement): ParagraphAnalysis {
  const d = blockStart - c.blockStart;
  const { paragraphIndex, sentenceBase } = at;
  const ds = sentenceBase - c.sentenceBase;
  const paragraph = d === 0 ? c.paragraph : { range: shiftRange(c.paragraph.range, d), text: c.paragraph.text };
  const from = c.lists;
  const lists = at.lists;
  // A sentence stands where its place and heading are the same; a new one is made otherwise.
  const sentences = lists.sentences;
  const cursor = at.headings;
  for (let i = 0; i < c.sentenceCount; i++) {
    const st = from.sentences[c.sentenceBase + i] as Sentence;
    const headingIndex = cursor.at(st.range.start + d);
    const same = d === 0 && headingIndex === st.headingIndex && paragraphIndex === st.paragraphIndex;
    sentences.push(same ? st : { range: d === 0 ? st.range : shiftRange(st.range, d), text: st.text, paragraphIndex, headingIndex });
  }
  const moved = d !== 0 || ds !== 0;
  const numbers = lists.numbers;
  const numbersFirst = numbers.length;
  for (let i = 0; i < c.numberCount; i++) {
    const n = from.numbers[c.numbersFirst + i] as NumberMention;
    numbers.push(moved ? shiftNumber(n, d, ds) : n);
  }
  const references = lists.references;
  const referencesFirst = references.length;
  for (let i = 0; i < c.referenceCount; i++) {
    const r = from.references[c.referencesFirst + i] as QuotedReference;
    references.push(moved ? shiftReference(r, d, ds) : r);
  }
  return {
    blockStart,
    titleBlock: c.titleBlock,
    paragraph,
    paragraphIndex,
    lists,
    sentenceBase,
    sentenceCount: c.sentenceCount,
    numbersFirst,
    numberCount: c.numberCount,
    referencesFirst,
    referenceCount: c.referenceCount,
    documentNumbers: d === 0 ? c.documentNumbers : c.documentNumbers.map((x) => ({ ...x, range: shiftRange(x.range, d) })),
  };
}
