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
/** The first unit of a comparison, per-capita, carried-over, part-list or 分别 word (clause-words' TRIGGERS). */
export const COUNT_WORD = 8;
/** The first unit of a metric verb (clause-words). */
export const VERB_FIRST = 16;
/** The first unit of a part marker (relations). */
export const PART_MARKER_FIRST = 32;

/**
 * Per UTF-16 unit, bits of the word checks below, read at a few units per count or clause. Each
 * was a 64 KB table of its own (13 of them): each cost every thread that loads the rules ~9 page
 * faults and ~0.1 ms CPU at load on the shared host (docs/performance-journal.md). One 128 KB table,
 * marked by the modules that read it as they load. The checks that scan a whole string are
 * `unitClass` expressions instead (their bits 1, 8, 64 and 128 are free).
 */
export const WORD_UNIT = new Uint16Array(0x10000);

/** mentions: the first unit of an object filler mark or word, or white space. */
export const FILLER_FIRST = 2;
/** mentions: the last unit of an object tail word. */
export const TAIL_FILLER_LAST = 4;
/** mentions: the last unit of a rate link, 由, or white space. */
export const RATE_LINK_LAST = 16;
/** mentions: the last unit of a rate suffix (率, 比, 例, 重). */
export const RATE_SUFFIX_LAST = 32;
/** figure-words: the last unit of a change verb. */
export const CHANGE_VERB_LAST = 256;
/** figure-words: a link after a change verb (了, 到, 达, 为, 约, 近, 过, 超). */
export const CHANGE_LINK = 512;
/** figure-words: the last unit of a 倍 comparison's words, or 的. */
export const TIMES_LAST = 1024;
/** clause-words: a growth link (了, 达, 为). */
export const GROWTH_LINK = 2048;
/** clause-words: the last unit of a growth word. */
export const GROWTH_LAST = 4096;

/** Sets `bit` of WORD_UNIT at the first unit of each string of `chars`. */
export function markWordUnits(chars: Iterable<string>, bit: number): void {
  for (const ch of chars) WORD_UNIT[ch.charCodeAt(0)]! |= bit;
}

/**
 * A one-class expression of the first UTF-16 unit of each of `chars` (each written `\uXXXX`: a
 * pattern without the `u` flag, one unit each, no character to escape), for the checks that scan a
 * whole string. Measured against the loops over WORD_UNIT bits it replaced: the same share of a lint's
 * CPU profile (docs/performance-journal.md, "Afternoon of 2026-12-07: changes kept on instruction
 * counts…"); a scan over every unit of a long block was slower as an expression (the heading scan).
 */
export function unitClass(chars: Iterable<string>): RegExp {
  const units = new Set<number>();
  for (const ch of chars) units.add(ch.charCodeAt(0));
  let source = '[';
  for (const unit of units) source += `\\u${unit.toString(16).padStart(4, '0')}`;
  return new RegExp(`${source}]`);
}

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
