/*
 * A literal matcher for many words at once: every word is compiled once into a
 * character trie flattened into typed arrays (an open-addressing edge table keyed by
 * parent and UTF-16 unit), and one left-to-right pass finds the leftmost-longest words.
 * Blocked words (real words that contain a listed one) are matched too and consume
 * their text without being reported. Most positions are passed over by three bit
 * tests (first unit, second unit, hashed first-second pair) before any edge look-up,
 * so the scan's cost follows the text, not the number of words. (Aho–Corasick would
 * save the restart after a failed walk; on report text the walks that pass the bit
 * tests are one or two edges deep, so there is little to save.)
 */
import { EdgeTable, slotOf, type EdgeArrays } from '../edge-table.js';
import { alignedBytes, concatViews, sparseUnitTable, TypedViewCursor, unitTableOf } from '../typed-views.js';

/** A compiled word list. */
export interface Automaton<T> {
  /**
   * Node id of the root's child for each UTF-16 unit, 0 for none. 16 bits (ids are below
   * MAX_AUTOMATON_NODES): 128 KB, not 256, since in a lint the table is out of the caches at
   * every document and its ~190 used entries are read from memory.
   */
  readonly first: Uint16Array;
  /** Bit per unit: some word starts with it (8 KB, stays in the fastest cache while the scan visits every character). */
  readonly firstBits: Uint32Array;
  /**
   * Bit per unit: a one-unit word (or blocked word) is that unit. Where it is clear the
   * second-unit and pair tests decide alone, before the 256 KB `first` table is read.
   */
  readonly oneBits: Uint32Array;
  /** Bit per unit: it is the second of some word — most walks end there without an edge look-up. */
  readonly secondBits: Uint32Array;
  /**
   * Bit per hashed pair of first and second units of some word (PAIR_BITS bits, 16 KB): a
   * position whose pair is not set starts no word of two or more units, whatever else shares
   * its first unit. Hash collisions only let a walk happen that finds nothing; a set bit is
   * never missed. (128 KB before: in a lint the table is out of the caches at every document,
   * and a report's ~400 pair tests then missed in ~300 lines of it; 16 KB has 256.)
   */
  readonly pairBits: Uint32Array;
  /**
   * Per node: the payload of the word ending there (read only at a word's node: elsewhere it
   * is undefined, or -1 in an automaton `readAutomaton` read, whose payloads are an Int32Array).
   */
  readonly payloads: ArrayLike<T | undefined>;
  /** Per node: 1 when a word ends here, 2 when a blocked word ends here. */
  readonly flags: Uint8Array;
  /**
   * The edge table: `mask + 1` slots of two words side by side — the edge's key (`edgeKey`: parent
   * id + 1 and unit in one word, 0 = empty slot), then the child id — so a probe reads one cache
   * line, not one in each of the builder's three arrays, and compares one word. In a lint the table
   * is out of the caches at every document (every other rule runs in between) and a report's
   * ~1,000 distinct probes mostly miss: the table is kept up to 70 % full (256 KB for the ~22,400
   * edges of the typo candidates; three words per slot at the builder's half-full size were 768 KB,
   * and the scan ~13 % slower with the caches emptied between documents). (The catalogue trie keeps
   * the three arrays: its 32 KB of parents stay in the cache, and its probes mostly end at an empty
   * slot there.)
   */
  readonly slots: Int32Array;
  readonly mask: number;
}

/** Words per slot of `Automaton.slots`. */
const SLOT_WORDS = 2;

/** Most nodes an automaton may have: `edgeKey` holds the parent id + 1 in 16 bits. */
export const MAX_AUTOMATON_NODES = 0xffff;

/** The key of the edge parent --unit--> in `Automaton.slots`: never 0 (the empty slot). */
export function edgeKey(parent: number, unit: number): number {
  return ((parent + 1) << 16) | unit;
}

/**
 * The builder's three edge arrays as `Automaton.slots`: each edge re-inserted, by the same
 * first slot and linear probing as the builder's table (`slotOf`), into the smallest power
 * of two of slots it fills to at most 70 %.
 */
function packedSlots(edges: EdgeArrays): { slots: Int32Array; mask: number } {
  const { slotParent, slotUnit, slotChild } = edges;
  let count = 0;
  for (let s = 0; s <= edges.mask; s++) if (slotParent[s] !== 0) count++;
  let size = 16;
  while (count * 10 > size * 7) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * SLOT_WORDS);
  for (let o = 0; o <= edges.mask; o++) {
    const p = slotParent[o]!;
    if (p === 0) continue;
    const unit = slotUnit[o]!;
    let s = slotOf(p - 1, unit, mask);
    while (slots[s * SLOT_WORDS] !== 0) s = (s + 1) & mask;
    slots[s * SLOT_WORDS] = edgeKey(p - 1, unit);
    slots[s * SLOT_WORDS + 1] = slotChild[o]!;
  }
  return { slots, mask };
}

const WORD = 1;
const BLOCKED = 2;

/** Bits of `pairBits`, as a power of two (the ~1,600 pairs of the typo candidates set ~1.2 % of them). */
const PAIR_BITS = 17;
/** Words of `pairBits`. */
export const PAIR_WORDS = (1 << PAIR_BITS) >>> 5;

/** The bit of a (first, second) unit pair in `pairBits`. */
export function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x27d4eb2f)) >>> (32 - PAIR_BITS);
}

/**
 * Builds an automaton word by word straight into its typed arrays: the edge table is
 * probed and grown in place, and the first/second/pair bits are set as the depth-one and
 * depth-two edges are made. (A map of edges keyed by parent × 65536 + unit, flattened
 * afterwards, cost ~25 ms of every process's start for the 9,700 generated typos: its
 * keys are no small integers, and nothing of it ran optimised that early.)
 */
export class AutomatonBuilder<T> {
  private readonly edges: EdgeTable;
  private readonly first = new Uint16Array(0x10000);
  private readonly firstBits = new Uint32Array(0x800);
  private readonly secondBits = new Uint32Array(0x800);
  private readonly oneBits = new Uint32Array(0x800);
  private readonly pairBits = new Uint32Array(PAIR_WORDS);
  private readonly payloads: Array<T | undefined> = [undefined];
  private flags = new Uint8Array(64);
  private nodes = 1;

  /** `units`: about how many UTF-16 units the words hold (sizes the edge table; it grows if short). */
  constructor(units = 0) {
    let size = 16;
    while (size < units * 2) size *= 2;
    this.edges = new EdgeTable(size);
  }

  /** Adds a word with its payload (a blocked word stays blocked; a repeated word takes the later payload). */
  add(word: string, payload: T): void {
    this.addReplaced(word, -1, 0, payload);
  }

  /** Adds `word` with its unit at `at` replaced by `unit` (no string is built for it). */
  addReplaced(word: string, at: number, unit: number, payload: T): void {
    if (word.length === 0) return;
    const node = this.walk(word, at, unit);
    if (word.length === 1) this.setOne(at === 0 ? unit : word.charCodeAt(0));
    if (this.flags[node] === BLOCKED) return;
    this.flags[node] = WORD;
    this.payloads[node] = payload;
  }

  /** Adds a blocked word: matched, consumed, never reported. */
  block(word: string): void {
    if (word.length === 0) return;
    const node = this.walk(word, -1, 0);
    if (word.length === 1) this.setOne(word.charCodeAt(0));
    this.flags[node] = BLOCKED;
    this.payloads[node] = undefined;
  }

  /** The finished automaton (the builder is not to be used after). */
  build(): Automaton<T> {
    if (this.nodes > MAX_AUTOMATON_NODES) throw new Error(`AutomatonBuilder: ${this.nodes} nodes, at most ${MAX_AUTOMATON_NODES} fit the edge keys`);
    const { first, firstBits, oneBits, secondBits, pairBits, payloads } = this;
    const { slots, mask } = packedSlots(this.edges);
    return { first, firstBits, oneBits, secondBits, pairBits, payloads, flags: this.flags.slice(0, this.nodes), slots, mask };
  }

  private walk(word: string, at: number, replacement: number): number {
    let node = 0;
    let firstUnit = 0;
    for (let i = 0; i < word.length; i++) {
      const unit = i === at ? replacement : word.charCodeAt(i);
      let next: number;
      if (i === 0) {
        firstUnit = unit;
        next = this.first[unit]!;
        if (next === 0) {
          next = this.newNode();
          this.first[unit] = next;
          this.firstBits[unit >>> 5] = this.firstBits[unit >>> 5]! | (1 << (unit & 31));
        }
      } else {
        next = this.edges.childOf(node, unit);
        if (next === 0) {
          next = this.newNode();
          this.edges.put(node, unit, next);
          if (i === 1) {
            this.secondBits[unit >>> 5] = this.secondBits[unit >>> 5]! | (1 << (unit & 31));
            const bit = pairSlot(firstUnit, unit);
            this.pairBits[bit >>> 5] = this.pairBits[bit >>> 5]! | (1 << (bit & 31));
          }
        }
      }
      node = next;
    }
    return node;
  }

  private setOne(unit: number): void {
    this.oneBits[unit >>> 5] = this.oneBits[unit >>> 5]! | (1 << (unit & 31));
  }

  private newNode(): number {
    const id = this.nodes++;
    if (id >= this.flags.length) {
      const grown = new Uint8Array(this.flags.length * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    this.payloads.push(undefined);
    return id;
  }
}

/** The binary form's first word ("FZTA" read little-endian) and its layout version. */
const MAGIC = 0x41545a46;
const FORMAT = 5;
/** Header words: magic, format, the caller's key words (`KEY_WORDS`), nodes, edge-table mask, (unit, node) pairs of `first`. */
const KEY_WORDS = 5;
const HEADER_BYTES = (2 + KEY_WORDS + 3) * 4;

/**
 * An automaton whose payloads are non-negative integers as bytes (header, then every typed
 * array as it is): what the build writes so a process loads the arrays instead of building
 * them. `key`: five integers saying what it was built from (checked by `readAutomaton`).
 */
export function writeAutomaton(a: Automaton<number>, key: readonly number[]): Uint8Array {
  if (key.length !== KEY_WORDS) throw new Error(`writeAutomaton: the key is ${KEY_WORDS} integers`);
  const nodes = a.flags.length;
  const size = a.mask + 1;
  const payloads = new Int32Array(nodes);
  for (let n = 0; n < nodes; n++) payloads[n] = a.payloads[n] ?? -1;
  // `first` as its ~190 (unit, node) pairs, not 128 KB mostly of zeros; `firstBits` follows from them.
  const first = sparseUnitTable(a.first);
  const parts: ArrayBufferView[] = [
    new Int32Array([MAGIC, FORMAT, ...key, nodes, a.mask, first.units.length]),
    first.units,
    first.values,
    a.oneBits,
    a.secondBits,
    a.pairBits,
    payloads,
    a.slots.subarray(0, size * SLOT_WORDS),
    a.flags,
  ];
  return concatViews(parts);
}

/**
 * The automaton `writeAutomaton` wrote, its arrays views of `bytes` (not copied), or
 * undefined when the bytes are not one (another format, another byte order) or were built
 * from something else than `key` says.
 */
export function readAutomaton(bytes: Uint8Array, key: readonly number[]): Automaton<number> | undefined {
  if (bytes.byteLength < HEADER_BYTES) return undefined;
  bytes = alignedBytes(bytes);
  const { buffer, byteOffset } = bytes;
  const header = new Int32Array(buffer, byteOffset, HEADER_BYTES / 4);
  if (header[0] !== MAGIC || header[1] !== FORMAT) return undefined;
  for (let k = 0; k < KEY_WORDS; k++) if (header[2 + k] !== key[k]) return undefined;
  const nodes = header[2 + KEY_WORDS]!;
  const mask = header[3 + KEY_WORDS]!;
  const firstPairs = header[4 + KEY_WORDS]!;
  const size = mask + 1;
  const expected = HEADER_BYTES + (2 * firstPairs + 2 * 0x800 + PAIR_WORDS + nodes + SLOT_WORDS * size) * 4 + nodes;
  if (bytes.byteLength !== expected) return undefined;
  const views = new TypedViewCursor(buffer, byteOffset + HEADER_BYTES);
  const firstTable = unitTableOf(views.int32(firstPairs), views.int32(firstPairs));
  if (!firstTable) return undefined;
  const first = firstTable.table;
  const firstBits = firstTable.bits;
  const oneBits = views.uint32(0x800);
  const secondBits = views.uint32(0x800);
  const pairBits = views.uint32(PAIR_WORDS);
  const payloads = views.int32(nodes);
  const slots = views.int32(SLOT_WORDS * size);
  const flags = views.uint8(nodes);
  // Kept as read (-1 for none): turning 22,000 of them into an array of numbers and undefined was 2–3 ms.
  return { first, firstBits, oneBits, secondBits, pairBits, payloads, flags, slots, mask };
}

/** Compiles words with their payloads, and blocked words (consumed, never reported). */
export function compileAutomaton<T>(words: Iterable<readonly [string, T]>, blocked: Iterable<string> = []): Automaton<T> {
  const builder = new AutomatonBuilder<T>();
  for (const [word, payload] of words) builder.add(word, payload);
  for (const word of blocked) builder.block(word);
  return builder.build();
}

/**
 * Calls `found` for every leftmost-longest word of `text` between `from` and `to`
 * (blocked words consume their text silently).
 */
export function scanAutomaton<T>(a: Automaton<T>, text: string, from: number, to: number, found: (start: number, end: number, payload: T) => void): void {
  const hits: number[] = [];
  collectAutomatonHits(a, text, from, to, hits);
  for (let k = 0; k < hits.length; k += 3) found(hits[k]!, hits[k + 1]!, a.payloads[hits[k + 2]!]!);
}

/**
 * Appends start, end and node of every leftmost-longest word of `text` between `from`
 * and `to` to `hits` (the payload is `a.payloads[node]`). The scan calls nothing: a
 * callback made per document (a closure) made its optimised code, specialised to the
 * first closure it met, deoptimise at the next document's ("wrong call target").
 */
export function collectAutomatonHits<T>(a: Automaton<T>, text: string, from: number, to: number, hits: number[]): void {
  const { first, firstBits, oneBits, secondBits, pairBits, flags, slots, mask } = a;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // No word starts here: the common case, answered from an 8 KB bit set.
    if ((firstBits[c >>> 5]! & (1 << (c & 31))) === 0) {
      i++;
      continue;
    }
    // No one-unit word is this unit: a word must go on with the next one (flags[first[c]] is 0).
    if ((oneBits[c >>> 5]! & (1 << (c & 31))) === 0) {
      const d = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (d < 0 || (secondBits[d >>> 5]! & (1 << (d & 31))) === 0) {
        i++;
        continue;
      }
      // Both units start words, but no word starts with the two together (营商 + 环竟 vs 营 + 业): the pair bit says so.
      // (pairSlot(c, d) written out: the CLI runs without TurboFan's inlining, where it was a call here.)
      const bit = (Math.imul(c, 0x9e3779b1) ^ Math.imul(d, 0x27d4eb2f)) >>> 15; // 32 - PAIR_BITS
      if ((pairBits[bit >>> 5]! & (1 << (bit & 31))) === 0) {
        i++;
        continue;
      }
    }
    let node = first[c]!;
    let best = flags[node] !== 0 ? node : 0;
    let bestEnd = best !== 0 ? i + 1 : -1;
    // The edge look-up, written out (slotOf and edgeKey): this loop runs at every character that starts a word.
    for (let j = i + 1; j < to; j++) {
      const unit = text.charCodeAt(j);
      const key = ((node + 1) << 16) | unit;
      let child = 0;
      for (let s = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask; ; s = (s + 1) & mask) {
        const o = s * 2; // SLOT_WORDS
        const k = slots[o]!;
        if (k === 0) break;
        if (k === key) {
          child = slots[o + 1]!;
          break;
        }
      }
      if (child === 0) break;
      node = child;
      if (flags[node] !== 0) {
        best = node;
        bestEnd = j + 1;
      }
    }
    if (best === 0) {
      i++;
      continue;
    }
    if (flags[best] === WORD) hits.push(i, bestEnd, best);
    i = bestEnd;
  }
}
