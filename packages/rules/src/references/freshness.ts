import { CATALOGUE_REVIEWED, firstDayOf } from '@fzlint/ontology';

/** How many months after the catalogue's review a report may be written before it is told what could not be judged. */
export const DEFAULT_GRACE_MONTHS = 6;

/** A day (yyyymmdd) moved forward by whole months (the day clamped to 28, safe for a bound). */
function monthsAfter(day: number, months: number): number {
  const y = Math.floor(day / 10000);
  const m = Math.floor((day % 10000) / 100);
  const total = y * 12 + (m - 1) + months;
  return Math.floor(total / 12) * 10000 + ((total % 12) + 1) * 100 + Math.min(day % 100, 28);
}

/**
 * The review date of the catalogue when a report written on `writing` (yyyymmdd) comes
 * more than `graceMonths` after it: what changed since could not be judged. Undefined
 * while the catalogue is fresh enough.
 */
export function staleCatalogue(writing: number, reviewed: string = CATALOGUE_REVIEWED, graceMonths: number = DEFAULT_GRACE_MONTHS): string | undefined {
  const day = firstDayOf(reviewed);
  if (day === undefined) return undefined;
  return writing > monthsAfter(day, graceMonths) ? reviewed : undefined;
}
