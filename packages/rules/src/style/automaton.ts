/*
 * A literal matcher for many words at once: every word is compiled once into a
 * character trie flattened into typed arrays (an open-addressing edge table keyed by
 * parent and UTF-16 unit), and one left-to-right pass finds the leftmost-longest words.
 * Blocked words (real words that contain a listed one) are matched too and consume
 * their text without being reported. Most positions are passed over by one test of two
 * bits (first unit, hashed first-second-third triple) before any edge look-up, so the
 * scan's cost follows the text, not the number of words. (Aho–Corasick
 * would save the restart after a failed walk; on report text the walks that pass the bit
 * tests are a few edges deep, so there is little to save.)
 */
import { EdgeTable, slotOf, unitPairBit, type EdgeArrays } from '../edge-table.js';
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
   * Bit per hashed triple of first, second and third units of some word (`tripleSlot`: 16 KB,
   * 256 lines of 512 bits, the line chosen by the first two units, the bit in it by all
   * three; the ~4,900 triples of the typo candidates set ~3.7 % of the bits), every bit set
   * when some word (or blocked word) has fewer than three units. A position whose triple is
   * not set starts no word. Hash collisions only let a walk happen that finds nothing; a set
   * bit is never missed. It replaced a bit per hashed first-second pair (also 16 KB): most
   * walks that passed the pair bit (57 % of a report's) stopped at depth 2, each reading
   * `first`, `chain` and often `slots`, three tables out of the caches at every document;
   * the triple's line is read where the pair's was.
   */
  readonly tripleBits: Uint32Array;
  /**
   * Per node: the payload of the word ending there (read only at a word's node: elsewhere it
   * is undefined, or -1 in an automaton `readAutomaton` read, whose payloads are an Int32Array).
   */
  readonly payloads: ArrayLike<T | undefined>;
  /**
   * Per node, what a walk reads at it (`CHAIN_*`): the unit of the edge to node + 1 with
   * `CHAIN_NEXT` when that node is its child, `CHAIN_MORE` when it has other children (in
   * `slots`), and its flags (`chain[2 * node] >>> CHAIN_FLAGS_SHIFT`: 1 when a word ends
   * there, 2 when a blocked word does; no separate array of them, which only the prebuilt
   * file's writer read). Its length is twice the node count. Nodes are numbered depth first, each node's child with the most
   * words below it numbered next (`build()`), so a walk along a term (法治政府建设, which most
   * candidates share a prefix of) reads consecutive words here instead of one random line of
   * the edge table per unit; in a lint every table is out of the caches at every document.
   * Two words per node: that word, then a bit per `signatureBit` of the units of its children
   * in `slots`, so most walks that end at a node with more children end without a look-up
   * there (the word is in the line just read).
   */
  readonly chain: Int32Array;
  /**
   * The edges `chain` does not give (a node's children but the one numbered next; the root's
   * are in `first`): `mask + 1` slots of two words side by side — the edge's key (`edgeKey`: parent
   * id + 1 and unit in one word, 0 = empty slot), then the child id — so a probe reads one cache
   * line, not one in each of the builder's three arrays, and compares one word. In a lint the table
   * is out of the caches at every document (every other rule runs in between) and a report's
   * probes mostly miss: the table is kept up to 70 % full (128 KB, half full, for the ~8,700
   * edges of the typo candidates `chain` leaves; 256 KB when it held all ~22,400; three words per
   * slot at the builder's half-full size were 768 KB,
   * and the scan ~13 % slower with the caches emptied between documents). (The catalogue trie keeps
   * the three arrays: its 32 KB of parents stay in the cache, and its probes mostly end at an empty
   * slot there.)
   */
  readonly slots: Int32Array;
  readonly mask: number;
}

/** `Automaton.chain`: node + 1 is the node's child by the unit in the low 16 bits. */
const CHAIN_NEXT = 1 << 16;
/** `Automaton.chain`: the node has children in `slots`. */
const CHAIN_MORE = 1 << 17;
/** `Automaton.chain`: the node's flags (`WORD`, `BLOCKED`) from this bit on. */
const CHAIN_FLAGS_SHIFT = 18;

/** The bit of a unit in a node's signature (`Automaton.chain`'s second word). */
export function signatureBit(unit: number): number {
  return Math.imul(unit, 0x9e3779b1) >>> 27;
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
 * The builder's automaton renumbered as `Automaton` lays it out: depth first from the root,
 * each node's child with the most nodes below it (ties: the lower unit) numbered right after
 * it and given by `chain`, its other children after that child's subtree and put in `slots`
 * (by the builder's first slot and linear probing, `slotOf`, the smallest power of two of
 * slots they fill to at most 70 %). A builder's child is numbered after its parent, which
 * gives the subtree sizes in one backward loop.
 */
function laidOut<T>(
  first: Uint16Array,
  edges: EdgeArrays,
  builtFlags: Uint8Array,
  builtPayloads: ReadonlyArray<T | undefined>,
  nodes: number,
): Pick<Automaton<T>, 'first' | 'payloads' | 'chain' | 'slots' | 'mask'> {
  const { slotParent, slotUnit, slotChild } = edges;
  // Every node's parent and unit (the root's children from `first`), and children by parent.
  const parentOf = new Int32Array(nodes).fill(-1);
  const unitOf = new Uint16Array(nodes);
  const childCount = new Int32Array(nodes + 1);
  for (let c = 0; c < 0x10000; c++) {
    const n = first[c]!;
    if (n === 0) continue;
    parentOf[n] = 0;
    unitOf[n] = c;
  }
  for (let o = 0; o <= edges.mask; o++) {
    const p = slotParent[o]!;
    if (p === 0) continue;
    parentOf[slotChild[o]!] = p - 1;
    unitOf[slotChild[o]!] = slotUnit[o]!;
  }
  for (let n = 1; n < nodes; n++) childCount[parentOf[n]!] = childCount[parentOf[n]!]! + 1;
  const childStart = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) childStart[n + 1] = childStart[n]! + childCount[n]!;
  const children = new Int32Array(Math.max(0, nodes - 1));
  const filled = childStart.slice(0, nodes);
  for (let n = 1; n < nodes; n++) {
    const p = parentOf[n]!;
    children[filled[p]!] = n;
    filled[p] = filled[p]! + 1;
  }
  const size = new Int32Array(nodes).fill(1);
  for (let n = nodes - 1; n > 0; n--) size[parentOf[n]!] = size[parentOf[n]!]! + size[n]!;
  // Whether builder node a is numbered before its sibling b (the heavier, then the lower unit).
  const before = (a: number, b: number): boolean => size[a]! > size[b]! || (size[a] === size[b] && unitOf[a]! < unitOf[b]!);
  const renumbered = new Int32Array(nodes);
  const order = new Int32Array(nodes);
  const stack = [0];
  let next = 0;
  while (stack.length > 0) {
    const n = stack.pop()!;
    renumbered[n] = next;
    order[next++] = n;
    const from = childStart[n]!;
    const to = childStart[n + 1]!;
    // Pushed last to first, so the first in `before`'s order is popped next (numbered n + 1).
    const sorted = Array.from(children.subarray(from, to)).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    for (let k = sorted.length - 1; k >= 0; k--) stack.push(sorted[k]!);
  }
  const payloads: Array<T | undefined> = new Array<T | undefined>(nodes);
  const chain = new Int32Array(nodes * 2);
  let more = 0;
  for (let m = 0; m < nodes; m++) {
    const n = order[m]!;
    payloads[m] = builtPayloads[n];
    let word = builtFlags[n]! << CHAIN_FLAGS_SHIFT;
    const count = childCount[n]!;
    // The root's children are in `first`, never walked to from the root's `chain`.
    if (n !== 0 && count > 0) {
      word |= CHAIN_NEXT | unitOf[order[m + 1]!]!;
      if (count > 1) word |= CHAIN_MORE;
      more += count - 1;
    }
    chain[m * 2] = word;
  }
  let slotCount = 16;
  while (more * 10 > slotCount * 7) slotCount *= 2;
  const mask = slotCount - 1;
  const slots = new Int32Array(slotCount * SLOT_WORDS);
  for (let n = 1; n < nodes; n++) {
    const p = parentOf[n]!;
    const parent = renumbered[p]!;
    const child = renumbered[n]!;
    if (p === 0 || child === parent + 1) continue;
    const unit = unitOf[n]!;
    let s = slotOf(parent, unit, mask);
    while (slots[s * SLOT_WORDS] !== 0) s = (s + 1) & mask;
    slots[s * SLOT_WORDS] = edgeKey(parent, unit);
    slots[s * SLOT_WORDS + 1] = child;
    chain[parent * 2 + 1] = chain[parent * 2 + 1]! | (1 << signatureBit(unit));
  }
  const renumberedFirst = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (first[c] !== 0) renumberedFirst[c] = renumbered[first[c]!]!;
  return { first: renumberedFirst, payloads, chain, slots, mask };
}

const WORD = 1;
const BLOCKED = 2;

/** Bits of a table by `pairSlot` (domain-typo's pairs of a text), as a power of two. */
const PAIR_BITS = 17;
/** Words of a table by `pairSlot`. */
export const PAIR_WORDS = (1 << PAIR_BITS) >>> 5;

/** Words of `tripleBits`: 256 lines of 512 bits. */
const TRIPLE_WORDS = (256 * 512) >>> 5;

/**
 * The bit of a (first, second, third) unit triple in `tripleBits` (written out in
 * `collectAutomatonHits`): the line by the first two units, the bit in it by all three.
 */
function tripleSlot(first: number, second: number, third: number): number {
  return (((Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x27d4eb2f)) >>> 24) << 9) | ((Math.imul(first, 0x2545f491) ^ Math.imul(second, 0x9e3779b1) ^ Math.imul(third, 0x165667b1)) >>> 23);
}

/** The bit of a (first, second) unit pair in a table of `PAIR_WORDS` words. */
export function pairSlot(first: number, second: number): number {
  return unitPairBit(first, second, PAIR_BITS);
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
  private readonly tripleBits = new Uint32Array(TRIPLE_WORDS);
  /** Some word or blocked word has fewer than three units (then every triple bit is set). */
  private short = false;
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
    if (word.length < 3) this.short = true;
    if (this.flags[node] === BLOCKED) return;
    this.flags[node] = WORD;
    this.payloads[node] = payload;
  }

  /** Adds a blocked word: matched, consumed, never reported. */
  block(word: string): void {
    if (word.length === 0) return;
    const node = this.walk(word, -1, 0);
    if (word.length < 3) this.short = true;
    this.flags[node] = BLOCKED;
    this.payloads[node] = undefined;
  }

  /** The finished automaton (the builder is not to be used after). */
  build(): Automaton<T> {
    if (this.nodes > MAX_AUTOMATON_NODES) throw new Error(`AutomatonBuilder: ${this.nodes} nodes, at most ${MAX_AUTOMATON_NODES} fit the edge keys`);
    const { firstBits, tripleBits } = this;
    if (this.short) tripleBits.fill(-1);
    return { firstBits, tripleBits, ...laidOut(this.first, this.edges, this.flags, this.payloads, this.nodes) };
  }

  private walk(word: string, at: number, replacement: number): number {
    let node = 0;
    let firstUnit = 0;
    let secondUnit = 0;
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
          if (i === 2) {
            const bit = tripleSlot(firstUnit, secondUnit, unit);
            this.tripleBits[bit >>> 5] = this.tripleBits[bit >>> 5]! | (1 << (bit & 31));
          }
        }
      }
      if (i === 1) secondUnit = unit;
      node = next;
    }
    return node;
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

/**
 * The binary form's first word ("FZTA" read little-endian) and its layout version (8: no
 * per-node flags byte after the edge table, `chain` carries them; 9: `tripleBits` in
 * place of the pair bits; 10: no one-unit and second-unit bits, which the scan no longer reads).
 */
const MAGIC = 0x41545a46;
const AUTOMATON_FORMAT = 10;
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
  const nodes = a.chain.length >>> 1;
  const size = a.mask + 1;
  const payloads = new Int32Array(nodes);
  for (let n = 0; n < nodes; n++) payloads[n] = a.payloads[n] ?? -1;
  // `first` as its ~190 (unit, node) pairs, not 128 KB mostly of zeros; `firstBits` follows from them.
  const first = sparseUnitTable(a.first);
  const parts: ArrayBufferView[] = [
    new Int32Array([MAGIC, AUTOMATON_FORMAT, ...key, nodes, a.mask, first.units.length]),
    first.units,
    first.values,
    a.tripleBits,
    payloads,
    a.chain,
    a.slots.subarray(0, size * SLOT_WORDS),
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
  if (header[0] !== MAGIC || header[1] !== AUTOMATON_FORMAT) return undefined;
  for (let k = 0; k < KEY_WORDS; k++) if (header[2 + k] !== key[k]) return undefined;
  const nodes = header[2 + KEY_WORDS]!;
  const mask = header[3 + KEY_WORDS]!;
  const firstPairs = header[4 + KEY_WORDS]!;
  const size = mask + 1;
  const expected = HEADER_BYTES + (2 * firstPairs + TRIPLE_WORDS + 3 * nodes + SLOT_WORDS * size) * 4;
  if (bytes.byteLength !== expected) return undefined;
  const views = new TypedViewCursor(buffer, byteOffset + HEADER_BYTES);
  const firstTable = unitTableOf(views.int32(firstPairs), views.int32(firstPairs));
  if (!firstTable) return undefined;
  const first = firstTable.table;
  const firstBits = firstTable.bits;
  const tripleBits = views.uint32(TRIPLE_WORDS);
  const payloads = views.int32(nodes);
  const chain = views.int32(2 * nodes);
  const slots = views.int32(SLOT_WORDS * size);
  // A walk reads chain[node + 1] where CHAIN_NEXT is set: never past the last node.
  if (nodes === 0 || (chain[2 * (nodes - 1)]! & CHAIN_NEXT) !== 0) return undefined;
  // Kept as read (-1 for none): turning 22,000 of them into an array of numbers and undefined was 2–3 ms.
  return { first, firstBits, tripleBits, payloads, chain, slots, mask };
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
 * The length of the longest word (blocked ones too): a scan step at i reads no unit past
 * i + depth. Nodes are numbered depth first, so a parent's id is below its children's.
 */
export function automatonDepth<T>(a: Automaton<T>): number {
  const { first, chain, slots } = a;
  const nodes = chain.length / 2;
  const parent = new Int32Array(nodes).fill(-1);
  for (let c = 0; c < first.length; c++) if (first[c] !== 0) parent[first[c]!] = 0;
  for (let node = 1; node + 1 < nodes; node++) if ((chain[node * 2]! & CHAIN_NEXT) !== 0) parent[node + 1] = node;
  for (let o = 0; o < slots.length; o += SLOT_WORDS) if (slots[o] !== 0) parent[slots[o + 1]!] = (slots[o]! >>> 16) - 1;
  const depth = new Int32Array(nodes);
  let deepest = 1;
  for (let node = 1; node < nodes; node++) {
    const p = parent[node]!;
    if (p < 0) continue;
    if (p >= node) throw new Error('automaton not numbered depth first');
    depth[node] = depth[p]! + 1;
    if (depth[node]! > deepest) deepest = depth[node]!;
  }
  return deepest;
}

/** Whether a node `collectAutomatonHits` appended ends a word, not a blocked word. */
export function isWordNode<T>(a: Automaton<T>, node: number): boolean {
  return a.chain[node * 2]! >>> CHAIN_FLAGS_SHIFT === WORD;
}

/** The end and node of the match `nextAutomatonHit` last returned. */
let hitEnd = 0;
let hitNode = 0;

/**
 * Appends start, end and node of every leftmost-longest word of `text` between `from`
 * and `to` to `hits` (the payload is `a.payloads[node]`). The scan calls nothing: a
 * callback made per document (a closure) made its optimised code, specialised to the
 * first closure it met, deoptimise at the next document's ("wrong call target").
 * With `blocked`, the blocked words' matches are appended too (every stretch the scan
 * consumed: a scan resumed after an edit needs them, see `isWordNode`).
 */
export function collectAutomatonHits<T>(a: Automaton<T>, text: string, from: number, to: number, hits: number[], blocked = false): void {
  for (let i = nextAutomatonHit(a, text, from, to); i >= 0; i = nextAutomatonHit(a, text, hitEnd, to)) {
    if (blocked || a.chain[hitNode * 2]! >>> CHAIN_FLAGS_SHIFT === WORD) hits.push(i, hitEnd, hitNode);
  }
}

/**
 * The start of the first leftmost-longest word or blocked word of `text` at or after
 * `from` and before `to`, its end and node left in `hitEnd` and `hitNode`; -1 for none.
 * The scan's hot loop, apart from what is done with a match: most reports have none, so
 * a match's code (a push, a flag test) had never run when V8 optimised the loop, and its
 * optimised code was thrown away at the first report with one ("insufficient type
 * feedback", ~200 reports into the bench corpus) and compiled twice more. A match here
 * runs no operation the common path has not run: only moves, two module stores and the
 * return.
 */
function nextAutomatonHit<T>(a: Automaton<T>, text: string, from: number, to: number): number {
  const { first, firstBits, tripleBits, chain, slots, mask } = a;
  let i = from;
  // The units at i, i + 1 and i + 2 (0 past `to`), carried from step to step: each step reads one unit.
  let c = i < to ? text.charCodeAt(i) : 0;
  let d = i + 1 < to ? text.charCodeAt(i + 1) : 0;
  while (i < to) {
    const e = i + 2 < to ? text.charCodeAt(i + 2) : 0;
    // A word starts here only if some word starts with c and the triple c, d, e begins one (every
    // triple bit is set when some word is shorter than three units: then past `to` too). Both bits
    // read and tested at once: a test of the first unit alone, then of the rest, took a branch that
    // went either way at random on report text (29 % of its units start some word), and the scan ran
    // ~20 % longer (paired, in one process). (tripleSlot written out: the CLI runs without TurboFan's
    // inlining; `>>> c` shifts by c & 31.)
    const triple = (((Math.imul(c, 0x9e3779b1) ^ Math.imul(d, 0x27d4eb2f)) >>> 24) << 9) | ((Math.imul(c, 0x2545f491) ^ Math.imul(d, 0x9e3779b1) ^ Math.imul(e, 0x165667b1)) >>> 23);
    if (((firstBits[c >>> 5]! >>> c) & (tripleBits[triple >>> 5]! >>> triple) & 1) === 0) {
      i++;
      c = d;
      d = e;
      continue;
    }
    let node = first[c]!;
    let word = chain[node * 2]!;
    let j = i + 1;
    // A word ends at node (1 << CHAIN_FLAGS_SHIFT; literals: the bundle keeps module constants as loads).
    let best = word >= 0x40000 ? node : 0;
    let bestEnd = j; // read only where best is not 0
    while (j < to) {
      const unit = text.charCodeAt(j);
      let child = 0;
      if ((word & 0x1ffff) === (0x10000 | unit)) { // CHAIN_NEXT and the unit
        // The child numbered next: its word is beside this one, mostly in the same cache line.
        child = node + 1;
      } else if ((word & 0x20000) !== 0 && (chain[node * 2 + 1]! & (1 << (Math.imul(unit, 0x9e3779b1) >>> 27))) !== 0) {
        // CHAIN_MORE, and the unit's signature bit (signatureBit written out) is among its children's.
        // The edge look-up, written out (slotOf and edgeKey): the CLI runs without TurboFan's inlining.
        const key = ((node + 1) << 16) | unit;
        for (let s = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask; ; s = (s + 1) & mask) {
          const o = s * 2; // SLOT_WORDS
          const k = slots[o]!;
          if (k === 0) break;
          if (k === key) {
            child = slots[o + 1]!;
            break;
          }
        }
      }
      if (child === 0) break;
      node = child;
      word = chain[node * 2]!;
      j++;
      // Moves only (no j + 1 here): this runs at a match, rare enough that V8 may optimise before it first runs.
      if (word >= 0x40000) {
        best = node;
        bestEnd = j;
      }
    }
    if (best === 0) {
      i++;
      c = d;
      d = e;
      continue;
    }
    hitEnd = bestEnd;
    hitNode = best;
    return i;
  }
  return -1;
}
