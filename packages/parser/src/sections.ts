/**
 * Sections: the tree the headings make. A section runs from its heading to the
 * next heading of the same or a higher level.
 */
import type { Heading, Section, TextRange } from './model.js';
import { isSpace } from './text.js';

/** Builds the section tree of `headings` (in document order) inside the body. Linear in the number of headings. */
export function buildSections(text: string, headings: readonly Heading[], body: TextRange): Section[] {
  const ends: number[] = new Array<number>(headings.length).fill(body.end);
  const open: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Heading;
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= h.level) {
      ends[open.pop() as number] = h.range.start;
    }
    open.push(i);
  }
  const build = (from: number, to: number): Section[] => {
    const out: Section[] = [];
    let i = from;
    while (i < to) {
      const h = headings[i] as Heading;
      let j = i + 1;
      while (j < to && (headings[j]?.level ?? 0) > h.level) j++;
      let e = Math.max(ends[i] ?? body.end, h.range.end);
      while (e > h.range.end && isSpace(text.charCodeAt(e - 1))) e--;
      let bs = h.range.end;
      while (bs < e && isSpace(text.charCodeAt(bs))) bs++;
      const range = { start: h.range.start, end: e };
      const bodyRange = { start: bs, end: e };
      const children = build(i + 1, j);
      // Two literals rather than a spread of the optional concept (keys in the same order).
      out.push(h.concept ? { heading: h, level: h.level, concept: h.concept, range, bodyRange, children } : { heading: h, level: h.level, range, bodyRange, children });
      i = j;
    }
    return out;
  };
  return build(0, headings.length);
}
