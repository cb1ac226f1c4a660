/**
 * The passages of a report the continuity rules compare: paragraphs cut at
 * headings (a report run together on one line has its headings inside one
 * paragraph), lines broken mid-sentence joined again (web copies that break a
 * report into short lines), and very long stretches cut at sentence ends into
 * pieces of a few hundred characters, so a finding points at a readable span.
 */
import type { ConceptId } from '@fzlint/ontology';
import { documentMemo, type ReportDocument, type TextRange } from '@fzlint/parser';
import { flattenSections, type SectionEntry } from '../structure/outline.js';
import { normalize, type NormalizedText } from './text.js';

/** A stretch of body text between headings. */
export interface Passage {
  /** Index in the document's passage list. */
  readonly index: number;
  /** Source range, white space trimmed. */
  readonly range: TextRange;
  /** The content it belongs to (the nearest classified section above it), if known. */
  readonly concept?: ConceptId;
  /** Index into `document.headings` of the nearest heading above, or -1 (the opening). */
  readonly headingIndex: number;
  readonly norm: NormalizedText;
}

/** A passage longer than this (normalised characters) is cut at sentence ends … */
const MAX_PASSAGE = 600;
/** … into pieces of at least this many. */
const PIECE = 300;

// A piece not ending like this continues on the next line (a web copy broken mid-sentence).
const ENDS_SENTENCE = /[。！？；!?;：:…”"’）)】]$/u;

/**
 * Whether a piece of text ending at `end` ends a sentence: a piece that does not is joined with
 * the next piece under the same heading into one passage.
 */
export function endsPassagePiece(text: string, end: number): boolean {
  return ENDS_SENTENCE.test(text.slice(end - 1, end));
}

const CACHE = documentMemo<readonly Passage[]>();

/**
 * Normalised stretches by their source text, offsets relative to the stretch: an editor asks
 * for the passages of the next version of the same report on every keystroke, and every
 * stretch but the edited one has the same text (at a moved offset). `normalize` reads only the
 * characters of its range, so the same text normalises the same, its offsets moved by the
 * start. Cleared past {@link MAX_NORMALIZED} stretches or characters.
 */
const NORMALIZED = new Map<string, { readonly text: string; readonly offsets: Int32Array }>();
const MAX_NORMALIZED = 4096;
let normalizedChars = 0;

/**
 * `normalize(text, start, end)` with its offsets relative to `start`, remembered by the
 * stretch's source text (see {@link NORMALIZED}): the returned object is shared, not to be changed.
 */
export function normalizedStretch(text: string, start: number, end: number): { readonly text: string; readonly offsets: Int32Array } {
  const source = text.slice(start, end);
  const hit = NORMALIZED.get(source);
  if (hit) return hit;
  const norm = normalize(text, start, end);
  if (NORMALIZED.size >= MAX_NORMALIZED || normalizedChars > 4_000_000) {
    NORMALIZED.clear();
    normalizedChars = 0;
  }
  const relative = new Int32Array(norm.offsets.length);
  for (let i = 0; i < relative.length; i++) relative[i] = norm.offsets[i]! - start;
  const entry = { text: norm.text, offsets: relative };
  NORMALIZED.set(source, entry);
  normalizedChars += source.length;
  return entry;
}

/**
 * A remembered stretch placed at `start`: its absolute offsets are made on first read only
 * (the rules read a passage's normalised text on every keystroke, its offsets rarely).
 */
class PlacedStretch implements NormalizedText {
  private absolute: Int32Array | undefined;

  constructor(
    private readonly stretch: { readonly text: string; readonly offsets: Int32Array },
    private readonly start: number,
  ) {}

  get text(): string {
    return this.stretch.text;
  }

  get offsets(): Int32Array {
    let out = this.absolute;
    if (!out) {
      const relative = this.stretch.offsets;
      out = new Int32Array(relative.length);
      for (let i = 0; i < out.length; i++) out[i] = relative[i]! + this.start;
      this.absolute = out;
    }
    return out;
  }
}

function normalizeStretch(text: string, start: number, end: number): NormalizedText {
  return new PlacedStretch(normalizedStretch(text, start, end), start);
}

function trim(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  // The full stop of a run-in heading (1. 自觉接受监督。主动…) ends the heading, not the passage after it.
  while (s < e && /[\s。！？；!?;：:]/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function inJunk(document: ReportDocument, offset: number): boolean {
  for (const r of document.junkRanges) if (offset >= r.start && offset < r.end) return true;
  return false;
}

/**
 * Whether a paragraph yields passage pieces: it overlaps the body and does not start in
 * web-page junk. The linter's edit path asks it too (which paragraphs a passage may span).
 */
export function yieldsPassagePieces(document: ReportDocument, paragraph: TextRange): boolean {
  const { bodyRange } = document;
  return paragraph.end > bodyRange.start && paragraph.start < bodyRange.end && !inJunk(document, paragraph.start);
}

/** The concept of the section each heading opens, by the heading's start offset. */
function conceptsByHeading(entries: readonly SectionEntry[]): Map<number, ConceptId | undefined> {
  const out = new Map<number, ConceptId | undefined>();
  for (const e of entries) out.set(e.section.heading.range.start, e.effectiveConcept);
  return out;
}

/**
 * The passages of a document, in order (computed once per document). Headings are
 * not passages: they are short, and a heading repeated from last year is the
 * structure rules' business.
 */
export function passagesOf(document: ReportDocument): readonly Passage[] {
  const cached = CACHE.get(document);
  if (cached) return cached;
  const { text, headings, bodyRange } = document;
  // 1. Paragraph pieces between headings.
  const pieces: { range: TextRange; headingIndex: number }[] = [];
  let h = 0;
  for (const p of document.paragraphs) {
    if (!yieldsPassagePieces(document, p.range)) continue;
    let at = Math.max(p.range.start, bodyRange.start);
    const end = Math.min(p.range.end, bodyRange.end);
    while (h < headings.length && headings[h]!.range.end <= at) h++;
    let k = h;
    while (at < end) {
      const next = headings[k];
      const stop = next && next.range.start < end ? Math.max(at, next.range.start) : end;
      const piece = trim(text, at, stop);
      if (piece.end > piece.start) pieces.push({ range: piece, headingIndex: k - 1 });
      if (!next || next.range.start >= end) break;
      at = Math.max(at, next.range.end);
      k++;
    }
  }
  // 2. Join lines broken mid-sentence (same heading, previous piece not ending a sentence).
  const joined: { range: TextRange; headingIndex: number }[] = [];
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    if (last && last.headingIndex === piece.headingIndex && !endsPassagePiece(text, last.range.end)) {
      last.range = { start: last.range.start, end: piece.range.end };
    } else {
      joined.push({ range: piece.range, headingIndex: piece.headingIndex });
    }
  }
  // 3. Long stretches cut at sentence ends.
  // The nearest heading above a passage opens the section the passage is in.
  const byHeading = conceptsByHeading(flattenSections(document));
  const out: Passage[] = [];
  const push = (range: TextRange, headingIndex: number, stretch?: { readonly text: string; readonly offsets: Int32Array }) => {
    const norm = stretch ? new PlacedStretch(stretch, range.start) : normalizeStretch(text, range.start, range.end);
    if (norm.text.length === 0) return;
    const heading = headings[headingIndex];
    const concept = heading ? byHeading.get(heading.range.start) : undefined;
    out.push({ index: out.length, range, headingIndex, norm, ...(concept ? { concept } : {}) });
  };
  let s = 0;
  for (const piece of joined) {
    const norm = normalizedStretch(text, piece.range.start, piece.range.end);
    if (norm.text.length <= MAX_PASSAGE) {
      push(piece.range, piece.headingIndex, norm);
      continue;
    }
    const sentences = document.sentences;
    while (s < sentences.length && sentences[s]!.range.end <= piece.range.start) s++;
    // Normalised characters before an offset, read off the piece's own normalisation (offsets relative to its start).
    const offsets = norm.offsets;
    const base = piece.range.start;
    let k = 0;
    const before = (offset: number): number => {
      while (k < offsets.length && offsets[k]! + base < offset) k++;
      return k;
    };
    let start = piece.range.start;
    let startCount = 0;
    for (let i = s; i < sentences.length && sentences[i]!.range.start < piece.range.end; i++) {
      const sEnd = Math.min(sentences[i]!.range.end, piece.range.end);
      const count = before(sEnd);
      if (count - startCount >= PIECE && piece.range.end - sEnd > 0) {
        const r = trim(text, start, sEnd);
        if (r.end > r.start) push(r, piece.headingIndex);
        start = sEnd;
        startCount = count;
      }
    }
    const rest = trim(text, start, piece.range.end);
    if (rest.end > rest.start) push(rest, piece.headingIndex);
  }
  CACHE.set(document, out);
  return out;
}
