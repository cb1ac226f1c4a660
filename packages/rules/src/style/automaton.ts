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

/** A compiled word list. */
export interface Automaton<T> {
  /** Node id of the root's child for each UTF-16 unit, 0 for none. */
  readonly first: Int32Array;
  /** Bit per unit: some word starts with it (8 KB, stays in the fastest cache while the scan visits every character). */
  readonly firstBits: Uint32Array;
  /** Bit per unit: it is the second of some word — most walks end there without an edge look-up. */
  readonly secondBits: Uint32Array;
  /**
   * Bit per hashed pair of first and second units of some word (128 KB): a position whose
   * pair is not set starts no word of two or more units, whatever else shares its first unit.
   * Hash collisions only let a walk happen that finds nothing; a set bit is never missed.
   */
  readonly pairBits: Uint32Array;
  /** Per node: the payload of the word ending there (undefined for none or a blocked word). */
  readonly payloads: ReadonlyArray<T | undefined>;
  /** Per node: 1 when a word ends here, 2 when a blocked word ends here. */
  readonly flags: Uint8Array;
  readonly slotParent: Int32Array;
  readonly slotUnit: Uint16Array;
  readonly slotChild: Int32Array;
  readonly mask: number;
}

const WORD = 1;
const BLOCKED = 2;

/** The bit of a (first, second) unit pair in `pairBits` (20 bits). */
export function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x27d4eb2f)) >>> 12;
}

function slotOf(parent: number, unit: number, mask: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;
}

/** Compiles words with their payloads, and blocked words (consumed, never reported). */
export function compileAutomaton<T>(words: Iterable<readonly [string, T]>, blocked: Iterable<string> = []): Automaton<T> {
  // One map of edges keyed by parent × 65536 + unit (a map per node cost ~50 ms for 10,000 words), then flatten.
  const edges = new Map<number, number>();
  const payloadList: Array<T | undefined> = [undefined];
  const flagList: number[] = [0];
  const insert = (word: string): number => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * 0x10000 + word.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = payloadList.length;
        payloadList.push(undefined);
        flagList.push(0);
        edges.set(key, next);
      }
      node = next;
    }
    return node;
  };
  for (const [word, payload] of words) {
    if (!word) continue;
    const node = insert(word);
    if (flagList[node] === BLOCKED) continue;
    flagList[node] = WORD;
    payloadList[node] = payload;
  }
  for (const word of blocked) {
    if (!word) continue;
    const node = insert(word);
    flagList[node] = BLOCKED;
    payloadList[node] = undefined;
  }
  let size = 16;
  while (size < edges.size * 2) size *= 2;
  const mask = size - 1;
  const slotParent = new Int32Array(size);
  const slotUnit = new Uint16Array(size);
  const slotChild = new Int32Array(size);
  const first = new Int32Array(0x10000);
  const firstBits = new Uint32Array(0x800);
  const secondBits = new Uint32Array(0x800);
  const pairBits = new Uint32Array(0x8000);
  const depthOne = new Set<number>();
  // Depth-one nodes with the unit that leads to them, for the pair bits of their edges.
  const firstUnitOf = new Map<number, number>();
  for (const [key, child] of edges) {
    if (key < 0x10000) {
      depthOne.add(child);
      firstUnitOf.set(child, key);
    }
  }
  for (const [key, child] of edges) {
    const id = Math.floor(key / 0x10000);
    const unit = key % 0x10000;
    if (id === 0) {
      first[unit] = child;
      firstBits[unit >>> 5] = firstBits[unit >>> 5]! | (1 << (unit & 31));
    }
    if (depthOne.has(id)) secondBits[unit >>> 5] = secondBits[unit >>> 5]! | (1 << (unit & 31));
    if (firstUnitOf.has(id)) {
      const bit = pairSlot(firstUnitOf.get(id)!, unit);
      pairBits[bit >>> 5] = pairBits[bit >>> 5]! | (1 << (bit & 31));
    }
    let s = slotOf(id, unit, mask);
    while (slotParent[s] !== 0) s = (s + 1) & mask;
    slotParent[s] = id + 1;
    slotUnit[s] = unit;
    slotChild[s] = child;
  }
  return { first, firstBits, secondBits, pairBits, payloads: payloadList, flags: Uint8Array.from(flagList), slotParent, slotUnit, slotChild, mask };
}

/**
 * Calls `found` for every leftmost-longest word of `text` between `from` and `to`
 * (blocked words consume their text silently).
 */
export function scanAutomaton<T>(a: Automaton<T>, text: string, from: number, to: number, found: (start: number, end: number, payload: T) => void): void {
  const { first, firstBits, secondBits, pairBits, flags, slotParent, slotUnit, slotChild, mask } = a;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // No word starts here: the common case, answered from an 8 KB bit set.
    if ((firstBits[c >>> 5]! & (1 << (c & 31))) === 0) {
      i++;
      continue;
    }
    let node = first[c]!;
    // No word goes on with the next character (and no one-character word ends here).
    if (flags[node] === 0) {
      const d = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (d < 0 || (secondBits[d >>> 5]! & (1 << (d & 31))) === 0) {
        i++;
        continue;
      }
      // Both units start words, but no word starts with the two together (营商 + 环竟 vs 营 + 业): the pair bit says so.
      const bit = pairSlot(c, d);
      if ((pairBits[bit >>> 5]! & (1 << (bit & 31))) === 0) {
        i++;
        continue;
      }
    }
    let best = flags[node] !== 0 ? node : 0;
    let bestEnd = best !== 0 ? i + 1 : -1;
    // The edge look-up of childOf, written out: this loop runs at every character that starts a word.
    for (let j = i + 1; j < to; j++) {
      const unit = text.charCodeAt(j);
      const key = node + 1;
      let child = 0;
      for (let s = (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask; ; s = (s + 1) & mask) {
        const p = slotParent[s]!;
        if (p === 0) break;
        if (p === key && slotUnit[s] === unit) {
          child = slotChild[s]!;
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
    if (flags[best] === WORD) found(i, bestEnd, a.payloads[best]!);
    i = bestEnd;
  }
}
