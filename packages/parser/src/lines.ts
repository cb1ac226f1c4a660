import type { LineColumn, LineIndex } from './model.js';

/**
 * The parser's one line index (`ReportDocument.lineIndex`), exported so that the
 * linter, the formatters and the language server convert offsets the same way.
 *
 * Builds the offset ↔ line/column index of a text in one pass.
 * Lines end at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 code units.
 * `starts`: the text's line starts when already known (a re-parse after an edit), not read again.
 */
export function createLineIndex(text: string, starts?: number[]): LineIndex {
  const lineStarts = starts ?? wholeTextLineStarts(text);
  const length = text.length;
  return {
    lineStarts,
    positionAt(offset: number): LineColumn {
      const o = Math.max(0, Math.min(offset, length));
      const lo = lineOf(lineStarts, o);
      return { line: lo + 1, column: o - (lineStarts[lo] ?? 0) + 1 };
    },
    offsetAt(position: LineColumn): number {
      if (position.line < 1) return 0;
      if (position.line > lineStarts.length) return length;
      const start = lineStarts[position.line - 1] ?? length;
      const next = lineStarts[position.line] ?? length + 1;
      return Math.min(start + Math.max(0, position.column - 1), next - 1, length);
    },
  };
}

/**
 * The line starts of a whole text. Without a `\r`, counted first and written into a list made at
 * its length: a list of many lines grown push by push is re-allocated on fresh pages at each growth
 * (a text of short lines spends a third of its lint in page faults).
 */
function wholeTextLineStarts(text: string): number[] {
  if (text.indexOf('\r') >= 0) {
    const starts = [0];
    readLineStarts(text, 0, text.length, starts);
    return starts;
  }
  let count = 1;
  for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) count++;
  const starts = new Array<number>(count);
  starts[0] = 0;
  let k = 1;
  for (let n = text.indexOf('\n'); n >= 0; n = text.indexOf('\n', n + 1)) starts[k++] = n + 1;
  return starts;
}

/**
 * Appends to `starts` the start of the line after each line break in text[from, until): `\n`,
 * `\r\n` (one break, read whole when its `\r` is the last character of the stretch) or a lone
 * `\r`. Returns where reading stopped: `until`, or one past it after such a `\r\n`.
 */
export function readLineStarts(text: string, from: number, until: number, starts: number[]): number {
  // Read to the text's end (a whole text's index) without a `\r`: the native search for `\n` is
  // several times faster than a loop over every unit. (Not for a stretch inside the text: a
  // search could run on past its end.)
  if (until === text.length && text.indexOf('\r', from) < 0) {
    for (let n = text.indexOf('\n', from); n >= 0; n = text.indexOf('\n', n + 1)) starts.push(n + 1);
    return until;
  }
  let i = from;
  for (; i < until; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return i;
}

/** Index of the line holding `offset`: the last of the ascending `lineStarts` at or before it (0 when none is). */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The line starts of `text`, an edited version of a text whose line starts are `old`: the two
 * share their first `prefix` and last `suffix` characters (`changedSpan`) and `delta` is the
 * change of length. The starts before the changed span are kept, its lines read again, the
 * later ones shifted: equal to `createLineIndex(text).lineStarts`. The line holding the character
 * before the span is read again too (a `\r\n` may straddle the span's start), and the first
 * character after it (it may end a line the span's last character began).
 */
export function editedLineStarts(old: readonly number[], text: string, prefix: number, suffix: number, delta: number): number[] {
  const k = lineOf(old, Math.max(0, prefix - 1));
  const starts = old.slice(0, k + 1);
  const read = readLineStarts(text, old[k] ?? 0, Math.min(text.length, text.length - suffix + 1), starts);
  // Old starts after what was read: their text is unchanged, shifted by the edit.
  for (let j = lineOf(old, read - delta) + 1; j < old.length; j++) starts.push((old[j] as number) + delta);
  return starts;
}

