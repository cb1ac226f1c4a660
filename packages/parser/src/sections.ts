/**
 * Sections: the tree the headings make. A section runs from its heading to the
 * next heading of the same or a higher level.
 */
import type { Heading, Section, TextRange } from './model.js';
import { isSpace } from './text.js';

/**
 * The `children` of every leaf section: one frozen empty array rather than one per leaf (a
 * document of empty headings kept an array per heading). `Section.children` is read-only.
 */
const NO_CHILDREN: readonly Section[] = Object.freeze([]);

/** Builds the section tree of `headings` (in document order) inside the body. Linear in the number of headings. */
export function buildSections(text: string, headings: readonly Heading[], body: TextRange): readonly Section[] {
  const ends: number[] = new Array<number>(headings.length).fill(body.end);
  const open: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Heading;
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= h.level) {
      ends[open.pop() as number] = h.range.start;
    }
    open.push(i);
  }
  const build = (from: number, to: number): readonly Section[] => {
    // At most one a heading, cut to what it holds: the top-level list of a document of empty
    // headings is as long as the document has lines, and grown push by push it is re-allocated.
    const out: Section[] = new Array<Section>(to - from);
    let count = 0;
    let i = from;
    while (i < to) {
      const h = headings[i] as Heading;
      let j = i + 1;
      while (j < to && (headings[j]?.level ?? 0) > h.level) j++;
      let e = Math.max(ends[i] ?? body.end, h.range.end);
      while (e > h.range.end && isSpace(text.charCodeAt(e - 1))) e--;
      let bs = h.range.end;
      while (bs < e && isSpace(text.charCodeAt(bs))) bs++;
      // Ranges are read-only: equal ones are shared (a heading with no body, an empty heading).
      const range = e === h.range.end ? h.range : { start: h.range.start, end: e };
      const bodyRange = bs === range.start ? range : { start: bs, end: e };
      const children = j > i + 1 ? build(i + 1, j) : NO_CHILDREN;
      // Two literals rather than a spread of the optional concept (keys in the same order).
      out[count++] = h.concept ? { heading: h, level: h.level, concept: h.concept, range, bodyRange, children } : { heading: h, level: h.level, range, bodyRange, children };
      i = j;
    }
    out.length = count;
    return out;
  };
  return build(0, headings.length);
}
