/**
 * One table of what the statistics' per-unit scans ask of a UTF-16 unit, one bit per question:
 * the clause scanner's breaks, the count words' scan (scope, list and verb triggers), the period
 * and scope pre-checks, the part markers. Each was a 64 KB table of its own, and the scans read
 * them at every unit of the clauses around numbers: a report's Chinese text touched ~100–200
 * lines of each, which the other rules of a lint push out of the CPU caches before the next
 * report. In one table a report reads those lines once. Each module marks its own bits when it
 * loads (this module imports nothing, so it is evaluated first); no bit is set afterwards.
 */

/** Per UTF-16 unit, bits of the classes below. */
export const STAT_UNIT = new Uint8Array(0x10000);

/** 全, 各, 我 and 级: the characters `scopesIn` stops at (figure-words' SCOPE_TRIGGER). */
export const SCOPE = 1;
/** A character every period expression contains (figure-words' PERIOD_CHARS). */
export const PERIOD = 2;
/** A clause break (mentions' CLAUSE_BREAK_CHARS). */
export const CLAUSE_BREAK = 4;
/** The first unit of a comparison, per-capita, carried-over, part-list or 分别 word (clause-words' SINGLE or FIRST). */
export const COUNT_WORD = 8;
/** The first unit of a metric verb (clause-words). */
export const VERB_FIRST = 16;
/** The first unit of a part marker (relations). */
export const PART_MARKER_FIRST = 32;
/** A character of the words `withoutPeriodWords` drops (figure-words). */
export const WITHOUT_PERIOD = 64;

/** Sets `bit` at each unit of `units`. */
export function markUnits(units: Iterable<number>, bit: number): void {
  for (const c of units) STAT_UNIT[c]! |= bit;
}

/** Sets `bit` at the first unit of each string of `chars`. */
export function markChars(chars: Iterable<string>, bit: number): void {
  for (const ch of chars) STAT_UNIT[ch.charCodeAt(0)]! |= bit;
}

/** Whether text[from, to) holds a unit with `bit`. */
export function holdsClass(bit: number, text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((STAT_UNIT[text.charCodeAt(i)]! & bit) !== 0) return true;
  return false;
}
