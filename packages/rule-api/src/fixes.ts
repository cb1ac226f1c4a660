import type { Fix } from './types.js';

/**
 * Merges several edits of one finding into a single edit covering them all,
 * as ESLint does, so that fixes of different findings can be checked for overlap.
 * Returns undefined for overlapping edits (a rule bug: the fix is dropped).
 */
export function mergeFixes(text: string, fixes: Fix | readonly Fix[]): Fix | undefined {
  const list = (Array.isArray(fixes) ? [...(fixes as readonly Fix[])] : [fixes as Fix]).sort(
    (a, b) => a.range.start - b.range.start || a.range.end - b.range.end,
  );
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  const first = list[0]!;
  const last = list.reduce((max, f) => (f.range.end > max ? f.range.end : max), first.range.end);
  let out = '';
  let cursor = first.range.start;
  for (const fix of list) {
    if (fix.range.start < cursor) return undefined;
    out += text.slice(cursor, fix.range.start) + fix.text;
    cursor = fix.range.end;
  }
  out += text.slice(cursor, last);
  return { range: { start: first.range.start, end: last }, text: out };
}

/** Result of applying fixes once. */
export interface AppliedFixes {
  readonly output: string;
  /** Fixes applied, in text order. */
  readonly applied: readonly Fix[];
  /** Fixes skipped because they overlapped an earlier one. */
  readonly skipped: readonly Fix[];
}

/**
 * Applies non-overlapping fixes in one pass (textlint's and ESLint's approach):
 * sorted by start, a fix that touches or overlaps the previous one is skipped and
 * left for the next pass.
 */
export function applyFixesOnce(text: string, fixes: readonly Fix[]): AppliedFixes {
  const sorted = [...fixes].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  for (const fix of sorted) {
    if (fix.range.start < 0 || fix.range.end > text.length || fix.range.start > fix.range.end) {
      skipped.push(fix);
      continue;
    }
    // Touching ranges are skipped too: two insertions at one offset have no defined order.
    if (fix.range.start <= lastEnd && applied.length > 0) {
      skipped.push(fix);
      continue;
    }
    out += text.slice(cursor, fix.range.start) + fix.text;
    cursor = fix.range.end;
    lastEnd = fix.range.end;
    applied.push(fix);
  }
  out += text.slice(cursor);
  return { output: out, applied, skipped };
}
