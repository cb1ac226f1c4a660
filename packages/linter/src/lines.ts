import type { LineColumn } from '@fzlint/parser';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Offsets where lines start (after `\n`, `\r\n` or `\r`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based line/column of an offset, by binary search over line starts. */
export function positionIn(starts: readonly number[], offset: number): LineColumn {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A `positionAt` for a text without a parsed document. */
export function positionFinder(text: string): (offset: number) => LineColumn {
  const starts = lineStarts(text);
  return (offset) => positionIn(starts, offset);
}
