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
      out.push({
        heading: h,
        level: h.level,
        ...(h.concept ? { concept: h.concept } : {}),
        range: { start: h.range.start, end: e },
        bodyRange: { start: bs, end: e },
        children: build(i + 1, j),
      });
      i = j;
    }
    return out;
  };
  return build(0, headings.length);
}
