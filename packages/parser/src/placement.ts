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
 * `blockStart`, its paragraph and first sentence get the indexes of `at`): the
 * same object when nothing moved, shifted/re-indexed copies otherwise.
 */
export function placeAnalysis(c: ParagraphAnalysis, blockStart: number, at: Placement): ParagraphAnalysis {
  const d = blockStart - c.blockStart;
  const { paragraphIndex, sentenceBase } = at;
  const ds = sentenceBase - c.sentenceBase;
  const paragraph = d === 0 ? c.paragraph : { range: shiftRange(c.paragraph.range, d), text: c.paragraph.text };
  // The cached list stands until a sentence differs (every sentence when the paragraph moved);
  // from there on a new list is made at its length. A loop, not `map` with a callback writing a
  // captured flag: no list is made for the paragraphs an edit leaves in place (before it).
  const old = c.sentences;
  const cursor = at.headings;
  let sentences: Sentence[] | undefined;
  for (let i = 0; i < old.length; i++) {
    const st = old[i] as Sentence;
    const headingIndex = cursor.at(st.range.start + d);
    const same = d === 0 && headingIndex === st.headingIndex && paragraphIndex === st.paragraphIndex;
    if (sentences === undefined) {
      if (same) continue;
      sentences = new Array<Sentence>(old.length);
      for (let k = 0; k < i; k++) sentences[k] = old[k] as Sentence;
    }
    sentences[i] = same ? st : { range: d === 0 ? st.range : shiftRange(st.range, d), text: st.text, paragraphIndex, headingIndex };
  }
  if (sentences === undefined && d === 0 && ds === 0 && paragraphIndex === c.paragraphIndex) return c;
  const moved = d !== 0 || ds !== 0;
  return {
    blockStart,
    titleBlock: c.titleBlock,
    paragraph,
    paragraphIndex,
    sentenceBase,
    sentences: sentences ?? old,
    numbers: moved ? c.numbers.map((n) => shiftNumber(n, d, ds)) : c.numbers,
    references: moved ? c.references.map((r) => shiftReference(r, d, ds)) : c.references,
    documentNumbers: d === 0 ? c.documentNumbers : c.documentNumbers.map((x) => ({ ...x, range: shiftRange(x.range, d) })),
  };
}
