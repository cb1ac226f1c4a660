import { lineOf, readLineStarts, type LineColumn } from '@fzlint/parser';

/** Offsets where lines start (after `\n`, `\r\n` or `\r`), read as the parser's line index reads them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  readLineStarts(text, 0, text.length, starts);
  return starts;
}

/** 1-based line/column of an offset, by binary search over line starts. */
export function positionIn(starts: readonly number[], offset: number): LineColumn {
  const lo = lineOf(starts, offset);
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A `positionAt` for a text without a parsed document. */
export function positionFinder(text: string): (offset: number) => LineColumn {
  const starts = lineStarts(text);
  return (offset) => positionIn(starts, offset);
}
