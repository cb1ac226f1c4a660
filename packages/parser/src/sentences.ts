/**
 * Sentences: a block's paragraph cut into sentences, and what each sentence
 * holds (numbers, quoted references, document numbers).
 */
import type { DocumentNumber, Heading, NumberMention, Paragraph, QuotedReference, Sentence, TextRange } from './model.js';
import type { Block } from './block.js';
import type { RawHeading } from './headings.js';
import { extractDocumentNumbers, extractNumbers } from './numbers.js';
import { extractReferences } from './references.js';
import { fold, isSpace, type Fold } from './text.js';

/** The paragraph, sentences, numbers … of one block as they were placed in a document. */
export interface ParagraphAnalysis {
  /** Block start when these objects were made (their offsets are absolute for it). */
  readonly blockStart: number;
  /** Whether the block was the title block (its headings did not cut sentences). */
  readonly titleBlock: boolean;
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  /** Index of the first sentence. */
  readonly sentenceBase: number;
  readonly sentences: readonly Sentence[];
  readonly numbers: readonly NumberMention[];
  readonly references: readonly QuotedReference[];
  readonly documentNumbers: readonly DocumentNumber[];
}

/**
 * The index of the nearest heading at or before an offset, for offsets given
 * in increasing order (sentences come in document order): one forward walk.
 */
export class HeadingCursor {
  private index = -1;
  constructor(private readonly headings: readonly Heading[]) {}

  /** Index into the headings of the last heading starting at or before `offset`, or -1. */
  at(offset: number): number {
    let n = this.index;
    while (n + 1 < this.headings.length && (this.headings[n + 1] as Heading).range.start <= offset) n++;
    this.index = n;
    return n;
  }
}

/** Where a paragraph goes in the document being assembled. */
export interface Placement {
  readonly paragraphIndex: number;
  readonly sentenceBase: number;
  readonly headings: HeadingCursor;
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
  const paragraph: Paragraph = { range: { start: ps, end: pe }, text: text.slice(ps, pe) };
  const f = block.soft ? fold(text, ps, pe) : undefined;
  const ftext = f ? f.text : paragraph.text;
  const documentNumbers = f ? extractDocumentNumbers(ftext, 0).map((d) => unfoldDocumentNumber(text, f, d)) : extractDocumentNumbers(ftext, ps);
  // Pushed, not mapped: a mapped list is holey when it has elements and packed when empty, and
  // extractNumbers deoptimised (and was compiled again) on meeting the second kind.
  const docRanges: TextRange[] = [];
  for (const d of documentNumbers) docRanges.push(d.range);
  // Cuts, in the coordinates of the (folded) paragraph.
  const cuts: number[] = [];
  if (!isTitle) {
    for (const h of raws) {
      if (h.start >= ps && h.start < pe) cuts.push(toLocal(f, ps, h.start), toLocal(f, ps, h.end));
    }
  }
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const references: QuotedReference[] = [];
  const bounds = splitSentences(ftext, 0, ftext.length, cuts);
  for (let k = 0; k < bounds.length; k += 2) {
    const a = bounds[k] as number;
    const b = bounds[k + 1] as number;
    const sentenceIndex = sentenceBase + sentences.length;
    const s = f ? f.start(a) : ps + a;
    const e = f ? f.end(b) : ps + b;
    const st = ftext.slice(a, b);
    sentences.push({ range: { start: s, end: e }, text: f ? text.slice(s, e) : st, paragraphIndex, headingIndex: at.headings.at(s) });
    if (f) {
      const local: TextRange[] = [];
      for (const d of docRanges) if (d.end > s && d.start < e) local.push({ start: toLocal(f, ps, d.start) - a, end: toLocal(f, ps, d.end) - a });
      for (const n of extractNumbers(st, 0, local, sentenceIndex)) numbers.push(unfoldNumber(text, f, a, n));
      for (const r of extractReferences(st, 0, sentenceIndex)) references.push(unfoldReference(text, f, a, r));
    } else {
      extractNumbers(st, s, docRanges, sentenceIndex, numbers);
      extractReferences(st, s, sentenceIndex, references);
    }
  }
  return { blockStart: block.start, titleBlock: isTitle, paragraph, paragraphIndex, sentenceBase, sentences, numbers, references, documentNumbers };
}

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

const SENTENCE_END = new Uint8Array(0x10000);
// 。！？；!?; (sentence ends) and ”’」』）)"》 (closers that stay with the sentence), by char code.
for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]) SENTENCE_END[c] = 1;
for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x300b]) SENTENCE_END[c] = 2;

/**
 * Splits s[start, end) at sentence ends, line breaks and the given cut offsets; returns
 * each trimmed sentence as a start, end pair in one flat list (one allocation per paragraph).
 */
export function splitSentences(s: string, start: number, end: number, cuts: readonly number[]): number[] {
  const out: number[] = [];
  let from = start;
  let ci = 0;
  const push = (a: number, b: number): void => {
    let ts = a;
    let te = b;
    while (ts < te && isSpace(s.charCodeAt(ts))) ts++;
    while (te > ts && isSpace(s.charCodeAt(te - 1))) te--;
    if (te > ts) out.push(ts, te);
  };
  const nCuts = cuts.length;
  for (let i = start; i < end; i++) {
    if (nCuts > 0) {
      while (ci < nCuts && (cuts[ci] as number) < i) ci++;
      if (ci < nCuts && cuts[ci] === i && i > from) {
        push(from, i);
        from = i;
      }
    }
    const c = s.charCodeAt(i);
    if (SENTENCE_END[c] === 1) {
      let j = i + 1;
      while (j < end && SENTENCE_END[s.charCodeAt(j)] === 2) j++;
      push(from, j);
      from = j;
      i = j - 1;
    } else if (c === 10) {
      push(from, i);
      from = i + 1;
    }
  }
  if (from < end) push(from, end);
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A range found at [a + r.start, a + r.end) of the folded paragraph, back in the text. */
function unfoldRange(f: Fold, a: number, r: TextRange): TextRange {
  const start = f.start(a + r.start);
  return { start, end: Math.max(start, f.end(a + r.end)) };
}

function unfoldNumber(text: string, f: Fold, a: number, n: NumberMention): NumberMention {
  const range = unfoldRange(f, a, n.range);
  // Field by field in the parser's one order for numbers (a spread may give another shape).
  const m: Mutable<NumberMention> = {
    raw: text.slice(range.start, range.end),
    range,
    valueRange: unfoldRange(f, a, n.valueRange),
    value: n.value,
    kind: n.kind,
    approximate: n.approximate,
    decimals: n.decimals,
    numeral: n.numeral,
    fullWidth: n.fullWidth,
    sentenceIndex: n.sentenceIndex,
    unit: n.unit,
    approximateMarker: n.approximateMarker,
    multiplier: n.multiplier,
  };
  return m;
}

function unfoldReference(text: string, f: Fold, a: number, r: QuotedReference): QuotedReference {
  const range = unfoldRange(f, a, r.range);
  const innerRange = unfoldRange(f, a, r.innerRange);
  return { ...r, raw: text.slice(range.start, range.end), range, inner: text.slice(innerRange.start, innerRange.end), innerRange };
}

function unfoldDocumentNumber(text: string, f: Fold, d: DocumentNumber): DocumentNumber {
  const range = unfoldRange(f, 0, d.range);
  return { ...d, raw: text.slice(range.start, range.end), range };
}
