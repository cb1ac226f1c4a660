/**
 * Numbers beyond what fzlint can check exactly. A count or rate is held as a
 * double, exact to 15 significant digits: a 400-digit count (past the double
 * range, it becomes Infinity) or a rate written with 20 decimals cannot be
 * compared with anything without making up digits, and once made `NaN%` and
 * `Infinity件` appeared in messages. Such numbers are declared out of range
 * (one info finding each, at most {@link MAX_RANGE_FINDINGS}) and left out of
 * the document the rules see: no rule computes with them. Linear in the
 * numbers' lengths.
 */
import type { NumberMention, ReportDocument } from '@fzlint/parser';

/** Significant digits a number may have to be checked (a double is exact to 15). */
export const MAX_EXACT_DIGITS = 15;

/** At most this many out-of-range findings per document (a hostile text may hold a million such numbers). */
export const MAX_RANGE_FINDINGS = 100;

/** Significant digits of a numeral as written: ASCII and full-width digits, leading zeros not counted. */
export function significantDigits(numeral: string): number {
  return significantDigitsIn(numeral, 0, numeral.length);
}

/** Significant digits of text[start, end) (no slice of it made: every number of every report is checked). */
function significantDigitsIn(numeral: string, start: number, end: number): number {
  let digits = 0;
  let leading = true;
  for (let i = start; i < end; i++) {
    const c = numeral.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    if (d < 0) continue;
    if (leading && d === 0) continue;
    leading = false;
    digits++;
  }
  return digits;
}

/** Kinds of numbers nothing computes with (a long document or phone number is no figure). */
const NOT_FIGURES: ReadonlySet<NumberMention['kind']> = new Set(['year', 'date', 'document-number', 'phone', 'ordinal']);

/** Whether fzlint cannot check a number exactly. */
export function isOutOfRange(text: string, n: NumberMention): boolean {
  // Nearly every number: finite, below 1e15 and written in at most 15 characters, so at most 15
  // significant digits whatever its kind (no set lookup or digit count for it). The value read
  // once and compared without `Math.abs`: a double field, each load (and `Math.abs` of it) in
  // code V8 has not optimised, as under the CLI's interrupt budget, is a new heap number.
  const value = n.value;
  if (value < 1e15 && value > -1e15 && n.valueRange.end - n.valueRange.start <= MAX_EXACT_DIGITS) return false;
  if (!Number.isFinite(value)) return true;
  if (NOT_FIGURES.has(n.kind)) return false;
  if (value >= 1e15 || value <= -1e15) return true;
  return significantDigitsIn(text, n.valueRange.start, n.valueRange.end) > MAX_EXACT_DIGITS;
}

/** The document's numbers fzlint cannot check exactly, and the document without them (itself when there are none). */
export function withoutOutOfRange(document: ReportDocument): { readonly document: ReportDocument; readonly outOfRange: readonly NumberMention[] } {
  let outOfRange: NumberMention[] | undefined;
  const { numbers, text } = document;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    // `isOutOfRange`'s first test, here without a call for nearly every number (a report has
    // hundreds, and this loop mostly runs before V8 optimises it, where a call is not inlined).
    const value = n.value;
    if (value < 1e15 && value > -1e15 && n.valueRange.end - n.valueRange.start <= MAX_EXACT_DIGITS) continue;
    if (!isOutOfRange(text, n)) continue;
    (outOfRange ??= []).push(n);
  }
  if (!outOfRange) return { document, outOfRange: [] };
  const dropped = new Set(outOfRange);
  return { document: { ...document, numbers: document.numbers.filter((n) => !dropped.has(n)) }, outOfRange };
}

/** How an out-of-range number is shown in its finding: its first digits and a count of the rest. */
export function shownNumeral(numeral: string): string {
  return numeral.length <= 24 ? numeral : `${numeral.slice(0, 12)}…`;
}
