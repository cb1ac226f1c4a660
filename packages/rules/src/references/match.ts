import { builtinCatalogue, CATALOGUE_DIGEST, type CatalogueEntry } from '@fzlint/ontology';
import { documentMemo, fold, type QuotedReference, type ReportDocument, type Section, type TextRange } from '@fzlint/parser';
import type { RuleSettings } from '@fzlint/rule-api';
import { EdgeTable, unitPairBit } from '../edge-table.js';
import { readPrebuilt } from '../prebuilt.js';
import { alignedBytes, concatViews, TypedViewCursor } from '../typed-views.js';
import { dayOf, earliestDay, latestDay, type DayNumber } from './dates.js';
import { staleCatalogue } from './freshness.js';

/*
 * Finds every catalogue entry a report cites. The catalogue is compiled once per
 * catalogue array (a WeakMap keyed by its identity) into a character trie of all
 * literal spellings, so one left-to-right pass over the sentences finds every entry
 * (leftmost-longest, as a reader would: 行政监察法 is not 监察法). Text is read
 * through a 1:1-or-dropping normalisation — full-width ASCII to half-width, every
 * dash to `-`, quotes and spaces dropped — so “七五”普法, 七五普法 and "七五"普法,
 * or （2021—2025年） and (2021-2025年), are one spelling. Party congresses and
 * plenums are read by a phrase grammar instead, because reports list them
 * (十九届二中、三中、四中全会).
 */

/** Where a reference was found. */
export type ReferenceVia = 'title' | 'text' | 'congress-phrase' | 'loose-title';

/** An entry's status on the writing date. */
export type ReferenceStatus = 'current' | 'superseded' | 'not-yet' | 'unknown';

/** One recognised reference to a catalogue entry (the data a hover shows). */
export interface CatalogueReference {
  readonly entry: CatalogueEntry;
  /** The words that name the entry, as written. */
  readonly range: TextRange;
  readonly text: string;
  readonly via: ReferenceVia;
  /** False when a 《》 title names the entry with a slightly different wording. */
  readonly exact: boolean;
  readonly sentenceIndex: number;
  /** Inside the 《》 title of another document (《XX市“十四五”规划》, 《XX县工商局关于…》). */
  readonly inOtherTitle: boolean;
  /** The inner range of the 《》 title the reference sits in, if any. */
  readonly titleRange?: TextRange;
  /** Inside the next-year-plan section. */
  readonly inNextYearPlan: boolean;
  /** A historical mention (原工商局, 党的十九大以来, 七五普法期间获评). */
  readonly historical: boolean;
  /** Status on the writing date. */
  readonly status: ReferenceStatus;
  /** The entry that replaced it, when the catalogue has it. */
  readonly successor?: CatalogueEntry;
  /** The catalogue's review date, when the report was written well after it (what changed since is unknown). */
  readonly staleCatalogue?: string;
  /** The writing date (yyyymmdd) the status was judged on, for hovers (the version in force). */
  readonly writingDay?: number;
}

/** A congress/plenum phrase ending in 精神 (学习贯彻党的十九大和十九届二中、三中全会精神). */
export interface CongressPhrase {
  readonly range: TextRange;
  readonly text: string;
  readonly sentenceIndex: number;
  readonly paragraphIndex: number;
  /** The meetings the phrase names, in order. */
  readonly meetings: readonly CongressMention[];
  /** Plenums it covers as “历次全会” of a Central Committee (number of the CC). */
  readonly allPlenumsOf: readonly number[];
  readonly inNextYearPlan: boolean;
}

/** One meeting named in a phrase. */
export interface CongressMention {
  readonly entry: CatalogueEntry;
  readonly range: TextRange;
  readonly text: string;
  readonly meeting: Meeting;
}

/** A congress (session 0) or a plenum of a Central Committee. */
export interface Meeting {
  readonly entry: CatalogueEntry;
  /** Number of the congress / Central Committee (19 for 十九大 and 十九届…). */
  readonly cc: number;
  /** 0 for the congress itself, k for the k-th plenum. */
  readonly session: number;
  readonly start: DayNumber;
}

/** The catalogue, compiled for matching. */
export interface CompiledCatalogue {
  /** The trie flattened into typed arrays for the scan (no Map look-up per character). */
  readonly flat: FlatTrie;
  readonly byId: ReadonlyMap<string, CatalogueEntry>;
  /** Normalised exact spellings of policies and laws (for titles). */
  readonly titleKeys: ReadonlyMap<string, CatalogueEntry[]>;
  /** Loose spellings (only CJK and digits, no 年) of policies and laws. */
  readonly looseKeys: ReadonlyMap<string, CatalogueEntry[]>;
  /**
   * A bit per hash of every `titleKeys` and `looseKeys` key (`keyHash`, salted by set): a title's
   * spellings are looked up in the Maps only where their bit is set. A report's ~14 titles
   * almost all miss both, and in a lint each miss read the Maps' buckets and keys, pushed out
   * of the caches by the other rules, again per report; the filter is one or two lines.
   */
  readonly keyBits: Uint32Array;
  /** Congress and plenum entries by their short spelling (十九大, 十九届六中全会). */
  readonly meetingsByKey: ReadonlyMap<string, Meeting>;
  readonly meetings: readonly Meeting[];
  /** Combined regular expression of the entries' extra `patterns`, and the entry of each group. */
  readonly patterns?: { readonly regex: RegExp; readonly groups: readonly (CatalogueEntry | undefined)[] };
  /** By writing day, per trie node: its entries resolved on that day (filled as matches find nodes). */
  readonly resolvedByDay: Map<DayNumber, Array<ResolvedNode | undefined>>;
}

/**
 * A trie node's entries as a match on one writing day uses them: the entry current then, its
 * kind, status and successor. Made once per node and day, not per match: in a lint the other
 * rules push the catalogue's objects and the dates' memo Maps out of the caches before every
 * report, and each match read them again (pickByDate, statusOn, the successor by id).
 */
interface ResolvedNode {
  readonly entry: CatalogueEntry;
  readonly kind: CatalogueEntry['kind'];
  readonly status: ReferenceStatus;
  readonly successor: CatalogueEntry | undefined;
}

const DASHES = '—–－‐‑‒―-~～─';
const DROPPED = '“”"‘’\'「」『』 \t\u3000\u00a0\r\n';
const DASH = 0x2d;

/**
 * The units of DASHES and DROPPED at or above U+0100, normalised (dropped wins
 * over dash). Few, so a map; the Latin-1 ones are in LATIN1.
 */
const SPECIAL = new Map<number, number>();
/** The normalisation of U+0000–U+00FF. */
const LATIN1 = new Int32Array(0x100);
for (let c = 0; c < LATIN1.length; c++) LATIN1[c] = c;
for (const [chars, to] of [
  [DASHES, DASH],
  [DROPPED, -1],
] as const) {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    if (c < 0x100) LATIN1[c] = to;
    else SPECIAL.set(c, to);
  }
}

/** Bit per unit: SPECIAL has it. */
const SPECIAL_BITS = bitsOfCodes(SPECIAL.keys());

/** A set of UTF-16 units as a bit per unit (8 KB), for tests written out where the CLI does not inline. */
function bitsOfCodes(codes: Iterable<number>): Uint32Array {
  const bits = new Uint32Array(0x800);
  for (const c of codes) bits[c >>> 5] = bits[c >>> 5]! | (1 << (c & 31));
  return bits;
}

/**
 * The normalisation of one UTF-16 code unit: -1 drops the unit (quotes,
 * spaces), dashes become `-`, full-width ASCII becomes half-width, anything
 * else is itself. Range checks instead of a 65,536-entry table built at load.
 */
function norm(c: number): number {
  if (c < 0x100) return LATIN1[c]!;
  // CJK ideographs, most of a report's text: none is special.
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  // The Map only for its own units: CJK punctuation (，。、) ends many walks and is none of them.
  if ((SPECIAL_BITS[c >>> 5]! & (1 << (c & 31))) !== 0) return SPECIAL.get(c)!;
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/**
 * The longest text a key is made of in one go: a key is built by one spread of its units into
 * `String.fromCharCode`, and a call takes only so many arguments (~120,000 here). Titles and
 * catalogue spellings are far shorter; a spelling matched by a user's open-ended pattern can
 * be a line of hundreds of thousands of units, and is keyed piece by piece. (The test at the
 * keys' start: written around the spread, or the spread moved to a function, the keys of a
 * report's titles were 1.6 and ~1.02 times slower, in an interleaved A/B.)
 */
const KEY_PIECE = 8192;

/** {@link normalizeSpelling} of a text longer than {@link KEY_PIECE}, piece by piece. */
function normalizeLong(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += KEY_PIECE) {
    let piece = normalizeSpelling(text.slice(i, i + KEY_PIECE));
    // A run of dashes across a cut is one dash, as in one pass.
    if (piece.charCodeAt(0) === DASH && out.charCodeAt(out.length - 1) === DASH) piece = piece.slice(1);
    out += piece;
  }
  return out;
}

/**
 * A key's units as `normalizeSpelling` and `looseKey` first need them: a list with room for every
 * unit of `text` (a key is never longer), holding its first `before` units. Made at that length
 * and written by index, not grown by `push` (room for 17, then 41: most titles are 10-40 units).
 */
function unitsBefore(text: string, before: number): number[] {
  const codes = new Array<number>(text.length);
  for (let k = 0; k < before; k++) codes[k] = text.charCodeAt(k);
  return codes;
}

/** The string of the first `count` units of `codes` (cut to that length in place: no copy). */
function keyOfUnits(codes: number[], count: number): string {
  codes.length = count;
  return String.fromCharCode(...codes);
}

/** Normalises a spelling for matching (the same mapping the scan applies to text). */
export function normalizeSpelling(text: string): string {
  if (text.length > KEY_PIECE) return normalizeLong(text);
  let codes: number[] | undefined;
  // Units in codes, once made.
  let count = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // (norm's common case written out: the CLI runs without TurboFan's inlining, where it was a call per unit.)
    const n = c >= 0x4e00 && c <= 0x9fff ? c : norm(c);
    const skip = n < 0 || (n === DASH && last === DASH);
    // Allocate only when the text actually changes (most titles do not).
    if (!codes && (skip || n !== c)) {
      codes = unitsBefore(text, i);
      count = i;
    }
    if (skip) continue;
    if (codes) codes[count++] = n;
    last = n;
  }
  return codes ? keyOfUnits(codes, count) : text;
}

const NIAN = 0x5e74; // 年

/** {@link looseKey} of a text longer than {@link KEY_PIECE}, piece by piece (each unit is kept or dropped on its own). */
function looseLong(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += KEY_PIECE) out += looseKey(text.slice(i, i + KEY_PIECE));
  return out;
}

/** Only CJK characters and digits, without 年: what is left of a title whose punctuation broke. */
export function looseKey(text: string): string {
  if (text.length > KEY_PIECE) return looseLong(text);
  let codes: number[] | undefined;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = c >= 0x4e00 && c <= 0x9fff ? c : norm(c);
    const kept = (n >= 0x4e00 && n <= 0x9fff && n !== NIAN) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x30 && n <= 0x39);
    // Allocate only when the key differs from the text (a title of CJK only, without 年, is its own key).
    if (!codes && (!kept || n !== c)) {
      codes = unitsBefore(text, i);
      count = i;
    }
    if (kept && codes) codes[count++] = n;
  }
  return codes ? keyOfUnits(codes, count) : text;
}

const CN_NUM: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 十九 → 19, 二十 → 20, 二十一 → 21. */
export function chineseNumber(text: string): number | undefined {
  if (!text) return undefined;
  if (text.length === 1) return CN_NUM[text];
  const tens = text.indexOf('十');
  if (tens < 0) return undefined;
  const before = text.slice(0, tens);
  const after = text.slice(tens + 1);
  const t = before ? CN_NUM[before] : 1;
  const u = after ? CN_NUM[after] : 0;
  return t === undefined || u === undefined ? undefined : t * 10 + u;
}

const MEETING_KEY = /^(?:党的|中共)?([一二三四五六七八九十]+)(?:大|届([一二三四五六七八九])中全会)$/;

function meetingOf(entry: CatalogueEntry): Meeting | undefined {
  const start = earliestDay(entry.validFrom);
  if (start === undefined) return undefined;
  for (const alias of entry.aliases ?? []) {
    const m = MEETING_KEY.exec(alias);
    if (!m) continue;
    const cc = chineseNumber(m[1] ?? '');
    if (cc === undefined) continue;
    const session = m[2] ? (CN_NUM[m[2]] ?? 0) : 0;
    return { entry, cc, session, start };
  }
  return undefined;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Counts the capture groups of a regular-expression source. */
function groupCount(source: string): number {
  return (new RegExp(`(?:${source})|`, 'u').exec('')?.length ?? 1) - 1;
}

/**
 * The trie as arrays, its nodes numbered breadth first (node 0 is the root) with each node's
 * children consecutive and in unit order: a node's edges are `childStart[node]` up to
 * `childStart[node + 1]`, each child's unit in `unitOf`. The whole trie is ~18 KB (the
 * built-in catalogue's 2,614 nodes): in a lint the other rules push it out of the caches
 * before every report, and a report's walks then read at most its ~290 lines, where the
 * open-addressing edge table of 8,192 slots (80 KB) and the 256 KB first-unit table they
 * replaced cost ~870 line misses a report (docs/performance-journal.md, midday of 2026-12-05).
 */
export interface FlatTrie {
  /**
   * The root's children by RAW code unit (normalised first): a hash table of `(node << 16) |
   * unit`, 0 for an empty slot, probed from `Math.imul(unit, FIRST_HASH) >>> firstShift`. The
   * root's children are nodes 1 to 65,535 at most (one per normalised unit), so both fit.
   */
  readonly firstSlots: Uint32Array;
  readonly firstShift: number;
  /** Bit per RAW code unit: `firstSlots` holds it. 8 KB, read at every character of every sentence. */
  readonly firstBits: Uint32Array;
  /** Per node: 1 when entries end here, 2 when an `exclude` word ends here. */
  readonly flags: Uint8Array;
  /**
   * Whether some root child ends a key or an `exclude` word (never in the built-in trie, whose
   * keys are two units or more). Told once when the trie is built or read, not by a loop over
   * the root's ~120 children in every report's scan.
   */
  readonly rootEnds: boolean;
  /**
   * Bit per normalised unit: it is the second unit of some key. Most walks from a first
   * unit end at the next one; this answers them without a `norm` of it being probed.
   */
  readonly secondBits: Uint32Array;
  /**
   * Bit per RAW code unit: normalised, it is dropped, a dash or a bit of `secondBits`. Where it
   * is clear the unit after a first unit stops every walk, told without a `norm` of it.
   * (Made from `secondBits` by `rawSecondBitsOf`, never written to the prebuilt file.)
   */
  readonly rawSecondBits: Uint32Array;
  /**
   * Bit per (raw first unit, second unit) of every root child and its children, hashed by
   * `pairBit` (4 KB, ~2,600 pairs set in the built-in trie). Where a CJK ideograph (its own
   * normalised form) follows a first unit and the pair's bit is clear, the walk would stop at
   * it: ~40 % of the walks the second-unit bit lets through. (Made from the trie by
   * `filterBitsOf`, never written to the prebuilt file.)
   */
  readonly pairBits: Uint32Array;
  /**
   * A word per hashed (raw first unit, second unit) of every root child and its children, a
   * bit in it per hashed third unit (`tripleWord`, `tripleBit`; 4 KB, ~275 triples in the
   * built-in trie). A pair whose node ends a key or an `exclude` word has every bit of its word
   * set. Where two CJK ideographs follow a first unit and the triple's bit is clear, the walk
   * would stop at the third without a match: ~2 in 3 of the walks the pair bit lets through on
   * the corpus (the pair is some key's start, the third unit no child of it). (Made from the
   * trie by `filterBitsOf`, never written to the prebuilt file.)
   */
  readonly tripleBits: Uint32Array;
  /** Per node: the entries that end here. */
  readonly entries: ReadonlyArray<CatalogueEntry[] | undefined>;
  /** Per node, and one more: the first of its children (the next node's first is its end). */
  readonly childStart: Int32Array;
  /** Per node: the unit of the edge into it (0 for the root). */
  readonly unitOf: Uint16Array;
}

/** `pairBits`' size in bits, as a power of two (2^15 bits, 4 KB). */
const PAIR_BITS = 15;

/** Which of `pairBits` stands for the first unit `c` followed by the unit `d`. */
export function pairBit(c: number, d: number): number {
  return unitPairBit(c, d, PAIR_BITS);
}

/** `tripleBits`' size in words, as a power of two (2^10 words, 4 KB). */
const TRIPLE_WORDS = 10;

/** Which word of `tripleBits` stands for the first unit `c` followed by the unit `d` (the pair's hash, as `pairBit`'s). */
export function tripleWord(c: number, d: number): number {
  return unitPairBit(c, d, TRIPLE_WORDS);
}

/** Which bit of its word (`tripleWord(c, d)`) stands for the unit `e` after `c` and `d`. */
export function tripleBit(c: number, d: number, e: number): number {
  return Math.imul((Math.imul(c, 0x9e3779b1) ^ Math.imul(d, 0x27d4eb2f)) ^ e, 0x165667b1) >>> 27;
}

/**
 * `pairBits` and `tripleBits` of a trie, in one walk: every root child's raw unit (from
 * `firstSlots`) with each of its children's units (a pair bit), and each of theirs (a triple
 * bit); all bits of a pair's word where the pair's node ends something (a walk that stops at the
 * third unit still finds it).
 */
function filterBitsOf(firstSlots: Uint32Array, childStart: Int32Array, unitOf: Uint16Array, flags: Uint8Array): { pairBits: Uint32Array; tripleBits: Uint32Array } {
  const pairBits = new Uint32Array(1 << (PAIR_BITS - 5));
  const tripleBits = new Uint32Array(1 << TRIPLE_WORDS);
  for (let s = 0; s < firstSlots.length; s++) {
    const v = firstSlots[s]!;
    if (v === 0) continue;
    const c = v & 0xffff;
    const node = v >>> 16;
    for (let k = childStart[node]!, end = childStart[node + 1]!; k < end; k++) {
      const d = unitOf[k]!;
      const b = pairBit(c, d);
      pairBits[b >>> 5] = pairBits[b >>> 5]! | (1 << (b & 31));
      const w = tripleWord(c, d);
      if (flags[k] !== 0) {
        tripleBits[w] = 0xffffffff;
        continue;
      }
      for (let m = childStart[k]!, last = childStart[k + 1]!; m < last; m++) tripleBits[w] = tripleBits[w]! | (1 << tripleBit(c, d, unitOf[m]!));
    }
  }
  return { pairBits, tripleBits };
}

/** The multiplier of `firstSlots`' hash. */
const FIRST_HASH = 0x9e3779b1;

/** The root's child for the raw unit `c` (0 for none): `firstSlots` probed. */
export function firstNodeOf(trie: FlatTrie, c: number): number {
  const { firstSlots, firstShift } = trie;
  const mask = firstSlots.length - 1;
  for (let s = Math.imul(c, FIRST_HASH) >>> firstShift; ; s = (s + 1) & mask) {
    const v = firstSlots[s]!;
    if (v === 0) return 0;
    if ((v & 0xffff) === c) return v >>> 16;
  }
}

/** The child of `node` by the normalised unit `c` (0 for none). */
export function childOf(trie: FlatTrie, node: number, c: number): number {
  const { childStart, unitOf } = trie;
  for (let k = childStart[node]!, end = childStart[node + 1]!; k < end; k++) if (unitOf[k] === c) return k;
  return 0;
}

const ENTRIES = 1;
const BLOCKED = 2;

/** `FlatTrie.rootEnds` of a trie's flags and child ranges (the root's children are nodes 1 to `childStart[1]` - 1). */
function rootEndsOf(flags: Uint8Array, childStart: Int32Array): boolean {
  for (let k = childStart[0]!, end = childStart[1]!; k < end; k++) if (flags[k] !== 0) return true;
  return false;
}

/**
 * Builds the flat trie key by key straight into its arrays (the edge table probed and
 * grown in place), without a trie of Map nodes flattened afterwards: that took ~5 ms of a
 * one-file run's start in still unoptimised code. Or, given a finished trie, adds to and
 * takes from a copy of it (a user's catalogue entries over the prebuilt built-in trie).
 */
class FlatTrieBuilder {
  private readonly edges: EdgeTable;
  private readonly flags: number[];
  private readonly entries: Array<CatalogueEntry[] | undefined>;
  /** The root's children's units made here, in insertion order. */
  private readonly rootUnits: number[] = [];
  private readonly secondBits: Uint32Array;
  /** The trie this one extends: its entry lists are shared, so they are copied before a change. */
  private readonly base: FlatTrie | undefined;

  constructor(base?: FlatTrie) {
    this.base = base;
    if (base) {
      // The base's edges in a hash table to add to (node ids kept; `build` numbers them anew).
      const { childStart, unitOf } = base;
      const nodes = base.flags.length;
      let size = 0x1000;
      while (size < nodes * 2) size *= 2;
      this.edges = new EdgeTable(size);
      for (let node = 0; node < nodes; node++) {
        for (let k = childStart[node]!; k < childStart[node + 1]!; k++) {
          this.edges.put(node, unitOf[k]!, k);
          if (node === 0) this.rootUnits.push(unitOf[k]!);
        }
      }
      this.flags = Array.from(base.flags);
      this.entries = base.entries.slice();
      this.secondBits = base.secondBits.slice();
    } else {
      this.edges = new EdgeTable(0x1000);
      this.flags = [0];
      this.entries = [undefined];
      this.secondBits = new Uint32Array(0x800);
    }
  }

  /** The node of `key`, made with its path when missing. */
  node(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = this.edges.childOf(node, unit);
      if (child === 0) {
        child = this.flags.length;
        this.flags.push(0);
        this.entries.push(undefined);
        this.edges.put(node, unit, child);
        if (node === 0) this.rootUnits.push(unit);
      }
      if (i === 1) this.secondBits[unit >>> 5] = this.secondBits[unit >>> 5]! | (1 << (unit & 31));
      node = child;
    }
    return node;
  }

  /** Adds `entry` to the entries ending at `key` (once). */
  addEntry(key: string, entry: CatalogueEntry): void {
    const node = this.node(key);
    const list = this.entries[node];
    if (!list) {
      this.entries[node] = [entry];
      this.flags[node] = this.flags[node]! | ENTRIES;
    } else if (!list.includes(entry)) {
      if (this.base) this.entries[node] = [...list, entry];
      else list.push(entry);
    }
  }

  /** Takes `entry` from the entries ending at `key` (a node left without any ends no word). */
  removeEntry(key: string, entry: CatalogueEntry): void {
    const node = this.node(key);
    const list = this.entries[node]?.filter((e) => e !== entry);
    this.entries[node] = list?.length ? list : undefined;
    if (!list?.length) this.flags[node] = this.flags[node]! & ~ENTRIES;
  }

  /** Marks `key` as an `exclude` word. */
  block(key: string): void {
    const node = this.node(key);
    this.flags[node] = this.flags[node]! | BLOCKED;
  }

  /** Clears the `exclude` mark of `key`. */
  unblock(key: string): void {
    const node = this.node(key);
    this.flags[node] = this.flags[node]! & ~BLOCKED;
  }

  build(): FlatTrie {
    const nodes = this.flags.length;
    const { slotParent, slotUnit, slotChild } = this.edges;
    // Each node's edges, grouped by node (counting sort) and then put in unit order.
    const groupStart = new Int32Array(nodes + 1);
    for (let s = 0; s < slotParent.length; s++) if (slotParent[s] !== 0) groupStart[slotParent[s]!]!++;
    for (let node = 0; node < nodes; node++) groupStart[node + 1]! += groupStart[node]!;
    const fill = groupStart.slice(0, nodes);
    const edgeUnit = new Int32Array(nodes);
    const edgeChild = new Int32Array(nodes);
    for (let s = 0; s < slotParent.length; s++) {
      const p = slotParent[s]!;
      if (p === 0) continue;
      const at = fill[p - 1]!++;
      edgeUnit[at] = slotUnit[s]!;
      edgeChild[at] = slotChild[s]!;
    }
    for (let node = 0; node < nodes; node++) {
      // Insertion sort: most nodes have one child, the root ~120.
      for (let i = groupStart[node]! + 1; i < groupStart[node + 1]!; i++) {
        const unit = edgeUnit[i]!;
        const child = edgeChild[i]!;
        let j = i - 1;
        for (; j >= groupStart[node]! && edgeUnit[j]! > unit; j--) {
          edgeUnit[j + 1] = edgeUnit[j]!;
          edgeChild[j + 1] = edgeChild[j]!;
        }
        edgeUnit[j + 1] = unit;
        edgeChild[j + 1] = child;
      }
    }
    // Breadth first: the children of the q-th node are appended as it is reached.
    const order = new Int32Array(nodes);
    const childStart = new Int32Array(nodes + 1);
    const unitOf = new Uint16Array(nodes);
    const flags = new Uint8Array(nodes);
    const entries = new Array<CatalogueEntry[] | undefined>(nodes).fill(undefined);
    let next = 1;
    for (let q = 0; q < nodes; q++) {
      const old = order[q]!;
      flags[q] = this.flags[old]!;
      entries[q] = this.entries[old];
      childStart[q] = next;
      for (let i = groupStart[old]!; i < groupStart[old + 1]!; i++) {
        order[next] = edgeChild[i]!;
        unitOf[next++] = edgeUnit[i]!;
      }
    }
    childStart[nodes] = next;
    const trie = { flags, rootEnds: rootEndsOf(flags, childStart), secondBits: this.secondBits, entries, childStart, unitOf };
    // Only Latin-1, the special units, full-width ASCII and the root's own units can
    // normalise to a root unit (every other unit is itself): a few hundred `norm` calls
    // at start rather than 65,536.
    const firstUnits: number[] = [];
    const firstNodes: number[] = [];
    const root = { ...trie, firstSlots: new Uint32Array(1), firstShift: 31, firstBits: new Uint32Array(0), rawSecondBits: new Uint32Array(0), pairBits: new Uint32Array(0), tripleBits: new Uint32Array(0) };
    const seen = new Set<number>();
    const setFirst = (c: number): void => {
      const n = norm(c);
      if (n < 0 || seen.has(c)) return;
      const child = childOf(root, 0, n);
      if (child === 0) return;
      seen.add(c);
      firstUnits.push(c);
      firstNodes.push(child);
    };
    for (let c = 0; c < 0x100; c++) setFirst(c);
    for (const c of SPECIAL.keys()) setFirst(c);
    for (let c = 0xff01; c <= 0xff5e; c++) setFirst(c);
    for (const c of this.rootUnits) setFirst(c);
    const first = firstTableOf(firstUnits, firstNodes);
    return {
      ...first,
      ...trie,
      rawSecondBits: rawSecondBitsOf(this.secondBits),
      ...filterBitsOf(first.firstSlots, childStart, unitOf, flags),
    };
  }
}

/**
 * The root's children by raw unit as `firstSlots` (kept at most a quarter full, so a probe
 * mostly reads one slot) and their bit per unit.
 */
function firstTableOf(units: readonly number[], nodes: readonly number[]): { firstSlots: Uint32Array; firstShift: number; firstBits: Uint32Array } {
  let bits = 6;
  while (1 << bits < units.length * 4) bits++;
  const firstSlots = new Uint32Array(1 << bits);
  const firstShift = 32 - bits;
  const mask = firstSlots.length - 1;
  const firstBits = new Uint32Array(0x800);
  for (let k = 0; k < units.length; k++) {
    const c = units[k]!;
    let s = Math.imul(c, FIRST_HASH) >>> firstShift;
    while (firstSlots[s] !== 0) s = (s + 1) & mask;
    firstSlots[s] = ((nodes[k]! << 16) | c) >>> 0;
    firstBits[c >>> 5] = firstBits[c >>> 5]! | (1 << (c & 31));
  }
  return { firstSlots, firstShift, firstBits };
}

/**
 * `secondBits` read by raw units: only Latin-1, the special units and full-width ASCII
 * normalise to another unit, so a copy with those few hundred bits set anew. A dropped unit
 * or a dash is always set (the walk decides: a dropped unit is skipped, a second dash is
 * collapsed), so a clear bit never stops a walk that would have gone on.
 */
function rawSecondBitsOf(secondBits: Uint32Array): Uint32Array {
  const raw = secondBits.slice();
  const reset = (c: number): void => {
    const n = norm(c);
    const set = n < 0 || n === DASH || (secondBits[n >>> 5]! & (1 << (n & 31))) !== 0;
    raw[c >>> 5] = set ? raw[c >>> 5]! | (1 << (c & 31)) : raw[c >>> 5]! & ~(1 << (c & 31));
  };
  for (let c = 0; c < 0x100; c++) reset(c);
  for (const c of SPECIAL.keys()) reset(c);
  for (let c = 0xff01; c <= 0xff5e; c++) reset(c);
  return raw;
}

/** The keys an entry puts in the trie: its normalised spellings of two units or more. */
function trieKeys(entry: CatalogueEntry): string[] {
  if (entry.kind === 'congress') return [];
  const keys: string[] = [];
  for (const spelling of new Set<string>(entry.aliases ?? [])) {
    const key = normalizeSpelling(spelling);
    if (key.length >= 2) keys.push(key);
  }
  return keys;
}

/** The trie of `catalogue`, built from scratch. */
export function buildCatalogueTrie(catalogue: readonly CatalogueEntry[]): FlatTrie {
  const trie = new FlatTrieBuilder();
  for (const entry of catalogue) {
    for (const key of trieKeys(entry)) trie.addEntry(key, entry);
    if (entry.kind !== 'congress') for (const word of entry.exclude ?? []) trie.block(normalizeSpelling(word));
  }
  return trie.build();
}

/**
 * The trie of a catalogue made of `base`'s catalogue without `removed`, followed by `extra`
 * (what `mergeCatalogue` makes of a user's entries): a copy of `base` with the removed
 * entries' spellings and `exclude` words taken out and the extra ones added. It matches
 * exactly what `buildCatalogueTrie` of that catalogue matches: every node ends the same
 * entries, in the same order, and is blocked alike; a node left over from a removed spelling
 * ends nothing, so a walk through it finds what it would have found without it.
 */
export function extendCatalogueTrie(
  base: FlatTrie,
  removed: readonly CatalogueEntry[],
  kept: readonly CatalogueEntry[],
  extra: readonly CatalogueEntry[],
): FlatTrie {
  const trie = new FlatTrieBuilder(base);
  const unblocked = new Set<string>();
  for (const entry of removed) {
    for (const key of trieKeys(entry)) trie.removeEntry(key, entry);
    if (entry.kind === 'congress') continue;
    for (const word of entry.exclude ?? []) {
      const key = normalizeSpelling(word);
      trie.unblock(key);
      unblocked.add(key);
    }
  }
  // A word a removed entry excluded stays excluded when a kept entry excludes it too.
  if (unblocked.size > 0) {
    for (const entry of kept) {
      if (entry.kind === 'congress') continue;
      for (const word of entry.exclude ?? []) {
        const key = normalizeSpelling(word);
        if (unblocked.has(key)) trie.block(key);
      }
    }
  }
  for (const entry of extra) {
    for (const key of trieKeys(entry)) trie.addEntry(key, entry);
    if (entry.kind !== 'congress') for (const word of entry.exclude ?? []) trie.block(normalizeSpelling(word));
  }
  return trie.build();
}

/** `keyBits`' size in bits (1 KB: ~420 keys set, a miss passes ~5 %). */
const KEY_BITS = 8192;
const EXACT_SALT = 0x2545f491;
const LOOSE_SALT = 0x6b43a9b5;

/** A hash of `key`'s units and length, salted: which of `keyBits` stands for it. */
function keyHash(key: string, salt: number): number {
  let h = Math.imul(salt ^ key.length, 0x9e3779b1);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & (KEY_BITS - 1);
}

function setKeyBit(bits: Uint32Array, key: string, salt: number): void {
  const h = keyHash(key, salt);
  bits[h >>> 5] = bits[h >>> 5]! | (1 << (h & 31));
}

function hasKeyBit(bits: Uint32Array, key: string, salt: number): boolean {
  const h = keyHash(key, salt);
  return (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
}

/** Whether `key` (a normalised spelling) is a key of `titleKeys`: the Map asked only past `keyBits`. */
export function isTitleKey(compiled: CompiledCatalogue, key: string): boolean {
  return hasKeyBit(compiled.keyBits, key, EXACT_SALT) && compiled.titleKeys.has(key);
}

/** `looseKeys`' entries for `loose` (a `looseKey`), the Map asked only past `keyBits`. */
export function looseEntries(compiled: CompiledCatalogue, loose: string): CatalogueEntry[] | undefined {
  return loose.length >= 6 && hasKeyBit(compiled.keyBits, loose, LOOSE_SALT) ? compiled.looseKeys.get(loose) : undefined;
}

/** What `compile` makes of a catalogue's entries besides the trie, ids and patterns: what the build can write beside the trie. */
interface CatalogueTables {
  readonly titleKeys: Map<string, CatalogueEntry[]>;
  readonly looseKeys: Map<string, CatalogueEntry[]>;
  readonly keyBits: Uint32Array;
  readonly meetingsByKey: Map<string, Meeting>;
  readonly meetings: Meeting[];
}

/** The look-up tables of titles and meetings of `catalogue`. */
function tablesOf(catalogue: readonly CatalogueEntry[]): CatalogueTables {
  const titleKeys = new Map<string, CatalogueEntry[]>();
  const looseKeys = new Map<string, CatalogueEntry[]>();
  const keyBits = new Uint32Array(KEY_BITS >>> 5);
  const meetingsByKey = new Map<string, Meeting>();
  const meetings: Meeting[] = [];
  for (const entry of catalogue) {
    if (entry.kind === 'congress') {
      const meeting = meetingOf(entry);
      if (meeting) meetings.push(meeting);
      for (const alias of entry.aliases ?? []) {
        const m = MEETING_KEY.exec(alias);
        if (!m) continue;
        const key = alias.replace(/^(?:党的|中共)/, '');
        const known = meetingsByKey.get(key);
        if (meeting && (!known || known.entry.confidence === 'unconfirmed')) meetingsByKey.set(key, meeting);
      }
      continue;
    }
    if (entry.kind === 'policy' || entry.kind === 'law') {
      for (const spelling of new Set<string>(entry.aliases ?? [])) {
        const key = normalizeSpelling(spelling);
        if (key.length < 2) continue;
        addTo(titleKeys, key, entry);
        setKeyBit(keyBits, key, EXACT_SALT);
        const loose = looseKey(spelling);
        if (loose.length >= 6) {
          addTo(looseKeys, loose, entry);
          setKeyBit(keyBits, loose, LOOSE_SALT);
        }
      }
    }
  }
  meetings.sort((a, b) => a.start - b.start);
  return { titleKeys, looseKeys, keyBits, meetingsByKey, meetings };
}

/** The rest of a catalogue's compilation around its trie `flat` and its `tables`: the ids and patterns. */
function compile(catalogue: readonly CatalogueEntry[], flat: FlatTrie, tables: CatalogueTables): CompiledCatalogue {
  const byId = new Map<string, CatalogueEntry>();
  const patternSources: string[] = [];
  const groups: (CatalogueEntry | undefined)[] = [undefined];
  for (const entry of catalogue) {
    byId.set(entry.id, entry);
    if (entry.kind === 'congress') continue;
    for (const source of entry.patterns ?? []) {
      patternSources.push(`(${source})`);
      groups.push(entry);
      for (let i = groupCount(source); i > 0; i--) groups.push(undefined);
    }
  }
  const compiled: CompiledCatalogue = {
    flat,
    byId,
    titleKeys: tables.titleKeys,
    looseKeys: tables.looseKeys,
    keyBits: tables.keyBits,
    meetingsByKey: tables.meetingsByKey,
    meetings: tables.meetings,
    resolvedByDay: new Map(),
    ...(patternSources.length
      ? { patterns: { regex: new RegExp(patternSources.join('|'), 'gu'), groups } }
      : {}),
  };
  return compiled;
}

/** Header words of the tables' part of the prebuilt file: title keys, loose keys, meetings, meeting keys, words, units. */
const TABLES_HEADER_WORDS = 6;

/**
 * `tables` as bytes: the counts, `keyBits`, then one list of words (each title and loose key's
 * length and entries as indexes into `catalogue`, each meeting's entry index, number, session
 * and start, each meeting key's length and meeting), then every key's units one after another.
 */
function writeCatalogueTables(tables: CatalogueTables, indexOf: ReadonlyMap<CatalogueEntry, number>): ArrayBufferView[] {
  const words: number[] = [];
  const units: number[] = [];
  const index = (entry: CatalogueEntry): number => {
    const at = indexOf.get(entry);
    if (at === undefined) throw new Error(`writeCatalogueTrie: ${entry.id} is not in the catalogue`);
    return at;
  };
  const addKey = (key: string): void => {
    words.push(key.length);
    for (let i = 0; i < key.length; i++) units.push(key.charCodeAt(i));
  };
  for (const keys of [tables.titleKeys, tables.looseKeys]) {
    for (const [key, entries] of keys) {
      addKey(key);
      words.push(entries.length);
      for (const entry of entries) words.push(index(entry));
    }
  }
  for (const meeting of tables.meetings) words.push(index(meeting.entry), meeting.cc, meeting.session, meeting.start);
  for (const [key, meeting] of tables.meetingsByKey) {
    addKey(key);
    words.push(tables.meetings.indexOf(meeting));
  }
  const counts = [tables.titleKeys.size, tables.looseKeys.size, tables.meetings.length, tables.meetingsByKey.size, words.length, units.length];
  return [Int32Array.from(counts), tables.keyBits, Int32Array.from(words), Uint16Array.from(units)];
}

/** The tables `writeCatalogueTables` wrote at `at` in `buffer` (`byteLength` bytes), or undefined when they are not. */
function readCatalogueTables(buffer: ArrayBufferLike, at: number, byteLength: number, catalogue: readonly CatalogueEntry[]): CatalogueTables | undefined {
  if (byteLength < TABLES_HEADER_WORDS * 4 + KEY_BITS / 8) return undefined;
  const views = new TypedViewCursor(buffer, at);
  const counts = views.int32(TABLES_HEADER_WORDS);
  const wordCount = counts[4]!;
  const unitCount = counts[5]!;
  if (byteLength !== TABLES_HEADER_WORDS * 4 + KEY_BITS / 8 + wordCount * 4 + unitCount * 2) return undefined;
  const keyBits = views.uint32(KEY_BITS >>> 5);
  const words = views.int32(wordCount);
  // Every key's units as one string, each key a slice of it (`apply`, not a spread: a spread of
  // the typed array walks its iterator, ~1.5 ms for these ~6,000 units against 0.2 ms).
  const text = String.fromCharCode.apply(null, views.uint16(unitCount) as unknown as number[]);
  let w = 0;
  let u = 0;
  const nextKey = (): string => {
    const key = text.slice(u, u + words[w]!);
    u += words[w++]!;
    return key;
  };
  // An index past the catalogue (a file not written for it) refuses the tables.
  let refused = false;
  const entryAt = (index: number): CatalogueEntry => {
    const entry = catalogue[index];
    if (entry === undefined) refused = true;
    return entry!;
  };
  const keysOf = (count: number): Map<string, CatalogueEntry[]> => {
    const keys = new Map<string, CatalogueEntry[]>();
    for (let k = 0; k < count; k++) {
      const key = nextKey();
      const entries: CatalogueEntry[] = [];
      for (let e = words[w++]!; e > 0; e--) entries.push(entryAt(words[w++]!));
      keys.set(key, entries);
    }
    return keys;
  };
  const titleKeys = keysOf(counts[0]!);
  const looseKeys = keysOf(counts[1]!);
  const meetings: Meeting[] = [];
  for (let k = 0; k < counts[2]!; k++, w += 4) meetings.push({ entry: entryAt(words[w]!), cc: words[w + 1]!, session: words[w + 2]!, start: words[w + 3]! });
  const meetingsByKey = new Map<string, Meeting>();
  for (let k = 0; k < counts[3]!; k++) {
    const key = nextKey();
    const meeting = meetings[words[w++]!];
    if (meeting === undefined) refused = true;
    meetingsByKey.set(key, meeting!);
  }
  if (refused || w !== wordCount || u !== unitCount) return undefined;
  return { titleKeys, looseKeys, keyBits, meetingsByKey, meetings };
}

/* ---------------------------------------------------------------- the prebuilt trie */

/** The binary form's first word ("FZCT" read little-endian) and its layout version. */
const TRIE_MAGIC = 0x54435a46;
const TRIE_FORMAT = 5;
/**
 * Header words: magic, format, catalogue digest, catalogue entries, nodes, `firstSlots`' length
 * and shift, (node, entry) pairs, `rootEnds` (0 or 1; format 4: read, not told by a loop at load),
 * the bytes of the catalogue's tables after the trie (format 5: `writeCatalogueTables`).
 */
const TRIE_HEADER_WORDS = 10;

/**
 * The built-in catalogue's trie as bytes (header, then its typed arrays as they are, and each
 * node's entries as indexes into `catalogue`), followed by `catalogue`'s tables of titles and
 * meetings: what `pnpm build` writes to dist/references/catalogue-trie.bin
 * (scripts/write-catalogue-trie.mjs), so a process or worker thread reads them instead of
 * building them (building the tables cost a one-file CLI run ~4 M instructions, 0.5 %: the
 * keys' loops run once, unoptimised). `digest`: the catalogue's (`CATALOGUE_DIGEST`),
 * checked by `readCatalogueTrie`.
 */
export function writeCatalogueTrie(trie: FlatTrie, catalogue: readonly CatalogueEntry[], digest: number): Uint8Array {
  const indexOf = new Map(catalogue.map((entry, index) => [entry, index]));
  const pairNodes: number[] = [];
  const pairEntries: number[] = [];
  trie.entries.forEach((list, node) => {
    for (const entry of list ?? []) {
      const index = indexOf.get(entry);
      if (index === undefined) throw new Error(`writeCatalogueTrie: ${entry.id} is not in the catalogue`);
      pairNodes.push(node);
      pairEntries.push(index);
    }
  });
  const nodes = trie.flags.length;
  const tables = writeCatalogueTables(tablesOf(catalogue), indexOf);
  // `firstBits` follows from `firstSlots`, `rawSecondBits` from `secondBits`.
  const parts: ArrayBufferView[] = [
    new Int32Array([TRIE_MAGIC, TRIE_FORMAT, digest | 0, catalogue.length, nodes, trie.firstSlots.length, trie.firstShift, pairNodes.length, trie.rootEnds ? 1 : 0, 0]),
    trie.firstSlots,
    trie.secondBits,
    trie.childStart,
    Int32Array.from(pairNodes),
    Int32Array.from(pairEntries),
    trie.unitOf,
    trie.flags,
  ];
  // The tables start at a multiple of 4 bytes, for their 4-byte views.
  parts.push(new Uint8Array(paddingAfter(parts.reduce((sum, p) => sum + p.byteLength, 0))), ...tables);
  (parts[0] as Int32Array)[TRIE_HEADER_WORDS - 1] = tables.reduce((sum, p) => sum + p.byteLength, 0);
  return concatViews(parts);
}

/** The bytes that bring `length` to a multiple of 4. */
function paddingAfter(length: number): number {
  return (4 - (length % 4)) % 4;
}

/**
 * The trie `writeCatalogueTrie` wrote, its arrays views of `bytes` (not copied) and its
 * entries those of `catalogue`, or undefined when the bytes are not one (another format,
 * another byte order, cut short, edges that do not make a breadth-first trie) or were built
 * from a catalogue of another digest or length.
 */
export function readCatalogueTrie(bytes: Uint8Array, catalogue: readonly CatalogueEntry[], digest: number): FlatTrie | undefined {
  return readPrebuiltCatalogue(bytes, catalogue, digest)?.trie;
}

/** The trie and tables `writeCatalogueTrie` wrote (see `readCatalogueTrie`), or undefined when they are not. */
function readPrebuiltCatalogue(bytes: Uint8Array, catalogue: readonly CatalogueEntry[], digest: number): { trie: FlatTrie; tables: CatalogueTables } | undefined {
  const headerBytes = TRIE_HEADER_WORDS * 4;
  if (bytes.byteLength < headerBytes) return undefined;
  bytes = alignedBytes(bytes);
  const { buffer, byteOffset } = bytes;
  const header = new Int32Array(buffer, byteOffset, TRIE_HEADER_WORDS);
  if (header[0] !== TRIE_MAGIC || header[1] !== TRIE_FORMAT || header[2] !== (digest | 0) || header[3] !== catalogue.length) return undefined;
  const nodes = header[4]!;
  const firstSize = header[5]!;
  const firstShift = header[6]!;
  const pairs = header[7]!;
  const rootEnds = header[8]!;
  const tablesBytes = header[9]!;
  if (rootEnds !== 0 && rootEnds !== 1) return undefined;
  if (nodes < 1 || firstSize < 1 || 2 ** (32 - firstShift) !== firstSize) return undefined;
  const trieBytes = headerBytes + (firstSize + 0x800 + nodes + 1 + 2 * pairs) * 4 + nodes * 2 + nodes;
  const tablesAt = trieBytes + paddingAfter(trieBytes);
  if (bytes.byteLength !== tablesAt + tablesBytes) return undefined;
  const views = new TypedViewCursor(buffer, byteOffset + headerBytes);
  const firstSlots = views.uint32(firstSize);
  const secondBits = views.uint32(0x800);
  const childStart = views.int32(nodes + 1);
  const pairNodes = views.int32(pairs);
  const pairEntries = views.int32(pairs);
  const unitOf = views.uint16(nodes);
  const flags = views.uint8(nodes);
  // Breadth first: each node's children after it and after the previous node's, the last ending at `nodes`.
  if (childStart[0] !== 1 || childStart[nodes] !== nodes) return undefined;
  for (let node = 1; node <= nodes; node++) if (childStart[node]! < childStart[node - 1]! || childStart[node - 1]! <= node - 1) return undefined;
  const firstBits = new Uint32Array(0x800);
  for (let s = 0; s < firstSize; s++) {
    const v = firstSlots[s]!;
    if (v === 0) continue;
    const c = v & 0xffff;
    if (v >>> 16 >= childStart[1]!) return undefined; // not a root child
    firstBits[c >>> 5] = firstBits[c >>> 5]! | (1 << (c & 31));
  }
  const entries: Array<CatalogueEntry[] | undefined> = new Array<CatalogueEntry[] | undefined>(nodes).fill(undefined);
  for (let p = 0; p < pairs; p++) {
    const node = pairNodes[p]!;
    const entry = catalogue[pairEntries[p]!];
    if (entry === undefined || node >= nodes) return undefined;
    const list = entries[node];
    if (list) list.push(entry);
    else entries[node] = [entry];
  }
  const tables = readCatalogueTables(buffer, byteOffset + tablesAt, tablesBytes, catalogue);
  if (!tables) return undefined;
  const rawSecondBits = rawSecondBitsOf(secondBits);
  const { pairBits, tripleBits } = filterBitsOf(firstSlots, childStart, unitOf, flags);
  const trie = { firstSlots, firstShift, firstBits, flags, rootEnds: rootEnds === 1, secondBits, rawSecondBits, pairBits, tripleBits, entries, childStart, unitOf };
  return { trie, tables };
}

/** The built-in catalogue's trie and tables as `pnpm build` wrote them; null where there are none or they are stale (looked for once). */
let prebuilt: { trie: FlatTrie; tables: CatalogueTables } | null | undefined;

/**
 * The built-in catalogue's prebuilt trie, found through this package's exports
 * (`@fzlint/rules/catalogue-trie.bin`), or undefined where there is none (a browser, a
 * source checkout not built) or it was built from another catalogue than the one loaded
 * (its digest differs; run from source the digest is unknown): then the trie is built here,
 * as before. Reading it costs well under a millisecond; building it cost 10–26 ms of CPU
 * in every process and worker thread.
 */
export function prebuiltCatalogueTrie(): FlatTrie | undefined {
  return prebuiltCatalogue()?.trie;
}

function prebuiltCatalogue(): { trie: FlatTrie; tables: CatalogueTables } | undefined {
  if (prebuilt === undefined) {
    const bytes = CATALOGUE_DIGEST === undefined ? undefined : readPrebuilt('catalogue-trie.bin');
    prebuilt = (bytes && readPrebuiltCatalogue(bytes, builtinCatalogue, CATALOGUE_DIGEST!)) ?? null;
  }
  return prebuilt ?? undefined;
}

/** The built-in entries' positions, for splitting a merged catalogue (made at the first user catalogue). */
let builtinIndex: Map<CatalogueEntry, number> | undefined;

/**
 * The trie of `catalogue`: the prebuilt one for the built-in catalogue; for the built-in
 * catalogue with a user's entries merged in (`mergeCatalogue`: the built-in entries in their
 * order, some replaced by id, then the user's), the prebuilt one extended by them; built from
 * scratch for any other catalogue, or where there is no prebuilt trie.
 */
function catalogueTrie(catalogue: readonly CatalogueEntry[]): FlatTrie {
  const base = prebuiltCatalogueTrie();
  if (!base) return buildCatalogueTrie(catalogue);
  if (catalogue === builtinCatalogue) return base;
  builtinIndex ??= new Map(builtinCatalogue.map((entry, index) => [entry, index]));
  const kept: CatalogueEntry[] = [];
  const removed: CatalogueEntry[] = [];
  const extra: CatalogueEntry[] = [];
  let next = 0;
  for (const entry of catalogue) {
    const index = builtinIndex.get(entry);
    if (index === undefined) {
      extra.push(entry);
      continue;
    }
    // A built-in entry after a user's one, or out of order, or twice: not a merged catalogue.
    if (extra.length > 0 || index < next) return buildCatalogueTrie(catalogue);
    for (; next < index; next++) removed.push(builtinCatalogue[next]!);
    kept.push(entry);
    next = index + 1;
  }
  for (; next < builtinCatalogue.length; next++) removed.push(builtinCatalogue[next]!);
  return removed.length === 0 && extra.length === 0 ? base : extendCatalogueTrie(base, removed, kept, extra);
}

const compiledCache = new WeakMap<readonly CatalogueEntry[], CompiledCatalogue>();
/** Recently compiled catalogues: a merged catalogue is often a new array of the same entry objects. */
const recent: Array<{ entries: readonly CatalogueEntry[]; compiled: CompiledCatalogue }> = [];

function sameEntries(a: readonly CatalogueEntry[], b: readonly CatalogueEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Compiles a catalogue for matching, once per catalogue array — and once per list
 * of entry objects, since the settings merge the built-in and user catalogues into a
 * new array for every document.
 */
export function compileCatalogue(catalogue: readonly CatalogueEntry[]): CompiledCatalogue {
  let compiled = compiledCache.get(catalogue);
  if (compiled) return compiled;
  compiled = recent.find((r) => sameEntries(r.entries, catalogue))?.compiled;
  if (!compiled) {
    const tables = catalogue === builtinCatalogue ? prebuiltCatalogue()?.tables : undefined;
    compiled = compile(catalogue, catalogueTrie(catalogue), tables ?? tablesOf(catalogue));
    recent.unshift({ entries: catalogue, compiled });
    if (recent.length > 4) recent.pop();
  }
  compiledCache.set(catalogue, compiled);
  return compiled;
}

/* ---------------------------------------------------------------- context */

/** Preceding words that make a name historical (原工商局, 原市政府法制办公室, 改革前的…). */
const HISTORICAL_BEFORE =
  /(?:原(?![则因告始来本件理料创价])[\p{Script=Han}《〈“"]{0,8}|改革前的?|更名前的?|撤并前的?|前身(?:为|是)?|时任|(?:完成|总结|回顾|验收|收官|获评|荣获|评为)[\p{Script=Han}《〈“"]{0,3})$/u;
/** Following words that make a name historical (七五普法期间, 党的十九大以来, （现市场监管局）). */
const HISTORICAL_AFTER =
  /^(?:["”’]?)(?:[(（]现|期间|时期|以来|总结|验收|收官|圆满|先进|表彰|已于|已经|已被|被废止|废止|失效|同时废止|更名|改为|改称|撤销|职责|划入|并入|整合)/u;
/** Words that make the whole sentence an account of a reform or a repeal. */
const HISTORICAL_SENTENCE = /机构改革|不再保留|职责整合|整合组建|重新组建|挂牌成立|更名为|同时废止|予以废止|已废止|已失效|被取代/u;

// The sentence test is remembered for the sentence last asked about: matches come sentence by
// sentence, and testing a long sentence again for each of its matches would be quadratic.
let historicalSentence: string | undefined;
let historicalSentenceResult = false;

/** Bit per unit of `units`, for the pre-tests of the historical words (a few bits of an 8 KB set). */
function unitBits(units: string): Uint32Array {
  const codes: number[] = [];
  for (let i = 0; i < units.length; i++) codes.push(units.charCodeAt(i));
  return bitsOfCodes(codes);
}

/** The first units of HISTORICAL_BEFORE's words: its clause holds one of them, or it cannot match. */
const BEFORE_FIRST_UNITS = unitBits('原改更撤前时完总回验收获荣评');
/** The first units of HISTORICAL_AFTER's words (after its optional quote, whose units are AFTER_QUOTES). */
const AFTER_FIRST_UNITS = unitBits('(（期时以总验收圆先表已被废失同更改撤职划并整');
const AFTER_QUOTES = unitBits('"”’');
const CLAUSE_SEPARATORS = unitBits('，,、；');

function isHistorical(sentence: string, localStart: number, localEnd: number): boolean {
  // The regular expressions only where their first units say they may match (most matches have
  // none of them around): each test below was two slices and a regular-expression call per match.
  // (The bit tests written out: the CLI runs without TurboFan's inlining.)
  // The clause before the match, back to its separator, within 12 units.
  const from = Math.max(0, localStart - 12);
  let mayBeBefore = false;
  for (let k = localStart - 1; k >= from; k--) {
    const c = sentence.charCodeAt(k);
    if ((CLAUSE_SEPARATORS[c >>> 5]! & (1 << (c & 31))) !== 0) break;
    if ((BEFORE_FIRST_UNITS[c >>> 5]! & (1 << (c & 31))) !== 0) {
      mayBeBefore = true;
      break;
    }
  }
  if (mayBeBefore) {
    const before = sentence.slice(from, localStart);
    const clauseStart = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('、'), before.lastIndexOf('；'));
    if (HISTORICAL_BEFORE.test(before.slice(clauseStart + 1))) return true;
  }
  if (localEnd < sentence.length) {
    let c = sentence.charCodeAt(localEnd);
    if ((AFTER_QUOTES[c >>> 5]! & (1 << (c & 31))) !== 0 && localEnd + 1 < sentence.length) c = sentence.charCodeAt(localEnd + 1);
    if ((AFTER_FIRST_UNITS[c >>> 5]! & (1 << (c & 31))) !== 0 && HISTORICAL_AFTER.test(sentence.slice(localEnd, localEnd + 6))) return true;
  }
  if (sentence !== historicalSentence) {
    historicalSentence = sentence;
    historicalSentenceResult = HISTORICAL_SENTENCE.test(sentence);
  }
  return historicalSentenceResult;
}

function collectPlanRanges(sections: readonly Section[], out: TextRange[]): void {
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (s.concept === 'next-year-plan' || s.heading.concept === 'next-year-plan') out.push(s.range);
    else collectPlanRanges(s.children, out);
  }
}

/** The ranges of the next-year-plan sections. */
export function nextYearPlanRanges(document: ReportDocument): readonly TextRange[] {
  const out: TextRange[] = [];
  collectPlanRanges(document.sections, out);
  return out;
}

/** Whether `offset` is inside one of `ranges`: a loop, not `some` with a closure made per accepted match. */
function inRanges(ranges: readonly TextRange[], offset: number): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (offset >= r.start && offset < r.end) return true;
  }
  return false;
}

/** Writing date and report year as used by the references rules. */
export interface ReferenceDates {
  readonly writing: DayNumber;
  readonly reportYear: number;
}

/** The dates judgements use: the report year defaults to the year before the writing date's. */
export function referenceDates(settings: RuleSettings): ReferenceDates {
  return { writing: referenceWriting(settings), reportYear: referenceReportYear(settings) };
}

/** {@link referenceDates}' `writing`, without the object (`analyzeReferences` asks it per rule, a cache hit mostly). */
function referenceWriting(settings: RuleSettings): DayNumber {
  // An undated report (no year, no date) is judged by no time-based rule (see datesKnown); its
  // references are still found, as on the last day of the year before the deadline would be.
  const date = settings.writingDate;
  return dayOf(date ?? { year: (settings.reportYear ?? UNDATED_YEAR) + 1, month: 3, day: 31 });
}

/** {@link referenceDates}' `reportYear`: the year before the writing date's in its first half. */
function referenceReportYear(settings: RuleSettings): number {
  if (settings.reportYear !== undefined) return settings.reportYear;
  const date = settings.writingDate;
  return date ? (date.month <= 6 ? date.year - 1 : date.year) : UNDATED_YEAR;
}

/** The year an undated report's references are looked up in (only form checks use them). */
const UNDATED_YEAR = 2100;

/** An entry's status on a day. */
export function statusOn(entry: CatalogueEntry, day: DayNumber): ReferenceStatus {
  const from = earliestDay(entry.validFrom);
  const until = latestDay(entry.validUntil);
  if (from === undefined && until === undefined) return 'unknown';
  if (from !== undefined && from > day) return 'not-yet';
  if (until !== undefined && until < day) return 'superseded';
  return 'current';
}

/**
 * Of several entries sharing a spelling (监察法 2018 and 2024, two 中央全面依法治国工作会议),
 * the one current on the writing date: a generic name means the version in force.
 */
function pickByDate(entries: readonly CatalogueEntry[], day: DayNumber): CatalogueEntry {
  if (entries.length === 1) return entries[0]!;
  let best: CatalogueEntry | undefined;
  let bestFrom = -1;
  for (const e of entries) {
    const from = earliestDay(e.validFrom) ?? 0;
    if (from <= day && from >= bestFrom) {
      best = e;
      bestFrom = from;
    }
  }
  return best ?? entries[0]!;
}

/* ---------------------------------------------------------------- congress phrases */

const NUM = '(?:十[八九]|二十一?|二十)';
const PLENUMS = '(?:[一二三四五六七八九]中(?:[、,，和及](?=[一二三四五六七八九]中))?)+';
/** One meeting: 党的十九大 / 十九届二中、三中全会 / 十九届历次全会 / 历届全会. */
const TOKEN_SOURCE = `(?:党的|中共)?(?:(${NUM})(?:大|次全国代表大会)|(${NUM})届(${PLENUMS})全会|(${NUM})届(?:历次|历届)全会)|(?:历次|历届)全会`;
const TOKEN = new RegExp(TOKEN_SOURCE, 'gu');
const CHAIN = new RegExp(`(?:${TOKEN_SOURCE})(?:(?:和|及|以及|与|、|,|，)(?:${TOKEN_SOURCE}))*`, 'gu');
const NOT_GUIDING_AFTER = /^(?:报告|以来|召开|胜利召开|开幕|闭幕|期间|之前|前后|后|上|提出|作出|明确|强调|审议|通过|决定|代表)/u;
const CLAUSE_END_UNITS = '。；;！!？?';
const PLENUM_NUMBERS = '一二三四五六七八九';
const ZHONG = 0x4e2d; // 中

/** The places of a word in a text, asked for range by range (a sentence's text is its range of the document's). */
class Occurrences {
  /** The first place of the word at or after `from`, -1 for none. */
  private next = -1;
  private from = Number.POSITIVE_INFINITY;

  constructor(
    private readonly text: string,
    private readonly word: string,
  ) {}

  /** Whether the word occurs wholly inside [start, end). */
  within(start: number, end: number): boolean {
    if (start < this.from || (this.next >= 0 && this.next < start)) {
      this.from = start;
      this.next = this.text.indexOf(this.word, start);
    }
    return this.next >= 0 && this.next + this.word.length <= end;
  }
}

/** Finds congress/plenum phrases ending in 精神 and every meeting mention (for hovers). */
function scanCongress(
  document: ReportDocument,
  compiled: CompiledCatalogue,
  day: DayNumber,
  planRanges: readonly TextRange[],
  refs: CatalogueReference[],
  phrases: CongressPhrase[],
): void {
  if (compiled.meetings.length === 0) return;
  const sentences = document.sentences;
  const candidates = congressSentences(document.text, sentences);
  for (let k = 0; k < candidates.length; k++) {
    const sentenceIndex = candidates[k]!;
    scanCongressSentence(document, sentences[sentenceIndex]!, sentenceIndex, compiled, day, planRanges, refs, phrases);
  }
}

/** A place after every place of a string (V8's strings are shorter than 2^29 units), and a small integer. */
const NOWHERE = 0x3fffffff;

/**
 * The indexes of the sentences (ranges of `text`) that hold 十 or 历, and 大 or 全会: every
 * meeting token holds 十 (its number: 十九, 二十) or 历 (历次全会, 历届全会), and 大 or 全会.
 * Looked for in the whole text, each word's next place kept from sentence to sentence: an
 * `indexOf` per word found, not up to four per sentence. 十 and 历 are kept in the loop's own
 * variables, so most sentences cost two comparisons: a callback per sentence and four method
 * calls were most of the congress scan's cost in a lint, where it ran unoptimised.
 */
export function congressSentences(text: string, sentences: ReadonlyArray<{ readonly range: TextRange }>): number[] {
  const out: number[] = [];
  // 十's and 历's next place, NOWHERE (past any sentence's end) for none: every comparison below
  // then runs whether or not a report holds the word. With -1 for none, `past < end` first ran at
  // the first report holding 历, and deoptimised the optimised
  // loop there (the corpus's report 600 of 1,000; re-optimised ~120 reports later).
  let ten = NOWHERE;
  let tenFrom = Number.POSITIVE_INFINITY;
  let past = NOWHERE;
  let pastFrom = Number.POSITIVE_INFINITY;
  const congress = new Occurrences(text, '大');
  const plenum = new Occurrences(text, '全会');
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const range = sentences[sentenceIndex]!.range;
    const start = range.start;
    const end = range.end;
    // (What `Occurrences.within` does, written out: each word's first place at or after `start`.)
    if (start < tenFrom || ten < start) {
      tenFrom = start;
      ten = text.indexOf('十', start);
      if (ten < 0) ten = NOWHERE;
    }
    if (start < pastFrom || past < start) {
      pastFrom = start;
      past = text.indexOf('历', start);
      if (past < 0) past = NOWHERE;
    }
    if (!(ten < end || past < end)) continue;
    if (congress.within(start, end) || plenum.within(start, end)) out.push(sentenceIndex);
  }
  return out;
}

/**
 * The offset in `text` of its first clause end (。；;！!？?), looked for in its first `limit`
 * units; `limit` (or the length) for none. A loop, not `split` by a regular expression:
 * the congress scan's code for a sentence with a token runs unoptimised through a CLI run.
 */
export function clauseEnd(text: string, limit: number): number {
  const n = Math.min(limit, text.length);
  for (let k = 0; k < n; k++) if (hasUnit(CLAUSE_END_UNITS, text.charCodeAt(k))) return k;
  return n;
}

/** The offsets in a plenum list (二中、三中) of each number followed by 中. */
export function plenumsIn(list: string): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < list.length; k++) if (list.charCodeAt(k + 1) === ZHONG && hasUnit(PLENUM_NUMBERS, list.charCodeAt(k))) out.push(k);
  return out;
}

/** `scanCongress`' work in one sentence that may hold a meeting token. */
function scanCongressSentence(
  document: ReportDocument,
  sentence: ReportDocument['sentences'][number],
  sentenceIndex: number,
  compiled: CompiledCatalogue,
  day: DayNumber,
  planRanges: readonly TextRange[],
  refs: CatalogueReference[],
  phrases: CongressPhrase[],
): void {
  // Read through soft line breaks (a web copy's 十九届四中、五 / 中全会); ranges map back to the text.
  const f = fold(document.text, sentence.range.start, sentence.range.end, sentence.text);
  const text = f.text;
  CHAIN.lastIndex = 0;
  let chain: RegExpExecArray | null;
  while ((chain = CHAIN.exec(text))) {
    const chainStart = chain.index;
    const chainEnd = chainStart + chain[0].length;
    const after = text.slice(chainEnd);
    // The 精神 tests below look at most 34 characters ahead: split only those (not the rest of a long sentence, per chain).
    const clause = after.slice(0, clauseEnd(after, 64));
    const guiding = !NOT_GUIDING_AFTER.test(after) && /^(?:[^，,]{0,4}会议)?精神|^[^，,。；]{0,30}精神/u.test(clause);
    const mentions: CongressMention[] = [];
    const allPlenumsOf: number[] = [];
    let lastCc: number | undefined;
    TOKEN.lastIndex = 0;
    let t: RegExpExecArray | null;
    const body = chain[0];
    while ((t = TOKEN.exec(body))) {
      const at = chainStart + t.index;
      const start = f.start(at);
      const congressNo = t[1] ? chineseNumber(t[1]) : undefined;
      const plenumCc = t[2] ? chineseNumber(t[2]) : undefined;
      const allCc = t[4] ? chineseNumber(t[4]) : undefined;
      if (congressNo !== undefined) {
        lastCc = congressNo;
        const meeting = compiled.meetingsByKey.get(`${t[1]}大`);
        // Text as written (the slice of the document, whatever line breaks it holds).
        const end = f.end(at + t[0].length);
        if (meeting) mentions.push({ entry: meeting.entry, range: { start, end }, text: document.text.slice(start, end), meeting });
      } else if (plenumCc !== undefined && t[2] && t[3]) {
        lastCc = plenumCc;
        const plenums = plenumsIn(t[3]);
        // The list's own offset in the token (after 党的/中共 and 十九届).
        const listAt = t[0].length - t[3].length - 2;
        for (let k = 0; k < plenums.length; k++) {
          const index = plenums[k]!;
          const meeting = compiled.meetingsByKey.get(`${t[2]}届${t[3][index]!}中全会`);
          if (!meeting) continue;
          // One plenum: the whole token; a list: each 二中/三中 on its own, so a hover names the right one.
          const range =
            plenums.length === 1
              ? { start, end: f.end(at + t[0].length) }
              : { start: f.start(at + listAt + index), end: f.end(at + listAt + index + 2) };
          mentions.push({ entry: meeting.entry, range, text: document.text.slice(range.start, range.end), meeting });
        }
      } else {
        const cc = allCc ?? lastCc;
        if (cc !== undefined) allPlenumsOf.push(cc);
      }
    }
    const inPlan = inRanges(planRanges, f.start(chainStart));
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const successor = m.entry.successor ? compiled.byId.get(m.entry.successor) : undefined;
      // Optional field added last, rather than spread from a temporary object.
      const ref: { -readonly [K in keyof CatalogueReference]: CatalogueReference[K] } = {
        entry: m.entry,
        range: m.range,
        text: m.text,
        via: 'congress-phrase',
        exact: true,
        sentenceIndex,
        inOtherTitle: false,
        inNextYearPlan: inPlan,
        historical: !guiding,
        status: statusOn(m.entry, day),
      };
      if (successor) ref.successor = successor;
      refs.push(ref);
    }
    if (guiding && (mentions.length > 0 || allPlenumsOf.length > 0)) {
      phrases.push({
        range: { start: f.start(chainStart), end: f.end(chainEnd) },
        text: chain[0],
        sentenceIndex,
        paragraphIndex: sentence.paragraphIndex,
        meetings: mentions,
        allPlenumsOf,
        inNextYearPlan: inPlan,
      });
    }
  }
}

/* ---------------------------------------------------------------- literal scan */

/** Law names ending in 法 followed by these characters are other words (婚姻法律, 合同法规). */
const LAW_TAIL = '律规治院庭官学务理制';
const OPENING_QUOTES = '“‘"\'「『';
const CLOSING_QUOTES = '”’"\'」』';
/** The administrative level right before a law's name makes it a local regulation. */
const LOCAL_PREFIX = /(?:[省市区州县旗]|[省市区州县旗](?:人民)?政府|[省市区州县旗]委)$/u;
/** The units LOCAL_PREFIX can end with: where the unit before a name is none of them, it cannot match. */
const LOCAL_PREFIX_LAST = '省市区州县旗府委';
/** After an organisation name ending in 部, these begin another word (部门, 部署, 部分). */
const MINISTRY_TAIL = '门署分位件';
const FA = 0x6cd5; // 法
const BU = 0x90e8; // 部

/**
 * Whether `units` holds the unit `c` (NaN past a text's end holds none). The match's context
 * read as units, not as one-unit strings and regular expressions: each of those allocated a
 * string per match and ran code a lint has pushed out of the caches by the next report.
 */
function hasUnit(units: string, c: number): boolean {
  for (let k = 0; k < units.length; k++) if (units.charCodeAt(k) === c) return true;
  return false;
}

/** Whether `text` holds one of `units` in [start, end). */
function hasUnitIn(text: string, start: number, end: number, units: string): boolean {
  for (let i = start; i < end; i++) if (hasUnit(units, text.charCodeAt(i))) return true;
  return false;
}

function scanLiterals(
  document: ReportDocument,
  compiled: CompiledCatalogue,
  day: DayNumber,
  planRanges: readonly TextRange[],
  titles: readonly QuotedReference[],
  refs: CatalogueReference[],
): void {
  const trie = compiled.flat;
  const { firstSlots, firstShift, firstBits, flags, rawSecondBits, pairBits, tripleBits } = trie;
  const firstMask = firstSlots.length - 1;
  const bySentence = titlesInSentenceOrder(titles);
  titleSentence = -1;
  const resolved = resolvedOn(compiled, day);
  const sentences = document.sentences;
  // Each sentence is read in the document's text (its `text` is that slice): one flat string,
  // not a sliced one per sentence, for the loop below that visits every character.
  const text = document.text;
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    const base = sentence.range.start;
    const n = sentence.range.end;
    // The trie is walked on the raw text through `norm`: no copy of the text. This loop runs
    // for every character, so it is kept small: the walk and the rare work of a match are
    // calls (written into the loop, a match made it allocate ~280 KB per report, and the walk
    // made it a larger unit to compile, which deoptimised when first optimised before any walk).
    // Every way on to the next unit is a `continue` to the loop's one `i++`: an `i++` of its own
    // in a branch no report had taken yet (a sentence ending in a key's first unit) had no type
    // feedback when the loop was first optimised, and deoptimised it when first taken.
    // Each unit is read once: `next` is the unit after `i` (0 past the sentence), the next
    // turn's `first`.
    let next = base < n ? text.charCodeAt(base) : 0;
    for (let i = base; i < n; i++) {
      const first = next;
      next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      // A walk finds something only from a root child's unit followed by some key's second
      // unit (its raw bit: normalised, it is dropped, a dash or a second unit; 0 past the
      // sentence, where the walk finds nothing either). Both bits in one test: one branch per
      // unit, taken for ~13 % of a report's units, not two, taken for ~27 % and ~48 % of those:
      // ~4 more instructions a unit, but fewer mispredicted branches (analyzeReferences' CPU
      // 4-10 % lower in process, docs/performance-journal.md). (A root child that ends something,
      // `rootEnds`, ends an exclude word, never a key: keys are two units or more, `trieKeys`.
      // Its match alone is skipped as no match is, by the loop's `i++`, so the filters here
      // hold for any trie.)
      if (((firstBits[first >>> 5]! >>> (first & 31)) & (rawSecondBits[next >>> 5]! >>> (next & 31)) & 1) === 0) continue;
      // A CJK ideograph is its own normalised unit and never dropped: the pair's bit tells
      // whether the root child has it as a child; with a third ideograph after it, the
      // triple's bit whether that pair's node has the third as a child (or ends something).
      // (pairBit, tripleWord and tripleBit written out: the CLI does not inline.)
      if (next >= 0x4e00 && next <= 0x9fff) {
        const pair = Math.imul(first, 0x9e3779b1) ^ Math.imul(next, 0x27d4eb2f);
        const e = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        if (e >= 0x4e00 && e <= 0x9fff) {
          // 32 - TRIPLE_WORDS
          if ((tripleBits[pair >>> 22]! & (1 << (Math.imul(pair ^ e, 0x165667b1) >>> 27))) === 0) continue;
        } else {
          const bit = pair >>> 17; // 32 - PAIR_BITS
          if ((pairBits[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        }
      }
      // firstNodeOf(trie, first), written out (the CLI does not inline).
      let node = 0;
      for (let s = Math.imul(first, FIRST_HASH) >>> firstShift; ; s = (s + 1) & firstMask) {
        const v = firstSlots[s]!;
        if ((v & 0xffff) === first) {
          node = v >>> 16;
          break;
        }
      }
      const bestEnd = walkTrie(trie, text, i, n, node);
      if (bestEnd < 0) continue;
      const best = walkBest;
      if ((flags[best]! & BLOCKED) === 0) {
        const entries = trie.entries[best];
        if (entries) {
          const node = resolved[best] ?? resolveNode(resolved, best, entries, compiled, day);
          acceptMatch(sentence, sentenceIndex, i - base, bestEnd + 1 - base, node, planRanges, bySentence, refs);
        }
      }
      // On past the match (the loop's `i++` steps over its last unit).
      i = bestEnd;
      next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    }
  }
}

/**
 * The titles in sentence order, each sentence's in text order, so a match looks only at its
 * own sentence's, found by a cursor that moves on with the matches (`titleOfMatch`). A parsed
 * document's titles are in that order already (the list itself is returned, nothing made); any
 * other list is sorted stably by sentence into a copy. (A Map of per-sentence lists, made per
 * report, was ~5 % of the references rules' bytes.)
 */
function titlesInSentenceOrder(titles: readonly QuotedReference[]): readonly QuotedReference[] {
  for (let i = 1; i < titles.length; i++) {
    if (titles[i]!.sentenceIndex < titles[i - 1]!.sentenceIndex) return titles.slice().sort((a, b) => a.sentenceIndex - b.sentenceIndex);
  }
  return titles;
}

/** The nodes resolved on `day` (a few writing days a process: the table is dropped past 64). */
function resolvedOn(compiled: CompiledCatalogue, day: DayNumber): Array<ResolvedNode | undefined> {
  let resolved = compiled.resolvedByDay.get(day);
  if (!resolved) {
    if (compiled.resolvedByDay.size >= 64) compiled.resolvedByDay.clear();
    // Filled, not holey-and-sparse: a node's slot set far past the length would make it a dictionary.
    resolved = new Array<ResolvedNode | undefined>(compiled.flat.flags.length).fill(undefined);
    compiled.resolvedByDay.set(day, resolved);
  }
  return resolved;
}

/** Resolves `node`'s entries on `day` into `resolved`. */
function resolveNode(resolved: Array<ResolvedNode | undefined>, node: number, entries: readonly CatalogueEntry[], compiled: CompiledCatalogue, day: DayNumber): ResolvedNode {
  const entry = pickByDate(entries, day);
  const successor = entry.successor ? compiled.byId.get(entry.successor) : undefined;
  const value: ResolvedNode = { entry, kind: entry.kind, status: statusOn(entry, day), successor };
  resolved[node] = value;
  return value;
}

/** The node `walkTrie` last found (its second result: no object per walk). */
let walkBest = 0;

/**
 * Walks the trie from `node`, the root's child for the unit at `i`, through the units up to
 * `n`: the offset of the last unit of the longest key or `exclude` word found (its node in
 * `walkBest`), or -1 for none. `norm`'s common case and `childOf` are written out: the CLI
 * runs without TurboFan's inlining (packages/cli/bin/fzlint.js), where each was a call per
 * unit walked.
 */
function walkTrie(trie: FlatTrie, text: string, i: number, n: number, node: number): number {
  const { flags, childStart, unitOf } = trie;
  let last = norm(text.charCodeAt(i));
  let best = flags[node] !== 0 ? node : 0;
  let bestEnd = best !== 0 ? i : -1;
  for (let j = i + 1; j < n; j++) {
    const raw = text.charCodeAt(j);
    const c = raw >= 0x4e00 && raw <= 0x9fff ? raw : norm(raw);
    // A dropped unit, or a dash after a dash. (Both compared as numbers, always: a `last ===
    // DASH` reached only after a dash had no type feedback when the walk was first optimised,
    // and its first dash deoptimised it.)
    if (c < 0 || ((c ^ DASH) | (last ^ DASH)) === 0) continue;
    let child = 0;
    // childOf(trie, node, c), written out too: the children are in unit order.
    for (let k = childStart[node]!, end = childStart[node + 1]!; k < end; k++) {
      const u = unitOf[k]!;
      if (u >= c) {
        if (u === c) child = k;
        break;
      }
    }
    if (child === 0) break;
    node = child;
    last = c;
    if (flags[node] !== 0) {
      best = node;
      bestEnd = j;
    }
  }
  walkBest = best;
  return bestEnd;
}

/** Records one literal match, unless its context shows it is another word or a local document. */
function acceptMatch(
  sentence: ReportDocument['sentences'][number],
  sentenceIndex: number,
  matchStart: number,
  localEnd: number,
  resolved: ResolvedNode,
  planRanges: readonly TextRange[],
  titles: readonly QuotedReference[],
  refs: CatalogueReference[],
): void {
  const text = sentence.text;
  let localStart = matchStart;
  // “七五”普法: take in the opening quote when the closing one is inside the match.
  if (localStart > 0 && hasUnit(OPENING_QUOTES, text.charCodeAt(localStart - 1)) && hasUnitIn(text, localStart, localEnd, CLOSING_QUOTES)) localStart--;
  const { entry, kind } = resolved;
  const lastUnit = text.charCodeAt(localEnd - 1);
  if (kind === 'law' && lastUnit === FA && hasUnit(LAW_TAIL, text.charCodeAt(localEnd))) return;
  // 农业部门, 文化部署, 环境保护部分: 部 begins another word.
  if (kind === 'organization' && lastUnit === BU && hasUnit(MINISTRY_TAIL, text.charCodeAt(localEnd))) return;
  // 浙江省信访条例, XX市优化营商环境条例: a local regulation with the national one's short name.
  if (
    (kind === 'law' || kind === 'policy') &&
    localStart > 0 &&
    hasUnit(LOCAL_PREFIX_LAST, text.charCodeAt(localStart - 1)) &&
    LOCAL_PREFIX.test(text.slice(Math.max(0, localStart - 4), localStart))
  )
    return;
  const written = text.slice(localStart, localEnd);
  const start = sentence.range.start + localStart;
  const end = sentence.range.start + localEnd;
  const title = titleOfMatch(titles, sentenceIndex, start, end);
  const wholeTitle = title !== undefined && title.innerRange.start === start && title.innerRange.end === end;
  const successor = resolved.successor;
  const range = { start, end };
  const inNextYearPlan = inRanges(planRanges, start);
  const historical = isHistorical(text, localStart, localEnd);
  const status = resolved.status;
  // Literals in the one key order, optional fields added last, rather than spreads of temporary objects.
  const ref: { -readonly [K in keyof CatalogueReference]: CatalogueReference[K] } = title
    ? {
        entry,
        range,
        text: written,
        via: 'title',
        exact: true,
        sentenceIndex,
        inOtherTitle: !wholeTitle && !isCitationTitle(title, entry),
        titleRange: title.innerRange,
        inNextYearPlan,
        historical,
        status,
      }
    : { entry, range, text: written, via: 'text', exact: true, sentenceIndex, inOtherTitle: false, inNextYearPlan, historical, status };
  if (successor) ref.successor = successor;
  refs.push(ref);
}

/**
 * The scan's cursor through its titles (in sentence order): [titleCursor, titleEnd) are the
 * titles of sentence `titleSentence`, the sentence of the last match. Matches come in text order,
 * so it only moves on, and each title is passed once a scan (a sentence's end is found once, not
 * per match: a sentence of many titles and matches stays linear). Module state, started anew by
 * `scanLiterals` setting `titleSentence` to -1 (as `walkBest`): not a parameter or a loop of the
 * scan's, whose bytecode is kept small (a larger scan was optimised later: +2.7 % instructions a lint).
 */
let titleCursor = 0;
let titleEnd = 0;
let titleSentence = -1;

/** The title of `titles` (in sentence order) around [start, end) in sentence `sentenceIndex`, moving the cursor on. */
function titleOfMatch(titles: readonly QuotedReference[], sentenceIndex: number, start: number, end: number): QuotedReference | undefined {
  if (sentenceIndex !== titleSentence) {
    // Titles before titleEnd are of sentences up to titleSentence, before this one.
    let from = titleSentence < 0 ? 0 : titleEnd;
    while (from < titles.length && titles[from]!.sentenceIndex < sentenceIndex) from++;
    let to = from;
    while (to < titles.length && titles[to]!.sentenceIndex === sentenceIndex) to++;
    titleCursor = from;
    titleEnd = to;
    titleSentence = sentenceIndex;
  }
  return titleCursor < titleEnd ? titleAround(titles, titleCursor, titleEnd, start, end) : undefined;
}

/**
 * The first title (in text order) of titles[from, to) whose inside holds [start, end). Titles
 * are in text order and at most 152 characters long (the parser's limit): a binary search and
 * a short look back, not a scan of every title of a long sentence per match.
 */
function titleAround(titles: readonly QuotedReference[], from: number, to: number, start: number, end: number): QuotedReference | undefined {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (titles[mid]!.innerRange.start <= start) lo = mid + 1;
    else hi = mid;
  }
  let found: QuotedReference | undefined;
  for (let i = lo - 1; i >= from; i--) {
    const t = titles[i]!;
    if (t.range.start < start - 160) break;
    if (start >= t.innerRange.start && end <= t.innerRange.end) found = t;
  }
  return found;
}

/** A title that is the entry itself with a document number or 年 variant around it. */
function isCitationTitle(title: QuotedReference, entry: CatalogueEntry): boolean {
  if (entry.kind !== 'policy' && entry.kind !== 'law') return false;
  // A version in brackets inside the title (《立法法（2015年修正）》) still cites the law itself.
  const inner = normalizeSpelling(title.inner).replace(/\((?:19|20)\d{2}年[^()]{0,12}\)$/u, '');
  return (entry.aliases ?? []).some((a) => {
    const key = normalizeSpelling(a);
    return inner === key || inner === `中华人民共和国${key}`;
  });
}

/** Titles that no exact spelling covers but whose loose form is a policy or law the catalogue knows. */
function scanLooseTitles(
  titles: readonly TitleKeys[],
  compiled: CompiledCatalogue,
  day: DayNumber,
  planRanges: readonly TextRange[],
  refs: CatalogueReference[],
): void {
  for (let i = 0; i < titles.length; i++) {
    const { title, exact, loose } = titles[i]!;
    if (isTitleKey(compiled, exact)) continue;
    const entries = looseEntries(compiled, loose);
    if (!entries) continue;
    const entry = pickByDate(entries, day);
    const successor = entry.successor ? compiled.byId.get(entry.successor) : undefined;
    refs.push({
      entry,
      range: title.innerRange,
      text: title.inner,
      via: 'loose-title',
      exact: false,
      sentenceIndex: title.sentenceIndex,
      inOtherTitle: false,
      titleRange: title.innerRange,
      inNextYearPlan: inRanges(planRanges, title.range.start),
      historical: false,
      status: statusOn(entry, day),
      ...(successor ? { successor } : {}),
    });
  }
}

/** A 《》 title's normalised spellings, computed once per document. */
export interface TitleKeys {
  readonly title: QuotedReference;
  /** `normalizeSpelling` of the inner text. */
  readonly exact: string;
  /** `looseKey` of the inner text. */
  readonly loose: string;
}

/** Everything recognised in one document for one catalogue and dates. */
export interface DocumentReferences {
  readonly references: readonly CatalogueReference[];
  /** Every 《》 title with its look-up keys. */
  readonly titles: readonly TitleKeys[];
  readonly congressPhrases: readonly CongressPhrase[];
  readonly compiled: CompiledCatalogue;
  readonly dates: ReferenceDates;
}

const documentCache = documentMemo<{ writing: DayNumber; reportYear: number; catalogue: readonly CatalogueEntry[]; value: DocumentReferences }>();

/**
 * Analyses a document once per catalogue and dates (several rules share the result).
 */
export function analyzeReferences(document: ReportDocument, settings: RuleSettings): DocumentReferences {
  const catalogue = settings.catalogue;
  const writing = referenceWriting(settings);
  const reportYear = referenceReportYear(settings);
  const cached = documentCache.get(document);
  // (The dates compared as numbers: a string key made of them cost two conversions per rule asking;
  // the dates object is made on a miss only.)
  if (cached && cached.writing === writing && cached.reportYear === reportYear && cached.catalogue === catalogue) return cached.value;
  const dates: ReferenceDates = { writing, reportYear };
  const compiled = compileCatalogue(catalogue);
  const planRanges = nextYearPlanRanges(document);
  const refs: CatalogueReference[] = [];
  const phrases: CongressPhrase[] = [];
  // The titles and their keys in one loop (a `filter` called its arrow per reference, ~60 a
  // report, in code that stays unoptimised through a CLI run). Pushed into literals, not
  // mapped (holey when mapped over elements, packed when empty): malformed-citation's check
  // deoptimised on the second kind and was compiled again.
  const references = document.references;
  const titles: QuotedReference[] = [];
  const titleKeys: TitleKeys[] = [];
  for (let i = 0; i < references.length; i++) {
    const title = references[i]!;
    if (title.kind !== 'book-title') continue;
    titles.push(title);
    titleKeys.push({ title, exact: normalizeSpelling(title.inner), loose: looseKey(title.inner) });
  }
  scanLiterals(document, compiled, dates.writing, planRanges, titles, refs);
  scanLooseTitles(titleKeys, compiled, dates.writing, planRanges, refs);
  scanCongress(document, compiled, dates.writing, planRanges, refs, phrases);
  if (compiled.patterns) scanPatterns(document, compiled, dates.writing, planRanges, refs);
  const value: DocumentReferences = { references: longestMatches(refs), titles: titleKeys, congressPhrases: phrases, compiled, dates };
  documentCache.set(document, { writing: dates.writing, reportYear: dates.reportYear, catalogue, value });
  return value;
}

/**
 * Longest match wins: a reference inside a longer one of another entry (新型冠状病毒感染
 * inside 新型冠状病毒感染的肺炎, the 2020 name of the disease) is part of that term, not a
 * term of its own. Sorted by start, then end.
 */
function longestMatches(refs: CatalogueReference[]): CatalogueReference[] {
  sortByRange(refs, true);
  const kept: CatalogueReference[] = [];
  let outer: CatalogueReference | undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    const inside = outer !== undefined && outer.range.end >= r.range.end && outer.range.end - outer.range.start > r.range.end - r.range.start;
    if (!(inside && outer!.entry.id !== r.entry.id && r.via === 'text')) kept.push(r);
    if (!outer || r.range.end > outer.range.end) outer = r;
  }
  sortByRange(kept, false);
  return kept;
}

/**
 * Sorts `refs` by start, then by end (the longer first when `longerFirst`), stably: the order
 * `Array.prototype.sort` gives with that comparator. A report's few dozen references, mostly
 * in order already (the literal scan's come in text order), are sorted by insertion: the
 * builtin called its comparator per comparison, unoptimised all through a CLI run. Past 64
 * (a long report), the builtin.
 */
export function sortByRange(refs: CatalogueReference[], longerFirst: boolean): void {
  if (refs.length > 64) {
    refs.sort(longerFirst ? (a, b) => a.range.start - b.range.start || b.range.end - a.range.end : (a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    return;
  }
  for (let i = 1; i < refs.length; i++) {
    const r = refs[i]!;
    const start = r.range.start;
    const end = r.range.end;
    let j = i - 1;
    // Those after `r` by the comparator move up one; equal ones stay before it.
    for (; j >= 0; j--) {
      const q = refs[j]!;
      const qs = q.range.start;
      if (qs < start || (qs === start && (longerFirst ? q.range.end >= end : q.range.end <= end))) break;
      refs[j + 1] = q;
    }
    refs[j + 1] = r;
  }
}

function scanPatterns(
  document: ReportDocument,
  compiled: CompiledCatalogue,
  day: DayNumber,
  planRanges: readonly TextRange[],
  refs: CatalogueReference[],
): void {
  const { regex, groups } = compiled.patterns!;
  document.sentences.forEach((sentence, sentenceIndex) => {
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(sentence.text))) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const g = groups.findIndex((e, i) => e !== undefined && m![i] !== undefined);
      const entry = groups[g];
      if (!entry) continue;
      const start = sentence.range.start + m.index;
      const successor = entry.successor ? compiled.byId.get(entry.successor) : undefined;
      refs.push({
        entry,
        range: { start, end: start + m[0].length },
        text: m[0],
        via: 'text',
        exact: true,
        sentenceIndex,
        inOtherTitle: false,
        inNextYearPlan: inRanges(planRanges, start),
        historical: isHistorical(sentence.text, m.index, m.index + m[0].length),
        status: statusOn(entry, day),
        ...(successor ? { successor } : {}),
      });
    }
  });
}

/**
 * Every recognised reference to a catalogue entry, with its entry, its status on
 * the writing date and its successor: the data the language server shows on hover.
 * `catalogue` is the merged built-in + user catalogue (`context.settings.catalogue`).
 */
export function findCatalogueReferences(
  document: ReportDocument,
  catalogue: readonly CatalogueEntry[],
  settings: RuleSettings,
): readonly CatalogueReference[] {
  const { references, dates } = analyzeReferences(document, { ...settings, catalogue });
  const stale = staleCatalogue(dates.writing);
  return references.map((r) => ({ ...r, writingDay: dates.writing, ...(stale ? { staleCatalogue: stale } : {}) }));
}
